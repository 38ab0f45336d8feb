"""A learned question typer: logistic regression over a question's embedding and the codebook's cue counts.

The cue patterns fit the phrasing of the writer they were written from ("how
did you feel"); a question such as "what is going on for you" has no cue but
may sit near other feeling questions in embedding space. The model learns both
at once: its features are the sentence embedding and the number of cues of
each type, so it learns how far to trust a cue. Its strength C is chosen by
inner leave-one-group-out over the training sets, never on the set scored, on
the log-loss of the held-out types: on a few dozen questions per set accuracy
moves in whole questions and ties, and chose C = 1 for a set where every larger
C typed more right; the log-loss also counts how sure the model was of the
right type, and chooses steadily.

The model file is a NumPy archive of weights, the type ids and the names of
the embedding model and the codebook's question cues: no question text. One
trained on the development corpus ships as package data for out-of-the-box
use; `python -m pipeline.coding.train_questions LABELS.jsonl --out FILE` fits
one on a programme's own labelled questions.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from pipeline.coding.archive import read_model_archive
from pipeline.coding.codebook import Codebook
from pipeline.embeddings import Embedder

# /2: questions are embedded with their placeholders read as a pronoun (QuestionTyper.embedding_text);
# a /1 model was fitted on other vectors.
FORMAT = "als-insight-question-model/2"
PACKAGED_MODEL = Path(__file__).resolve().parent / "data" / "question_model.npz"
C_GRID = (1.0, 3.0, 10.0, 30.0)
MIN_PROBABILITY = 1e-6


class QuestionModelError(ValueError):
    """A question model file that does not fit this codebook or embedding model."""


def cue_fingerprint(codebook: Codebook) -> str:
    """The question types and their cue patterns: a model's cue features mean nothing under other cues."""
    described = [[q.type_id, *q.patterns] for q in codebook.question_types]
    return hashlib.sha256(json.dumps(described).encode()).hexdigest()[:16]


class QuestionModel:
    """fit(features, types) / predict_proba(features), with features from `QuestionTyper.features`."""

    def __init__(self, types: list[str], C: float | None = None) -> None:
        self.types = list(types)
        self.C = C  # None: chosen by inner leave-one-group-out
        self.weights: np.ndarray | None = None   # (n_types, n_features)
        self.intercepts: np.ndarray | None = None
        self.training_size = 0

    def fit(self, features: np.ndarray, types: list[str], groups: list[str] | None = None) -> "QuestionModel":
        labels = np.array(types)
        unknown = sorted(set(types) - set(self.types))
        if unknown:
            raise QuestionModelError(f"question types not in the codebook: {', '.join(unknown)}")
        if self.C is None:
            self.C = self.choose_C(features, labels, np.array(groups) if groups is not None else None)
        model = self._fit(features, labels, self.C)
        # Types missing from the labels keep weight 0 and a very low intercept: they are never predicted.
        self.weights = np.zeros((len(self.types), features.shape[1]))
        self.intercepts = np.full(len(self.types), -30.0)
        classes = list(model.classes_)
        if len(classes) == 2:  # scikit-learn gives one row for two classes
            coef = np.vstack([-model.coef_[0] / 2, model.coef_[0] / 2])
            bias = np.array([-model.intercept_[0] / 2, model.intercept_[0] / 2])
        else:
            coef, bias = model.coef_, model.intercept_
        for row, name in enumerate(classes):
            k = self.types.index(name)
            self.weights[k], self.intercepts[k] = coef[row], bias[row]
        self.training_size = len(labels)
        return self

    @staticmethod
    def _fit(features: np.ndarray, labels: np.ndarray, C: float):
        # Imported here: only fitting needs scikit-learn (predicting is NumPy), and importing it costs
        # every `als run` about 1.3 s (scipy.stats under it).
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(features, labels)

    @classmethod
    def choose_C(cls, features: np.ndarray, labels: np.ndarray, groups: np.ndarray | None) -> float:
        """The C of C_GRID with the lowest inner leave-one-group-out log-loss (ties: the smaller C)."""
        if groups is None or len(set(groups.tolist())) < 2 or len(set(labels.tolist())) < 2:
            return C_GRID[1]
        best, best_loss = C_GRID[1], np.inf
        for C in C_GRID:
            losses = []
            for group in np.unique(groups):
                out = groups == group
                if len(set(labels[~out].tolist())) < 2:
                    continue
                model = cls._fit(features[~out], labels[~out], C)
                probabilities = model.predict_proba(features[out])
                column = {name: k for k, name in enumerate(model.classes_)}
                # A type the inner fit never saw gets the floor: the fit could not have typed it.
                true = np.array([probabilities[i, column[t]] if t in column else 0.0
                                 for i, t in enumerate(labels[out])])
                losses.extend(-np.log(np.clip(true, MIN_PROBABILITY, 1.0)))
            if losses and np.mean(losses) < best_loss:
                best, best_loss = C, float(np.mean(losses))
        return best

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        if self.weights is None:
            raise QuestionModelError("the question model has not been fitted")
        logits = features @ self.weights.T + self.intercepts
        logits -= logits.max(axis=1, keepdims=True)
        odds = np.exp(logits)
        return odds / odds.sum(axis=1, keepdims=True)

    # -- the model file -------------------------------------------------------

    def save(self, path: str | Path, embedding_model: str, codebook: Codebook) -> Path:
        if self.weights is None:
            raise QuestionModelError("the question model has not been fitted")
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = {"format": FORMAT, "types": self.types, "embedding_model": embedding_model, "C": self.C,
                "cues": cue_fingerprint(codebook), "training_size": self.training_size}
        with open(path, "wb") as handle:
            np.savez(handle, weights=self.weights, intercepts=self.intercepts, meta=np.array(json.dumps(meta)))
        return path

    @classmethod
    def load(cls, path: str | Path, embedder: Embedder, codebook: Codebook) -> "QuestionModel":
        try:
            archive, meta = read_model_archive(path, FORMAT, QuestionModelError, "question model")
        except QuestionModelError as error:
            raise QuestionModelError(f"{error}; fit one with python -m pipeline.coding.train_questions") from None
        if meta["types"] != [q.type_id for q in codebook.question_types] or meta["cues"] != cue_fingerprint(codebook):
            raise QuestionModelError(f"{path} was trained with other question types or cues")
        if meta["embedding_model"] != embedder.name:
            raise QuestionModelError(f"{path} was trained with embedding model {meta['embedding_model']}")
        model = cls(meta["types"], meta["C"])
        model.weights, model.intercepts = archive["weights"], archive["intercepts"]
        model.training_size = int(meta["training_size"])
        return model
