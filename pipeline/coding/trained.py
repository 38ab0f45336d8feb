"""The trained coder: a multi-label logistic regression fitted on a programme's own labels.

Features are the paragraph's sentence embedding, the rule and embedding
coders' scores and the prompt prior, so a few dozen labelled paragraphs go a
long way. Its score is blended with the combined coder's, which also covers
codes the labels hold too few examples of. The model file is a NumPy archive
of weights, thresholds and code ids: no text, no vocabulary, no pickle.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from pipeline.coding.archive import read_model_archive
from pipeline.coding.codebook import Codebook
from pipeline.coding.base import Coder, CodingUnit, best_thresholds, texts_of
from pipeline.coding.combined import CoderParts, CombinedCoder
from pipeline.embeddings import Embedder

MIN_POSITIVES = 2
TRAINED_SHARE = 0.6  # weight of the fitted model against the out-of-the-box coder
# The share grows with the labels up to this many: fitted on 25 reviews the model alone coded worse
# than the untrained coder (learning curve, pooled micro-F1 0.637 against 0.655); ramped, 0.649, and
# unchanged from 100 reviews on (200 tried too: better at 25, worse at 100).
FULL_SHARE_AT = 100
FORMAT = "als-insight-coder/2"  # /2 added the implied-code features
# Fitted by `als train --labels` on the development corpus; codes out of the box (see stage.build_coder).
PACKAGED_CODER = Path(__file__).resolve().parent / "data" / "coder_model.npz"


class ModelFileError(ValueError):
    """A model file that does not fit this codebook or embedding model."""


def codebook_fingerprint(codebook: Codebook) -> str:
    return hashlib.sha256("\n".join(codebook.code_ids).encode()).hexdigest()[:16]


class TrainedCoder(Coder):
    method = "model"

    def __init__(self, codebook: Codebook, embedder: Embedder, base: CombinedCoder, C: float = 1.0) -> None:
        super().__init__(codebook)
        self.embedder = embedder
        self.base = base
        self.C = C
        self.weights: np.ndarray | None = None   # (n_codes, n_features)
        self.intercepts: np.ndarray | None = None
        self.trained = np.zeros(len(self.code_ids), dtype=bool)
        self.training_size = 0

    def features(self, units: list[CodingUnit], parts: CoderParts | None = None) -> np.ndarray:
        parts = parts or self.base.parts(units)
        base_scores = [parts.rules, parts.hinted, parts.implied] + ([parts.embedding] if parts.embedding is not None else [])
        return np.hstack([self.embedder.encode(texts_of(units))] + base_scores)

    def fit(self, units: list[CodingUnit], labels: np.ndarray) -> "TrainedCoder":
        # Imported here: only fitting needs scikit-learn (scoring is NumPy), and importing it costs
        # every `als run` about 1.3 s.
        from sklearn.linear_model import LogisticRegression

        features = self.features(units)
        self.weights = np.zeros((len(self.code_ids), features.shape[1]))
        self.intercepts = np.zeros(len(self.code_ids))
        for j in range(len(self.code_ids)):
            positives = int(labels[:, j].sum())
            if positives < MIN_POSITIVES or positives == len(units):
                continue
            model = LogisticRegression(C=self.C, class_weight="balanced", max_iter=2000)
            model.fit(features, labels[:, j])
            self.weights[j], self.intercepts[j] = model.coef_[0], model.intercept_[0]
            self.trained[j] = True
        self.training_size = len(units)
        # Thresholds from the training data itself would be too optimistic; the blend's 0.5 is kept
        # unless the labels are plentiful enough to calibrate on.
        if len(units) >= 200:
            self.thresholds = best_thresholds(self.score(units), labels, self.thresholds)
        return self

    def score(self, units: list[CodingUnit]) -> np.ndarray:
        parts = self.base.parts(units)
        base = self.base.combine(parts)
        if self.weights is None or not self.trained.any():
            return base
        probabilities = 1 / (1 + np.exp(-(self.features(units, parts) @ self.weights.T + self.intercepts)))
        share = TRAINED_SHARE * min(1.0, self.training_size / FULL_SHARE_AT)
        blended = share * probabilities + (1 - share) * base
        return np.where(self.trained, blended, base)

    # -- the model file -------------------------------------------------------

    def save(self, path: str | Path) -> Path:
        if self.weights is None:
            raise ModelFileError("the coder has not been fitted")
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = {"format": FORMAT, "embedding_model": self.embedder.name, "training_size": self.training_size,
                "codebook": codebook_fingerprint(self.codebook), "code_ids": self.code_ids}
        with open(path, "wb") as handle:
            np.savez(handle, weights=self.weights, intercepts=self.intercepts, trained=self.trained,
                     thresholds=self.thresholds, meta=np.array(json.dumps(meta)))
        return path

    def load(self, path: str | Path) -> "TrainedCoder":
        archive, meta = read_model_archive(path, FORMAT, ModelFileError, "model file")
        if meta["code_ids"] != self.code_ids:
            raise ModelFileError(f"{path} was trained on a different codebook; retrain with `als train`")
        if meta["embedding_model"] != self.embedder.name:
            raise ModelFileError(f"{path} was trained with embedding model {meta['embedding_model']}, "
                                 f"not {self.embedder.name}; retrain with `als train`")
        self.weights, self.intercepts = archive["weights"], archive["intercepts"]
        self.trained, self.thresholds = archive["trained"].astype(bool), archive["thresholds"]
        self.training_size = int(meta["training_size"])
        return self
