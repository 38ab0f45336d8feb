"""Controlled vocabularies: log type, organisation type, setting and role.

People write "Observer log", "LA", "Children & families" or "time keeper";
the store holds one code per idea (the tuples in `pipeline.records`). Exact
variants are looked up first; then a value is accepted if its words point at
exactly one code, so "Local Authority (council)" works but "observer and
timekeeper" is reported as doubtful instead of guessed.
"""
from __future__ import annotations

import re
from typing import Iterable

from pipeline.ingest.columns import normalise_header
from pipeline.records import LOG_TYPES, ORG_TYPES, ROLES, SETTINGS

# Words that may surround a log type without changing it ("Reflective learning log").
_LOG_FILLER = {"log", "logs", "sheet", "sheets", "form", "forms", "template", "record", "the", "a", "an",
               "learning", "als", "asye", "set", "meeting", "s", "entry", "notes"}
_LOG_WORDS = {
    "observer": "observer", "observers": "observer", "observation": "observer", "observations": "observer",
    "observing": "observer",
    "reflective": "reflective", "reflection": "reflective", "reflections": "reflective",
    "preparation": "preparation", "prep": "preparation", "preparatory": "preparation",
    "preparing": "preparation",
}
# Stems searched in file, sheet and title names ("obs_set2", "Reflections Set 3.xlsx").
_LOG_STEMS = {"observ": "observer", "reflect": "reflective", "prepar": "preparation"}

# (code, exact variants, words or phrases that point at it)
_ORG_TYPES: list[tuple[str, set[str], tuple[str, ...]]] = [
    ("local_authority", {"la", "lea", "council", "local authority"},
     ("local authority", "council", "borough", "county", "la", "unitary", "metropolitan")),
    ("fostering_agency", {"ifa", "fostering agency", "independent fostering agency"},
     ("fostering", "ifa", "foster")),
    ("charity", {"charity", "voluntary", "vcs", "vcse", "third sector", "not for profit"},
     ("charity", "charitable", "voluntary", "third sector", "not for profit", "non profit", "vcs", "vcse")),
    ("private_provider", {"private", "private provider", "independent provider"},
     ("private", "independent provider", "independent sector")),
    ("nhs", {"nhs", "nhs trust", "health", "health trust"}, ("nhs", "health", "hospital")),
    ("other", {"other"}, ("other",)),
]
_SETTINGS: list[tuple[str, set[str], tuple[str, ...]]] = [
    ("both", {"both", "all", "all ages", "all age", "adults and children", "children and adults",
              "adults children", "children adults", "mixed"}, ("both", "all age")),
    ("adults", {"adult", "adults", "adult social care", "adults services", "adult services", "asc"},
     ("adult",)),
    ("children_families", {"children", "child", "children families", "children and families",
                           "childrens services", "children s services", "csc", "families"},
     ("child", "famil")),
]
_ROLES: list[tuple[str, set[str], tuple[str, ...]]] = [
    ("presenter", {"presenter", "presenting", "presented", "issue holder", "problem holder"},
     ("presen", "issueholder", "problemholder")),
    ("observer", {"observer", "observing", "process observer"}, ("observ",)),
    ("timekeeper", {"timekeeper", "time keeper", "timekeeping", "time keeping"}, ("timekeep",)),
    ("process_caretaker", {"process caretaker", "caretaker", "process care taker", "process carer"},
     ("caretak",)),
    ("host", {"host", "hosting", "hosted"}, ("host",)),
    ("member", {"member", "set member", "participant", "questioner", "attendee"},
     ("member", "participant", "questioner", "attendee")),
]


def parse_log_type(value: object) -> str | None:
    """A log type code from a cell or key value; None when it is not clearly one of them."""
    norm = normalise_header(value)
    if norm.replace(" ", "_") in LOG_TYPES:
        return norm.replace(" ", "_")
    codes = {_LOG_WORDS[w] for w in norm.split() if w in _LOG_WORDS}
    rest = [w for w in norm.split() if w not in _LOG_WORDS and w not in _LOG_FILLER]
    return codes.pop() if len(codes) == 1 and not rest else None


def log_type_from_name(name: str) -> str | None:
    """The log type a file, sheet or title name points at: exactly one of the three, else None."""
    lowered = name.lower()
    found = {code for stem, code in _LOG_STEMS.items() if stem in lowered}
    return found.pop() if len(found) == 1 else None


def parse_org_type(value: object) -> str | None:
    return _lookup(value, _ORG_TYPES, ORG_TYPES)


def parse_setting(value: object) -> str | None:
    norm = normalise_header(value)
    words = norm.split()
    if any(w.startswith("adult") for w in words) and any(w.startswith(("child", "famil")) for w in words):
        return "both"
    return _lookup(value, _SETTINGS, SETTINGS)


def parse_role(value: object) -> str | None:
    return _lookup(value, _ROLES, ROLES, compact=True)


def _lookup(value: object, table: list[tuple[str, set[str], tuple[str, ...]]], codes: Iterable[str],
            compact: bool = False) -> str | None:
    norm = normalise_header(value)
    if not norm:
        return None
    if norm.replace(" ", "_") in codes:
        return norm.replace(" ", "_")
    for code, exact, _ in table:
        if norm in exact:
            return code
    haystack = norm.replace(" ", "") if compact else f" {norm} "
    found = set()
    for code, _, hints in table:
        for hint in hints:
            if compact and hint in haystack:
                found.add(code)
            elif not compact and _has_phrase(haystack, hint):
                found.add(code)
    return found.pop() if len(found) == 1 else None


def _has_phrase(padded: str, hint: str) -> bool:
    """Whole-word match for short hints ("la"), prefix match for stems ("famil")."""
    if len(hint) <= 3 or " " in hint:
        return f" {hint} " in padded
    return re.search(rf"\b{re.escape(hint)}", padded) is not None


def log_type_from_path(relative_path: str) -> str | None:
    """The log type a file's own name gives, else the nearest folder name that gives one.

    Logs are often filed as "reflective/<name>.docx"; the file name still wins
    because it is the more specific statement.
    """
    parts = relative_path.split("/")
    stem = parts[-1].rsplit(".", 1)[0]
    for name in [stem, *reversed(parts[:-1])]:
        code = log_type_from_name(name)
        if code is not None:
            return code
    return None
