"""The out-of-the-box coder's constants, chosen leave-one-set-out: never on the set being scored.

    python benchmarks/tune_defaults.py [--labels ../shared/dev-corpus/gold.jsonl]

The constants searched are the ones that combine the coders' parts (no
vocabulary): the embedding coder's standing scale (Z_AT_HALF, Z_SCALE), the
weight of rules against embeddings, the prompt hint multipliers, the implied
confidence and the threshold. For each set held out, the grid point with the best
paragraph micro-F1 on the other sets codes it; the table gives those figures
per held-out set and pooled, then the point best on all sets together (what
would ship) and today's constants for comparison.
"""
from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from labelled_corpus import CachedEmbedder, MemoCombinedCoder, document_micro_f1, load_corpus, paragraph_f1, warm  # noqa: E402

from pipeline.coding import combined, embedding, prompts  # noqa: E402
from pipeline.coding.base import texts_of  # noqa: E402
from pipeline.coding.codebook import load_codebook  # noqa: E402

DEFAULT_LABELS = Path(__file__).resolve().parents[2] / "shared" / "dev-corpus" / "gold.jsonl"
TODAY = {"z_at_half": embedding.Z_AT_HALF, "z_scale": embedding.Z_SCALE, "rule_share": 0.5,
         "hinted": prompts.HINTED_WEIGHT, "unhinted": prompts.UNHINTED_WEIGHT,
         "implied": combined.IMPLIED_CONFIDENCE, "threshold": 0.5}
GRID = {"z_at_half": [0.75, 1.0, 1.25], "z_scale": [2.0, 2.5, 3.0], "rule_share": [0.4, 0.5, 0.6],
        "hinted": [1.25, 1.5], "unhinted": [0.5, 0.7], "implied": [0.55], "threshold": [0.4, 0.45, 0.5]}


def scores(parts, sims: np.ndarray, point: dict) -> np.ndarray:
    """The combined coder's score (CombinedCoder.combine) under the constants of `point`."""
    spread = sims.std(axis=1, keepdims=True)
    z = (sims - sims.mean(axis=1, keepdims=True)) / np.where(spread > 0, spread, 1)
    standing = np.clip(0.5 + (z - point["z_at_half"]) / point["z_scale"], 0, 1)
    mixed = point["rule_share"] * parts.rules + (1 - point["rule_share"]) * standing
    any_hint = parts.hinted.any(axis=1, keepdims=True)
    weights = np.where(any_hint, np.where(parts.hinted == 1, point["hinted"], point["unhinted"]), 1.0)
    return np.maximum(np.clip(mixed * weights, 0, 1), point["implied"] * parts.implied)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    args = parser.parse_args()
    codebook = load_codebook()
    embedder = CachedEmbedder()
    corpus = load_corpus(args.labels, codebook.code_ids)
    coder = MemoCombinedCoder(codebook, embedder)
    warm(embedder, corpus, coder)
    parts = coder.parts(corpus.units)
    sims = coder.embedding.similarities(texts_of(corpus.units))
    assert np.allclose(scores(parts, sims, TODAY), coder.combine(parts)), "the replica must match the coder"
    points = [dict(zip(GRID, values)) for values in itertools.product(*GRID.values())]
    predicted = [scores(parts, sims, p) >= p["threshold"] for p in points]
    gold, groups, docs = corpus.gold, corpus.groups, corpus.docs

    def micro(k: int, rows: np.ndarray) -> float:
        return paragraph_f1(predicted[k][rows], gold[rows])[0]

    pooled = np.zeros(gold.shape, dtype=bool)
    print(f"{'held out':10} {'micro':>6} {'macro':>6} {'doc':>6}  {'today micro':>11}  chosen on the other sets")
    today = scores(parts, sims, TODAY) >= TODAY["threshold"]
    for held_out in corpus.sets:
        test = groups == held_out
        best = max(range(len(points)), key=lambda k: micro(k, ~test))
        pooled[test] = predicted[best][test]
        m, a = paragraph_f1(pooled[test], gold[test])
        print(f"{held_out:10} {m:6.3f} {a:6.3f} {document_micro_f1(pooled[test], gold[test], docs[test]):6.3f}  "
              f"{paragraph_f1(today[test], gold[test])[0]:11.3f}  {points[best]}")
    m, a = paragraph_f1(pooled, gold)
    t_m, t_a = paragraph_f1(today, gold)
    print(f"{'pooled':10} {m:6.3f} {a:6.3f} {document_micro_f1(pooled, gold, docs):6.3f}  {t_m:11.3f}")
    print(f"today's constants: micro {t_m:.3f} macro {t_a:.3f} document {document_micro_f1(today, gold, docs):.3f}")
    everywhere = max(range(len(points)), key=lambda k: micro(k, np.ones(len(gold), dtype=bool)))
    print(f"best on all four sets (in-sample, what would ship): {points[everywhere]}")


if __name__ == "__main__":
    main()
