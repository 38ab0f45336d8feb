"""Text as the anonymiser sees it and as it is stored: NFKC, without invisible characters.

A name split by a zero-width space ("Ros\u200bamund"), a soft hyphen or a
right-to-left override reads as one word to a person but as two (or none) to
NER, the roster and every pattern. Removing those characters and folding
compatibility forms (full-width letters, ligatures) before detection means
the detectors see what a reader sees; the stored text is this normalised text.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata

from pipeline.records import LogMetadata, RawField, RawLog

# Zero-width space, non-joiner and joiner, word joiner, byte-order mark; the soft hyphen;
# bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and the
# left-to-right, right-to-left and Arabic letter marks.
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def normalise_text(text: str) -> str:
    """NFKC with invisible and bidi control characters removed (removed first: NFKC keeps them)."""
    return unicodedata.normalize("NFKC", INVISIBLE.sub("", text))


def _normalise_optional(value):
    return normalise_text(value) if isinstance(value, str) else value


def normalise_log(log: RawLog) -> RawLog:
    """The same log with every field (prompt and text) and every metadata string normalised.

    The content hash is left as ingest computed it, so documents stored before keep their keys."""
    fields = [RawField(normalise_text(f.prompt), normalise_text(f.text)) for f in log.fields]
    metadata = LogMetadata(**{f.name: _normalise_optional(getattr(log.metadata, f.name))
                              for f in dataclasses.fields(LogMetadata)})
    return dataclasses.replace(log, source_file=normalise_text(log.source_file), metadata=metadata, fields=fields)
