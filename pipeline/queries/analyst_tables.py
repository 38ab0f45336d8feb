"""Database tables copied out whole for analysts (`als export --format parquet`)."""
from __future__ import annotations

from pathlib import Path

import duckdb

# The key's fingerprint, redacted terms' keyed hashes and the paragraph vectors are internal to the
# pipeline and are left out.
ANALYST_TABLES = ["documents", "segments", "sentences", "codings", "codebook", "questions", "entities", "topics",
                  "segment_topics", "topic_meetings", "topic_sets", "runs", "ingest_issues"]


def copy_tables_to_parquet(con: duckdb.DuckDBPyConnection, folder: Path) -> list[str]:
    """Each analyst table the database has, as folder/<table>.parquet (DuckDB writes Parquet itself)."""
    present = {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    copied = []
    for table in (t for t in ANALYST_TABLES if t in present):
        target = str(folder / f"{table}.parquet").replace("'", "''")
        con.execute(f"COPY (SELECT * FROM \"{table}\") TO '{target}' (FORMAT parquet)")
        copied.append(table)
    return copied
