"""What a REFI-QDA project holds, read from the database: documents with their attributes, paragraphs,
the codings that count, the latest topics run. Shared by `als export --format qdpx` and `als import qdpx`
(which rebuilds the same sources to match a tool's selections to paragraphs)."""
from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.queries.codings import ACTIVE_CODINGS
from pipeline.queries.themes import SHARE_ATTRIBUTES
from pipeline.queries.topics import latest_topics_run

# A log's attributes: those themes are broken down by, and the author's member code.
ATTRIBUTES = [*SHARE_ATTRIBUTES, "member_code"]


def project_documents(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every document: id, anonymised text, attributes."""
    return con.execute(f"SELECT doc_id, text, {', '.join(ATTRIBUTES)} FROM documents "
                       "ORDER BY set_id NULLS LAST, meeting_number NULLS LAST, log_type, doc_id").df()


def project_paragraphs(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every paragraph, in document order."""
    return con.execute("SELECT segment_id, doc_id, text FROM segments "
                       "ORDER BY doc_id, field_index, paragraph_index").df()


def project_codings(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The codings that count (ACTIVE_CODINGS), each with the method of its newest row (who coded it)."""
    return con.execute(f"""
        SELECT a.segment_id, a.code_id,
               (SELECT arg_max(c.method, c.created_at) FROM codings c
                WHERE c.segment_id = a.segment_id AND c.code_id = a.code_id AND c.status <> 'rejected') AS method,
               (SELECT max(c.created_at) FROM codings c
                WHERE c.segment_id = a.segment_id AND c.code_id = a.code_id) AS created_at
        FROM ({ACTIVE_CODINGS}) a ORDER BY a.segment_id, a.code_id""").df()


def project_topics(con: duckdb.DuckDBPyConnection) -> tuple[str | None, pd.DataFrame, pd.DataFrame]:
    """(run id, topics, paragraph assignments) of the latest topics run; outliers left out."""
    run_id = latest_topics_run(con)
    if run_id is None:
        return None, pd.DataFrame(columns=["topic_id", "label", "keywords"]), \
            pd.DataFrame(columns=["segment_id", "topic_id"])
    topics = con.execute("SELECT topic_id, label, array_to_string(keywords, ', ') AS keywords FROM topics "
                         "WHERE run_id = ? AND topic_id >= 0 ORDER BY topic_id", [run_id]).df()
    assigned = con.execute("SELECT segment_id, topic_id FROM segment_topics WHERE run_id = ? AND topic_id >= 0 "
                           "ORDER BY segment_id", [run_id]).df()
    return run_id, topics, assigned


def database_now(con: duckdb.DuckDBPyConnection):
    """Now by the database's clock, as codings.created_at records it (an export states it, so an import
    can tell codings made before the export from ones made after)."""
    return con.execute("SELECT CAST(current_timestamp AS TIMESTAMP)").fetchone()[0]
