"""Every stored text value, table by table: what a privacy scan must search."""
from __future__ import annotations

from typing import Iterator

import duckdb


def text_column_values(con: duckdb.DuckDBPyConnection,
                       skip: frozenset[str] = frozenset()) -> Iterator[tuple[str, str, list[str]]]:
    """(table, column, distinct non-empty values) for every text or JSON column, columns in `skip` left out.

    Text lists count (VARCHAR[] matches 'VARCHAR%'); float vectors do not: cast to text they look
    like phone numbers.
    """
    columns = con.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE data_type LIKE 'VARCHAR%' OR data_type = 'JSON' ORDER BY table_name, column_name").fetchall()
    for table, column in columns:
        if column in skip:
            continue
        rows = con.execute(f'SELECT DISTINCT CAST("{column}" AS VARCHAR) FROM "{table}"').fetchall()
        yield table, column, [value for (value,) in rows if value]
