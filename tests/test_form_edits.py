"""A form export without a response-id column: an edited row replaces its stored version, and says so.

Without an id, a row is known by who answered which form for which meeting; a new content under
that identity is the author's edit. Review decisions on unchanged paragraphs move to the edit."""
from __future__ import annotations

import csv
import datetime as dt

import duckdb
import pytest

from pipeline.ingest.dedupe import dedupe
from pipeline.records import LogMetadata, RawField, RawLog
from pipeline.run import run_pipeline
from pipeline.store import RunRecord, Store
from pipeline.records import Coding

HEADER = ["log_type", "set_id", "meeting_number", "author_name", "author_email", "What hindered the set"]
FIRST = ["observer", "Set Q", "2", "Peregrine Aldwinkle", "pa@thornbury-vale.org.uk",
         "The link failed twice.\n\nWe ran out of time."]
EDITED = FIRST[:5] + ["The link failed twice.\n\nWe ran out of time, so the last round was cut short."]
OTHER_MEETING = FIRST[:2] + ["3"] + FIRST[3:]


def write_form(folder, *rows) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "observer.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER, *rows])


def documents(db: str) -> list[tuple]:
    with duckdb.connect(db, read_only=True) as con:
        return con.execute("SELECT source_ref, meeting_number, doc_id FROM documents ORDER BY meeting_number").fetchall()


def table_counts(db: str) -> dict[str, int]:
    with duckdb.connect(db, read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "segments", "sentences", "entities")}


def raw_log(row: int, text: str, meeting: int = 2, author: str | None = "Peregrine Aldwinkle") -> RawLog:
    meta = LogMetadata("observer", None, "Set Q", meeting, None, author, None)
    return RawLog("observer.csv", row, meta, [RawField("What hindered the set", text)], f"{row}-{text}")


def test_a_later_row_with_the_same_author_and_meeting_is_kept_as_the_edit():
    kept, issues = dedupe([raw_log(2, "first"), raw_log(3, "another meeting", meeting=3), raw_log(4, "edited")])
    assert [log.fields[0].text for log in kept] == ["edited", "another meeting"]
    assert [(i.row, i.severity) for i in issues] == [(4, "warning")]
    assert "observer.csv row 2" in issues[0].message and "edit" in issues[0].message


def test_rows_with_no_author_are_never_taken_for_edits_of_each_other():
    kept, issues = dedupe([raw_log(2, "first", author=None), raw_log(3, "second", author=None)])
    assert len(kept) == 2 and issues == []


def test_the_reference_is_keyed_and_survives_an_edit(anonymiser):
    first, edited = raw_log(2, "first"), raw_log(5, "edited")
    refs = {anonymiser.pseudonymiser.submission_ref("observer", log.content_sha256, log.metadata.edit_identity())
            for log in (first, edited)}
    assert len(refs) == 1 and next(iter(refs)).startswith("R-")
    assert "aldwinkle" not in next(iter(refs)).casefold()
    anonymous = raw_log(2, "first", author=None)
    ref = anonymiser.pseudonymiser.submission_ref("observer", anonymous.content_sha256, None)
    assert ref.startswith("H-") and anonymous.content_sha256[:12] not in ref  # keyed, not the raw hash


@pytest.mark.slow
def test_an_edited_row_replaces_the_stored_version_and_says_so(tmp_path, config, anonymiser):
    write_form(tmp_path / "march", FIRST, OTHER_MEETING)
    run_pipeline(tmp_path / "march", config, anonymiser=anonymiser)
    before = documents(config.store.db)
    assert len(before) == 2
    write_form(tmp_path / "april", EDITED, OTHER_MEETING)
    summary = run_pipeline(tmp_path / "april", config, anonymiser=anonymiser)
    after = documents(config.store.db)
    assert [ref for ref, _, _ in after] == [ref for ref, _, _ in before]  # same references, still two
    assert after[0][2] != before[0][2] and after[1] == before[1]  # meeting 2 replaced, meeting 3 untouched
    assert summary.replaced == 1 and summary.documents_stored == 1 and summary.already_stored == 1
    assert any(i.severity == "info" and "replaced" in i.message for i in summary.issues)
    assert not summary.failed_inputs
    with duckdb.connect(config.store.db, read_only=True) as con:
        texts = [r[0] for r in con.execute("SELECT text FROM segments").fetchall()]
        orphans = con.execute("SELECT count(*) FROM segments s LEFT JOIN documents d USING (doc_id) "
                              "WHERE d.doc_id IS NULL").fetchone()[0]
    assert any("cut short" in t for t in texts) and orphans == 0
    assert sum(t.startswith("We ran out of time") for t in texts) == 2  # edit + other meeting, no old copy


@pytest.mark.slow
def test_review_decisions_on_unchanged_paragraphs_move_to_the_edit(tmp_path, config, anonymiser):
    write_form(tmp_path / "march", FIRST)
    run_pipeline(tmp_path / "march", config, anonymiser=anonymiser)
    with duckdb.connect(config.store.db, read_only=True) as con:
        segments = dict(con.execute("SELECT paragraph_index, segment_id FROM segments").fetchall())
    decided = RunRecord("R-review", "review import", dt.datetime(2024, 4, 1), {}, {})
    with Store(config.store.db) as store:
        store.write_codings(decided, [Coding(segments[0], "challenge.technology", "human", None, "accepted"),
                                      Coding(segments[1], "challenge.time", "human", None, "rejected")])
    write_form(tmp_path / "april", EDITED)
    summary = run_pipeline(tmp_path / "april", config, anonymiser=anonymiser)
    note = next(i.message for i in summary.issues if "replaced" in i.message)
    assert "1 review decision(s) moved" in note and "1 review decision(s) on paragraphs the edit changed" in note
    with duckdb.connect(config.store.db, read_only=True) as con:
        human = con.execute("SELECT s.text, c.code_id, c.status FROM codings c JOIN segments s USING (segment_id) "
                            "WHERE c.method = 'human'").fetchall()
    assert human == [("The link failed twice.", "challenge.technology", "accepted")]
