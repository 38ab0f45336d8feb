"""Size limits on what ingest reads: a whole file, an unpacked XLSX/DOCX, one answer.

The numbers live in `IngestConfig` (`[ingest]` in als.toml, with safe
defaults); this module holds them in the units the checks use and words the
issues. Each check refuses the smallest thing it can (one answer rather than
its log, one file rather than the batch) and says which limit to raise, never
what the refused text said.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import IngestConfig
from pipeline.ingest.issues import IssueSink

_MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    file_bytes: int
    field_chars: int
    unzipped_bytes: int

    @classmethod
    def from_config(cls, config: IngestConfig) -> "Limits":
        return cls(int(config.max_file_mb * _MB), int(config.max_field_chars), int(config.max_unzipped_mb * _MB))


DEFAULT_LIMITS = Limits.from_config(IngestConfig())


def file_within_limit(size: int, limits: Limits, sink: IssueSink) -> bool:
    """False after an error when a file of `size` bytes is over the file size limit."""
    if size <= limits.file_bytes:
        return True
    sink.error(f"file is {_mb(size)} MB, over the limit of {_mb(limits.file_bytes)} MB "
               "([ingest] max_file_mb); file skipped")
    return False


def unzipped_within_limit(archive: zipfile.ZipFile, limits: Limits, sink: IssueSink) -> bool:
    """False after an error when the archive's members unpack to more than the limit.

    The sizes come from the archive's directory, read without unpacking anything.
    They cannot understate: Python's zipfile stops a member at its stated size and
    fails its checksum, so a member that inflates further is never read whole.
    """
    total = sum(member.file_size for member in archive.infolist())
    if total <= limits.unzipped_bytes:
        return True
    sink.error(f"file unpacks to {_mb(total)} MB, over the limit of {_mb(limits.unzipped_bytes)} MB "
               "([ingest] max_unzipped_mb); it was not opened; file skipped")
    return False


def field_within_limit(text: str, limits: Limits, sink: IssueSink, column: str | None) -> bool:
    """False after a warning when one answer is longer than the limit: that answer is left out."""
    return _within_field_limit(text, limits, sink, column or "text before the first heading",
                               "answer", "this answer was left out, the rest of the log kept")


def header_within_limit(text: str, limits: Limits, sink: IssueSink, position: int) -> bool:
    """False after a warning when a column header is longer than the limit: the column is left out."""
    return _within_field_limit(text, limits, sink, f"column {position}", "header",
                               "this column was left out, the others read")


def metadata_within_limit(value: object, limits: Limits, sink: IssueSink, column: str) -> bool:
    """False after a warning when a metadata value (a name, a set) is longer than the limit: it is left empty."""
    return not isinstance(value, str) or _within_field_limit(value, limits, sink, column, "value",
                                                             "left empty, the log kept")


def _within_field_limit(text: str, limits: Limits, sink: IssueSink, column: str, what: str, outcome: str) -> bool:
    if len(text) <= limits.field_chars:
        return True
    sink.warning(f"{what} is {len(text):,} characters, over the limit of {limits.field_chars:,} "
                 f"([ingest] max_field_chars); {outcome}", column)
    return False


def _mb(size: int) -> str:
    """Megabytes to two places, without trailing zeros: "200", "0.05", "400.02"."""
    return f"{size / _MB:,.2f}".rstrip("0").rstrip(".")
