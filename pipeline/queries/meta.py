"""Facts the database records about itself (the `meta` table)."""
from __future__ import annotations

import duckdb

KEY_FINGERPRINT = "key_fingerprint"


def meta_value(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE name = ?", [name]).fetchone()
    return row[0] if row else None


def table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables the database has (one written by an earlier version may lack the newer ones)."""
    return [row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
