"""How far people agreed with the suggestions: what was suggested and what counts on reviewed paragraphs."""
from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.queries.codings import ACTIVE_CODINGS, HUMAN_DECISIONS


def reviewed_segments(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Paragraphs a person has decided on at least one code for."""
    return [s for (s,) in con.execute(f"SELECT DISTINCT segment_id FROM ({HUMAN_DECISIONS}) ORDER BY 1").fetchall()]


def suggestion_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Machine suggestions in all, and how many of them a person has decided on."""
    total, reviewed = con.execute(f"""
        SELECT count(*), count(h.segment_id) FROM
            (SELECT DISTINCT segment_id, code_id FROM codings WHERE method <> 'human' AND status = 'suggested') s
        LEFT JOIN ({HUMAN_DECISIONS}) h USING (segment_id, code_id)""").fetchone()
    return {"suggestions": int(total), "reviewed": int(reviewed)}


def machine_suggestions(con: duckdb.DuckDBPyConnection, segment_ids: list[str]) -> pd.DataFrame:
    """What the coders (rules, model, topics) suggested on the given paragraphs, before anyone looked."""
    if not segment_ids:
        return pd.DataFrame(columns=["segment_id", "code_id"])
    return con.execute("SELECT DISTINCT segment_id, code_id FROM codings WHERE method <> 'human' "
                       "AND status = 'suggested' AND list_contains(?, segment_id) ORDER BY 1, 2",
                       [segment_ids]).df()


def active_codes(con: duckdb.DuckDBPyConnection, segment_ids: list[str]) -> pd.DataFrame:
    """The codes that count now on the given paragraphs: suggestions nobody rejected, and codes people added."""
    if not segment_ids:
        return pd.DataFrame(columns=["segment_id", "code_id"])
    return con.execute(f"SELECT segment_id, code_id FROM ({ACTIVE_CODINGS}) WHERE list_contains(?, segment_id) "
                       "ORDER BY 1, 2", [segment_ids]).df()
