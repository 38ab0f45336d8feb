"""Each coder alone and combined, beside a keyword-only baseline, on a labelled corpus, in one run.

    python benchmarks/bench_coding.py [--labels ../shared/dev-corpus/gold.jsonl]

Prints paragraph micro/macro-F1, Cohen's kappa and paragraphs/s. The keyword
baseline marks a code when a word of its name appears ("Meeting logistics" ->
"meeting", "logistics"). The trained coder is cross-validated by set: fitted on
every set but one, scored on the one left out. Models are loaded before timing.
"""
from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import numpy as np

from pipeline.coding.codebook import Codebook, load_codebook
from pipeline.coding.base import Coder, CodingUnit
from pipeline.coding.combined import CombinedCoder
from pipeline.coding.embedding import EmbeddingCoder
from pipeline.coding.questions import QuestionTyper
from pipeline.coding.rules import RuleCoder
from pipeline.coding.trained import TrainedCoder
from pipeline.embeddings import Embedder
from pipeline.coding.evaluate import agreement, cross_validate, label_matrix, units_of
from pipeline.coding.labels import read_labels

STOP = {"and", "of", "the", "a", "an", "with", "without", "to", "in", "into", "across"}


class KeywordBaseline(Coder):
    """A code applies when a word of its name appears in the paragraph."""

    def __init__(self, codebook: Codebook) -> None:
        super().__init__(codebook)
        self.words = [[re.compile(rf"\b{re.escape(w)}", re.IGNORECASE)
                       for w in re.findall(r"[a-z]+", code.name.lower()) if w not in STOP] for code in codebook.codes]

    def score(self, units: list[CodingUnit]) -> np.ndarray:
        return np.array([[float(any(p.search(u.text) for p in patterns)) for patterns in self.words] for u in units])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=Path("../shared/dev-corpus/gold.jsonl"))
    args = parser.parse_args()
    codebook = load_codebook()
    paragraphs, questions = read_labels(args.labels)
    units, gold = units_of(paragraphs), label_matrix(paragraphs, codebook.code_ids)
    embedder = Embedder()
    rules, embedding = RuleCoder(codebook), EmbeddingCoder(codebook, embedder)
    combined = CombinedCoder(codebook, rules, embedding)
    coders = {"keyword baseline": KeywordBaseline(codebook), "rules": rules, "embedding": embedding,
              "rules only + prompt": CombinedCoder(codebook, rules, None), "combined (default)": combined}
    print(f"{len(paragraphs)} paragraphs, {len(questions)} questions from {args.labels}\n")
    print(f"{'coder':32s} {'micro-F1':>9s} {'macro-F1':>9s} {'kappa':>7s} {'para/s':>9s}")
    for name, coder in coders.items():
        embedder._cache.clear()
        start = time.perf_counter()
        predicted = coder.predict(units)
        rate = len(units) / (time.perf_counter() - start)
        report = agreement(predicted, gold, codebook.code_ids)
        print(f"{name:32s} {report.micro_f1:9.3f} {report.macro_f1:9.3f} {report.kappa:7.3f} {rate:9.1f}")
    embedder._cache.clear()
    start = time.perf_counter()
    predicted = cross_validate(paragraphs, codebook.code_ids, lambda: TrainedCoder(codebook, embedder, combined))
    rate = len(units) / (time.perf_counter() - start)
    report = agreement(predicted, gold, codebook.code_ids)
    print(f"{'trained (cross-validated by set)':32s} {report.micro_f1:9.3f} {report.macro_f1:9.3f} "
          f"{report.kappa:7.3f} {rate:9.1f}  (fit + predict)")
    print("\nper code, trained (cross-validated):")
    for code in report.per_code:
        print(f"  {code.code_id:34s} support {code.support:3d}  F1 {code.f1:.2f}  kappa {code.kappa:.2f}")
    typed = [t for t, _ in QuestionTyper(codebook, None).predict([q.text for q in questions])]
    accuracy = np.mean([t == q.question_type for t, q in zip(typed, questions)]) if questions else float("nan")
    print(f"\nquestion types (rules + default): accuracy {accuracy:.3f} on {len(questions)} questions")


if __name__ == "__main__":
    main()
