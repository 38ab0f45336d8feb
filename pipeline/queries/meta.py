"""Facts the database records about itself (the `meta` table)."""
from __future__ import annotations

import duckdb

KEY_FINGERPRINT = "key_fingerprint"


def meta_value(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE name = ?", [name]).fetchone()
    return row[0] if row else None
