"""The programme at a glance: how much there is, what was coded, what went wrong on the way in."""
from __future__ import annotations

import json

import duckdb
import pandas as pd

from pipeline.queries.codings import ACTIVE_CODINGS
from pipeline.queries.filters import Filters


def programme_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Documents, sets, meetings, members, organisations, paragraphs and paragraphs with an active code."""
    row = con.execute(f"""
        SELECT (SELECT count(*) FROM documents), (SELECT count(DISTINCT set_id) FROM documents),
               (SELECT count(DISTINCT meeting_number) FROM documents),
               (SELECT count(DISTINCT member_code) FROM documents),
               (SELECT count(DISTINCT org_code) FROM documents), (SELECT count(*) FROM segments),
               (SELECT count(DISTINCT segment_id) FROM ({ACTIVE_CODINGS}))""").fetchone()
    names = ("documents", "sets", "meetings", "members", "organisations", "paragraphs", "coded_paragraphs")
    return dict(zip(names, (int(value) for value in row)))


def logs_per_meeting(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Logs per meeting number ('unknown' where none was given) and log type."""
    return con.execute("""
        SELECT coalesce(CAST(meeting_number AS VARCHAR), 'unknown') AS meeting, log_type, count(*) AS logs
        FROM documents GROUP BY ALL ORDER BY ALL""").df()


def issue_counts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Input issues per severity, errors first."""
    return con.execute("""
        SELECT severity, count(*) AS issues FROM ingest_issues GROUP BY severity
        ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END""").df()


def issue_details(con: duckdb.DuckDBPyConnection, limit: int = 50) -> pd.DataFrame:
    """The newest errors and warnings with file, row and column (never cell contents: none are stored)."""
    return con.execute("""
        SELECT severity, source_ref AS file, "row", "column", message FROM ingest_issues
        WHERE severity <> 'info' ORDER BY run_id DESC LIMIT ?""", [limit]).df()


def recent_runs(con: duckdb.DuckDBPyConnection, limit: int = 10) -> pd.DataFrame:
    return con.execute("SELECT run_id, command, started_at, finished_at FROM runs "
                       "ORDER BY started_at DESC LIMIT ?", [limit]).df()


def programme_summary(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    """Counts only, for a report's first page: sets, meetings, logs by type, members, organisations, period."""
    where, params = filters.documents_where()
    row = con.execute(f"""
        SELECT count(*), count(DISTINCT set_id), count(DISTINCT meeting_number), count(DISTINCT member_code),
               count(DISTINCT org_code), min(meeting_month), max(meeting_month),
               (SELECT count(*) FROM segments s JOIN documents d USING (doc_id) WHERE {where}),
               (SELECT count(DISTINCT a.segment_id) FROM ({ACTIVE_CODINGS}) a JOIN segments s USING (segment_id)
                JOIN documents d USING (doc_id) WHERE {where})
        FROM documents d WHERE {where}""", params * 3).fetchone()
    by_type = dict(con.execute(f"SELECT log_type, count(*) FROM documents d WHERE {where} GROUP BY 1 ORDER BY 1",
                               params).fetchall())
    sets = [s for (s,) in con.execute(f"SELECT DISTINCT set_id FROM documents d WHERE {where} "
                                      "AND set_id IS NOT NULL ORDER BY 1", params).fetchall()]
    names = ("documents", "sets", "meetings", "members", "organisations", "first_month", "last_month",
             "paragraphs", "coded_paragraphs")
    return {**dict(zip(names, row)), "logs_by_type": by_type, "set_ids": sets}


def last_run_summary(con: duckdb.DuckDBPyConnection, command: str = "run") -> dict:
    """The newest run's summary (counts and stage seconds), {} when there is none."""
    row = con.execute("SELECT summary FROM runs WHERE command = ? ORDER BY started_at DESC LIMIT 1",
                      [command]).fetchone()
    return json.loads(row[0]) if row and row[0] else {}


def runs_by_command(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every run with what it did: for a methods appendix (run ids and times, no configuration)."""
    return con.execute("SELECT run_id, command, started_at, finished_at, "
                       "CAST(json_extract(summary, '$.documents_stored') AS INTEGER) AS documents "
                       "FROM runs ORDER BY started_at").df()


def replaced_by_type(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many pieces of personal data were replaced, per placeholder type."""
    return dict(con.execute("SELECT entity_type, count(*) FROM entities GROUP BY 1 ORDER BY 1").fetchall())


def codings_by_method(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Coding rows per method (rule, model, topic, human)."""
    return dict(con.execute("SELECT method, count(*) FROM codings GROUP BY 1 ORDER BY 1").fetchall())
