"""CSV form exports: the file is one table read by `forms.ingest_table`.

The encoding is guessed (`encoding.read_text`), and so is the delimiter, as
Excel writes semicolons where the decimal separator is a comma. A quote left
open costs its row, reported, rather than the rows it would swallow.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.ingest.canonical import normalise_prompt
from pipeline.ingest.encoding import read_text
from pipeline.ingest.forms import ingest_table, no_metadata_message
from pipeline.ingest.issues import IssueSink
from pipeline.ingest.readers.base import ReadContext, Reader
from pipeline.records import RawLog

_SEP_LINE = re.compile(r"sep=(.)\s*")


class CsvReader(Reader):
    suffixes = (".csv",)

    def read(self, path: Path, context: ReadContext) -> list[RawLog]:
        sink = context.sink
        text = read_text(path, sink)
        if text is None:
            return []
        try:
            parsed = parse_csv(text)
        except csv.Error:
            sink.error("file is not a well-formed CSV (broken quoting); nothing was read")
            return []
        records = parsed.records
        report_unclosed_quotes(parsed, sink)
        if not records:
            sink.error("file has no header row")
            return []
        header = records[0]
        rows = ((number, cells) for number, cells in enumerate(records[1:], start=2))
        outcome = ingest_table(header, rows, context)
        if not outcome.recognised:
            sink.error(no_metadata_message("file"))
        elif len(records) < 2:
            sink.warning("file has a header row but no submissions")
        return outcome.logs


@dataclass
class CsvRecords:
    records: list[list[str]]  # blank lines kept as [], so that list index + 1 is the row number Excel shows
    unclosed: list[tuple[int, int]] = field(default_factory=list)  # (row, cell index) of a quote never closed


def parse_csv(text: str) -> CsvRecords:
    """All records; a row whose quote is never closed is left empty and named in `unclosed`."""
    lines = text.split("\n", 1)
    delimiter = None
    sep = _SEP_LINE.fullmatch(lines[0].strip("\r"))
    if sep:  # Excel's "sep=;" hint line: Excel hides it, so rows are numbered without it
        delimiter, text = sep.group(1), (lines[1] if len(lines) > 1 else "")
    delimiter = delimiter or _guess_delimiter(text.split("\n", 1)[0])
    # The csv module refuses a cell over 131,072 characters, failing the whole file; a cell can be no
    # longer than the text (which the file size limit bounds), and a long answer is refused on its own.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    return _records(text, delimiter)


def _records(text: str, delimiter: str) -> CsvRecords:
    """Parsed as Excel reads, except where a quote is left open.

    A lenient reader lets an unclosed quote swallow the following rows into one
    cell, up to the next quote or the end of the file, without a word. So the
    file is read strictly; where that fails, a record within one line (`"a"b`)
    is taken as the lenient reader reads it, and a record running over lines is
    an open quote: that row alone is given up, and reading resumes on the next line.
    """
    physical = io.StringIO(text, newline="").readlines()
    parsed = CsvRecords([])
    line = 0  # physical lines read so far
    while line < len(physical):
        reader = csv.reader(physical[line:], delimiter=delimiter, strict=True)
        try:
            for record in reader:
                parsed.records.append(record)
            return parsed
        except csv.Error:
            line += _lines_of_complete_records(physical[line:], delimiter, reader.line_num)
        lenient = csv.reader(physical[line:], delimiter=delimiter)
        record = next(lenient)
        if lenient.line_num == 1:  # an oddity within one line: read as the lenient reader reads it
            parsed.records.append(record)
        else:
            opened_in = len(next(csv.reader([physical[line]], delimiter=delimiter))) - 1
            parsed.unclosed.append((len(parsed.records) + 1, opened_in))
            parsed.records.append([])
        line += 1
    return parsed


def _lines_of_complete_records(lines: list[str], delimiter: str, failed_at: int) -> int:
    """How many of `lines` hold the records a strict reader read before failing at line `failed_at`."""
    reader = csv.reader(lines[:failed_at], delimiter=delimiter, strict=True)
    complete = 0
    try:
        for _ in reader:
            complete = reader.line_num
    except csv.Error:
        pass
    return complete


def report_unclosed_quotes(parsed: CsvRecords, sink: IssueSink) -> None:
    header = parsed.records[0] if parsed.records else []
    for row, index in parsed.unclosed:
        column = normalise_prompt(header[index]) if index < len(header) else f"cell {index + 1}"
        sink.at_row(row).error('a quote (") opened in this cell is never closed, which would make the rest of '
                               "the file one cell; this row was skipped, the rows after it were read", column)


def _guess_delimiter(header_line: str) -> str:
    """Comma unless the header clearly uses semicolons (European Excel), tabs or pipes (database exports)."""
    unquoted = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: unquoted.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","
