"""The tables every QDA tool has: themes by any document attribute, and themes by themes.

Built on the dashboard's own share query (themes.code_by_attribute), so a number in the analysis
workbook is the number the dashboard shows for the same question; each row also counts the
organisations behind it, for the one small-cell rule (systemic.suppress_small_cells).
"""
from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.queries.codings import ACTIVE_CODINGS
from pipeline.queries.filters import Filters
from pipeline.queries.themes import SHARE_ATTRIBUTES, code_by_attribute


def codes_by(con: duckdb.DuckDBPyConnection, by: str, filters: Filters = Filters()) -> pd.DataFrame:
    """Per (code, attribute value): coded and all paragraphs and logs, both shares, and organisations
    among the coded logs."""
    if by not in SHARE_ATTRIBUTES:
        raise ValueError(f"cannot break themes down by {by}")
    keys = ["code_id", "family", "name", by]
    paragraphs = code_by_attribute(con, filters, "paragraphs", by).rename(
        columns={"coded": "coded_paragraphs", "units": "paragraphs", "share": "paragraph_share"})
    documents = code_by_attribute(con, filters, "documents", by).rename(
        columns={"coded": "coded_documents", "units": "documents", "share": "document_share"})
    frame = documents.merge(paragraphs, on=keys, how="outer")
    where, params = filters.documents_where()
    organisations = con.execute(f"""
        SELECT a.code_id, d.{by}, count(DISTINCT d.org_code) AS organisations
        FROM ({ACTIVE_CODINGS}) a JOIN segments s USING (segment_id) JOIN documents d ON d.doc_id = s.doc_id
        WHERE {where} GROUP BY ALL""", params).df()
    frame = frame.merge(organisations, on=["code_id", by], how="left")
    frame["organisations"] = frame["organisations"].fillna(0).astype("int64")
    for column in ("coded_paragraphs", "paragraphs", "coded_documents", "documents"):
        frame[column] = frame[column].fillna(0).astype("int64")
    return frame.sort_values(["code_id", by], na_position="last").reset_index(drop=True)


def co_occurrence(con: duckdb.DuckDBPyConnection, unit: str = "paragraphs") -> pd.DataFrame:
    """Per pair of codes (both orders, and each code with itself): units carrying both, and the
    organisations behind them. A paragraph-level pair is two codes on one paragraph; a log-level pair,
    two codes anywhere in one log."""
    if unit not in ("paragraphs", "documents"):
        raise ValueError("co-occurrence is by paragraphs or documents")
    unit_column = "s.segment_id" if unit == "paragraphs" else "s.doc_id"
    return con.execute(f"""
        WITH coded AS (SELECT DISTINCT {unit_column} AS unit_id, s.doc_id, a.code_id
                       FROM ({ACTIVE_CODINGS}) a JOIN segments s USING (segment_id))
        SELECT x.code_id AS code_a, y.code_id AS code_b, count(DISTINCT x.unit_id) AS units,
               count(DISTINCT d.org_code) AS organisations
        FROM coded x JOIN coded y ON x.unit_id = y.unit_id JOIN documents d ON d.doc_id = x.doc_id
        GROUP BY ALL ORDER BY code_a, code_b""").df()
