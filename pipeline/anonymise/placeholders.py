"""Choose one finding per overlapping region and a placeholder label for each.

Labels are numbered per document and type, so `[PERSON1]` is the same person
everywhere in one document (a surname alone joins the full name it belongs
to), and set members become their member code when that is unambiguous.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from pipeline.anonymise.lexicon import folded, lexicon

TITLES = folded(lexicon().titles)

# Ties between overlapping spans of equal length: the roster (metadata truth)
# first and the catch-all long-number rule last, then the type (an NHS number is phone-shaped but is an ID; a name the
# model called a place is a person if any detector says so), then the detector.
TYPE_PRIORITY = {"ID": 5, "DATE": 4, "CONTACT": 3, "PERSON": 2, "ORG": 1, "LOCATION": 0}
DETECTOR_PRIORITY = {"manual": 4, "pattern": 3, "roster": 2, "ner": 1, "gazetteer": 1, "learned": 1, "propagation": 0, "fallback": -1}
# Detectors that guess from words and context, rather than match a pattern or the roster.
GUESSING_DETECTORS = frozenset({"ner", "gazetteer", "learned", "propagation"})


@dataclass(frozen=True)
class Finding:
    """A span to replace, in one field of one document. `surface` is raw text: memory only."""

    field_index: int
    start: int
    end: int
    entity_type: str  # PERSON, ORG, LOCATION, CONTACT, ID, DATE
    detector: str
    score: float
    surface: str
    member_code: str | None = None


def _rank(finding: Finding) -> tuple:
    return (-(finding.end - finding.start), finding.detector != "roster", finding.detector == "fallback",
            -TYPE_PRIORITY.get(finding.entity_type, 0), -DETECTOR_PRIORITY.get(finding.detector, 0),
            -finding.score, finding.field_index, finding.start)


def resolve_overlaps(findings: list[Finding], texts: list[str]) -> list[Finding]:
    """One finding per group of overlapping spans, covering the whole group.

    The best-ranked finding gives the type and detector; its span grows to the
    union so that nothing of a partly matched name or address is left behind
    ("Haddlesey Cross" from NER and "WF3 8HD" from the postcode rule).
    """
    resolved = []
    ordered = sorted(findings, key=lambda f: (f.field_index, f.start, -f.end))
    group: list[Finding] = []
    for finding in ordered + [None]:
        if group and (finding is None or finding.field_index != group[0].field_index
                      or finding.start >= max(f.end for f in group)):
            best = min(group, key=_rank)
            start, end = min(f.start for f in group), max(f.end for f in group)
            resolved.append(replace(best, start=start, end=end, surface=texts[best.field_index][start:end]))
            group = []
        if finding is not None:
            group.append(finding)
    return resolved


def _identity(finding: Finding) -> str:
    text = finding.surface.replace("’", "'")
    if finding.entity_type in {"CONTACT", "ID"}:
        return re.sub(r"[^0-9a-z@.]", "", text.casefold())
    text = re.sub(r"'s$", "", text.strip())
    tokens = [t for t in re.split(r"[\s.]+", text.casefold()) if t and t not in TITLES]
    return " ".join(tokens)


def assign_labels(findings: list[Finding], use_member_codes: bool = True) -> list[str]:
    """One label per finding (in order), e.g. "PERSON2" or "M-4F2A9C"."""
    identities = [_identity(f) for f in findings]
    # Full names seen in the document, so "Osterbrook" and "Wilhelmina" can join "Wilhelmina Osterbrook".
    full_names = {identity for f, identity in zip(findings, identities)
                  if f.entity_type == "PERSON" and " " in identity}
    numbers: dict[tuple[str, str], int] = {}
    counters: dict[str, int] = defaultdict(int)
    labels = []
    for finding, identity in zip(findings, identities):
        if use_member_codes and finding.member_code:
            labels.append(finding.member_code)
            continue
        if finding.entity_type == "PERSON" and " " not in identity:
            owners = sorted(name for name in full_names if identity in name.split())
            if len(owners) == 1:
                identity = owners[0]
        key = (finding.entity_type, identity)
        if key not in numbers:
            counters[finding.entity_type] += 1
            numbers[key] = counters[finding.entity_type]
        # "PERSON1", not "PERSON_1": a token-level reader (or audit) must never see the placeholder's
        # type or number as a separate word that could pair with "org" in an email or "11" in a date.
        labels.append(f"{finding.entity_type}{numbers[key]}")
    return labels
