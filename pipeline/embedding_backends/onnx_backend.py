"""The installed sentence model's weights run by ONNX Runtime.

Why our own ~100 lines instead of sentence-transformers' `backend="onnx"`: that
path needs `optimum-onnx`, whose releases pin transformers < 4.58, and
sentence-transformers 6 needs transformers 5. The graph here is the model's
transformer with mean pooling and normalisation inside, exported once from the
installed weights with `torch.onnx.export` into a cache folder, named by a
digest of the weights, the export code's version and torch's, so a changed
model is exported again instead of trusted. Before a graph is used it must
give the PyTorch model's vectors on a few probe sentences (cosine >= 0.9999);
otherwise the backend is unavailable and `auto` falls back to PyTorch.
Tokenisation is sentence-transformers' own (`model.preprocess`), so truncation
and casing are exactly as in the PyTorch path.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import numpy as np

from pipeline.embedding_backends.base import BackendUnavailable, EncoderBackend

EXPORT_VERSION = "1"  # bump when the exported graph changes
MIN_PROBE_COSINE = 0.9999
# Fictional, generic sentences of different lengths: enough to see a wrong graph, no one's words.
PROBES = [
    "The group agreed to rotate the presenter role next month.",
    "Workload.",
    "We talked about how hard it is to give feedback when the assessor and the manager disagree, and "
    "the presenter said that having a clear framework from the start made the conversation easier.",
]
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "als-insight" / "onnx"


class OnnxBackend(EncoderBackend):
    name = "onnx"

    def __init__(self, model, model_dir: Path, cache_dir: str = "") -> None:
        try:
            import onnxruntime
        except ImportError:
            raise BackendUnavailable("onnxruntime is not installed") from None
        _check_exportable(model)
        self.model = model
        folder = Path(cache_dir).expanduser() if cache_dir else DEFAULT_CACHE
        self.graph = folder / f"{_fingerprint(model, Path(model_dir))}.onnx"
        if not self.graph.exists():
            _export(model, self.graph)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = os.cpu_count() or 1
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        try:
            self.session = onnxruntime.InferenceSession(str(self.graph), options,
                                                        providers=["CPUExecutionProvider"])
        except Exception as error:  # a damaged cache file: export again next time
            self.graph.unlink(missing_ok=True)
            raise BackendUnavailable(f"cannot load the ONNX graph ({type(error).__name__})") from None
        reference = model.encode(PROBES, normalize_embeddings=True, convert_to_numpy=True)
        cosine = float((self.encode(PROBES, batch_size=len(PROBES)) * reference).sum(axis=1).min())
        if cosine < MIN_PROBE_COSINE:
            self.graph.unlink(missing_ok=True)
            raise BackendUnavailable(f"the ONNX graph's vectors differ from the model's (cosine {cosine:.5f})")

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        out = np.zeros((len(texts), self.model.get_embedding_dimension()), dtype=np.float32)
        # Longest first, as sentence-transformers does: batches of like lengths pad least.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(order), batch_size):
            batch = order[start:start + batch_size]
            features = self.model.preprocess([texts[i] for i in batch])
            out[batch] = self.session.run(None, {
                "input_ids": features["input_ids"].numpy().astype(np.int64),
                "attention_mask": features["attention_mask"].numpy().astype(np.int64)})[0]
        return out


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


def _fingerprint(model, model_dir: Path) -> str:
    import torch

    digest = hashlib.sha256(f"{EXPORT_VERSION}|{torch.__version__}|{model.max_seq_length}".encode())
    for path in sorted(model_dir.rglob("*")):
        if path.is_file() and path.suffix in {".safetensors", ".bin", ".json", ".txt"}:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def _export(model, graph: Path) -> None:
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
    try:
        import warnings

        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(Pooled(model[0].auto_model.eval()),
                              (example["input_ids"], example["attention_mask"]), partial,
                              input_names=["input_ids", "attention_mask"], output_names=["embedding"],
                              dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                            "attention_mask": {0: "batch", 1: "tokens"},
                                            "embedding": {0: "batch"}},
                              opset_version=17, dynamo=False)
        os.replace(partial, graph)
    except Exception as error:
        Path(partial).unlink(missing_ok=True)
        raise BackendUnavailable(f"the ONNX export failed ({type(error).__name__}: {error})") from None
