"""Form exports: one submission per row, header in row 1 (a CSV file or an XLSX sheet).

Metadata columns are found by header; every other column whose cell holds
text is an answer. Numbers in other columns (ratings, scores) are not free
text and are left out. Each row is validated on its own, so one bad row costs
only that row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable

from pipeline.ingest.canonical import content_sha256, normalise_prompt, normalise_text
from pipeline.ingest.columns import ColumnMatcher
from pipeline.ingest.context import ReadContext
from pipeline.ingest.limits import field_within_limit, header_within_limit
from pipeline.ingest.metadata import RawMetadata, RawValue, is_blank, validate_metadata
from pipeline.records import RawField, RawLog

_NUMERIC = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)*|[.,]\d+)%?")


@dataclass(frozen=True)
class Column:
    label: str  # the header as written (for issues)
    prompt: str  # the header as a field prompt
    key: str | None  # metadata key, ColumnMatcher.IGNORE, or None for a free-text field


@dataclass
class TableOutcome:
    logs: list[RawLog]
    recognised: bool  # False: no metadata column and no log type from the name; nothing was read


def ingest_table(header: list[object], rows: Iterable[tuple[int, list[object]]],
                 context: ReadContext) -> TableOutcome:
    """Logs from one table. The caller reports an unrecognised table, as its severity depends on context."""
    columns = [_column(cell, position, context) for position, cell in enumerate(header, start=1)]
    keys = {c.key for c in columns if c.key not in (None, ColumnMatcher.IGNORE)}
    if not keys and context.hint is None:
        return TableOutcome([], recognised=False)
    if "log_type" not in keys and context.hint is None:
        context.sink.error("no log type column, and the name does not say observer, reflective or preparation; "
                           "add a 'Log type' column or put the log type in the file name; nothing was read")
        return TableOutcome([], recognised=True)
    logs = []
    for row_number, cells in rows:
        if all(is_blank(c) for c in cells):
            continue
        row = replace(context, sink=context.sink.at_row(row_number))
        try:
            log = _row_log(row_number, columns, cells, row)
        except Exception as error:  # one odd cell must not cost the rest of the file
            row.sink.error(f"row could not be read ({type(error).__name__}); row skipped")
            continue
        if log is not None:
            logs.append(log)
    return TableOutcome(logs, recognised=True)


def no_metadata_message(what: str) -> str:
    return (f"{what} has no recognisable metadata column (log type, set, meeting, date, name, email...) "
            "and its name does not say observer, reflective or preparation; nothing was read")


def _column(cell: object, position: int, context: ReadContext) -> Column:
    label = normalise_prompt("" if cell is None else str(cell).replace("\ufeff", ""))
    if not header_within_limit(label, context.limits, context.sink.at_row(1), position):
        return Column("", "", ColumnMatcher.IGNORE)
    return Column(label, label, context.matcher.classify(label))


def _row_log(row_number: int, columns: list[Column], cells: list[object], context: ReadContext) -> RawLog | None:
    sink = context.sink
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
            if text and field_within_limit(text, context.limits, sink, column.label):
                fields.append(RawField(column.prompt, text))
    if not fields:
        sink.warning("row has no free-text answers; row skipped")
        return None
    metadata = validate_metadata(raw, context.hint, sink, context.limits)
    if metadata is None:
        return None
    return RawLog(context.source, row_number, metadata, fields, content_sha256(metadata, fields))
