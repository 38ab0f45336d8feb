"""The read side has one home: no SQL outside pipeline/queries/ and pipeline/store.py, and one rule
for which codings count, so the overview and the theme pages agree after a person's rejection."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import duckdb
import pytest

from pipeline.queries import overview
from pipeline.queries.filters import Filters
from pipeline.queries.themes import code_by_set
from pipeline.records import Coding
from pipeline.store import RunRecord, Store

ROOT = Path(__file__).resolve().parent.parent
READ_SIDE = ROOT / "pipeline" / "queries"
WRITER = ROOT / "pipeline" / "store.py"
SQL_WORDS = re.compile(r"\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b")


def runtime_sources():
    for folder in ("pipeline", "dashboards"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if READ_SIDE not in path.parents and path != WRITER:
                yield path


def test_no_sql_outside_the_read_side_and_the_store():
    offenders = [f"{path.relative_to(ROOT)}:{number}" for path in runtime_sources()
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if SQL_WORDS.search(line)]
    assert not offenders, "SQL belongs in pipeline/queries/ (reads) or pipeline/store.py (writes): " + ", ".join(offenders)


def test_the_sql_check_sees_sql():
    # The check above must be able to fail: it finds the SQL the read side does hold.
    assert any(SQL_WORDS.search(path.read_text(encoding="utf-8")) for path in READ_SIDE.glob("*.py"))


def _reject(db: str, segment_id: str, code_id: str) -> None:
    run = RunRecord("R-TEST-REVIEW", "review", dt.datetime(2024, 3, 1), {}, {}, {})
    with Store(db) as store:
        store.write_codings(run, [Coding(segment_id, code_id, "human", 1.0, "rejected")])


@pytest.mark.slow
def test_overview_and_themes_agree_after_a_human_rejection(small_db):
    with duckdb.connect(small_db, read_only=True) as con:
        before = overview.programme_counts(con)
        themes_before = code_by_set(con, Filters(), "paragraphs")
        # A paragraph with exactly one code: rejecting it leaves the paragraph uncoded.
        single = con.execute("SELECT segment_id, any_value(code_id) FROM codings WHERE status = 'suggested' "
                             "GROUP BY segment_id HAVING count(DISTINCT code_id) = 1 ORDER BY 1 LIMIT 1").fetchone()
    assert single, "the small database should have a paragraph with one suggested code"
    segment_id, code_id = single
    _reject(small_db, segment_id, code_id)
    with duckdb.connect(small_db, read_only=True) as con:
        after = overview.programme_counts(con)
        themes_after = code_by_set(con, Filters(), "paragraphs")
    assert after["coded_paragraphs"] == before["coded_paragraphs"] - 1
    coded = lambda frame: int(frame.loc[frame.code_id == code_id, "coded"].sum())  # noqa: E731
    assert coded(themes_after) == coded(themes_before) - 1


def test_one_hidden_part_of_a_total_is_never_left_to_subtraction():
    import pandas as pd

    from pipeline.queries.systemic import suppress_complements, suppress_small_cells

    parts = pd.DataFrame({"code_id": ["c1"] * 3 + ["c2"] * 3, "group": ["a", "b", "c"] * 2,
                          "organisations": [2, 5, 4, 6, 7, 3]})
    shown = suppress_complements(suppress_small_cells(parts, 3))
    c1 = shown[shown.code_id == "c1"].set_index("group")
    assert c1["suppressed"].tolist() == [True, False, True]  # 2 is small; 4, the next smallest, goes too
    assert c1["organisations"].isna().tolist() == [True, False, True]
    assert not shown[shown.code_id == "c2"]["suppressed"].any()  # nothing hidden: nothing to protect


def test_logs_without_a_set_count_in_their_own_column(tmp_path):
    from pipeline.queries.themes import code_by_set

    with duckdb.connect(str(tmp_path / "nosets.duckdb")) as con:
        con.execute((ROOT / "data_schema" / "schema.sql").read_text(encoding="utf-8"))
        con.execute("INSERT INTO codebook (code_id, family, name, definition) VALUES ('c.one', 'c', 'One', 'd')")
        for doc, set_id in (("d1", None), ("d2", "Set A")):
            con.execute("INSERT INTO documents (doc_id, source_ref, source_sha256, log_type, set_id, text, "
                        "ingested_at, run_id) VALUES (?, ?, ?, 'observer', ?, 't', now(), 'R')", [doc, doc, doc, set_id])
            con.execute("INSERT INTO segments VALUES (?, ?, 0, 'p', 0, NULL, 't')", [doc + "s", doc])
            con.execute("INSERT INTO codings (segment_id, code_id, method, confidence, status, run_id) "
                        "VALUES (?, 'c.one', 'rule', 1, 'suggested', 'R')", [doc + "s"])
        grid = code_by_set(con, Filters(), "documents")
    assert grid["share"].tolist() == [1.0, 1.0]  # the set-less log is coded, not 0 of 1


def test_a_database_from_before_the_codebook_examples_still_reads(tmp_path):
    """Readers open databases read-only and cannot migrate them: an older codebook table still reads."""
    import duckdb as _duckdb

    from pipeline.queries.facets import codebook

    db = tmp_path / "older.duckdb"
    with _duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE codebook (code_id VARCHAR PRIMARY KEY, family VARCHAR, name VARCHAR, "
                    "definition VARCHAR)")
        con.execute("INSERT INTO codebook VALUES ('process.roles', 'process', 'Rotating set roles', 'Roles.')")
    with _duckdb.connect(str(db), read_only=True) as con:
        frame = codebook(con)
    assert frame["name"].tolist() == ["Rotating set roles"]
    assert list(frame["include_examples"][0]) == [] and list(frame["exclude_examples"][0]) == []
