"""CSV form exports: the file is one table read by `forms.ingest_table`.

The encoding is guessed (`encoding.read_text`), and so is the delimiter, as
Excel writes semicolons where the decimal separator is a comma.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from pipeline.ingest.encoding import read_text
from pipeline.ingest.forms import ingest_table, no_metadata_message
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
            records = parse_csv(text)
        except csv.Error:
            sink.error("file is not a well-formed CSV (broken quoting); nothing was read")
            return []
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


def parse_csv(text: str) -> list[list[str]]:
    """All records, blank lines kept as [] so that list index + 1 is the row number Excel shows."""
    lines = text.split("\n", 1)
    delimiter = None
    sep = _SEP_LINE.fullmatch(lines[0].strip("\r"))
    if sep:  # Excel's "sep=;" hint line: Excel hides it, so rows are numbered without it
        delimiter, text = sep.group(1), (lines[1] if len(lines) > 1 else "")
    delimiter = delimiter or _guess_delimiter(text.split("\n", 1)[0])
    # The csv module refuses a cell over 131,072 characters, failing the whole file; a cell can be no
    # longer than the text (which the file size limit bounds), and a long answer is refused on its own.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _guess_delimiter(header_line: str) -> str:
    """Comma unless the header clearly uses semicolons (European Excel), tabs or pipes (database exports)."""
    unquoted = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: unquoted.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","
