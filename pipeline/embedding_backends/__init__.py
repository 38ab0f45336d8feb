"""How the sentence model's forward pass runs: one small file per backend behind `EncoderBackend`.

`torch` runs the installed sentence-transformers model as it is. `onnx` runs the
same weights through ONNX Runtime (about 1.15x faster on 2 CPU cores, same vectors to
within 1e-5 cosine); its graph is exported from the installed model on first
use and checked against it before it is trusted. `auto` picks onnx when
ONNX Runtime is installed and the model is one it can export, else torch.
"""
from __future__ import annotations

from pipeline.embedding_backends.base import BackendUnavailable, EncoderBackend

BACKENDS = ("auto", "onnx", "torch")

__all__ = ["BACKENDS", "BackendUnavailable", "EncoderBackend", "build_backend"]


def build_backend(name: str, model, model_dir, cache_dir: str = "") -> EncoderBackend:
    """The backend called `name` for a loaded SentenceTransformer `model` read from `model_dir`."""
    from pipeline.embedding_backends.torch_backend import TorchBackend

    if name not in BACKENDS:
        raise BackendUnavailable(f"embedding backend '{name}' is not one of {', '.join(BACKENDS)}")
    if name == "torch":
        return TorchBackend(model)
    from pipeline.embedding_backends.onnx_backend import OnnxBackend

    try:
        return OnnxBackend(model, model_dir, cache_dir)
    except BackendUnavailable:
        if name == "onnx":
            raise
        return TorchBackend(model)  # auto: the same vectors, only slower
