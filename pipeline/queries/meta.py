"""Facts the database records about itself (the `meta` table)."""
from __future__ import annotations

import json

import duckdb

KEY_FINGERPRINT = "key_fingerprint"
# The newest run's per-code thresholds (JSON {code_id: threshold}): a suggestion's distance from its
# code's threshold is how uncertain the coder was (pipeline.queries.active_review).
CODING_THRESHOLDS = "coding_thresholds"


def meta_value(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    # Read to the end (fetchall, not fetchone): DuckDB 2 will not register an Arrow table, as the
    # store's appends do, on a connection whose last result was left part-read.
    rows = con.execute("SELECT value FROM meta WHERE name = ?", [name]).fetchall()
    return rows[0][0] if rows else None


def table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables the database has (one written by an earlier version may lack the newer ones)."""
    return [row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]


def coding_thresholds(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    """The thresholds the newest coding run applied, per code; {} for a database from before they were kept."""
    if "meta" not in table_names(con):
        return {}
    value = meta_value(con, CODING_THRESHOLDS)
    return {str(code): float(t) for code, t in json.loads(value).items()} if value else {}
