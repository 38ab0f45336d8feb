"""The model files `als train` and `train_questions` write: a NumPy archive of arrays and a JSON `meta`.

No pickle (allow_pickle=False): loading a model file runs no code, and it holds numbers and code ids only.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np


def read_model_archive(path: str | Path, expected_format: str, error: type[Exception], what: str):
    """(archive, meta) of a model file of `expected_format`, else `error` naming the file and `what` it is not."""
    try:
        archive = np.load(Path(path), allow_pickle=False)
        meta = json.loads(str(archive["meta"]))
    except (OSError, ValueError, KeyError) as problem:
        raise error(f"{path} is not an ALS Insight {what} ({type(problem).__name__})") from None
    if meta.get("format") != expected_format:
        raise error(f"{path}: unknown {what} format {meta.get('format')!r}")
    return archive, meta
