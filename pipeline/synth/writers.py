"""File writers shared by the synthetic generator and scripts/build_sample_data.py.

Every writer is deterministic: the same content gives byte-identical files. CSV rows are written
Excel-style (CRLF, newlines inside quoted cells); DOCX and XLSX archives get fixed entry timestamps
and fixed created/modified dates, since a zip stamps the clock into every entry.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

import docx
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn

FIXED_TIME = dt.datetime(2024, 6, 3, 9, 0, 0)  # stamped into every DOCX/XLSX archive and its core properties
LOG_TITLE = {"observer": "Observer log", "reflective": "Reflective log", "preparation": "Preparation sheet"}
_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*")
_QUESTION_PREFIX = {"plain": lambda i: "", "bullet": lambda i: "- ", "number": lambda i: f"{i}. "}


def question_lines(questions: Iterable[str], style: str) -> str:
    """Questions one per line, as people type them into a form cell: "plain", "bullet" ("- ") or "number" ("1. ")."""
    prefix = _QUESTION_PREFIX[style]
    return "\n".join(prefix(i) + question for i, question in enumerate(questions, 1))


def write_csv(path: Path, rows: Iterable[list], encoding: str = "utf-8") -> None:
    """Rows as Excel writes them; `encoding` is strict, so cp1252 fails on a character it lacks."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    Path(path).write_bytes(buffer.getvalue().encode(encoding))


def front_matter_text(front: dict, sections: Iterable[tuple[str, str]]) -> str:
    """A Markdown or plain-text log: YAML front matter ("key: value"), then "## heading" and body per section."""
    lines = ["---", *(f"{key}: {value}" for key, value in front.items()), "---", ""]
    for heading, body in sections:
        lines += [f"## {heading}", "", body, ""]
    return "\n".join(lines)


def write_text(path: Path, text: str) -> None:
    Path(path).write_text(text, encoding="utf-8", newline="\n")


def write_fixed_time_zip(path: Path, entries: Iterable[tuple[str, bytes]]) -> None:
    """An Office archive with fixed entry timestamps and fixed created/modified dates in docProps/core.xml."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = _CORE_DATES.sub(rb"\g<1>" + stamp, data)
            entry = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            archive.writestr(entry, data)


def save_workbook(book, path: Path, creator: str) -> None:
    """Save an openpyxl workbook reproducibly: fixed creator and dates, then the archive rewritten at fixed time."""
    book.properties.creator = book.properties.last_modified_by = creator
    book.properties.created = FIXED_TIME
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    write_fixed_time_zip(path, entries)


class DocxWriter:
    """Word files from one python-docx document, refilled per file: the parts other than the body are built
    once (python-docx's template is slow to load), and each file is stamped with FIXED_TIME.

        writer = DocxWriter("ALS Insight synth")
        writer.start("Reflective log")
        writer.lines(["set_id: Set 1"])
        writer.section("What I learned", ["First paragraph.", "Second."])
        writer.save(path)
    """

    def __init__(self, creator: str) -> None:
        self.document = docx.Document()
        props = self.document.core_properties
        props.author = props.last_modified_by = creator
        props.created = props.modified = FIXED_TIME
        props.revision = 1
        buffer = io.BytesIO()
        self.document.save(buffer)
        with zipfile.ZipFile(buffer) as source:
            self.parts = [(info.filename, source.read(info)) for info in source.infolist()]

    def start(self, title: str) -> None:
        """Empty the body (keeping its section properties) and add the title."""
        body = self.document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        self.paragraph(title, "Title")

    def paragraph(self, text: str, style_id: str | None = None) -> None:
        paragraph = self.document.add_paragraph(text)
        if style_id:
            paragraph._p.style = style_id  # by id: python-docx's lookup by style name is slow

    def lines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.paragraph(line)

    def table(self, rows: Iterable[tuple[str, str]]) -> None:
        """A two-column grid, as the handbook's metadata table."""
        table = self.document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for key, value in rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = key, value

    def section(self, heading: str, paragraphs: Iterable[str], bulleted: bool = False) -> None:
        """A Heading 1, then one paragraph per item (List Bullet paragraphs when `bulleted`)."""
        self.paragraph(heading, "Heading1")
        for text in paragraphs:
            self.paragraph(text, "ListBullet" if bulleted else None)

    def save(self, path: Path) -> None:
        body = serialize_part_xml(self.document.element)
        write_fixed_time_zip(path, ((name, body if name == "word/document.xml" else data)
                                    for name, data in self.parts))
