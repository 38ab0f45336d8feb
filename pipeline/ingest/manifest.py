"""The manifest: a CSV at the input root giving or overriding metadata of documents.

Word and text logs often arrive without reliable metadata (a template's
"Name:" left blank, a file renamed by email); the programme lead keeps a
spreadsheet instead. Its values win over the document's own. Form exports
carry their metadata per row and are not touched by the manifest.
Rows are matched by path relative to the input folder, or by bare file name
when that is unambiguous; messages never quote the manifest's cells.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.ingest.columns import ColumnMatcher, normalise_header
from pipeline.ingest.encoding import read_text
from pipeline.ingest.issues import IssueSink
from pipeline.ingest.metadata import RawMetadata, RawValue, is_blank
from pipeline.ingest.readers.csv_reader import parse_csv, report_unclosed_quotes

FILE_HEADERS = {"file", "file name", "filename", "path", "file path", "document", "document name"}
DOCUMENT_SUFFIXES = (".docx", ".txt", ".md", ".markdown")


def read_manifest(path: Path, manifest_name: str, files: list[str], matcher: ColumnMatcher,
                  sink: IssueSink) -> dict[str, RawMetadata]:
    """Overrides keyed by document path (relative, forward slashes), as given in the batch's `files`."""
    text = read_text(path, sink)
    if text is None:
        return {}
    parsed = parse_csv(text)
    report_unclosed_quotes(parsed, sink)
    records = parsed.records
    header = [str(cell).replace("\ufeff", "").strip() for cell in (records[0] if records else [])]
    file_column = next((i for i, h in enumerate(header) if normalise_header(h) in FILE_HEADERS), None)
    if file_column is None:
        sink.error("manifest has no 'file' column naming the documents; manifest ignored")
        return {}
    keys = {i: matcher.metadata_key(h) for i, h in enumerate(header) if i != file_column}
    keys = {i: key for i, key in keys.items() if key is not None}
    if not keys:
        sink.warning("manifest has no recognisable metadata column; it gives nothing")
    overrides: dict[str, RawMetadata] = {}
    first_row: dict[str, int] = {}
    for number, cells in enumerate(records[1:], start=2):
        if all(is_blank(c) for c in cells):
            continue
        row_sink = sink.at_row(number)
        name = cells[file_column] if file_column < len(cells) else ""
        target = _resolve(name, files, row_sink, header[file_column])
        if target is None:
            continue
        if target in first_row:
            row_sink.warning(f"this file is already given in row {first_row[target]}; row ignored",
                             header[file_column])
            continue
        first_row[target] = number
        overrides[target] = {key: RawValue(cells[i], header[i], origin=f"{manifest_name} row {number}")
                             for i, key in keys.items() if i < len(cells) and not is_blank(cells[i])}
    return overrides


def _resolve(name: str, files: list[str], sink: IssueSink, column: str) -> str | None:
    wanted = name.strip().replace("\\", "/")
    while wanted.startswith("./"):
        wanted = wanted[2:]
    if not wanted:
        sink.warning("row names no file; row ignored", column)
        return None
    matches = [f for f in files if f == wanted] or [f for f in files if f.lower() == wanted.lower()]
    if not matches and "/" not in wanted:
        matches = [f for f in files if f.rsplit("/", 1)[-1].lower() == wanted.lower()]
    if not matches:
        sink.warning("names a file that does not exist in the input folder; row ignored", column)
        return None
    if len(matches) > 1:
        sink.warning(f"file name matches {len(matches)} files in different folders; give the path relative "
                     "to the input folder; row ignored", column)
        return None
    if not matches[0].lower().endswith(DOCUMENT_SUFFIXES):
        sink.warning("names a file that is not a DOCX, TXT or Markdown document; the manifest applies only "
                     "to documents (form exports carry their own metadata); row ignored", column)
        return None
    return matches[0]
