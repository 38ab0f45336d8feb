"""Recognising metadata columns (and document keys) by their header.

Form tools, templates and people spell the same column many ways ("Meeting
no.", "meeting_number", "Date of meeting"), so headers are compared in a
normalised form and through an alias table. Matching is exact on the
normalised form, not fuzzy: a free-text question that happens to contain
the word "date" must never be mistaken for the meeting date.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Iterable

from pipeline.config import ConfigError, IngestConfig
from pipeline.records import LogMetadata

METADATA_KEYS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(LogMetadata))

BUILTIN_ALIASES: dict[str, tuple[str, ...]] = {
    "submission_id": ("id", "submission id", "response id", "submission", "response number",
                      "submission number"),
    "log_type": ("log type", "type of log", "log", "log kind", "kind of log"),
    "set_id": ("set", "set id", "set name", "set number", "set no", "action learning set", "als",
               "learning set", "als set"),
    "meeting_number": ("meeting", "meeting no", "meeting number", "meeting num", "meeting nr"),
    "meeting_date": ("date", "date of meeting", "meeting date"),
    "author_name": ("name", "your name", "full name", "author", "author name"),
    "author_email": ("email", "email address", "your email", "e mail", "your email address",
                     "e mail address"),
    "organisation": ("organisation", "organization", "your organisation", "your organization", "employer",
                     "employing organisation", "employing organization", "agency"),
    "org_type": ("org type", "organisation type", "organization type", "type of organisation",
                 "type of organization"),
    "setting": ("setting", "practice setting", "service setting"),
    "role": ("role", "role this meeting", "your role", "set role", "role at this meeting",
             "role at the meeting", "role in this meeting"),
}

# Form-tool bookkeeping: neither metadata nor an answer.
BUILTIN_IGNORED: tuple[str, ...] = ("start time", "completion time", "last modified time", "timestamp")

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def normalise_header(header: object) -> str:
    """Lower case, every run of non-alphanumerics as one space, stripped.

    A UTF-8 byte order mark that survived decoding is dropped here too, so
    "\\ufeffsubmission_id" still matches.
    """
    text = "" if header is None else str(header)
    return _NON_ALNUM.sub(" ", text.replace("\ufeff", "").lower()).strip()


class ColumnMatcher:
    """Maps a header to a metadata key, to "ignore", or to nothing (a free-text field).

    Precedence: the configured ignore list, then configured aliases, then the
    built-in aliases (the canonical key itself included), then the built-in
    ignore list. Configuration wins because it is the user's explicit fix for
    a header the defaults got wrong.
    """

    IGNORE = "ignore"

    def __init__(self, config: IngestConfig) -> None:
        unknown = set(config.column_aliases) - set(METADATA_KEYS)
        if unknown:
            raise ConfigError(f"ingest.column_aliases has unknown key(s) {sorted(unknown)}; "
                              f"known: {list(METADATA_KEYS)}")
        self._user_ignored = {normalise_header(h) for h in config.ignore_columns} - {""}
        self._user_aliases = _alias_table((key, aliases) for key, aliases in config.column_aliases.items())
        builtin = {key: (*aliases, key) for key, aliases in BUILTIN_ALIASES.items()}
        self._builtin_aliases = _alias_table(builtin.items())
        self._builtin_ignored = set(BUILTIN_IGNORED)

    def classify(self, header: object) -> str | None:
        """The metadata key for `header`, `ColumnMatcher.IGNORE`, or None for a free-text field.

        A bracketed hint is allowed after a known name ("Date of meeting (dd/mm/yyyy)",
        "Your name (optional)"): form builders and templates add them all the time.
        """
        found = self._classify(header)
        if found is None and header is not None and _BRACKETED.search(str(header)):
            found = self._classify(_BRACKETED.sub(" ", str(header)))
        return found

    def _classify(self, header: object) -> str | None:
        norm = normalise_header(header)
        if not norm:
            return None
        if norm in self._user_ignored:
            return self.IGNORE
        if norm in self._user_aliases:
            return self._user_aliases[norm]
        if norm in self._builtin_aliases:
            return self._builtin_aliases[norm]
        if norm in self._builtin_ignored:
            return self.IGNORE
        return None

    def metadata_key(self, header: object) -> str | None:
        """The metadata key, or None for anything else (ignored columns included)."""
        key = self.classify(header)
        return None if key == self.IGNORE else key


def _alias_table(pairs: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for key, aliases in pairs:
        if isinstance(aliases, str):  # a single alias written without a list in als.toml
            aliases = [aliases]
        for alias in aliases:
            norm = normalise_header(alias)
            if norm:
                table[norm] = key
    return table
