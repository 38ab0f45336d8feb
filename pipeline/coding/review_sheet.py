"""Human review of suggested codings through a spreadsheet.

`export_sheet` writes one row per suggestion (anonymised paragraph, code,
confidence) with an empty `decision` column. Reviewers write `accept` or
`reject`, or add a row with a `code_id` and `add`. `read_decisions` turns
the sheet back into human codings; the suggestions themselves stay in the
database as history, and the newest human decision on a code is what counts.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.utils.exceptions import InvalidFileException

from pipeline.formula_safe import protect_frame, unprotect_frame
from pipeline.queries.active_review import review_queue
from pipeline.queries.review_queue import decision_keys, pending_in_document_order
from pipeline.records import Coding
from pipeline.store import connect

DECISIONS = {"accept": "accepted", "accepted": "accepted", "add": "accepted", "yes": "accepted",
             "reject": "rejected", "rejected": "rejected", "no": "rejected"}
SHEET_COLUMNS = ["segment_id", "source_ref", "set_id", "meeting_number", "field_prompt", "text",
                 "code_id", "method", "confidence", "decision", "note"]


class ReviewSheetError(ValueError):
    """A decisions sheet that cannot be applied; names the file, row and column."""


@dataclass
class ReviewResult:
    codings: list[Coding]
    skipped_blank: int


def suggestions_frame(db: str | Path, strategy: str | None = None, n: int | None = None,
                      seed: int = 42) -> pd.DataFrame:
    """The pending suggestions with empty decision and note columns to fill in: all of them in reading
    order, or with a `strategy` the first `n` in the order of active review (pipeline.queries.active_review),
    exactly as the Review page queues them."""
    with connect(db, read_only=True) as con:
        frame = pending_in_document_order(con) if strategy is None else review_queue(con, strategy, n, seed)
    frame["decision"] = ""
    frame["note"] = ""
    return frame[SHEET_COLUMNS]


def export_sheet(db: str | Path, out: str | Path, strategy: str | None = None, n: int | None = None,
                 seed: int = 42) -> int:
    """Write the review sheet (.xlsx or .csv); returns the number of suggestions in it."""
    frame = protect_frame(suggestions_frame(db, strategy, n, seed))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".csv":
        frame.to_csv(out, index=False)
    else:
        _write_xlsx(frame, out)
    return len(frame)


def _write_xlsx(frame: pd.DataFrame, out: Path) -> None:
    """One sheet whose text cells are text cells: openpyxl would store a value starting with `=` as a formula."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "review"
    sheet.append(list(frame.columns))
    for values in frame.itertuples(index=False):
        sheet.append([None if pd.isna(v) else v for v in values])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    book.save(out)


def read_sheet(path: str | Path) -> pd.DataFrame:
    """A filled-in sheet as text, exactly as exported (the formula prefix removed); clear errors, no tracebacks."""
    path = Path(path)
    if not path.is_file():
        raise ReviewSheetError(f"{path} does not exist")
    kind = "a CSV" if path.suffix.lower() == ".csv" else "an XLSX"
    try:
        # Every cell as text, an empty cell as "" (not NaN), whatever the reviewer's program did to it.
        read = pd.read_csv if kind == "a CSV" else pd.read_excel
        frame = read(path, dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        raise ReviewSheetError(f"{path} is empty: export a sheet with `als review export` and fill it in") from None
    except (ValueError, KeyError, OSError, zipfile.BadZipFile, pd.errors.ParserError, InvalidFileException) as error:
        # The reader's own message can quote cell text: name the kind of failure only.
        raise ReviewSheetError(f"{path} cannot be read as {kind} sheet ({type(error).__name__}); "
                               "is it the file `als review export` wrote, saved as .xlsx or .csv?") from None
    return unprotect_frame(frame)


def read_decisions(path: str | Path, known_segments: set[str], known_codes: set[str]) -> ReviewResult:
    """Human codings from a filled-in sheet; every bad row is reported at once."""
    path = Path(path)
    frame = read_sheet(path)
    missing = {"segment_id", "code_id", "decision"} - set(frame.columns)
    if missing:
        raise ReviewSheetError(f"{path}: missing column(s) {sorted(missing)}")
    codings, problems, blank = [], [], 0
    for index, row in frame.fillna("").iterrows():
        line = index + 2  # the header is row 1, as a spreadsheet shows it
        decision = row["decision"].strip().casefold()
        if not decision:
            blank += 1
            continue
        if decision not in DECISIONS:
            problems.append(f"row {line}, column decision: {row['decision']!r} is not accept, reject or add")
            continue
        if row["segment_id"].strip() not in known_segments:
            problems.append(f"row {line}, column segment_id: no such segment in the database")
            continue
        if row["code_id"].strip() not in known_codes:
            problems.append(f"row {line}, column code_id: {row['code_id']!r} is not in the codebook")
            continue
        codings.append(Coding(row["segment_id"].strip(), row["code_id"].strip(), "human", 1.0, DECISIONS[decision]))
    if problems:
        raise ReviewSheetError(f"{path}: {len(problems)} row(s) cannot be applied, nothing was written:\n  - "
                               + "\n  - ".join(problems[:50]))
    return ReviewResult(codings, blank)


def database_keys(db: str | Path) -> tuple[set[str], set[str]]:
    """The segment ids and code ids in DB, which every decision row is checked against."""
    with connect(db, read_only=True) as con:
        return decision_keys(con)
