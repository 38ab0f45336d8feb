"""Where ingest problems are collected.

Readers report through an `IssueSink` bound to one file (and one row or sheet)
so every message names its place the same way and no reader has to repeat
file, row and sheet bookkeeping. Messages are written by this package only:
they describe what was wrong and never quote cell contents, because cells may
hold names, emails or free text that must not reach the issues table.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from pipeline.records import IngestIssue


@dataclass
class IssueSink:
    """Collects `IngestIssue`s for one place in one file."""

    source_file: str
    issues: list[IngestIssue] = field(default_factory=list)
    row: int | None = None
    sheet: str | None = None

    def at_row(self, row: int | None) -> "IssueSink":
        """The same file (and sheet), one row: shares the issue list."""
        return dataclasses.replace(self, row=row)

    def in_sheet(self, sheet: str | None) -> "IssueSink":
        return dataclasses.replace(self, sheet=sheet)

    def error(self, message: str, column: str | None = None) -> None:
        """Something was skipped: a file, a row, or a whole log."""
        self._add("error", message, column)

    def warning(self, message: str, column: str | None = None) -> None:
        """The log was kept, but a value was dropped or is doubtful."""
        self._add("warning", message, column)

    def info(self, message: str, column: str | None = None) -> None:
        """Nothing lost; worth knowing (an encoding guess, a duplicate stored once)."""
        self._add("info", message, column)

    def _add(self, severity: str, message: str, column: str | None) -> None:
        if self.sheet is not None:
            message = f"sheet '{self.sheet}': {message}"
        self.issues.append(IngestIssue(self.source_file, message, self.row, column or None, severity))
