"""The installed sentence model's weights run by ONNX Runtime.

Why our own ~100 lines instead of sentence-transformers' `backend="onnx"`: that
path needs `optimum-onnx`, whose releases pin transformers < 4.58, and
sentence-transformers 6 needs transformers 5. The graph here is the model's
transformer with mean pooling and normalisation inside, exported once from the
installed weights with `torch.onnx.export` and fused by ONNX Runtime's transformer
optimiser into a cache folder, named by a
digest of the weights, the export code's version and torch's, so a changed
model is exported again instead of trusted.

The first time, the graph must give the PyTorch model's vectors on a few probe
sentences (cosine >= 0.9999), and the model's `tokenizer.json`, read by the
`tokenizers` library, must split them into the tokens sentence-transformers
makes; otherwise the backend is unavailable and `auto` falls back to PyTorch.
What that check measured is written beside the graph (`*.checked.json`: the
probes' vectors, the model's length and dimension; fictional sentences only).
Every later run loads only ONNX Runtime and the tokenizer, never PyTorch,
transformers or sentence-transformers (about 2 s and 250 MB), and still runs
the probes, which must give the recorded vectors; if they do not, the graph is
checked against the model again.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Callable

import numpy as np

from pipeline.embedding_backends.base import BackendUnavailable, EncoderBackend

EXPORT_VERSION = "3"  # bump when the exported graph or its check record changes
MIN_PROBE_COSINE = 0.9999
# Fictional, generic sentences of different lengths: enough to see a wrong graph, no one's words.
PROBES = [
    "The group agreed to rotate the presenter role next month.",
    "Workload.",
    "We talked about how hard it is to give feedback when the assessor and the manager disagree, and "
    "the presenter said that having a clear framework from the start made the conversation easier.",
]
PROBES.append(" ".join([PROBES[2]] * 8))  # longer than the model reads: truncation is checked too
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "als-insight" / "onnx"


class OnnxBackend(EncoderBackend):
    name = "onnx"

    def __init__(self, model_dir: Path, load_model: Callable[[], Any], cache_dir: str = "") -> None:
        """`load_model()` gives the SentenceTransformer; it is called only to export and check a graph."""
        try:
            import onnxruntime  # noqa: F401
            from tokenizers import Tokenizer  # noqa: F401 - transformers' own fast tokenizer library
        except ImportError as error:
            raise BackendUnavailable(f"{error.name} is not installed") from None
        model_dir = Path(model_dir)
        folder = Path(cache_dir).expanduser() if cache_dir else DEFAULT_CACHE
        self.graph = folder / f"{_fingerprint(model_dir)}.onnx"
        self.checked = self.graph.with_suffix(".checked.json")
        if self.graph.exists() and self.checked.exists():
            try:  # checked against the model before: its probe vectors say it still gives them
                self._open(model_dir, json.loads(self.checked.read_text(encoding="utf-8")))
                return
            except (BackendUnavailable, ValueError, KeyError):
                self.checked.unlink(missing_ok=True)  # check it against the model again, below
        model = load_model()
        _check_exportable(model)
        if not self.graph.exists():
            _export(model, self.graph)
        reference = model.encode(PROBES, normalize_embeddings=True, convert_to_numpy=True)
        record = {"probes": _probes_digest(), "max_seq_length": int(model.max_seq_length),
                  "dimension": int(model.get_embedding_dimension()), "vectors": reference.tolist()}
        self._open(model_dir, record)
        tokens = model.preprocess(PROBES)["input_ids"].numpy()
        if not np.array_equal(self._tokens(PROBES)[0], tokens):
            raise BackendUnavailable("the tokenizer file splits text otherwise than the model")
        _write_atomically(self.checked, json.dumps(record))

    def _open(self, model_dir: Path, record: dict) -> None:
        """The session and tokenizer, then the probes through both, which must give `record`'s vectors."""
        import onnxruntime
        from tokenizers import Tokenizer

        if record["probes"] != _probes_digest():
            raise BackendUnavailable("the probe sentences changed since the graph was checked")
        tokenizer_file = model_dir / "tokenizer.json"
        if not tokenizer_file.exists():
            raise BackendUnavailable(f"the model has no {tokenizer_file.name}")
        self.tokenizer = Tokenizer.from_file(str(tokenizer_file))
        # As sentence-transformers tokenises: truncated at the model's length, padded to the longest.
        self.tokenizer.enable_truncation(max_length=record["max_seq_length"])
        self.tokenizer.no_padding()
        self.dimension = record["dimension"]
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = os.cpu_count() or 1
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        try:
            self.session = onnxruntime.InferenceSession(str(self.graph), options,
                                                        providers=["CPUExecutionProvider"])
        except Exception as error:  # a damaged cache file: export again next time
            raise self._discarded(f"cannot load the ONNX graph ({type(error).__name__})") from None
        reference = np.asarray(record["vectors"], dtype=np.float32)
        cosine = float((self.encode(PROBES, batch_size=len(PROBES)) * reference).sum(axis=1).min())
        if cosine < MIN_PROBE_COSINE:
            raise self._discarded(f"the ONNX graph's vectors differ from the model's (cosine {cosine:.5f})")

    def _discarded(self, reason: str) -> BackendUnavailable:
        """Remove a graph that cannot be trusted, and its record, so that it is exported again."""
        self.graph.unlink(missing_ok=True)
        self.checked.unlink(missing_ok=True)
        return BackendUnavailable(reason)

    def _tokens(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        encodings = self.tokenizer.encode_batch(texts)
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), width), dtype=np.int64)  # 0 is [PAD], masked out below
        mask = np.zeros((len(texts), width), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            ids[row, :len(encoding.ids)] = encoding.ids
            mask[row, :len(encoding.ids)] = 1
        return ids, mask

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        # Longest first, as sentence-transformers does: batches of like lengths pad least.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(order), batch_size):
            batch = order[start:start + batch_size]
            ids, mask = self._tokens([texts[i] for i in batch])
            out[batch] = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        return out


def _probes_digest() -> str:
    return hashlib.sha256("\n".join(PROBES).encode()).hexdigest()[:16]


def _write_atomically(path: Path, text: str) -> None:
    handle, partial = tempfile.mkstemp(suffix=".partial", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(partial, path)


def _check_exportable(model) -> None:
    """Transformer -> mean pooling -> normalise is the graph `_export` writes; anything else stays on torch."""
    kinds = [type(module).__name__ for module in model]
    if kinds != ["Transformer", "Pooling", "Normalize"]:
        raise BackendUnavailable(f"the ONNX export handles Transformer, Pooling, Normalize models, not {kinds}")
    pooling = model[1].get_config_dict()
    # sentence-transformers 6 names the mode; older versions set one flag per mode.
    mode = pooling.get("pooling_mode") or ",".join(key for key, value in pooling.items()
                                                   if key.startswith("pooling_mode_") and value is True)
    if mode not in ("mean", "pooling_mode_mean_tokens"):
        raise BackendUnavailable(f"the ONNX export handles mean pooling only, not {mode or 'none'}")


def _fingerprint(model_dir: Path) -> str:
    """The weights, tokenizer and configuration files, the export code's version and torch's.

    Read without importing torch (seconds): a run on a checked graph never loads it."""
    try:
        torch_version = importlib.metadata.version("torch")
    except importlib.metadata.PackageNotFoundError:
        torch_version = "none"
    digest = hashlib.sha256(f"{EXPORT_VERSION}|{torch_version}".encode())
    for path in sorted(model_dir.rglob("*")):
        if path.is_file() and path.suffix in {".safetensors", ".bin", ".json", ".txt"}:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def _export(model, graph: Path, fused: bool = True) -> None:
    """The graph; `fused=False` exports the model as loaded, unfused (the graph before; benchmarks)."""
    try:
        import onnx  # noqa: F401 - torch.onnx.export writes through it
        import torch
    except ImportError:
        raise BackendUnavailable("onnx is not installed, so the graph cannot be exported") from None

    class Pooled(torch.nn.Module):
        def __init__(self, transformer) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask):
            hidden = self.transformer(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=-1)

    graph.parent.mkdir(parents=True, exist_ok=True)
    example = model.preprocess(PROBES[:2])
    # Written beside its final name, then renamed: a second process never reads half a graph.
    handle, partial = tempfile.mkstemp(suffix=".onnx.partial", dir=graph.parent)
    os.close(handle)
    transformer = model[0].auto_model.eval()
    attention = transformer.config._attn_implementation
    try:
        import warnings

        # Exported with plain ("eager") attention, whose ops ONNX Runtime's fuser recognises.
        if fused:
            transformer.set_attn_implementation("eager")
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(Pooled(transformer), (example["input_ids"], example["attention_mask"]), partial,
                              input_names=["input_ids", "attention_mask"], output_names=["embedding"],
                              dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                            "attention_mask": {0: "batch", 1: "tokens"},
                                            "embedding": {0: "batch"}},
                              opset_version=17, dynamo=False)
        if fused:
            _fuse(partial, transformer.config)
        os.replace(partial, graph)
    except Exception as error:
        Path(partial).unlink(missing_ok=True)
        raise BackendUnavailable(f"the ONNX export failed ({type(error).__name__}: {error})") from None
    finally:
        transformer.set_attn_implementation(attention)  # the PyTorch model stays as it was loaded


def _fuse(path: str, config) -> None:
    """ONNX Runtime's transformer optimiser, in place: attention, GELU and layer norms fused into
    single kernels (1.15x on 2 cores, vectors equal to cosine 0.999999; docs/scaling.md).
    BERT-family encoders only; another model keeps the plain graph."""
    if getattr(config, "model_type", "") != "bert":
        return
    from onnxruntime.transformers.optimizer import optimize_model

    fused = optimize_model(path, model_type="bert", num_heads=config.num_attention_heads,
                           hidden_size=config.hidden_size, opt_level=1)
    fused.save_model_to_file(path)
