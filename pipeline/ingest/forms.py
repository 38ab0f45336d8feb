"""Form exports: one submission per row, header in row 1 (CSV here; XLSX sheets reuse `ingest_table`).

Metadata columns are found by header; every other column whose cell holds
text is an answer. Numbers in other columns (ratings, scores) are not free
text and are left out. Each row is validated on its own, so one bad row costs
only that row.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pipeline.ingest.canonical import content_sha256, normalise_prompt, normalise_text
from pipeline.ingest.columns import ColumnMatcher
from pipeline.ingest.encoding import read_text
from pipeline.ingest.issues import IssueSink
from pipeline.ingest.metadata import RawMetadata, RawValue, is_blank, validate_metadata
from pipeline.records import RawField, RawLog

_NUMERIC = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)*|[.,]\d+)%?")
_SEP_LINE = re.compile(r"sep=(.)\s*")


@dataclass(frozen=True)
class Column:
    label: str  # the header as written (for issues)
    prompt: str  # the header as a field prompt
    key: str | None  # metadata key, ColumnMatcher.IGNORE, or None for a free-text field


@dataclass
class TableOutcome:
    logs: list[RawLog]
    recognised: bool  # False: no metadata column and no log type from the name; nothing was read


def ingest_table(source: str, header: list[object], rows: Iterable[tuple[int, list[object]]],
                 hint: str | None, matcher: ColumnMatcher, sink: IssueSink) -> TableOutcome:
    """Logs from one table. The caller reports an unrecognised table, as its severity depends on context."""
    columns = [_column(cell, matcher) for cell in header]
    keys = {c.key for c in columns if c.key not in (None, ColumnMatcher.IGNORE)}
    if not keys and hint is None:
        return TableOutcome([], recognised=False)
    if "log_type" not in keys and hint is None:
        sink.error("no log type column, and the name does not say observer, reflective or preparation; "
                   "add a 'Log type' column or put the log type in the file name; nothing was read")
        return TableOutcome([], recognised=True)
    logs = []
    for row_number, cells in rows:
        if all(is_blank(c) for c in cells):
            continue
        row_sink = sink.at_row(row_number)
        try:
            log = _row_log(source, row_number, columns, cells, hint, row_sink)
        except Exception as error:  # one odd cell must not cost the rest of the file
            row_sink.error(f"row could not be read ({type(error).__name__}); row skipped")
            continue
        if log is not None:
            logs.append(log)
    return TableOutcome(logs, recognised=True)


def read_csv_file(path: Path, source: str, hint: str | None, matcher: ColumnMatcher,
                  sink: IssueSink) -> list[RawLog]:
    text = read_text(path, sink)
    if text is None:
        return []
    try:
        records = parse_csv(text)
    except csv.Error:
        sink.error("file is not a well-formed CSV (a cell over the CSV reader's size limit, or broken "
                   "quoting); nothing was read")
        return []
    if not records:
        sink.error("file has no header row")
        return []
    header = records[0]
    rows = ((number, cells) for number, cells in enumerate(records[1:], start=2))
    outcome = ingest_table(source, header, rows, hint, matcher, sink)
    if not outcome.recognised:
        sink.error(no_metadata_message("file"))
    elif len(records) < 2:
        sink.warning("file has a header row but no submissions")
    return outcome.logs


def parse_csv(text: str) -> list[list[str]]:
    """All records, blank lines kept as [] so that list index + 1 is the row number Excel shows."""
    lines = text.split("\n", 1)
    delimiter = None
    sep = _SEP_LINE.fullmatch(lines[0].strip("\r"))
    if sep:  # Excel's "sep=;" hint line: Excel hides it, so rows are numbered without it
        delimiter, text = sep.group(1), (lines[1] if len(lines) > 1 else "")
    delimiter = delimiter or _guess_delimiter(text.split("\n", 1)[0])
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def no_metadata_message(what: str) -> str:
    return (f"{what} has no recognisable metadata column (log type, set, meeting, date, name, email...) "
            "and its name does not say observer, reflective or preparation; nothing was read")


def _column(cell: object, matcher: ColumnMatcher) -> Column:
    label = normalise_prompt("" if cell is None else str(cell).replace("\ufeff", ""))
    return Column(label, label, matcher.classify(label))


def _row_log(source: str, row_number: int, columns: list[Column], cells: list[object], hint: str | None,
             sink: IssueSink) -> RawLog | None:
    raw: RawMetadata = {}
    fields: list[RawField] = []
    for index, cell in enumerate(cells):
        if index >= len(columns):
            if not is_blank(cell):
                sink.warning("row has more cells than the header has columns; the extra cells were ignored")
                break
            continue
        column = columns[index]
        if column.key == ColumnMatcher.IGNORE:
            continue
        if column.key is not None:
            if column.key not in raw or is_blank(raw[column.key].value):
                raw[column.key] = RawValue(cell, column.label)
            continue
        if isinstance(cell, str) and not _NUMERIC.fullmatch(cell.strip()):
            text = normalise_text(cell)
            if text:
                fields.append(RawField(column.prompt, text))
    if not fields:
        sink.warning("row has no free-text answers; row skipped")
        return None
    metadata = validate_metadata(raw, hint, sink)
    if metadata is None:
        return None
    return RawLog(source, row_number, metadata, fields, content_sha256(metadata, fields))


def _guess_delimiter(header_line: str) -> str:
    """Comma unless the header clearly uses semicolons (European Excel) or tabs."""
    unquoted = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: unquoted.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","
