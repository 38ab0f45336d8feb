"""How coding improves with reviews: a learning curve per candidate learner, leave-one-set-out.

    python benchmarks/learning_curve.py [--labels ../shared/dev-corpus/gold.jsonl] [--seeds 3]
        [--sizes 25,50,100,200,400] [--candidates trained,adapter,neighbours,calibrated]

For each set held out in turn, a simulated reviewer reviews N paragraphs drawn
at random (seeded) from the other sets; each candidate learns from those and
codes the held-out set. Figures are paragraph micro/macro-F1 and document
micro-F1, the median over seeds, per held-out set and pooled (every set's
paragraphs coded by the model that never saw that set). A size larger than
the other sets hold is capped at all of their paragraphs (the row says how many).

Candidates:
- trained: today's trained coder (pipeline/coding/trained.py), logistic
  regression on the embedding and the out-of-the-box coder's scores, blended
  with the out-of-the-box coder;
- adapter: SetFit's contrastive objective (pairs from the reviews, target the
  overlap of their codes) with MiniLM frozen and a linear map learned on its
  embeddings (pipeline/coding/contrastive.py), then the same head; tuning the
  whole sentence model costs minutes per fit on this CPU (see --full-setfit);
- neighbours: the reviewed paragraphs nearest in embedding space vote, blended
  with the out-of-the-box coder as a prior that fades as reviews accumulate;
- calibrated: the trained coder with per-code thresholds chosen on inner
  five-fold cross-validation of the reviews.

Gold labels are read directly (pipeline/coding/labels.py: personal data
markup replaced by placeholders), not through `als run`; see
benchmarks/labelled_corpus.py for the check against the pipeline.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from labelled_corpus import (CachedEmbedder, Corpus, MemoCombinedCoder, document_micro_f1,  # noqa: E402
                             load_corpus, paragraph_f1, warm)

from pipeline.coding.base import best_thresholds  # noqa: E402
from pipeline.coding.codebook import load_codebook  # noqa: E402
from pipeline.coding.contrastive import AdaptedEmbedder, ContrastiveAdapter, TunedEmbedder  # noqa: E402
from pipeline.coding.trained import TrainedCoder  # noqa: E402
from pipeline.config import FineTuneConfig  # noqa: E402

DEFAULT_LABELS = Path(__file__).resolve().parents[2] / "shared" / "dev-corpus" / "gold.jsonl"
NEIGHBOURS, NEIGHBOUR_TEMPERATURE, PRIOR_REVIEWS = 10, 0.05, 50
NEIGHBOUR_THRESHOLD = 0.4
INNER_FOLDS = 5

Learner = Callable[["Bench", np.ndarray, np.ndarray, int], np.ndarray]


class Bench:
    """The corpus, its embeddings and the out-of-the-box coder, shared by every candidate."""

    def __init__(self, labels: Path) -> None:
        self.codebook = load_codebook()
        self.embedder = CachedEmbedder()
        self.corpus: Corpus = load_corpus(labels, self.codebook.code_ids)
        self.base = MemoCombinedCoder(self.codebook, self.embedder)
        warm(self.embedder, self.corpus, self.base)
        self.vectors = self.embedder.encode([u.text for u in self.corpus.units])
        self.base_scores = self.base.score(self.corpus.units)

    def units(self, index: np.ndarray):
        return [self.corpus.units[i] for i in index]


def out_of_the_box(bench: Bench, train: np.ndarray, test: np.ndarray, seed: int) -> np.ndarray:
    return bench.base_scores[test] >= bench.base.thresholds


def trained(bench: Bench, train: np.ndarray, test: np.ndarray, seed: int) -> np.ndarray:
    coder = TrainedCoder(bench.codebook, bench.embedder, bench.base)
    return coder.fit(bench.units(train), bench.corpus.gold[train]).predict(bench.units(test))


def adapter(bench: Bench, train: np.ndarray, test: np.ndarray, seed: int) -> np.ndarray:
    fitted = ContrastiveAdapter(FineTuneConfig(seed=seed)).fit(bench.vectors[train], bench.corpus.gold[train])
    coder = TrainedCoder(bench.codebook, AdaptedEmbedder(bench.embedder, fitted), bench.base)
    return coder.fit(bench.units(train), bench.corpus.gold[train]).predict(bench.units(test))


def full_setfit(bench: Bench, train: np.ndarray, test: np.ndarray, seed: int) -> np.ndarray:
    """SetFit proper: the whole MiniLM tuned on pairs (capped low: each batch costs seconds here)."""
    tuned = TunedEmbedder(bench.embedder, FineTuneConfig(seed=seed, max_pairs=320))
    tuned.fit([bench.corpus.units[i].text for i in train], bench.corpus.gold[train])
    coder = TrainedCoder(bench.codebook, tuned, bench.base)
    return coder.fit(bench.units(train), bench.corpus.gold[train]).predict(bench.units(test))


def neighbours(bench: Bench, train: np.ndarray, test: np.ndarray, seed: int) -> np.ndarray:
    similarity = bench.vectors[test] @ bench.vectors[train].T
    votes = np.zeros((len(test), bench.corpus.gold.shape[1]))
    for row, sims in enumerate(similarity):
        nearest = np.argsort(-sims)[:NEIGHBOURS]
        weights = np.exp((sims[nearest] - sims[nearest].max()) / NEIGHBOUR_TEMPERATURE)
        votes[row] = weights @ bench.corpus.gold[train][nearest] / weights.sum()
    share = len(train) / (len(train) + PRIOR_REVIEWS)  # the prior counts as PRIOR_REVIEWS reviews
    scores = (1 - share) * bench.base_scores[test] + share * votes
    # Votes are shares of neighbours, rarely above one half: a lower threshold, and every paragraph
    # keeps its best code (almost every reviewed paragraph carries one).
    best = scores.argmax(axis=1)
    predicted = scores >= NEIGHBOUR_THRESHOLD
    predicted[np.arange(len(test)), best] = True
    return predicted


def calibrated(bench: Bench, train: np.ndarray, test: np.ndarray, seed: int) -> np.ndarray:
    gold = bench.corpus.gold[train]
    folds = np.random.default_rng(seed).permutation(len(train)) % INNER_FOLDS
    out_of_fold = np.zeros(gold.shape)
    for fold in range(INNER_FOLDS):
        inner = TrainedCoder(bench.codebook, bench.embedder, bench.base)
        inner.fit(bench.units(train[folds != fold]), gold[folds != fold])
        out_of_fold[folds == fold] = inner.score(bench.units(train[folds == fold]))
    coder = TrainedCoder(bench.codebook, bench.embedder, bench.base).fit(bench.units(train), gold)
    thresholds = best_thresholds(out_of_fold, gold, np.full(gold.shape[1], 0.5), min_positives=3)
    return coder.score(bench.units(test)) >= thresholds


CANDIDATES: dict[str, Learner] = {"out_of_the_box": out_of_the_box, "trained": trained, "adapter": adapter,
                                  "neighbours": neighbours, "calibrated": calibrated, "full_setfit": full_setfit}


def figures(predicted: np.ndarray, gold: np.ndarray, docs: np.ndarray) -> tuple[float, float, float]:
    micro, macro = paragraph_f1(predicted, gold)
    return micro, macro, document_micro_f1(predicted, gold, docs)


def curve(bench: Bench, name: str, sizes: list[int], seeds: int) -> list[dict]:
    corpus, learner = bench.corpus, CANDIDATES[name]
    rows = []
    for size in sizes:
        runs: dict[str, list[tuple[float, float, float]]] = {}
        reviewed: dict[str, int] = {}
        started = time.perf_counter()
        for seed in range(seeds if name != "out_of_the_box" else 1):
            pooled = np.zeros(corpus.gold.shape, dtype=bool)
            for held_out in corpus.sets:
                test = np.flatnonzero(corpus.groups == held_out)
                pool = np.flatnonzero(corpus.groups != held_out)
                # A reviewer's order: random paragraphs of the other sets, the seed fixing which.
                train = np.random.default_rng([seed, size]).permutation(pool)[:size]
                reviewed[held_out] = len(train)
                pooled[test] = learner(bench, train, test, seed)
                runs.setdefault(held_out, []).append(
                    figures(pooled[test], corpus.gold[test], corpus.docs[test]))
            runs.setdefault("pooled", []).append(figures(pooled, corpus.gold, corpus.docs))
        seconds = (time.perf_counter() - started) / max(1, len(runs["pooled"]))
        for where, values in runs.items():
            medians = [statistics.median(v[k] for v in values) for k in range(3)]
            rows.append({"candidate": name, "size": size, "held_out": where, "seeds": len(values),
                         "reviewed": reviewed.get(where, round(np.mean(list(reviewed.values())))),
                         "micro": medians[0], "macro": medians[1], "document": medians[2], "seconds": seconds})
        print(f"  {name} {size}: pooled micro {rows[-1]['micro']:.3f} ({seconds:.0f} s per seed)",
              file=sys.stderr, flush=True)
    return rows


def print_table(rows: list[dict]) -> None:
    print(f"{'held out':10} {'candidate':15} {'N':>4} {'used':>5} {'seeds':>5} "
          f"{'micro':>6} {'macro':>6} {'doc':>6}")
    for where in sorted({r["held_out"] for r in rows}, key=lambda w: (w == "pooled", w)):
        for row in (r for r in rows if r["held_out"] == where):
            print(f"{where:10} {row['candidate']:15} {row['size']:>4} {row['reviewed']:>5} {row['seeds']:>5} "
                  f"{row['micro']:6.3f} {row['macro']:6.3f} {row['document']:6.3f}")
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--sizes", default="25,50,100,200,400")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--candidates", default="out_of_the_box,trained,adapter,neighbours,calibrated",
                        help=f"comma-separated, of {', '.join(CANDIDATES)}")
    args = parser.parse_args()
    bench = Bench(args.labels)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for name in args.candidates.split(","):
        rows += curve(bench, name, sizes if name != "out_of_the_box" else [0], args.seeds)
    print_table(rows)


if __name__ == "__main__":
    main()
