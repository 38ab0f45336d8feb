"""What every bad-input case checks: one clear issue in its place, the rest of the batch read, nothing raw.

Each case puts its bad file beside a good form export, then asserts through
`assert_case`. The planted text is invented and distinctive, so finding any
part of it in an issue means the issue quoted the input.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.records import IngestIssue, IngestResult, RawLog
from tests.ingest_inputs import good_csv

GOOD = "observer.csv"  # the good neighbour every case is read with
PLANTED = "Ottoline Brackwater-Quince"  # a name that must never reach an issue
PLANTED_TEXT = "the marmalade lighthouse confession"  # free text that must never reach an issue


def with_good_neighbour(root: Path) -> Path:
    good_csv(root / GOOD)
    return root


def assert_case(result: IngestResult, source: str, *, severity: str, says: str, row: int | None = None,
                column: str | None = None) -> IngestIssue:
    """The one issue about `source` (of this severity) says `says`, in its row and column; the good log was read."""
    found = [i for i in result.issues if i.source_file == source and i.severity == severity and says in i.message]
    assert len(found) == 1, [i.describe() for i in result.issues]
    issue = found[0]
    assert (issue.row, issue.column) == (row, column), issue.describe()
    assert GOOD in {log.source_file for log in result.logs}, "the rest of the batch was not read"
    assert_nothing_planted(result)
    return issue


def logs_from(result: IngestResult, source: str) -> list[RawLog]:
    return [log for log in result.logs if log.source_file == source]


def assert_nothing_planted(result: IngestResult, in_columns: bool = True) -> None:
    """No issue quotes planted text. A column is named by its header, which engines.base.clean_issue cleans before
    storing: `in_columns=False` for inputs that plant text in headers too."""
    for issue in result.issues:
        text = (issue.describe() if in_columns else f"{issue.source_file}: {issue.message}").lower()
        for planted in (PLANTED, PLANTED_TEXT, *PLANTED.split(), *PLANTED_TEXT.split()[1:3]):
            assert planted.lower() not in text, issue.describe()
