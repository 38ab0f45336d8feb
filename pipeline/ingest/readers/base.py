"""The reader contract: one `Reader` per file format, given a file and its `ReadContext`.

A reader names the suffixes it reads as class data and has one method,
`read(path, context)`, returning the file's logs. It reports everything
else (a bad row, an unreadable file) through `context.sink` and never raises
for a bad input; what it raises anyway is caught and reported by the caller.
"""
from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pipeline.ingest.canonical import content_sha256
from pipeline.ingest.context import ReadContext
from pipeline.ingest.documents import DocumentParts
from pipeline.ingest.limits import field_within_limit
from pipeline.ingest.metadata import is_blank, validate_metadata
from pipeline.records import RawLog

__all__ = ["DocumentReader", "ReadContext", "Reader"]


class Reader:
    """One file format. Subclasses set `suffixes` (lower case, with the dot) and implement `read`."""

    suffixes: ClassVar[tuple[str, ...]] = ()

    def read(self, path: Path, context: ReadContext) -> list[RawLog]:
        raise NotImplementedError


class DocumentReader(Reader):
    """A format holding one log per file (DOCX, TXT/Markdown): the manifest's metadata applies to it."""

    def read(self, path: Path, context: ReadContext) -> list[RawLog]:
        """The document's own metadata, overridden by the manifest, validated and hashed."""
        parts = self.parts(path, context)
        if parts is None:
            return []
        if not parts.fields:
            context.sink.warning("document has no answer text (nothing under its headings); skipped")
            return []
        fields = [f for f in parts.fields if field_within_limit(f.text, context.limits, context.sink, f.prompt)]
        if not fields:
            context.sink.error("every answer is over the length limit; document skipped")
            return []
        raw = dict(parts.metadata)
        raw.update({key: value for key, value in context.overrides.items() if not is_blank(value.value)})
        metadata = validate_metadata(raw, parts.title_hint or context.hint, context.sink, context.limits)
        if metadata is None:
            return []
        return [RawLog(context.source, None, metadata, fields, content_sha256(metadata, fields))]

    def parts(self, path: Path, context: ReadContext) -> DocumentParts | None:
        """The document's metadata and fields, or None after reporting why there are none."""
        raise NotImplementedError
