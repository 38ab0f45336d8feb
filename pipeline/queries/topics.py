"""Topics runs as the dashboard and the reports read them: topics, their spread, their examples."""
from __future__ import annotations

import duckdb
import pandas as pd


def topic_runs(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every topics run, newest first."""
    return con.execute("SELECT run_id, started_at FROM runs WHERE command = 'topics' "
                       "ORDER BY started_at DESC").df()


def topics_of_run(con: duckdb.DuckDBPyConnection, run_id: str, keywords: int = 8) -> pd.DataFrame:
    """One row per topic (-1: outliers): label, its first keywords, size, best-matching code and its share."""
    return con.execute("""
        SELECT topic_id, label, array_to_string(keywords[1:?], ', ') AS keywords, size, best_code, code_share
        FROM topics WHERE run_id = ? ORDER BY topic_id""", [keywords, run_id]).df()


def topic_meetings(con: duckdb.DuckDBPyConnection, run_id: str) -> pd.DataFrame:
    """Paragraphs per topic and meeting number (outliers left out)."""
    return con.execute("SELECT topic_id, meeting_number, segments FROM topic_meetings "
                       "WHERE run_id = ? AND topic_id >= 0 ORDER BY topic_id, meeting_number", [run_id]).df()


def topic_sets(con: duckdb.DuckDBPyConnection, run_id: str) -> pd.DataFrame:
    """Paragraphs per topic and set (outliers left out)."""
    return con.execute("SELECT topic_id, set_id, segments FROM topic_sets "
                       "WHERE run_id = ? AND topic_id >= 0 ORDER BY topic_id, set_id", [run_id]).df()


def topic_examples(con: duckdb.DuckDBPyConnection, run_id: str, topic_id: int, limit: int = 5) -> pd.DataFrame:
    """The paragraphs most firmly in a topic."""
    return con.execute("""
        SELECT s.segment_id, s.text, st.probability FROM segment_topics st JOIN segments s USING (segment_id)
        WHERE st.run_id = ? AND st.topic_id = ? ORDER BY st.probability DESC, s.segment_id LIMIT ?""",
                       [run_id, topic_id, limit]).df()


def latest_topics_run(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute("SELECT run_id FROM runs WHERE command = 'topics' ORDER BY started_at DESC LIMIT 1").fetchone()
    return row[0] if row else None
