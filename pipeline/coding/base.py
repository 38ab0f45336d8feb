"""What every coder is: `score` texts against the codebook's codes; the rest follows.

Coders follow scikit-learn's conventions: `fit(units, labels)` learns (or does
nothing), `score(units)` returns an (n_units, n_codes) array of confidences in
[0, 1], `predict` applies per-code thresholds, and `suggest` turns a row into
the codings a reviewer sees.
"""
from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass

import numpy as np

from pipeline.coding.codebook import Codebook


@dataclass(frozen=True)
class CodingUnit:
    """What a coder reads: an anonymised paragraph and the prompt of the field it was written under."""

    text: str
    prompt: str = ""


SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if s.strip()]


def texts_of(units: list[CodingUnit]) -> list[str]:
    return [unit.text for unit in units]


@dataclass(frozen=True)
class Suggestion:
    code_id: str
    confidence: float
    method: str


class Coder(ABC):
    """Base class: subclasses implement `score` (and `fit` if they learn)."""

    method = "rule"
    default_threshold = 0.5

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self.code_ids = codebook.code_ids
        self.thresholds = np.full(len(self.code_ids), self.default_threshold)

    def fit(self, units: list[CodingUnit], labels: np.ndarray) -> "Coder":
        """Learn from labelled units (`labels` is a 0/1 matrix, one column per code)."""
        return self

    @abstractmethod
    def score(self, units: list[CodingUnit]) -> np.ndarray:
        """Confidence in [0, 1] that each code applies to each unit."""

    def predict(self, units: list[CodingUnit]) -> np.ndarray:
        return self.score(units) >= self.thresholds

    def suggest(self, units: list[CodingUnit]) -> list[list[Suggestion]]:
        scores = self.score(units)
        return [[Suggestion(self.code_ids[j], round(float(row[j]), 4), self.method)
                 for j in np.flatnonzero(row >= self.thresholds)] for row in scores]


def best_thresholds(scores: np.ndarray, labels: np.ndarray, fallback: np.ndarray,
                    min_positives: int = 2) -> np.ndarray:
    """Per code, the threshold that maximises F1 on labelled data; `fallback` where too few positives."""
    thresholds = fallback.astype(float).copy()
    for j in range(scores.shape[1]):
        positives = labels[:, j].sum()
        if positives < min_positives:
            continue
        candidates = np.unique(scores[:, j])
        best_f1, best = -1.0, thresholds[j]
        for t in candidates:
            predicted = scores[:, j] >= t
            tp = float((predicted & (labels[:, j] == 1)).sum())
            f1 = 2 * tp / (predicted.sum() + positives) if tp else 0.0
            if f1 > best_f1:
                best_f1, best = f1, t
        # Halfway to the next lower score: a threshold sitting exactly on one training text overfits.
        lower = candidates[candidates < best]
        thresholds[j] = (best + lower.max()) / 2 if len(lower) else best
    return thresholds
