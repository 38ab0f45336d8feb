"""Spreadsheet cells that cannot run as formulas (OWASP "CSV injection").

A spreadsheet treats a cell starting with `=`, `+`, `-` or `@` (and, in some
programs, a tab or carriage return) as a formula: a paragraph a member wrote
could then compute, fetch a URL or run a command when the export is opened in
Excel. Such a cell is written with a leading `'`, which shows the text as typed.

The prefix is reversible, so a review sheet round trip is lossless: a value that
already starts with apostrophes before a trigger gets one more, and `unprotect`
removes exactly one. JSONL exports are never touched.
"""
from __future__ import annotations

import re

import pandas as pd

FORMULA_TRIGGERS = "=+-@\t\r"
PREFIX = "'"
# Zero or more apostrophes, then a trigger: exactly the values `protect` changes.
_NEEDS_PREFIX = re.compile(f"^{PREFIX}*[{re.escape(FORMULA_TRIGGERS)}]")
_PROTECTED = re.compile(f"^{PREFIX}+[{re.escape(FORMULA_TRIGGERS)}]")


def protect(value):
    """`value` prefixed with `'` when a spreadsheet would read it as a formula; non-text is unchanged."""
    if isinstance(value, str) and _NEEDS_PREFIX.match(value):
        return PREFIX + value
    return value


def unprotect(value):
    """The value `protect` was given: one `'` removed from a protected cell."""
    if isinstance(value, str) and _PROTECTED.match(value):
        return value[len(PREFIX):]
    return value


def protect_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with every text cell protected (numbers stay numbers)."""
    return _map_text(frame, protect)


def unprotect_frame(frame: pd.DataFrame) -> pd.DataFrame:
    return _map_text(frame, unprotect)


def _map_text(frame: pd.DataFrame, convert) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].map(convert)
    return out
