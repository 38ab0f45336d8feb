"""Inputs the tests build (raw logs, small form exports) and what they read back (every stored text).

Invented people and organisations only: nothing here comes from the development corpus.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
from pathlib import Path

import duckdb
import openpyxl

from pipeline.queries.text_columns import text_column_values
from pipeline.records import LogMetadata, RawField, RawLog

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
