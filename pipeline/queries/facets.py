"""What the database holds to filter by: document facets, code families, the codebook."""
from __future__ import annotations

import duckdb
import pandas as pd

# Document columns a reader may filter or group by; a facet is one of these, never free SQL.
DOCUMENT_FACETS = ("log_type", "set_id", "meeting_number", "meeting_month", "org_type", "setting", "role")


def has_documents(con: duckdb.DuckDBPyConnection) -> bool:
    """True once the schema exists and holds at least one document."""
    # Read to the end, as meta_value: a run asks this inside the transaction it then appends to.
    [(tables,)] = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'documents'").fetchall()
    return bool(tables) and bool(con.execute("SELECT count(*) FROM documents").fetchall()[0][0])


def document_values(con: duckdb.DuckDBPyConnection, column: str) -> list[str]:
    """The distinct values of one document facet, sorted, as text."""
    if column not in DOCUMENT_FACETS:
        raise ValueError(f"{column} is not a document facet (one of {', '.join(DOCUMENT_FACETS)})")
    rows = con.execute(f"SELECT DISTINCT {column} FROM documents WHERE {column} IS NOT NULL ORDER BY 1").fetchall()
    return [str(value) for (value,) in rows]


def code_families(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [family for (family,) in con.execute("SELECT DISTINCT family FROM codebook ORDER BY 1").fetchall()]


def codebook(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The stored codebook: code_id, family, name, definition, include and exclude examples (lists).

    A database written before the examples were stored has no such columns, and a read-only reader
    cannot add them: its codes then have no examples."""
    stored = {c for (c,) in con.execute("SELECT column_name FROM information_schema.columns "
                                        "WHERE table_name = 'codebook'").fetchall()}
    examples = ", ".join(f"coalesce({c}, []) AS {c}" if c in stored else f"CAST([] AS VARCHAR[]) AS {c}"
                         for c in ("include_examples", "exclude_examples"))
    return con.execute(f"SELECT code_id, family, name, definition, {examples} FROM codebook ORDER BY code_id").df()
