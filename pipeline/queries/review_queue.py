"""What is waiting for a person, and what people have decided: the review queue and its results.

A suggestion is pending while no person has decided on its (segment, code); once anyone has,
the newest human decision counts (HUMAN_DECISIONS), as everywhere else on the read side.
The review sheet (`als review export`), the dashboard's Review page and `als train --db`
all read through here; the order of active review is pipeline.queries.active_review.
"""
from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.coding.labels import LabelledParagraph
from pipeline.queries.codings import ACTIVE_CODINGS, HUMAN_DECISIONS

_PENDING_FROM = (
    "FROM codings c JOIN segments s USING (segment_id) JOIN documents d USING (doc_id) "
    f"LEFT JOIN ({HUMAN_DECISIONS}) h ON h.segment_id = c.segment_id AND h.code_id = c.code_id "
    "WHERE c.status = 'suggested' AND h.segment_id IS NULL")
_PENDING_COLUMNS = (
    "c.segment_id, c.code_id, c.method, round(c.confidence, 3) AS confidence, s.text, d.set_id, "
    "d.meeting_number, s.field_prompt, d.source_ref")


def _filters(code_id: str | None, min_confidence: float, max_confidence: float) -> tuple[str, list]:
    # A suggestion without a confidence is treated as 0, so the lowest band still shows it.
    where, params = " AND coalesce(c.confidence, 0) BETWEEN ? AND ?", [min_confidence, max_confidence]
    if code_id is not None:
        where += " AND c.code_id = ?"
        params.append(code_id)
    return where, params


def pending_suggestions(con: duckdb.DuckDBPyConnection, code_id: str | None = None, min_confidence: float = 0.0,
                        max_confidence: float = 1.0, limit: int | None = None) -> pd.DataFrame:
    """Suggestions nobody has decided on, lowest confidence first (the least certain are worth a look first).

    Columns: segment_id, code_id, method, confidence (3 decimals), text, set_id, meeting_number,
    field_prompt, source_ref.
    """
    where, params = _filters(code_id, min_confidence, max_confidence)
    query = f"SELECT {_PENDING_COLUMNS} {_PENDING_FROM}{where} ORDER BY c.confidence, c.segment_id, c.code_id"
    if limit is not None:
        query += " LIMIT ?"
        params.append(int(limit))
    return con.execute(query, params).df()


def count_pending(con: duckdb.DuckDBPyConnection, code_id: str | None = None, min_confidence: float = 0.0,
                  max_confidence: float = 1.0) -> int:
    """How many suggestions `pending_suggestions` would return without a limit."""
    where, params = _filters(code_id, min_confidence, max_confidence)
    return con.execute(f"SELECT count(*) {_PENDING_FROM}{where}", params).fetchone()[0]


def pending_in_document_order(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every pending suggestion in reading order (set, meeting, log, paragraph), as the review sheet lists them."""
    return con.execute(
        f"SELECT {_PENDING_COLUMNS} {_PENDING_FROM} "
        "ORDER BY d.set_id, d.meeting_number, d.source_ref, s.field_index, s.paragraph_index, c.code_id").df()


def decision_keys(con: duckdb.DuckDBPyConnection) -> tuple[set[str], set[str]]:
    """The segment ids and code ids a review decision may name."""
    segments = {r[0] for r in con.execute("SELECT segment_id FROM segments").fetchall()}
    codes = {r[0] for r in con.execute("SELECT code_id FROM codebook").fetchall()}
    return segments, codes


def reviewed_paragraphs(con: duckdb.DuckDBPyConnection) -> list[LabelledParagraph]:
    """Every paragraph a person has decided on, labelled with the codes that count on it now.

    What `als train --db` learns from: a code a person accepted or added is a positive, one they
    rejected a negative; a code nobody decided on keeps what counts everywhere else (ACTIVE_CODINGS):
    a suggestion nobody rejected is a positive, a code nobody suggested a negative."""
    rows = con.execute(
        "SELECT s.segment_id, s.text, s.field_prompt, d.set_id, list(DISTINCT a.code_id) FILTER (WHERE a.code_id IS NOT NULL) "
        f"FROM (SELECT DISTINCT segment_id FROM ({HUMAN_DECISIONS})) r JOIN segments s USING (segment_id) "
        f"JOIN documents d USING (doc_id) LEFT JOIN ({ACTIVE_CODINGS}) a ON a.segment_id = r.segment_id "
        "GROUP BY s.segment_id, s.text, s.field_prompt, d.set_id ORDER BY s.segment_id").fetchall()
    return [LabelledParagraph(text, frozenset(codes or []), str(set_id), segment_id, prompt)
            for segment_id, text, prompt, set_id, codes in rows]


def count_reviewed(con: duckdb.DuckDBPyConnection, code_id: str | None = None) -> int:
    """How many (paragraph, code) pairs a person has decided on (accepted, rejected or added)."""
    where, params = ("WHERE code_id = ?", [code_id]) if code_id is not None else ("", [])
    return con.execute(f"SELECT count(*) FROM ({HUMAN_DECISIONS}) h {where}", params).fetchone()[0]
