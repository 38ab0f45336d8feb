"""How the sentence model's forward pass runs: one small file per backend behind `EncoderBackend`.

`torch` runs the installed sentence-transformers model as it is. `onnx` runs the
same weights through ONNX Runtime (about 1.3x faster on 2 CPU cores once fused, same vectors to
within 1e-5 cosine); its graph is exported from the installed model on first
use and checked against it before it is trusted. `auto` picks onnx when
ONNX Runtime is installed and the model is one it can export, else torch. A run on
a graph checked before loads neither PyTorch nor sentence-transformers.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from pipeline.embedding_backends.base import BackendUnavailable, EncoderBackend

BACKENDS = ("auto", "onnx", "torch")

__all__ = ["BACKENDS", "BackendUnavailable", "EncoderBackend", "build_backend"]


def build_backend(name: str, load_model: Callable[[], Any], model_dir: Path, cache_dir: str = "") -> EncoderBackend:
    """The backend called `name` for the model in `model_dir`; `load_model()` gives it as a
    SentenceTransformer, and is called only by a backend that needs it (torch, or an ONNX export)."""
    from pipeline.embedding_backends.torch_backend import TorchBackend

    if name not in BACKENDS:
        raise BackendUnavailable(f"embedding backend '{name}' is not one of {', '.join(BACKENDS)}")
    if name == "torch":
        return TorchBackend(load_model())
    from pipeline.embedding_backends.onnx_backend import OnnxBackend

    try:
        return OnnxBackend(model_dir, load_model, cache_dir)
    except BackendUnavailable:
        if name == "onnx":
            raise
        return TorchBackend(load_model())  # auto: the same vectors, only slower
