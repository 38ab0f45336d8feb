"""Ways to run the same sentence model faster, each with the coding F1 it gives, side by side in one run.
    python benchmarks/bench_embedding.py [--labels ../shared/dev-corpus/gold.jsonl] [--repeat 3]

The options keep all-MiniLM-L6-v2 and change how it runs: PyTorch or ONNX Runtime
(pipeline/embedding_backends), the ONNX graph as exported or fused by ONNX Runtime's
transformer optimiser, the batch size, int8 dynamic quantisation (PyTorch's and ONNX
Runtime's) and coding from paragraph vectors alone (no sentence vectors).
The texts are what coding encodes for the development corpus' gold paragraphs: each
paragraph and each of its sentences of four or more words. Each repeat times every
option once, in turn, with its cache cleared, so load on the machine falls on all
alike; the medians print. Then, per option, the cosine of its vectors to the
reference's (PyTorch, batch 32: the old default), and coding F1 with those vectors:
the out-of-the-box combined coder, and the trained coder cross-validated by set
(fitted on three sets, scored on the fourth). An option is kept only if F1 drops
by less than 0.005 (issue 19).
"""
from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.coding.base import sentences  # noqa: E402
from pipeline.coding.codebook import load_codebook  # noqa: E402
from pipeline.coding.combined import CombinedCoder  # noqa: E402
from pipeline.coding.embedding import EmbeddingCoder  # noqa: E402
from pipeline.coding.evaluate import agreement, cross_validate, label_matrix, units_of  # noqa: E402
from pipeline.coding.labels import read_labels  # noqa: E402
from pipeline.coding.rules import RuleCoder  # noqa: E402
from pipeline.coding.trained import TrainedCoder  # noqa: E402
from pipeline.embedding_backends.torch_backend import TorchBackend  # noqa: E402
from pipeline.embeddings import Embedder  # noqa: E402


def torch_int8(base: Embedder) -> Embedder:
    import torch

    embedder = copy.copy(base)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantised = torch.ao.quantization.quantize_dynamic(copy.deepcopy(base.model), {torch.nn.Linear},
                                                           dtype=torch.qint8)
    embedder.backend, embedder._cache = TorchBackend(quantised), {}
    return embedder


def onnx_int8(base: Embedder) -> Embedder:
    """`base`'s graph with int8 weights (its graph file: ask for the unfused one)."""
    import onnxruntime
    from onnxruntime.quantization import QuantType, quantize_dynamic

    target = Path(tempfile.mkdtemp()) / "int8.onnx"
    quantize_dynamic(str(base.backend.graph_file), str(target), weight_type=QuantType.QInt8)
    embedder = copy.copy(base)
    embedder.backend = copy.copy(base.backend)
    embedder.backend.session = onnxruntime.InferenceSession(str(target), providers=["CPUExecutionProvider"])
    embedder._cache = {}
    return embedder


