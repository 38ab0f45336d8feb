"""The embedding coder: how close a paragraph sits to what each code is about.

Each code is described by its name and definition and by its include
examples, embedded once. A paragraph (optionally each of its sentences too,
`per_sentence`) is compared with those descriptions by cosine similarity; a code applies when it stands
out from the other codes for that paragraph. `fit` replaces the one default
threshold with per-code thresholds calibrated on labels.
"""
from __future__ import annotations


import numpy as np

from pipeline.coding.codebook import Codebook
from pipeline.coding.base import Coder, CodingUnit, best_thresholds, sentences, texts_of
from pipeline.embeddings import Embedder

Z_AT_HALF, Z_SCALE = 1.0, 2.5


class EmbeddingCoder(Coder):
    method = "model"

    def __init__(self, codebook: Codebook, embedder: Embedder, per_sentence: bool = False) -> None:
        super().__init__(codebook)
        self.embedder = embedder
        # Each sentence of four or more words as well as the paragraph was the default until issue 19:
        # it made embedding 1.9x slower and coded worse (benchmarks/bench_embedding.py, development corpus:
        # trained coder leave-one-set-out micro-F1 0.686 against 0.700 from paragraph vectors alone).
        self.per_sentence = per_sentence
        descriptions = [code.describe() for code in codebook.codes]
        flat = [text for texts in descriptions for text in texts]
        vectors = embedder.encode(flat)
        self.owner = np.repeat(np.arange(len(descriptions)), [len(d) for d in descriptions])
        self.prototypes = vectors

    def similarities(self, texts: list[str]) -> np.ndarray:
        """(n_texts, n_codes): best cosine similarity of the text (or, per_sentence, any of its sentences) to each code."""
        units, unit_owner = [], []
        for i, text in enumerate(texts):
            pieces = [text] + ([s for s in sentences(text) if len(s.split()) >= 4] if self.per_sentence else [])
            units += pieces
            unit_owner += [i] * len(pieces)
        sims = self.embedder.encode(units) @ self.prototypes.T if units else np.zeros((0, len(self.owner)))
        per_code = np.full((len(texts), len(self.code_ids)), -1.0)
        unit_owner_arr = np.array(unit_owner, dtype=int)
        for j in range(len(self.code_ids)):
            code_sims = sims[:, self.owner == j].max(axis=1) if len(units) else np.zeros(0)
            np.maximum.at(per_code[:, j], unit_owner_arr, code_sims)
        return per_code

    def score(self, units: list[CodingUnit]) -> np.ndarray:
        return self.standing(self.similarities(texts_of(units)))

    @staticmethod
    def standing(sims: np.ndarray) -> np.ndarray:
        """How far each code stands out for its paragraph, in standard deviations over the codes,
        mapped to [0, 1] (a code one deviation above the paragraph's mean scores 0.5).

        Raw similarity levels vary with a paragraph's length and style; its ranking of codes does not.
        """
        spread = sims.std(axis=1, keepdims=True)
        z = (sims - sims.mean(axis=1, keepdims=True)) / np.where(spread > 0, spread, 1)
        return np.clip(0.5 + (z - Z_AT_HALF) / Z_SCALE, 0, 1)

    def fit(self, units: list[CodingUnit], labels: np.ndarray) -> "EmbeddingCoder":
        self.thresholds = best_thresholds(self.score(units), labels, self.thresholds)
        return self
