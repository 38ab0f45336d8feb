"""What a reader is told about the file it reads, besides its path: one `ReadContext` per file.

Kept apart from the readers package so that the helpers readers share
(`forms`, `documents`) can take a context without importing the readers.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.ingest.columns import ColumnMatcher
from pipeline.ingest.issues import IssueSink
from pipeline.ingest.limits import DEFAULT_LIMITS, Limits
from pipeline.ingest.metadata import RawMetadata


@dataclass(frozen=True)
class ReadContext:
    source: str  # the file's name relative to the input folder, as records and issues give it
    hint: str | None  # log type implied by the file's name or folders (an XLSX sheet's name narrows it)
    matcher: ColumnMatcher
    sink: IssueSink  # where issues about this file (or this row, this sheet) go
    overrides: RawMetadata = field(default_factory=dict)  # the manifest's metadata for this file
    limits: Limits = DEFAULT_LIMITS  # [ingest] size limits
