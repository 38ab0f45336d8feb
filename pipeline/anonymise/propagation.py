"""Pass two's batch-wide step as data: each document's evidence, merged once, found in every document.

A name or place found with confidence in one document of a batch is removed from all of them.
`Anonymiser.evidence` turns one document's findings into a PropagationEvidence (plain data);
`Propagation.merge` is the reduce over the batch, and `Propagation.find` applies the merged terms
to one document. The local engine runs the three in one process; the Dask engine runs evidence and
find on workers and the merge once (pipeline/engines/dask.py).
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from typing import Iterable

from pipeline.anonymise.lower_case_names import cued_lower_case
from pipeline.anonymise.phrases import PhraseIndex
from pipeline.anonymise.placeholders import TYPE_PRIORITY, Finding
from pipeline.records import RawLog


class DocumentFindings:
    """One document after pass one: its normalised text and what was found in it on its own.

    A batch holds every document's findings from the start of pass one to its chunk of pass two, so they
    are kept packed: two arrays and the distinct strings they index, 1.0 KB a realistic log against 6.5 KB
    as Finding objects (at 50,000 logs, 0.27 GB; docs/scaling.md). `findings` unpacks them,
    equal to what was packed; a surface that is not its field's text at its offsets is kept as it was."""

    __slots__ = ("log", "_numbers", "_scores", "_names", "_surfaces")

    def __init__(self, log: RawLog, findings: list[Finding]) -> None:
        self.log = log
        names: dict[str | None, int] = {}
        numbers, surfaces = [], {}
        for n, f in enumerate(findings):
            numbers += (f.field_index, f.start, f.end, names.setdefault(f.entity_type, len(names)),
                        names.setdefault(f.detector, len(names)), names.setdefault(f.member_code, len(names)))
            if log.fields[f.field_index].text[f.start:f.end] != f.surface:
                surfaces[n] = f.surface
        # Built whole, so each array is allocated at its size; scores as doubles, so they come back exact.
        self._numbers, self._scores = array("i", numbers), array("d", [f.score for f in findings])
        self._names, self._surfaces = tuple(names), surfaces or None

    @property
    def findings(self) -> list[Finding]:
        names, numbers, surfaces, fields = self._names, self._numbers, self._surfaces or {}, self.log.fields
        found = []
        for n, score in enumerate(self._scores):
            field_index, start, end, entity_type, detector, member_code = numbers[6 * n:6 * n + 6]
            surface = surfaces[n] if n in surfaces else fields[field_index].text[start:end]
            found.append(Finding(field_index, start, end, names[entity_type], names[detector], score, surface,
                                 names[member_code]))
        return found

    def __getstate__(self) -> tuple:  # slots, no __dict__: pickled for the Dask engine's workers
        return self.log, self._numbers, self._scores, self._names, self._surfaces

    def __setstate__(self, state: tuple) -> None:
        self.log, self._numbers, self._scores, self._names, self._surfaces = state

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DocumentFindings) and (self.log, self.findings) == (other.log, other.findings)

    def __repr__(self) -> str:  # never the text or the surfaces: a repr can reach a log
        return f"DocumentFindings({len(self._scores)} findings)"


@dataclass
class PropagationEvidence:
    """The part of pass two's batch-wide terms that one document contributes.

    Plain data, so it travels between processes; merging is a union (PhraseIndex keeps the looser
    case rule and every type of a phrase), so documents may contribute in any order."""

    terms: list[tuple[str, str, bool]] = field(default_factory=list)  # (phrase, entity type, case-sensitive)
    lower_case: dict[str, str] = field(default_factory=dict)
    kept_names: set[str] = field(default_factory=set)


class TermRecorder:
    """Stands in for a PhraseIndex while evidence is collected: the additions, replayed on merge."""

    def __init__(self) -> None:
        self.added: list[tuple[str, str, bool]] = []

    def add(self, phrase: str, value: str, case_sensitive: bool = False) -> None:
        self.added.append((phrase, value, case_sensitive))


class Propagation:
    """The batch's merged evidence, compiled once: finds its terms in any document of the batch."""

    def __init__(self, index: PhraseIndex, lower_case: dict[str, str], kept_names: set[str]) -> None:
        self.index = index
        self.lower_case = lower_case
        self.as_person = _kept_word_as_person(kept_names)

    @classmethod
    def merge(cls, parts: Iterable[PropagationEvidence]) -> "Propagation":
        """The reduce step: every document's evidence, in batch order, in one index."""
        index = PhraseIndex()
        lower_case: dict[str, str] = {}
        kept_names: set[str] = set()
        for part in parts:
            for phrase, value, case_sensitive in part.terms:
                index.add(phrase, value, case_sensitive=case_sensitive)
            lower_case.update(part.lower_case)
            kept_names |= part.kept_names
        return cls(index, lower_case, kept_names)

    def find(self, log: RawLog) -> list[Finding]:
        """The propagated terms in one (normalised) document, as findings."""
        if not len(self.index) and not self.lower_case and self.as_person is None:
            return []
        found = []
        for fi, field_ in enumerate(log.fields):
            text = field_.text
            for match in self.index.find(text):
                found.append(Finding(fi, match.start, match.end, _pick_type(match.value),
                                     "propagation", 0.6, text[match.start:match.end]))
            for start, end, entity_type in cued_lower_case(text, self.lower_case):
                found.append(Finding(fi, start, end, entity_type, "propagation", 0.6, text[start:end]))
            for match in self.as_person.finditer(text) if self.as_person else ():
                found.append(Finding(fi, match.start(1), match.end(1), "PERSON", "propagation", 0.6,
                                     match.group(1)))
        return found


# Where a kept word that is also a name ("Jan", "May") found as a person in the batch can only be
# that person: after a word done to or with someone, and not before a day or a year ("to Jan 2022").
KEPT_NAME_BEFORE = r"(?:to|with|ask|asked|told|thanks|cc|rang|emailed|met|and\s+(?:I|we))"


def _kept_word_as_person(kept_names: set[str]) -> "re.Pattern[str] | None":
    if not kept_names:
        return None
    names = "|".join(re.escape(n) for n in sorted(kept_names))
    return re.compile(rf"\b{KEPT_NAME_BEFORE}\s+({names})\b(?![\s,]*\d)")


def _pick_type(value) -> str:
    """One type for a term propagated under several (a person outranks a body or place)."""
    candidates = value if isinstance(value, frozenset) else {value}
    return max(candidates, key=lambda entity_type: TYPE_PRIORITY.get(entity_type, -1))
