"""Paragraphs that may be quoted for a code: active codings only, with what a quote selector weighs."""
from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from pipeline.queries.codings import ACTIVE_CODINGS
from pipeline.queries.filters import Filters


def quote_candidates(con: duckdb.DuckDBPyConnection, code_id: str, filters: Filters,
                     vector_model: str | None = None) -> pd.DataFrame:
    """Every paragraph carrying `code_id` under the filters, with (when stored) its vector.

    Only active codings count (ACTIVE_CODINGS): a paragraph a person rejected for the code is
    never a candidate. member_code and org_code are for spreading quotes across people and
    organisations; a report never prints them.
    """
    where, params = filters.documents_where()
    frame = con.execute(f"""
        SELECT s.segment_id, s.text, d.member_code, d.org_code, d.set_id, d.meeting_number, d.meeting_month,
               d.log_type,
               (SELECT any_value(e.vector) FROM segment_embeddings e
                WHERE e.segment_id = s.segment_id AND e.model = ?) AS vector
        FROM segments s JOIN documents d USING (doc_id)
        WHERE s.segment_id IN (SELECT segment_id FROM ({ACTIVE_CODINGS}) a WHERE a.code_id = ?) AND {where}
        ORDER BY s.segment_id""", [vector_model or "", code_id, *params]).df()
    # A paragraph without a stored vector comes back as NA (not None): it gets None.
    frame["vector"] = [np.asarray(v, dtype=np.float32) if isinstance(v, (np.ndarray, list)) and len(v) else None
                       for v in frame["vector"]]
    return frame


def vector_model(con: duckdb.DuckDBPyConnection) -> str | None:
    """The embedding model most segments were stored with (None when no vectors are stored)."""
    row = con.execute("SELECT model FROM segment_embeddings GROUP BY model ORDER BY count(*) DESC LIMIT 1").fetchone()
    return row[0] if row else None
