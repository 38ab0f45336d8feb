"""Canonical text and the content hash that identifies a submission.

The same submission exported twice (CSV and XLSX, or the same form run twice)
must get the same hash, so the hash is taken over the *validated* metadata and
normalised fields, never over raw cells: Excel hands over ints, floats and
datetimes where a CSV has strings, and those differences must not matter.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import unicodedata

from pipeline.records import LogMetadata, RawField

_TRAILING_SPACE = re.compile(r"[ \t\f\v\u00a0]+(?=\n|$)")
_BLANK_RUNS = re.compile(r"\n{3,}")
_WHITESPACE = re.compile(r"\s+")
# Excel stores a carriage return inside a cell as this escape; some writers leave it in.
_EXCEL_CR = "_x000D_"


def normalise_text(text: str) -> str:
    """Line endings to \\n, no trailing spaces on lines, no blank edges; inner newlines kept."""
    text = text.replace(_EXCEL_CR, "").replace("\r\n", "\n").replace("\r", "\n")
    text = _TRAILING_SPACE.sub("", text)
    return text.strip()


def collapse_blank_lines(text: str) -> str:
    """Several blank lines count as one paragraph break in documents."""
    return _BLANK_RUNS.sub("\n\n", text)


def normalise_prompt(prompt: str) -> str:
    """Prompts are labels: one line, single spaces (form headers often carry stray breaks)."""
    return _WHITESPACE.sub(" ", prompt.replace(_EXCEL_CR, " ")).strip()


def content_sha256(metadata: LogMetadata, fields: list[RawField]) -> str:
    """Hex sha256 of a canonical JSON of the validated metadata and the fields."""
    meta = {}
    for item in dataclasses.fields(LogMetadata):
        value = getattr(metadata, item.name)
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        elif isinstance(value, str):
            value = unicodedata.normalize("NFC", value)
        meta[item.name] = value
    body = [[unicodedata.normalize("NFC", f.prompt), unicodedata.normalize("NFC", normalise_text(f.text))]
            for f in fields]
    payload = json.dumps({"metadata": meta, "fields": body}, sort_keys=True, ensure_ascii=False,
                         separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
