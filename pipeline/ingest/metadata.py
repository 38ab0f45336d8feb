"""Turning raw metadata values (cells, `Key: value` lines, YAML, manifest rows) into `LogMetadata`.

Every reader hands over the same `RawMetadata` so that validation, and the
wording of its issues, is identical whatever the format. Only a missing or
unknown log type costs the log (without it the log cannot be analysed); any
other doubtful value is dropped with a warning and the log is kept, because
the free text is what matters most.

Messages describe the problem and never quote the value: identity columns
hold personal data, and a "date" cell may hold anything someone typed.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, TypeVar

from pipeline.ingest.dates import parse_meeting_date, parse_meeting_number
from pipeline.ingest.issues import IssueSink
from pipeline.ingest.limits import DEFAULT_LIMITS, Limits, metadata_within_limit
from pipeline.ingest.vocab import parse_log_type, parse_org_type, parse_role, parse_setting
from pipeline.records import LOG_TYPES, ORG_TYPES, ROLES, SETTINGS, LogMetadata

# Placeholders people type into a metadata cell they cannot or will not fill.
# MS Forms writes "anonymous" into Name and Email when the form does not record who answered.
_BLANK_WORDS = {"n/a", "na", "-", "--", "none", "null", "nil", "not applicable", "n.a.", "anonymous"}
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_SET_PREFIX = re.compile(r"(?:action learning set|learning set|als|set)(?:[\s_:#.-]+|(?=\d))(\w[\w .-]*)",
                         re.IGNORECASE)


@dataclass(frozen=True)
class RawValue:
    """One metadata value as found, with where it came from (for issues only)."""

    value: object
    column: str  # the header or key as the source wrote it
    origin: str | None = None  # set when the value came from elsewhere, e.g. "manifest.csv row 3"


RawMetadata = dict[str, RawValue]
T = TypeVar("T")


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip().lower() in _BLANK_WORDS or not value.strip()
    return False


def plain_text(value: object) -> str:
    """A cell as text: Excel's 3.0 becomes "3", dates become ISO, spaces are collapsed."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.date, dt.datetime)):
        value = value.isoformat()
    return " ".join(str(value).split())


def validate_metadata(raw: RawMetadata, log_type_hint: str | None, sink: IssueSink,
                      limits: Limits = DEFAULT_LIMITS) -> LogMetadata | None:
    """Validated metadata, or None (with an error) when the log type is missing or unknown."""
    present = {key: rv for key, rv in raw.items()
               if not is_blank(rv.value) and metadata_within_limit(rv.value, limits, sink, rv.column)}
    log_type = _log_type(present.get("log_type"), log_type_hint, sink)
    if log_type is None:
        return None
    meta = LogMetadata(log_type=log_type)
    meta.submission_id = _text(present, "submission_id", _submission_id)
    meta.set_id = _text(present, "set_id", normalise_set_id)
    meta.author_name = _text(present, "author_name", plain_text)
    meta.organisation = _text(present, "organisation", plain_text)
    meta.meeting_number = _checked(
        present, "meeting_number", parse_meeting_number, sink,
        "meeting number is not a whole number of 1 or more; left empty, log kept")
    meta.meeting_date = _checked(
        present, "meeting_date", parse_meeting_date, sink,
        "meeting date is not a date in a recognised form (yyyy-mm-dd, dd/mm/yyyy, 4 May 2021); "
        "left empty, log kept")
    meta.author_email = _checked(
        present, "author_email", _email, sink, "email address is malformed; left empty, log kept")
    meta.org_type = _checked(present, "org_type", parse_org_type, sink,
                             f"organisation type not recognised (expected one of {', '.join(ORG_TYPES)}); "
                             "left empty, log kept")
    meta.setting = _checked(present, "setting", parse_setting, sink,
                            f"setting not recognised (expected one of {', '.join(SETTINGS)}); left empty, log kept")
    meta.role = _checked(present, "role", parse_role, sink,
                         f"role not recognised (expected one of {', '.join(ROLES)}); left empty, log kept")
    return meta


def normalise_set_id(value: object) -> str:
    """"2", 2.0, "set 2", "Set-2" and "ALS 2" all become "Set 2" ("b" becomes "Set B"), so sets group across sources."""
    text = plain_text(value)
    if text.isdigit():
        return f"Set {int(text)}"
    if len(text) == 1 and text.isalpha():
        return f"Set {text.upper()}"
    match = _SET_PREFIX.fullmatch(text)
    if match:
        rest = match.group(1).strip()
        return f"Set {int(rest)}" if rest.isdigit() else f"Set {rest[0].upper()}{rest[1:]}"
    return text


def _log_type(raw: RawValue | None, hint: str | None, sink: IssueSink) -> str | None:
    if raw is not None:
        code = parse_log_type(raw.value)
        if code is None:
            sink.error(_where(f"unknown log type (expected one of {', '.join(LOG_TYPES)}); log skipped", raw),
                       raw.column)
        return code
    if hint is not None:
        return hint
    sink.error("no log type: give a log type column or key, or name the file (or its title) after "
               f"the log type ({', '.join(LOG_TYPES)}); log skipped")
    return None


def _text(present: RawMetadata, key: str, convert: Callable[[object], str]) -> str | None:
    raw = present.get(key)
    return None if raw is None else (convert(raw.value) or None)


def _checked(present: RawMetadata, key: str, parse: Callable[[object], T | None], sink: IssueSink,
             message: str) -> T | None:
    raw = present.get(key)
    if raw is None:
        return None
    value = parse(raw.value)
    if value is None:
        sink.warning(_where(message, raw), raw.column)
    return value


def _submission_id(value: object) -> str:
    text = plain_text(value)
    if re.fullmatch(r"\d+\.0+", text):
        text = text.split(".")[0]
    return text


def _email(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    if text.startswith("mailto:"):
        text = text[len("mailto:"):]
    return text if _EMAIL.fullmatch(text) else None


def _where(message: str, raw: RawValue) -> str:
    return f"{message} (value from {raw.origin})" if raw.origin else message
