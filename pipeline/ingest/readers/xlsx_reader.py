"""XLSX form exports: every sheet is a table read by `forms.ingest_table`.

Workbooks are opened read-only with cached values (`data_only`), so formulas
give what Excel showed and large exports stream instead of loading whole.
A workbook often carries helper sheets (lookups, charts, notes): those are
warned about, not treated as a broken file, unless no sheet is usable.
"""
from __future__ import annotations

from dataclasses import replace
from itertools import zip_longest
from pathlib import Path
from typing import Iterator

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.formula import ArrayFormula

from pipeline.ingest.canonical import normalise_prompt
from pipeline.ingest.forms import ingest_table, no_metadata_message
from pipeline.ingest.issues import IssueSink
from pipeline.ingest.readers.base import ReadContext, Reader
from pipeline.ingest.readers.office_files import OfficeFormat, office_file_opens
from pipeline.ingest.vocab import log_type_from_name
from pipeline.records import RawLog

WORKBOOK = OfficeFormat(".xlsx", "Excel",
                        "file is not an Excel workbook (.xlsx); if it is a CSV or an old .xls file, "
                        "re-save it from Excel as .xlsx or .csv")

# Columns read past the last header: answers under no header are kept, as in a CSV, but a
# stated range far wider than the headers is not walked cell by cell.
SPARE_COLUMNS = 64


class XlsxReader(Reader):
    suffixes = (".xlsx",)

    def read(self, path: Path, context: ReadContext) -> list[RawLog]:
        sink = context.sink
        if not office_file_opens(path, WORKBOOK, context.limits, sink):
            return []
        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
            formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
        except Exception as error:
            sink.error(f"file could not be opened as an Excel workbook ({type(error).__name__}); "
                       "re-save it from Excel as .xlsx")
            return []
        try:
            return _read_sheets(workbook, formulas, context)
        finally:
            workbook.close()
            formulas.close()


def _read_sheets(workbook: Workbook, formulas: Workbook, context: ReadContext) -> list[RawLog]:
    """`workbook` gives the values Excel saved; `formulas`, the same file's formulas, shows which are missing."""
    sink = context.sink
    sheets = workbook.worksheets
    logs: list[RawLog] = []
    recognised = non_empty = 0
    for sheet, formula_sheet in zip(sheets, formulas.worksheets):
        sheet_sink = sink.in_sheet(sheet.title)
        header = next(sheet.iter_rows(max_row=1, values_only=True), None)
        if header is None or all(cell is None for cell in header):
            if len(sheets) > 1:
                sheet_sink.info("sheet has no header row in row 1; skipped")
            continue
        non_empty += 1
        width = _read_width(header, sheet_sink)
        header = header[:width]
        rows = sheet.iter_rows(min_row=2, max_col=width, values_only=True)
        formula_rows = formula_sheet.iter_rows(min_row=2, max_col=width, values_only=True)
        read = [0]  # rows holding a value, counted as they stream past
        numbered = _flag_uncalculated(enumerate(rows, start=2), formula_rows, header, sheet_sink, read)
        # A sheet named for a log type ("Observer") says more than the file's name.
        sheet_context = replace(context, hint=log_type_from_name(sheet.title) or context.hint, sink=sheet_sink)
        outcome = ingest_table(list(header), numbered, sheet_context)
        if outcome.recognised:
            recognised += 1
            logs.extend(outcome.logs)
            if not read[0]:
                sheet_sink.warning("sheet has a header row but no submissions")  # as a CSV says it
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


def _read_width(header: tuple, sink: IssueSink) -> int:
    """How many columns are read: up to the last header, and SPARE_COLUMNS beyond for answers under none.

    A sheet's stated range can run to column XFD (16,384) while holding a few cells,
    and every row is padded to that width: a small file would take hours and gigabytes.
    """
    last = max(index for index, cell in enumerate(header) if cell is not None) + 1
    width = min(len(header), last + SPARE_COLUMNS)
    if width < len(header):
        sink.info(f"the sheet's used range runs to column {get_column_letter(len(header))}, far past its last "
                  f"header; columns after {get_column_letter(width)} were not read")
    return width


def _flag_uncalculated(rows: Iterator[tuple[int, tuple]], formula_rows: Iterator[tuple], header: tuple,
                       sink: IssueSink, read: list[int]) -> Iterator[tuple[int, list[object]]]:
    """The rows that hold a value (counted in `read`), reporting each formula cell saved without its
    result: it reads as empty.

    Programs that write workbooks without calculating them (scripts, some exports) leave
    formulas with no saved value; Excel would show one, so the loss must be said.
    """
    for numbered, formula_cells in zip_longest(rows, formula_rows):
        if numbered is None:  # both read the same sheet XML, so this is only a guard
            break
        number, cells = numbered
        formula_cells = formula_cells or ()
        if cells.count(None) == len(cells) and formula_cells.count(None) == len(formula_cells):
            continue  # an empty row (a sheet may state a million), skipped at C speed
        read[0] += 1
        if formula_cells == cells:  # no formula in the row
            yield number, list(cells)
            continue
        for index, (value, formula) in enumerate(zip(cells, formula_cells)):
            if value is None and (isinstance(formula, ArrayFormula) or str(formula or "").startswith("=")):
                sink.at_row(number).warning(
                    "cell holds a formula saved without its result (the program that wrote the file did not "
                    "calculate it), so it was read as empty; open the file in Excel and save it again",
                    _column_label(header, index))
        yield number, list(cells)


def _column_label(header: tuple, index: int) -> str:
    label = normalise_prompt(str(header[index])) if index < len(header) and header[index] is not None else ""
    return label or f"column {get_column_letter(index + 1)}"
