"""The database: one transaction per batch, no duplicates, issues recorded without raw text."""
from __future__ import annotations

import csv

import duckdb
import pytest

from pipeline.run import run_pipeline
from pipeline.store import Store
from tests.builders import FORM_HEADER as HEADER, FORM_ROWS as ROWS, TEST_KEY, write_inputs

pytestmark = pytest.mark.slow


def count(db, table):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_same_submission_in_csv_and_xlsx_stored_once(tmp_path, config, anonymiser):
    write_inputs(tmp_path / "in")
    summary = run_pipeline(tmp_path / "in", config, anonymiser=anonymiser)
    assert summary.documents_stored == 2
    assert count(config.store.db, "documents") == 2
    assert count(config.store.db, "segments") == 3


def test_rerun_adds_no_documents_but_records_the_run(tmp_path, config, anonymiser):
    write_inputs(tmp_path / "in")
    run_pipeline(tmp_path / "in", config, anonymiser=anonymiser)
    again = run_pipeline(tmp_path / "in", config, anonymiser=anonymiser)
    assert again.documents_stored == 0 and again.already_stored == 2
    assert count(config.store.db, "documents") == 2
    assert count(config.store.db, "runs") == 2


def test_changed_content_under_a_stored_id_is_reported_not_stored(tmp_path, config, anonymiser):
    write_inputs(tmp_path / "in", xlsx=False)
    run_pipeline(tmp_path / "in", config, anonymiser=anonymiser)
    changed = [ROWS[0][:-1] + ["Completely different text now."]]
    write_inputs(tmp_path / "in", rows=changed, xlsx=False)
    summary = run_pipeline(tmp_path / "in", config, anonymiser=anonymiser)
    assert summary.documents_stored == 0
    con = duckdb.connect(config.store.db, read_only=True)
    messages = [m for (m,) in con.execute("SELECT message FROM ingest_issues WHERE source_ref = 'S-1'").fetchall()]
    con.close()
    assert any("already stored with different content" in m for m in messages)


def test_failed_batch_leaves_database_unchanged(tmp_path, config, anonymiser, monkeypatch):
    write_inputs(tmp_path / "in", xlsx=False)

    def explode(self, run_id, issues):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "_insert_issues", explode)
    with pytest.raises(RuntimeError, match="disk full"):
        run_pipeline(tmp_path / "in", config, anonymiser=anonymiser)
    for table in ("documents", "segments", "entities", "runs"):
        assert count(config.store.db, table) == 0


def test_runs_row_records_config_and_versions_but_not_the_key(tmp_path, config, anonymiser):
    write_inputs(tmp_path / "in", xlsx=False)
    run_pipeline(tmp_path / "in", config, anonymiser=anonymiser)
    con = duckdb.connect(config.store.db, read_only=True)
    config_json, versions, summary = con.execute("SELECT config, versions, summary FROM runs").fetchone()
    con.close()
    assert '"spacy"' in versions and '"documents_stored": 2' in summary
    assert TEST_KEY not in config_json


def test_submission_ids_are_scoped_by_log_type(tmp_path, config, anonymiser):
    """MS Forms numbers each form's responses from 1: two forms' response 1 are two documents."""
    root = tmp_path / "in"
    write_inputs(root, rows=[["1"] + ROWS[0][1:]], xlsx=False)
    reflective = [h if h != "What hindered the set" else "What I learned" for h in HEADER]
    with open(root / "reflective.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([reflective, ["1", "reflective"] + ROWS[1][2:]])
    summary = run_pipeline(root, config, anonymiser=anonymiser)
    assert summary.documents_stored == 2
    assert not [i for i in summary.issues if i.severity == "error"]


def test_one_file_instead_of_a_folder_is_read(tmp_path, config, anonymiser):
    write_inputs(tmp_path / "in", xlsx=False)
    summary = run_pipeline(tmp_path / "in" / "observer.csv", config, anonymiser=anonymiser)
    assert summary.documents_stored == 2