def onnx_unfused(base: Embedder) -> Embedder:
    """The graph exported as the model loads (sdpa attention) and not fused: the ONNX path before."""
    import onnxruntime

    from pipeline.embedding_backends.onnx_backend import _export

    target = Path(tempfile.mkdtemp()) / "unfused.onnx"
    _export(base.model, target, fused=False)
    embedder = copy.copy(base)
    embedder.backend = copy.copy(base.backend)
    embedder.backend.graph_file = target
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = base.backend.session.get_session_options().intra_op_num_threads
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    embedder.backend.session = onnxruntime.InferenceSession(str(target), options, providers=["CPUExecutionProvider"])
    embedder._cache = {}
    return embedder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=Path("../shared/dev-corpus/gold.jsonl"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--speed-only", action="store_true", help="time the options; skip the F1 columns")
    parser.add_argument("--only", nargs="+", default=[], metavar="WORD",
                        help="the options whose label holds one of these words (the reference always runs)")
    args = parser.parse_args()
    codebook = load_codebook()
    paragraphs, _ = read_labels(args.labels)
    units, gold = units_of(paragraphs), label_matrix(paragraphs, codebook.code_ids)
    paragraph_texts = [u.text for u in units]
    all_texts = paragraph_texts + [s for t in paragraph_texts for s in sentences(t) if len(s.split()) >= 4]

    reference = Embedder(backend="torch", batch_size=32)
    onnx = Embedder(backend="onnx", batch_size=16)
    makers = {  # label -> (a maker of the embedder, sentence vectors too); made only when chosen
        "torch, batch 32 (before)": (lambda: reference, True),
        "torch, batch 16": (lambda: Embedder(backend="torch", batch_size=16), True),
        "torch int8 dynamic, batch 16": (lambda: torch_int8(Embedder(backend="torch", batch_size=16)), True),
        "onnx, batch 8": (lambda: Embedder(backend="onnx", batch_size=8), True),
        "onnx, batch 32": (lambda: Embedder(backend="onnx", batch_size=32), True),
        "onnx, batch 16 (default)": (lambda: onnx, True),
        # ONNX Runtime's quantiser reads the plain graph, not the fused one.
        "onnx int8 dynamic, batch 16": (lambda: onnx_int8(onnx_unfused(onnx)), True),
        "onnx unfused, paragraphs only": (lambda: onnx_unfused(onnx), False),
        "onnx fused, paragraphs only (now)": (lambda: onnx, False),
    }
    options = {label: (make(), per_sentence) for label, (make, per_sentence) in makers.items()
               if not args.only or "(before)" in label or any(word in label for word in args.only)}
    print(f"{len(paragraph_texts)} paragraphs, {len(all_texts)} texts with their sentences; "
          f"{args.repeat} interleaved repeats\n")
    seconds: dict[str, list[float]] = {label: [] for label in options}
    for _ in range(args.repeat):
        for label, (embedder, per_sentence) in options.items():
            texts = all_texts if per_sentence else paragraph_texts
            embedder._cache.clear()
            start = time.perf_counter()
            embedder.encode(texts)
            seconds[label].append(time.perf_counter() - start)
    reference._cache.clear()
    reference_vectors = reference.encode(all_texts)
    base_seconds = statistics.median(seconds["torch, batch 32 (before)"])
    print(f"{'option':34s} {'s':>6s} {'para/s':>7s} {'speed':>6s} {'min cos':>8s} "
          f"{'OOB micro':>9s} {'OOB macro':>9s} {'LOSO micro':>10s} {'LOSO macro':>10s}")
    baseline = None
    for label, (embedder, per_sentence) in options.items():
        if args.speed_only:
            median = statistics.median(seconds[label])
            print(f"{label:34s} {median:6.2f} {len(paragraph_texts) / median:7.1f} {base_seconds / median:5.2f}x  "
                  f"(each: {', '.join(f'{s:.2f}' for s in seconds[label])})")
            continue
        embedder._cache.clear()
        vectors = embedder.encode(all_texts)
        cosine = float((vectors * reference_vectors).sum(axis=1).min())
        combined = CombinedCoder(codebook, RuleCoder(codebook), EmbeddingCoder(codebook, embedder, per_sentence))
        oob = agreement(combined.predict(units), gold, codebook.code_ids)
        loso = agreement(cross_validate(paragraphs, codebook.code_ids,
                                        lambda: TrainedCoder(codebook, embedder, combined)), gold, codebook.code_ids)
        baseline = baseline or loso.micro_f1
        median = statistics.median(seconds[label])
        print(f"{label:34s} {median:6.2f} {len(paragraph_texts) / median:7.1f} {base_seconds / median:5.2f}x "
              f"{cosine:8.5f} {oob.micro_f1:9.4f} {oob.macro_f1:9.4f} {loso.micro_f1:10.4f} {loso.macro_f1:10.4f}"
              f"  (LOSO {loso.micro_f1 - baseline:+.4f})")


if __name__ == "__main__":
    main()
