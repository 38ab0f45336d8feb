"""The sentence-transformers model run as it is, by PyTorch."""
from __future__ import annotations

import numpy as np

from pipeline.embedding_backends.base import EncoderBackend


class TorchBackend(EncoderBackend):
    name = "torch"

    def __init__(self, model) -> None:
        self.model = model
        self.dimension = int(model.get_embedding_dimension())

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        vectors = self.model.encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                    show_progress_bar=False, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)
