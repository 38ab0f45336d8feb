"""Files the ingest tests build in tmp_path (CSV, XLSX, DOCX) and how they read the result.

All people, places and texts are invented.
"""
from __future__ import annotations

import csv
from pathlib import Path

import docx
import openpyxl

from pipeline.config import IngestConfig
from pipeline.ingest import ingest_directory
from pipeline.records import IngestResult

AUTHOR = "Wilhelmina Quarrendon"
EMAIL = "w.quarrendon@brackenfold.example"
ORG = "Brackenfold Borough Council"
SECRET_PHRASE = "the purple umbrella conversation"

ALIAS_HEADER = ["ID", "Start time", "Your name", "Email address", "Organisation", "Set", "Meeting no.",
                "Date of meeting", "Role this meeting", "Log type", "What I learned",
                "Questions that had most impact"]



def write_csv(path: Path, rows: list[list[object]], encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle).writerows(rows)
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def write_docx(path: Path, *, title: str | None = None, lines: list[str] = (), table: list[tuple[str, str]] = (),
               sections: list[tuple[str, list[str]]] = (), bullets_in: tuple[str, ...] = ()) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = docx.Document()
    if title:
        document.add_paragraph(title, style="Title")
    for line in lines:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=2)
        for (key, value), row in zip(table, grid.rows):
            row.cells[0].text, row.cells[1].text = key, value
    for heading, paragraphs in sections:
        document.add_heading(heading, level=2)
        for text in paragraphs:
            document.add_paragraph(text, style="List Bullet" if heading in bullets_in else None)
    document.save(path)
    return path


def ingest(root: Path, **config) -> IngestResult:
    return ingest_directory(root, IngestConfig(**config))


def issues_for(result: IngestResult, source: str, severity: str | None = None):
    return [i for i in result.issues if i.source_file == source and (severity is None or i.severity == severity)]


def good_csv(path: Path, submission_id: str = "R-100") -> Path:
    return write_csv(path, [
        ["Submission ID", "Log type", "Name", "Set", "Meeting", "What helped"],
        [submission_id, "Observer", "Ansel Pocklington", "Set 4", "2", "Clear time keeping."],
    ])
