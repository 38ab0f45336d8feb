"""Active review, simulated: which review order teaches the trained coder most per decision.

    python benchmarks/active_review.py [--labels ../shared/dev-corpus/gold.jsonl] [--per-round 25]
        [--rounds 12] [--random-seeds 3] [--reviewer accept-reject|adds-missing] [--rescore]

Leave-one-set-out on the labelled paragraphs: for each set, the other sets are the programme under
review and the set itself is scored. The programme starts as `als run` leaves it: the out-of-the-box
coder's suggestions stored on every paragraph. A simulated reviewer then decides, round by round,
`--per-round` suggestions from the review queue, answering from the gold labels (accept where the
gold paragraph carries the theme, reject where not); with `--reviewer adds-missing` the reviewer also
adds the gold themes no suggestion named on each paragraph they open (each add one more decision).
After each round the trained coder is refitted on the reviewed paragraphs, labelled as `als train
--db` labels them (pipeline.queries.review_queue.reviewed_paragraphs: a decision counts as made, an
undecided suggestion stays a positive), and scored on the held-out set (paragraph micro-F1).

The queue is `pipeline.queries.active_review.rank_candidates`, the function `als review export
--strategy` and the Review page use, on the same candidate columns. Two things differ from a
database: the coders that can disagree are the rules, the embedding coder and the current model
(a database stores the codebook coder's and the topics' suggestions); and by default the queue's
confidences stay those of the stored run, as in a database (`als train` does not recode stored
logs) -- `--rescore` ranks by the current model's scores instead, as if each round recoded them.

Prints micro-F1 after each round per strategy, per held-out set and pooled over the four (every
held-out paragraph scored by the model of its own fold). Random is the mean over `--random-seeds`
seeds (their range in brackets). Embeddings are cached in /tmp (--cache).
"""
from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.coding.base import sentences
from pipeline.coding.codebook import load_codebook
from pipeline.coding.combined import CombinedCoder
from pipeline.coding.embedding import EmbeddingCoder
from pipeline.coding.evaluate import label_matrix, units_of
from pipeline.coding.labels import read_labels
from pipeline.coding.rules import RuleCoder
from pipeline.coding.trained import TrainedCoder
from pipeline.embeddings import Embedder
from pipeline.queries.active_review import rank_candidates

STRATEGIES = ("uncertain", "disagree", "random")
MIN_TRAINING_PARAGRAPHS = 10  # as `als train` asks


def cached_embedder(texts: list[str], cache: Path) -> Embedder:
    """The embedder with every text the run needs already encoded, from `cache` when it holds them."""
    embedder = Embedder()
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    if cache.exists():
        stored = np.load(cache)
        embedder._cache.update({k: stored[k] for k in stored.files})
    missing = [t for k, t in zip(keys, texts) if k not in embedder._cache]
    if missing:
        embedder.encode(missing)
        np.savez(cache, **embedder._cache)
    return embedder


def micro_f1(predicted: np.ndarray, gold: np.ndarray) -> float:
    tp = float((predicted & gold).sum())
    return 2 * tp / (predicted.sum() + gold.sum()) if predicted.sum() + gold.sum() else 0.0


