"""The learned detector's weights as plain JSON, and its prediction (a softmax over the classes).

JSON, not a pickle: loading it runs no code, and a reviewer (or a test) can read every feature it
holds to check that no personal data is in it. Trained by `python -m pipeline.anonymise.train`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "name_model.json"
NONE = "NONE"


class NameModelUnavailable(FileNotFoundError):
    """The shipped model file is missing or unreadable: the anonymiser must not run without it."""


@dataclass(frozen=True)
class NameModel:
    features: dict[str, int]
    classes: tuple[str, ...]
    coef: np.ndarray  # (classes, features)
    intercept: np.ndarray
    threshold: float  # P(personal data) from which a candidate is taken
    meta: dict

    def probabilities(self, rows: list[dict[str, float]]) -> np.ndarray:
        """(rows, classes) class probabilities for feature dictionaries."""
        matrix = np.zeros((len(rows), len(self.features)), dtype=np.float32)
        for r, row in enumerate(rows):
            for name, value in row.items():
                column = self.features.get(name)
                if column is not None:
                    matrix[r, column] = value
        scores = matrix @ self.coef.T + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def to_json(self) -> str:
        names = sorted(self.features, key=self.features.get)
        return json.dumps({"classes": list(self.classes), "features": names,
                           "coef": np.round(self.coef, 5).tolist(), "intercept": np.round(self.intercept, 5).tolist(),
                           "threshold": self.threshold, "meta": self.meta}, indent=0)


def from_json(text: str) -> NameModel:
    data = json.loads(text)
    return NameModel({name: i for i, name in enumerate(data["features"])}, tuple(data["classes"]),
                     np.asarray(data["coef"], dtype=np.float32), np.asarray(data["intercept"], dtype=np.float32),
                     float(data["threshold"]), data.get("meta", {}))


@lru_cache(maxsize=2)
def load_name_model(path: Path = MODEL_FILE) -> NameModel:
    try:
        return from_json(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError) as error:
        raise NameModelUnavailable(
            f"the learned name detector {path} is missing or unreadable ({type(error).__name__}); reinstall "
            "ALS Insight, or rebuild it with `python -m pipeline.anonymise.train`") from None
