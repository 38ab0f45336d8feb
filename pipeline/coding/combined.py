"""The default coder: rules and embeddings averaged, weighted by the field's prompt.

Rules are precise where a code has telling words ("process caretaker", "PCF");
embeddings catch paraphrase ("nobody else here does this job"). Their mean,
weighted by the prompt prior, beat either alone on every labelled corpus we
measured (see benchmarks/bench_coding.py).
"""
from __future__ import annotations

import numpy as np

from pipeline.codebook import Codebook
from pipeline.coding.base import Coder, CodingUnit, best_thresholds
from pipeline.coding.embedding import EmbeddingCoder
from pipeline.coding.prompts import PromptPrior
from pipeline.coding.rules import RuleCoder


class CombinedCoder(Coder):
    method = "model"

    def __init__(self, codebook: Codebook, rules: RuleCoder, embedding: EmbeddingCoder | None) -> None:
        super().__init__(codebook)
        self.rules = rules
        self.embedding = embedding
        self.prior = PromptPrior(codebook)

    def score(self, units: list[CodingUnit]) -> np.ndarray:
        scores = self.rules.score(units)
        if self.embedding is not None:
            scores = (scores + self.embedding.score(units)) / 2
        return np.clip(scores * self.prior.weights([u.prompt for u in units]), 0, 1)

    def fit(self, units: list[CodingUnit], labels: np.ndarray) -> "CombinedCoder":
        self.thresholds = best_thresholds(self.score(units), labels, self.thresholds)
        return self
