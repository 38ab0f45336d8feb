"""Codes across sets and over meetings: the evaluator's questions, as DataFrames.

Every function takes a read-only DuckDB connection and plain filters and
returns a pandas DataFrame ready to chart. Shares are of documents (or of
paragraphs) in the cell that carry the code, counting suggested and accepted
codings and honouring people's rejections (pipeline.queries.ACTIVE_CODINGS).
"""
from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.queries.codings import ACTIVE_CODINGS
from pipeline.queries.filters import Filters


def _coded_units(unit: str) -> str:
    """(unit_id, doc_id, code_id) for active codings, the unit being a document or a segment."""
    unit_column = "s.doc_id" if unit == "documents" else "s.segment_id"
    return (f"SELECT DISTINCT {unit_column} AS unit_id, s.doc_id, a.code_id FROM ({ACTIVE_CODINGS}) a "
            "JOIN segments s ON s.segment_id = a.segment_id")


def _units(unit: str) -> str:
    return ("SELECT doc_id AS unit_id, doc_id FROM documents" if unit == "documents"
            else "SELECT segment_id AS unit_id, doc_id FROM segments")


def code_by_set(con: duckdb.DuckDBPyConnection, filters: Filters, unit: str = "documents") -> pd.DataFrame:
    """One row per (code, set): units carrying the code, units in the set, and the share."""
    return _code_share(con, filters, unit, "set_id")


def code_by_meeting(con: duckdb.DuckDBPyConnection, filters: Filters, unit: str = "documents") -> pd.DataFrame:
    """One row per (code, meeting number): the share of that meeting's units carrying the code."""
    return _code_share(con, filters, unit, "meeting_number")


# Document attributes a theme's share can be broken down by (the dashboard's pages, the workbook's sheets).
SHARE_ATTRIBUTES = ("set_id", "meeting_number", "meeting_month", "log_type", "org_type", "setting", "role")


def code_by_attribute(con: duckdb.DuckDBPyConnection, filters: Filters, unit: str, by: str) -> pd.DataFrame:
    """One row per (code, value of a document attribute): units carrying the code, units with that value,
    and the share; logs without a value count under a missing value of their own."""
    return _code_share(con, filters, unit, by)


def _code_share(con: duckdb.DuckDBPyConnection, filters: Filters, unit: str, by: str) -> pd.DataFrame:
    if by not in SHARE_ATTRIBUTES:
        raise ValueError(f"cannot group by {by}")
    doc_where, doc_params = filters.documents_where()
    code_where, code_params = filters.codes_where()
    known = " AND d.meeting_number IS NOT NULL" if by == "meeting_number" else ""  # no line point for "unknown"
    return con.execute(f"""
        WITH units AS (SELECT u.unit_id, d.{by} FROM ({_units(unit)}) u JOIN documents d USING (doc_id)
                       WHERE {doc_where}{known}),
             totals AS (SELECT {by}, count(*) AS units FROM units GROUP BY {by}),
             coded AS (SELECT c.code_id, u.{by}, count(DISTINCT c.unit_id) AS coded
                       FROM ({_coded_units(unit)}) c JOIN units u USING (unit_id) GROUP BY ALL)
        SELECT cb.code_id, cb.family, cb.name, t.{by}, coalesce(c.coded, 0) AS coded, t.units,
               coalesce(c.coded, 0) / t.units AS share
        FROM codebook cb CROSS JOIN totals t
        LEFT JOIN coded c ON c.code_id = cb.code_id AND c.{by} IS NOT DISTINCT FROM t.{by}  -- logs without a set count too
        WHERE {code_where}
        ORDER BY cb.code_id, t.{by}""", doc_params + code_params).df()


def rises_and_falls(by_meeting: pd.DataFrame) -> pd.DataFrame:
    """Per code: share at the first and last meeting and the change, largest changes first."""
    if by_meeting.empty:
        return pd.DataFrame(columns=["code_id", "first_meeting", "last_meeting", "first_share", "last_share",
                                     "change"])
    ordered = by_meeting.sort_values("meeting_number")
    grouped = ordered.groupby("code_id")
    frame = pd.DataFrame({"first_meeting": grouped["meeting_number"].first(),
                          "last_meeting": grouped["meeting_number"].last(),
                          "first_share": grouped["share"].first(), "last_share": grouped["share"].last()})
    frame["change"] = frame["last_share"] - frame["first_share"]
    return frame.reset_index().sort_values("change", key=abs, ascending=False)


def quotes(con: duckdb.DuckDBPyConnection, filters: Filters, code_id: str | None = None,
           meeting_number: int | None = None, search: str = "", limit: int = 200) -> pd.DataFrame:
    """Anonymised paragraphs with their member code, log type, set, meeting and codes."""
    doc_where, params = filters.documents_where()
    clauses = [doc_where]
    if code_id:
        clauses.append(f"s.segment_id IN (SELECT segment_id FROM ({ACTIVE_CODINGS}) a WHERE a.code_id = ?)")
        params.append(code_id)
    if meeting_number is not None:
        clauses.append("d.meeting_number = ?")
        params.append(meeting_number)
    if search.strip():
        # `%` and `_` typed in the search box mean themselves, not "anything".
        literal = search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append("s.text ILIKE ? ESCAPE '\\'")
        params.append(f"%{literal}%")
    params.append(limit)
    return con.execute(f"""
        SELECT s.segment_id, d.set_id, d.meeting_number, d.meeting_month, d.log_type, d.member_code,
               s.field_prompt, s.text,
               (SELECT string_agg(a.code_id, ', ' ORDER BY a.code_id) FROM ({ACTIVE_CODINGS}) a
                WHERE a.segment_id = s.segment_id) AS codes
        FROM segments s JOIN documents d USING (doc_id)
        WHERE {' AND '.join(clauses)}
        ORDER BY d.set_id, d.meeting_number, d.source_ref, s.field_index, s.paragraph_index
        LIMIT ?""", params).df()
