"""The default coder: rules and embeddings averaged, weighted by the field's prompt.

Rules are precise where a code has telling words ("process caretaker", "PCF");
embeddings catch paraphrase ("nobody else here does this job"). Their mean,
weighted by the prompt prior, beat either alone on every labelled corpus we
measured (see benchmarks/bench_coding.py). Codes the field's prompt implies
("Actions I will take" -> learning.action) are suggested at IMPLIED_CONFIDENCE
at least, unless every sentence matches one of the code's exclude patterns.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipeline.coding.codebook import Codebook
from pipeline.coding.base import Coder, CodingUnit, best_thresholds
from pipeline.coding.embedding import EmbeddingCoder
from pipeline.coding.prompts import PromptPrior
from pipeline.coding.rules import RuleCoder

IMPLIED_CONFIDENCE = 0.55


@dataclass(frozen=True)
class CoderParts:
    rules: np.ndarray            # (n, n_codes) rule coder scores
    embedding: np.ndarray | None  # (n, n_codes) embedding coder scores, None without embeddings
    hinted: np.ndarray           # (n, n_codes) 1 where the field's prompt hints the code
    implied: np.ndarray          # (n, n_codes) 1 where the prompt implies the code and no exclude pattern vetoes it


class CombinedCoder(Coder):
    method = "model"

    def __init__(self, codebook: Codebook, rules: RuleCoder, embedding: EmbeddingCoder | None) -> None:
        super().__init__(codebook)
        self.rules = rules
        self.embedding = embedding
        self.prior = PromptPrior(codebook)

    def score(self, units: list[CodingUnit]) -> np.ndarray:
        return self.combine(self.parts(units))

    def parts(self, units: list[CodingUnit]) -> CoderParts:
        """Each ingredient of the score, computed once (the trained coder reuses them as features)."""
        prompts = [u.prompt for u in units]
        implied = self.prior.implied(prompts) * ~self.rules.vetoed(units)
        return CoderParts(self.rules.score(units),
                          self.embedding.score(units) if self.embedding is not None else None,
                          self.prior.hinted(prompts), implied)

    def combine(self, parts: CoderParts) -> np.ndarray:
        scores = parts.rules if parts.embedding is None else (parts.rules + parts.embedding) / 2
        weighted = np.clip(scores * self.prior.weights_from(parts.hinted), 0, 1)
        return np.maximum(weighted, IMPLIED_CONFIDENCE * parts.implied)

    def fit(self, units: list[CodingUnit], labels: np.ndarray) -> "CombinedCoder":
        self.thresholds = best_thresholds(self.score(units), labels, self.thresholds)
        return self
