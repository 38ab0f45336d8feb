"""Systemic challenges for the lead body: which challenges recur across organisations.

A challenge is systemic when it is raised by a share of the organisations taking part, in more
than one set, and by enough organisations in all (`SystemicRule`, from [dashboard] in the
config): one busy set, or one organisation writing often, does not make a challenge national.
Any count that rests on fewer than `min_organisations` organisations (k, 3 by default) is
suppressed, so that no single organisation can be picked out from a small cell.
"""
from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from pipeline.queries.codings import ACTIVE_CODINGS

SUPPRESSED = None  # a suppressed count is shown as missing, never as a number


@dataclass(frozen=True)
class SystemicRule:
    """When a challenge counts as systemic: the one definition the dashboard and the briefing use."""

    min_share: float = 0.5  # of the organisations with any log
    min_sets: int = 2
    min_organisations: int = 3

    @classmethod
    def from_config(cls, dashboard) -> "SystemicRule":
        return cls(dashboard.systemic_min_share, dashboard.systemic_min_sets, dashboard.systemic_min_organisations)

    def describe(self) -> str:
        return (f"raised by at least {self.min_share:.0%} of the organisations taking part, in at least "
                f"{self.min_sets} sets, and by at least {self.min_organisations} organisations")


def suppress_small_cells(frame: pd.DataFrame, min_organisations: int,
                         columns: tuple[str, ...] = ("organisations",)) -> pd.DataFrame:
    """The one small-cell rule, for the dashboard and the reports alike.

    A row whose `organisations` count is under `min_organisations` is marked `suppressed` and
    every count in `columns` becomes missing: a small count could single out an organisation.
    """
    frame["suppressed"] = frame["organisations"] < min_organisations
    for column in columns:
        frame[column] = frame[column].astype("Int64").mask(frame["suppressed"], SUPPRESSED)
    return frame


def _raised(con: duckdb.DuckDBPyConnection, family: str) -> str:
    return (f"SELECT DISTINCT a.code_id, d.doc_id, d.org_code, d.set_id, d.org_type, d.setting, d.meeting_number "
            f"FROM ({ACTIVE_CODINGS}) a JOIN segments s ON s.segment_id = a.segment_id "
            f"JOIN documents d ON d.doc_id = s.doc_id JOIN codebook cb ON cb.code_id = a.code_id "
            f"WHERE cb.family = '{family}'")


def participating_organisations(con: duckdb.DuckDBPyConnection) -> int:
    """Organisations with at least one stored log: the base of every share of organisations."""
    return con.execute("SELECT count(DISTINCT org_code) FROM documents WHERE org_code IS NOT NULL").fetchone()[0]


def challenge_summary(con: duckdb.DuckDBPyConnection, min_organisations: int = 3,
                      rule: SystemicRule = SystemicRule(), family: str = "challenge") -> pd.DataFrame:
    """Per challenge code: organisations, their share of those taking part, sets and documents raising it;
    the systemic flag (`rule`); ranked by share; small cells suppressed (share and flag computed first,
    the share shown only where the count is)."""
    frame = con.execute(f"""
        SELECT cb.code_id, cb.name, count(DISTINCT r.org_code) AS organisations,
               count(DISTINCT r.set_id) AS sets, count(DISTINCT r.doc_id) AS documents
        FROM codebook cb LEFT JOIN ({_raised(con, family)}) r ON r.code_id = cb.code_id
        WHERE cb.family = ? GROUP BY ALL ORDER BY organisations DESC, cb.code_id""", [family]).df()
    taking_part = participating_organisations(con)
    frame["share"] = frame["organisations"] / taking_part if taking_part else 0.0
    frame["systemic"] = ((frame["share"] >= rule.min_share) & (frame["sets"] >= rule.min_sets)
                         & (frame["organisations"] >= rule.min_organisations))
    frame = suppress_small_cells(frame, min_organisations, ("organisations", "sets", "documents"))
    frame["share"] = frame["share"].mask(frame["suppressed"], SUPPRESSED)
    return frame


def suppress_complements(frame: pd.DataFrame, within: str = "code_id") -> pd.DataFrame:
    """Secondary suppression: where a total is shown and one part of it is hidden, hide the next smallest part.

    Organisations split into org types (or settings) add up to the challenge's total, so a single
    hidden part could be worked out by subtraction; hiding a second part prevents that.
    """
    for _, rows in frame.groupby(within, sort=False):
        hidden = rows["suppressed"]
        if hidden.sum() == 1 and (~hidden).any():
            smallest = rows.loc[~hidden, "organisations"].astype("float").idxmin()
            frame.loc[smallest, "organisations"] = SUPPRESSED
            frame.loc[smallest, "suppressed"] = True
    return frame


def challenge_breakdown(con: duckdb.DuckDBPyConnection, by: str, min_organisations: int = 3,
                        family: str = "challenge") -> pd.DataFrame:
    """Organisations raising each challenge per org type or setting (`by`), small cells suppressed, and a
    second cell wherever one hidden cell could be worked out from the challenge's total."""
    if by not in ("org_type", "setting"):
        raise ValueError("breakdown is by org_type or setting")
    frame = con.execute(f"""
        SELECT r.code_id, coalesce(r.{by}, 'not given') AS "group", count(DISTINCT r.org_code) AS organisations
        FROM ({_raised(con, family)}) r GROUP BY ALL ORDER BY r.code_id, "group" """).df()
    return suppress_complements(suppress_small_cells(frame, min_organisations))


def challenge_trend(con: duckdb.DuckDBPyConnection, min_organisations: int = 3,
                    family: str = "challenge") -> pd.DataFrame:
    """Organisations raising each challenge per meeting number, small cells suppressed."""
    frame = con.execute(f"""
        SELECT r.code_id, r.meeting_number, count(DISTINCT r.org_code) AS organisations
        FROM ({_raised(con, family)}) r WHERE r.meeting_number IS NOT NULL
        GROUP BY ALL ORDER BY r.code_id, r.meeting_number""").df()
    return suppress_small_cells(frame, min_organisations)
