"""The one method every embedding backend has."""
from __future__ import annotations

import numpy as np


class BackendUnavailable(RuntimeError):
    """This backend cannot run this model here (a package missing, a model it cannot export)."""


class EncoderBackend:
    name = "base"
    dimension: int  # the length of every vector

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        """(len(texts), dimension) unit-length float32 vectors, in the order of `texts`."""
        raise NotImplementedError
