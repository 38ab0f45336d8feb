"""The systemic rule discriminates: a share of the organisations taking part, in more than one set.

A real database is built in tmp_path with twelve organisations in two sets; one challenge is raised
by six of them across both sets, one by three within one set."""
from __future__ import annotations

import datetime as dt

import duckdb

from pipeline.config import Config
from pipeline.queries.systemic import SystemicRule, challenge_summary
from pipeline.store import Store

CODES = [("challenge.wide", "Wide"), ("challenge.local", "Local"), ("challenge.quiet", "Quiet")]


def build(db: str) -> None:
    Store(db).close()
    now = dt.datetime(2024, 5, 1)
    with duckdb.connect(db) as con:
        con.executemany("INSERT INTO codebook (code_id, family, name, definition) VALUES (?, 'challenge', ?, '')",
                        CODES)
        con.execute("INSERT INTO runs (run_id, command, started_at) VALUES ('R-1', 'run', ?)", [now])
        for org in range(12):
            set_id = "Set A" if org < 6 else "Set B"
            doc = f"D-{org:02d}"
            con.execute("INSERT INTO documents (doc_id, source_ref, source_sha256, log_type, set_id, meeting_number, "
                        "org_code, text, ingested_at, run_id) VALUES (?, ?, ?, 'reflective', ?, 1, ?, 'x', ?, 'R-1')",
                        [doc, doc, doc, set_id, f"O-{org:06d}", now])
            con.execute("INSERT INTO segments (segment_id, doc_id, field_index, field_prompt, paragraph_index, text) "
                        "VALUES (?, ?, 0, 'What happened', 0, 'x')", [f"{doc}-0-0", doc])
            raised = []
            if org in (0, 1, 2, 6, 7, 8):  # six of twelve, three in each set
                raised.append("challenge.wide")
            if org in (3, 4, 5):  # three of twelve, all in Set A
                raised.append("challenge.local")
            for code in raised:
                con.execute("INSERT INTO codings (segment_id, code_id, method, confidence, status, run_id) "
                            "VALUES (?, ?, 'rule', 1.0, 'suggested', 'R-1')", [f"{doc}-0-0", code])


def test_default_rule_flags_six_of_twelve_across_two_sets_and_not_three_within_one(tmp_path):
    db = str(tmp_path / "systemic.duckdb")
    build(db)
    rule = SystemicRule.from_config(Config().dashboard)
    with duckdb.connect(db, read_only=True) as con:
        summary = challenge_summary(con, Config().dashboard.min_organisations, rule).set_index("code_id")
    assert summary.loc["challenge.wide", "systemic"] and summary.loc["challenge.wide", "share"] == 0.5
    assert not summary.loc["challenge.local", "systemic"]  # 25 % of organisations and one set
    assert summary.loc["challenge.local", "organisations"] == 3 and summary.loc["challenge.local", "sets"] == 1
    assert summary.loc["challenge.quiet", "suppressed"] and not summary.loc["challenge.quiet", "systemic"]
    assert list(summary.index[:2]) == ["challenge.wide", "challenge.local"]  # ranked by share


def test_the_rule_is_stated_the_same_everywhere():
    text = SystemicRule.from_config(Config().dashboard).describe()
    assert text == "raised by at least 50% of the organisations taking part, in at least 2 sets, and by at least " \
                   "3 organisations"


def test_breakdown_tables_read_the_same_in_every_cell_and_reach_the_browser():
    """Counts and suppressed cells side by side: all text, so the browser table takes the column whole
    (a column of numbers and words is one Streamlit must fall back on, and logs as an error)."""
    import pandas as pd
    import pyarrow as pa

    from pipeline.labels import CodeLabels
    from pipeline.tables import NOT_SHOWN, breakdown_table

    codes = CodeLabels(pd.DataFrame({"code_id": ["challenge.wide"], "family": ["challenge"], "name": ["Wide"],
                                     "definition": [""]}))
    breakdown = pd.DataFrame({"code_id": ["challenge.wide"] * 3, "group": ["local_authority", "fostering_agency",
                                                                         "not given"],
                              "organisations": pd.array([1204, None, None], dtype="Int64"),
                              "suppressed": [False, True, True]})
    table = breakdown_table(breakdown, "org_type", codes, 3)
    assert sorted(table.loc["Wide"].tolist()) == sorted(["1,204", NOT_SHOWN, NOT_SHOWN])
    assert "Not given" in table.columns and "local_authority" not in table.columns
    pa.Table.from_pandas(table)  # raises on a mixed column
