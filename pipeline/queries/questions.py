"""The questions members asked: thinking, feeling and willing, over meetings."""
from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.queries.filters import Filters


def question_types_by_meeting(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row per (meeting number, question type): questions and their share of that meeting's typed questions."""
    where, params = filters.documents_where()
    return con.execute(f"""
        WITH typed AS (SELECT d.meeting_number, q.question_type FROM questions q JOIN documents d USING (doc_id)
                       WHERE {where} AND q.question_type IS NOT NULL AND d.meeting_number IS NOT NULL)
        , counted AS (SELECT meeting_number, question_type, count(*) AS questions FROM typed GROUP BY ALL)
        SELECT meeting_number, question_type, questions,
               questions / sum(questions) OVER (PARTITION BY meeting_number) AS share
        FROM counted ORDER BY meeting_number, question_type""", params).df()
