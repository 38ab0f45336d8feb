"""Inputs the tests build (raw logs, small form exports) and what they read back (every stored text,
every table's rows to compare two databases).

Invented people and organisations only: nothing here comes from the development corpus.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from pathlib import Path

import duckdb
import numpy as np
import openpyxl

from pipeline.coding.codebook import load_codebook
from pipeline.queries.meta import CODING_THRESHOLDS
from pipeline.queries.text_columns import text_column_values
from pipeline.records import AnonymisedLog, Coding, LogMetadata, RawField, RawLog, Segment, SegmentedLog
from pipeline.store import RunRecord, Store

TEST_KEY = "test-key-0123456789abcdef-not-secret"

FORM_HEADER = ["submission_id", "log_type", "set_id", "meeting_number", "meeting_date", "author_name",
               "author_email", "organisation", "org_type", "setting", "role", "What hindered the set"]
FORM_ROWS = [
    ["S-1", "observer", "Set Z", "1", "2024-01-09", "Araminta Coldwell", "ac@ridgefold.org.uk", "Ridgefold Trust",
     "charity", "adults", "observer", "Teams kept dropping.\n\nWe ran out of time."],
    ["S-2", "observer", "Set Z", "2", "2024-02-13", "Araminta Coldwell", "ac@ridgefold.org.uk", "Ridgefold Trust",
     "charity", "adults", "observer", "Nobody wanted to host."],
]


def make_log(text_by_prompt: dict[str, str], *, author="Ottilie Brannagh", email="o.brannagh@fernhollow.gov.uk",
             organisation="Fernhollow Borough Council", set_id="Set K", meeting=1, log_type="reflective",
             submission_id="T-1", source_file="forms/test.csv", row=2) -> RawLog:
    meta = LogMetadata(log_type, submission_id, set_id, meeting, dt.date(2024, 2, 13), author, email,
                       organisation, "local_authority", "adults", "presenter")
    fields = [RawField(prompt, text) for prompt, text in text_by_prompt.items()]
    # A stable content digest (the built-in hash() changes from run to run).
    digest = hashlib.sha256(repr((submission_id, tuple(text_by_prompt.items()))).encode("utf-8")).hexdigest()
    return RawLog(source_file, row, meta, fields, digest)


def write_inputs(root: Path, rows=FORM_ROWS, xlsx: bool = True) -> None:
    """A small observer form export as CSV (and the same submissions as XLSX)."""
    root.mkdir(exist_ok=True)
    with open(root / "observer.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([FORM_HEADER] + rows)
    if xlsx:
        book = openpyxl.Workbook()
        book.active.append(FORM_HEADER)
        for row in rows:
            book.active.append(row[:3] + [int(row[3])] + row[4:])
        book.save(root / "observer.xlsx")


def all_text_in_db(db_path: str | Path) -> str:
    """Every text value of every table: what a privacy scan must search."""
    with duckdb.connect(str(db_path), read_only=True) as con:
        return "\n".join(value for _, _, values in text_column_values(con) for value in values)


ROLES, LOGISTICS, ISOLATION = "process.roles", "process.logistics", "challenge.isolation"
TEXTS = ["We swapped the timekeeper role at the start.", "The room was booked twice and we lost an hour.",
         "Nobody else in my team does this job.", "We agreed who would present next time.",
         "The video link froze for most of the meeting.", "I felt on my own with the panel's decision."]


def review_database(db, suggestions: list[tuple[int, str, str, float]], decisions: list[tuple[int, str, str]] = (),
                    thresholds: dict[str, float] | None = None) -> list[str]:
    """A database of one log with a paragraph per TEXTS entry, the given suggestions (paragraph, code,
    method, confidence) and human decisions (paragraph, code, 'accepted' | 'rejected'); segment ids back."""
    doc = AnonymisedLog("D-TEST", "T-1", "sha-test", "reflective", "Set Q", 1, "2024-02", "M-1", "O-1",
                        "charity", "adults", "presenter", [], [])
    segments = [Segment(f"D-TEST-0-{i}", "D-TEST", 0, "What happened", i, text, ()) for i, text in enumerate(TEXTS)]
    ids = [s.segment_id for s in segments]
    codings = [Coding(ids[i], code, method, confidence, "suggested") for i, code, method, confidence in suggestions]
    log = SegmentedLog(doc, segments, [], [], "\n".join(TEXTS), codings)
    run = RunRecord("R-TEST-RUN", "run", dt.datetime(2024, 3, 1), {}, {}, {})
    with Store(db) as store:
        store.write_batch(run, [log], [], load_codebook())
        if thresholds is not None:
            store.record_meta(CODING_THRESHOLDS, json.dumps(thresholds))
        if decisions:
            review = RunRecord("R-TEST-REVIEW", "review", dt.datetime(2024, 3, 2), {}, {}, {})
            store.write_codings(review, [Coding(ids[i], code, "human", 1.0, status) for i, code, status in decisions])
    return ids


# Comparing two databases made from the same inputs (by two engines, or in chunks of two sizes).
# Columns that differ between two runs of the same inputs whatever the engine: each run has its own
# id, and the times at which it wrote. Everything else is compared as stored.
RUN_COLUMNS = {
    "documents": {"run_id", "ingested_at"},
    "entities": {"run_id"},
    "codings": {"run_id", "created_at"},
    "ingest_issues": {"run_id"},
    "redacted_terms": {"run_id"},
    "meta": {"updated_at"},
}
# The runs row is compared apart (same_run_record): besides its id and times it holds durations, and
# the engine and scheduler in its configuration.
APART = {"runs"}
# Sentence vectors are the same rows (segment, model) with values equal to within float noise: the
# sentence model's floats depend on which texts share a batch (one document's on a worker, one chunk's,
# less those the embedder had cached, in one process), by at most 1.6e-7 on the sample.
# The codings and question types made from them are rounded (4 places) and compared exactly.
VECTOR_TOLERANCE = 1e-6
MUST_HOLD_ROWS = ("documents", "segments", "sentences", "entities", "questions", "codings", "segment_embeddings",
                  "codebook", "ingest_issues", "meta")


def stored_rows(db: str) -> dict[str, list[tuple]]:
    """Every table's rows, less the run columns, in a stable order; vectors by (segment, model)."""
    with duckdb.connect(db, read_only=True) as con:
        tables = [name for (name,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1").fetchall()]
        rows = {}
        for table in tables:
            if table in APART:
                continue
            columns = [name for (name,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table]).fetchall() if name not in RUN_COLUMNS.get(table, set())]
            selected = ", ".join(f'"{name}"' for name in columns)
            rows[table] = sorted(con.execute(f'SELECT {selected} FROM "{table}"').fetchall(), key=repr)
    return rows


def same_database(expected_db: str, actual_db: str) -> None:
    expected, actual = stored_rows(expected_db), stored_rows(actual_db)
    assert sorted(expected) == sorted(actual), "the two databases have different tables"
    for table, rows in expected.items():
        if table == "segment_embeddings":
            continue
        differing = sum(a != b for a, b in zip(rows, actual[table]))
        assert len(rows) == len(actual[table]) and not differing, \
            f"{table}: {len(rows)} rows against {len(actual[table])}, {differing} differ"
    vectors = {(segment, model): vector for segment, model, vector in expected["segment_embeddings"]}
    others = {(segment, model): vector for segment, model, vector in actual["segment_embeddings"]}
    assert vectors.keys() == others.keys(), "segment_embeddings: not the same (segment, model) rows"
    far = [key for key in vectors if not np.allclose(vectors[key], others[key], rtol=0, atol=VECTOR_TOLERANCE)]
    assert not far, f"segment_embeddings: {len(far)} vectors differ by more than {VECTOR_TOLERANCE}"


# A second export of the small form (two more submissions by the same member), for runs in chunks.
MORE_ROWS = [["S-3", "observer", "Set Z", "3", "2024-03-12", "Araminta Coldwell", "ac@ridgefold.org.uk",
              "Ridgefold Trust", "charity", "adults", "observer", "The room was cold.\n\nWe started late."],
             ["S-4", "observer", "Set Z", "4", "2024-04-09", "Araminta Coldwell", "ac@ridgefold.org.uk",
              "Ridgefold Trust", "charity", "adults", "observer", "Nobody had read the papers."]]


def every_row(db: str) -> dict[str, list[tuple]]:
    """Every table's rows, every column (run ids and times too), in a stable order."""
    with duckdb.connect(db, read_only=True) as con:
        tables = [name for (name,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1").fetchall()]
        return {table: sorted(con.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr) for table in tables}


def segmented(doc_id: str, source_ref: str, digest: str, text: str, codings: tuple[str, ...] = ()) -> SegmentedLog:
    doc = AnonymisedLog(doc_id, source_ref, digest, "observer", "Set Q", 1, "2024-02", "M-1", "O-1", "charity",
                        "adults", "observer", [], [])
    segment = Segment(f"{doc_id}-0-0", doc_id, 0, "What happened", 0, text, ())
    return SegmentedLog(doc, [segment], [], [], text,
                        [Coding(segment.segment_id, code, "rule", 0.5, "suggested") for code in codings],
                        {segment.segment_id: np.full(4, len(text), dtype=np.float32)}, "test-model")
