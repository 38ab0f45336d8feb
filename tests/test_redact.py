"""What slipped through, found and removed after the fact: `als audit --suspects`, then `als redact`.

A survivor is planted in the stored text (as if the anonymiser had kept it); the suspects list
shows it, redaction removes it from every table and the next export, and the next run with the
same key removes it from new logs too, while the database keeps only a keyed hash of it."""
from __future__ import annotations

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.run import run_pipeline
from tests.builders import all_text_in_db, write_inputs

runner = CliRunner()
SURVIVOR = "Quorvathy"  # invented: a surname no list knows, kept as if it were a word


def plant(db: str) -> None:
    with duckdb.connect(db) as con:
        segment_id, doc_id, text = con.execute(
            "SELECT segment_id, doc_id, text FROM segments ORDER BY segment_id LIMIT 1").fetchone()
        planted = f"{text} We asked {SURVIVOR} to join."
        con.execute("UPDATE segments SET text = ? WHERE segment_id = ?", [planted, segment_id])
        con.execute("UPDATE sentences SET text = text || ? WHERE segment_id = ? AND sentence_index = 0",
                    [f" We asked {SURVIVOR} to join.", segment_id])
        con.execute("UPDATE documents SET text = replace(text, ?, ?) WHERE doc_id = ?", [text, planted, doc_id])
        con.execute("UPDATE topics SET label = ? WHERE true", [f"{SURVIVOR.lower()} · link · time"])


def said(result) -> str:
    return " ".join(result.output.split())


@pytest.mark.slow
def test_a_planted_survivor_is_listed_redacted_everywhere_and_removed_from_later_runs(
        small_db, tmp_path, key_file, config, anonymiser):
    plant(small_db)
    listed = runner.invoke(app, ["audit", "--db", small_db, "--suspects"])
    assert SURVIVOR in said(listed) and "unknown capitalised word" in said(listed)

    done = runner.invoke(app, ["redact", "--db", small_db, "--term", SURVIVOR, "--key-file", str(key_file)])
    assert done.exit_code == 0, done.output
    assert "1 occurrence(s) in 1 document(s)" in said(done)
    assert SURVIVOR.casefold() not in all_text_in_db(small_db).casefold()
    with duckdb.connect(small_db, read_only=True) as con:
        text = con.execute("SELECT text FROM segments WHERE text LIKE '%We asked%'").fetchone()[0]
        manual = con.execute("SELECT placeholder FROM entities WHERE detector = 'manual'").fetchall()
        digests = con.execute("SELECT count(*) FROM redacted_terms").fetchone()[0]
    assert manual and f"We asked {manual[0][0]} to join." in text and digests == 1
    out = tmp_path / "export.jsonl"
    assert runner.invoke(app, ["export", "--db", small_db, "--out", str(out)]).exit_code == 0
    assert SURVIVOR.casefold() not in out.read_text(encoding="utf-8").casefold()

    write_inputs(tmp_path / "later", rows=[["S-9", "observer", "Set Z", "4", "2024-04-09", "Araminta Coldwell",
                                            "ac@ridgefold.org.uk", "Ridgefold Trust", "charity", "adults", "observer",
                                            f"The room was cold and {SURVIVOR} was late."]], xlsx=False)
    summary = run_pipeline(tmp_path / "later", config, anonymiser=anonymiser)
    assert summary.documents_stored == 1
    assert SURVIVOR.casefold() not in all_text_in_db(small_db).casefold()
    with duckdb.connect(small_db, read_only=True) as con:
        found_by = con.execute("SELECT detector FROM entities WHERE run_id = ? AND entity_type = 'PERSON'",
                               [summary.run_id]).fetchall()
    assert ("manual",) in found_by  # known from the keyed hash, not found again by chance


def test_redact_refuses_without_a_term_or_a_key(small_db, monkeypatch):
    monkeypatch.delenv("ALS_PSEUDONYM_KEY", raising=False)
    assert runner.invoke(app, ["redact", "--db", small_db]).exit_code == 2
    result = runner.invoke(app, ["redact", "--db", small_db, "--term", "Someone"])
    assert result.exit_code == 3 and "key" in said(result)


def test_redact_refuses_an_unknown_type(small_db, key_file):
    result = runner.invoke(app, ["redact", "--db", small_db, "--term", "Someone", "--type", "PLANET",
                                 "--key-file", str(key_file)])
    assert result.exit_code == 2 and "unknown type" in said(result)
