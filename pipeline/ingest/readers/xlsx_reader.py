"""XLSX form exports: every sheet is a table read by `forms.ingest_table`.

Workbooks are opened read-only with cached values (`data_only`), so formulas
give what Excel showed and large exports stream instead of loading whole.
A workbook often carries helper sheets (lookups, charts, notes): those are
warned about, not treated as a broken file, unless no sheet is usable.
"""
from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
from openpyxl.workbook.workbook import Workbook

from pipeline.ingest.forms import ingest_table, no_metadata_message
from pipeline.ingest.readers.base import ReadContext, Reader
from pipeline.ingest.vocab import log_type_from_name
from pipeline.records import RawLog


class XlsxReader(Reader):
    suffixes = (".xlsx",)

    def read(self, path: Path, context: ReadContext) -> list[RawLog]:
        sink = context.sink
        if path.stat().st_size == 0:
            sink.error("file is empty")
            return []
        if not zipfile.is_zipfile(path):
            sink.error("file is not an Excel workbook (.xlsx); if it is a CSV or an old .xls file, "
                       "re-save it from Excel as .xlsx or .csv")
            return []
        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as error:
            sink.error(f"file could not be opened as an Excel workbook ({type(error).__name__}); "
                       "re-save it from Excel as .xlsx")
            return []
        try:
            return _read_sheets(workbook, context)
        finally:
            workbook.close()


def _read_sheets(workbook: Workbook, context: ReadContext) -> list[RawLog]:
    sink = context.sink
    sheets = workbook.worksheets
    logs: list[RawLog] = []
    recognised = non_empty = 0
    for sheet in sheets:
        sheet_sink = sink.in_sheet(sheet.title)
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None or all(cell is None for cell in header):
            if len(sheets) > 1:
                sheet_sink.info("sheet has no header row in row 1; skipped")
            continue
        non_empty += 1
        numbered = ((number, list(cells)) for number, cells in enumerate(rows, start=2))
        # A sheet named for a log type ("Observer") says more than the file's name.
        sheet_context = replace(context, hint=log_type_from_name(sheet.title) or context.hint, sink=sheet_sink)
        outcome = ingest_table(list(header), numbered, sheet_context)
        if outcome.recognised:
            recognised += 1
            logs.extend(outcome.logs)
        elif len(sheets) > 1:
            sheet_sink.warning(no_metadata_message("sheet"))
        else:
            sheet_sink.error(no_metadata_message("sheet"))
    if non_empty == 0:
        sink.error("workbook is empty (no sheet has a header row in row 1)")
    elif recognised == 0 and len(sheets) > 1:
        sink.error("no sheet of this workbook has a recognisable metadata column or a log type in its name; "
                   "nothing was read")
    return logs