class Fold:
    """One held-out set: the pool under review, its stored suggestions, and the scored set."""

    def __init__(self, held_out: str, units, gold, groups, codebook, embedder, base: CombinedCoder) -> None:
        self.held_out, self.codebook, self.embedder, self.base = held_out, codebook, embedder, base
        pool, test = groups != held_out, groups == held_out
        self.pool_units = [u for u, keep in zip(units, pool) if keep]
        self.test_units = [u for u, keep in zip(units, test) if keep]
        self.pool_gold, self.test_gold = gold[pool].astype(bool), gold[test].astype(bool)
        parts = base.parts(self.pool_units)
        self.stored_scores = base.combine(parts)
        self.stored = self.stored_scores >= base.thresholds  # what `als run` stored as suggestions
        self.votes = (parts.rules >= 0.5).astype(int) + (parts.embedding >= 0.5).astype(int)
        self.base_test = base.predict(self.test_units)

    def candidates(self, decided: np.ndarray, scores: np.ndarray, thresholds: np.ndarray,
                   current: np.ndarray) -> pd.DataFrame:
        rows, cols = np.nonzero(self.stored & ~decided)
        reviews = decided.sum(axis=0)
        return pd.DataFrame({
            "segment_id": [f"{i:05d}" for i in rows], "code_id": [self.codebook.code_ids[j] for j in cols],
            "confidence": scores[rows, cols], "threshold": thresholds[cols],
            "votes": self.votes[rows, cols] + current[rows, cols].astype(int), "coders": 3,
            "reviews": reviews[cols], "row": rows, "col": cols})

    def training(self, decided: np.ndarray, decision: np.ndarray):
        """The reviewed paragraphs, labelled as `als train --db` labels them."""
        reviewed = decided.any(axis=1)
        labels = np.where(decided, decision, self.stored)[reviewed].astype(int)
        return [u for u, keep in zip(self.pool_units, reviewed) if keep], labels

    def simulate(self, strategy: str, per_round: int, rounds: int, seed: int, adds: bool,
                 rescore: bool) -> list[np.ndarray]:
        """Held-out predictions after 0, 1, ... rounds of review in `strategy`'s order."""
        shape = self.stored.shape
        decided, decision = np.zeros(shape, bool), np.zeros(shape, bool)
        opened = np.zeros(shape[0], bool)
        model, predictions = None, [self.base_test]
        scores, thresholds, current = self.stored_scores, self.base.thresholds, self.stored
        for round_number in range(1, rounds + 1):
            if rescore and model is not None:
                scores, thresholds = model.score(self.pool_units), model.thresholds
                current = scores >= thresholds
            queue = rank_candidates(self.candidates(decided, scores, thresholds, current), strategy,
                                    n=per_round, seed=seed * 1000 + round_number)
            made = 0
            for row, col in zip(queue["row"], queue["col"]):
                if made >= per_round:
                    break
                decided[row, col], decision[row, col] = True, self.pool_gold[row, col]
                made += 1
                if adds and not opened[row]:  # the reviewer adds what no suggestion named
                    opened[row] = True
                    for missed in np.flatnonzero(self.pool_gold[row] & ~self.stored[row] & ~decided[row]):
                        decided[row, missed] = decision[row, missed] = True
                        made += 1
            units, labels = self.training(decided, decision)
            if len(units) >= MIN_TRAINING_PARAGRAPHS:
                model = TrainedCoder(self.codebook, self.embedder, self.base).fit(units, labels)
            predictions.append(model.predict(self.test_units) if model is not None else self.base_test)
        return predictions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=Path("../shared/dev-corpus/gold.jsonl"))
    parser.add_argument("--per-round", type=int, default=25)
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--random-seeds", type=int, default=3)
    parser.add_argument("--reviewer", choices=("accept-reject", "adds-missing"), default="accept-reject")
    parser.add_argument("--rescore", action="store_true", help="rank by the current model's scores each round")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/als-active-review-embeddings.npz"))
    args = parser.parse_args()
    started = time.perf_counter()
    codebook = load_codebook()
    paragraphs = read_labels(args.labels)[0]
    units, gold = units_of(paragraphs), label_matrix(paragraphs, codebook.code_ids)
    groups = np.array([p.group for p in paragraphs])
    texts = [u.text for u in units] + [s for u in units for s in sentences(u.text) if len(s.split()) >= 4]
    texts += [t for code in codebook.codes for t in code.describe()]
    embedder = cached_embedder(texts, args.cache)
    base = CombinedCoder(codebook, RuleCoder(codebook), EmbeddingCoder(codebook, embedder))
    sets = sorted(set(groups))
    runs = {s: list(range(args.random_seeds)) if s == "random" else [0] for s in STRATEGIES}
    results: dict[tuple[str, str, int], list[float]] = {}
    pooled: dict[tuple[str, int], list[np.ndarray]] = {}
    for held_out in sets:
        fold = Fold(held_out, units, gold, groups, codebook, embedder, base)
        print(f"{held_out}: {len(fold.pool_units)} paragraphs under review, {int(fold.stored.sum())} stored "
              f"suggestions; {len(fold.test_units)} held out", flush=True)
        for strategy, seeds in runs.items():
            for seed in seeds:
                predictions = fold.simulate(strategy, args.per_round, args.rounds, seed,
                                            args.reviewer == "adds-missing", args.rescore)
                results[(held_out, strategy, seed)] = [micro_f1(p, fold.test_gold) for p in predictions]
                pooled.setdefault((strategy, seed), []).append((predictions, fold.test_gold))
    for (strategy, seed), folds in pooled.items():
        results[("pooled", strategy, seed)] = [
            micro_f1(np.vstack([f[0][r] for f in folds]), np.vstack([f[1] for f in folds]))
            for r in range(args.rounds + 1)]
    print(f"\nparagraph micro-F1 after each round of {args.per_round} decisions ({args.reviewer} reviewer, "
          f"queue {'rescored each round' if args.rescore else 'from the stored run'}); round 0 = out of the box")
    header = f"{'held out':10s} {'strategy':10s} " + " ".join(f"{r * args.per_round:>6d}" for r in range(args.rounds + 1))
    print(header)
    for held_out in sets + ["pooled"]:
        for strategy, seeds in runs.items():
            curves = np.array([results[(held_out, strategy, s)] for s in seeds])
            print(f"{held_out:10s} {strategy:10s} " + " ".join(f"{v:6.3f}" for v in curves.mean(axis=0)))
            if len(seeds) > 1:  # the spread over seeds, to tell a real lead from luck
                print(f"{'':10s} {'  lowest':10s} " + " ".join(f"{v:6.3f}" for v in curves.min(axis=0)))
                print(f"{'':10s} {'  highest':10s} " + " ".join(f"{v:6.3f}" for v in curves.max(axis=0)))
    mean = {s: np.mean([np.mean([results[("pooled", s, k)][1:] for k in runs[s]], axis=0)]) for s in STRATEGIES}
    print("\npooled micro-F1 averaged over rounds 1..%d: " % args.rounds
          + ", ".join(f"{s} {v:.3f}" for s, v in mean.items()))
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
