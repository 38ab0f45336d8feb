"""The batch roster as a Presidio recognizer: metadata identities found again in free text."""
from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from pipeline.anonymise.lower_case_names import cued_lower_case
from pipeline.anonymise.recognizers.base import TypedRecognizer
from pipeline.anonymise.roster import Roster, RosterOrg
from pipeline.anonymise.recognizers.signature_initials import SIGNATURE
from pipeline.anonymise.roster_words import RosterWordDecider

SIGNED = regex.compile(SIGNATURE, regex.MULTILINE)


class RosterRecognizer(TypedRecognizer, EntityRecognizer):
    """Presidio recognizer over a batch roster (added per batch as an ad hoc recognizer)."""

    NAME = "roster"
    PLACEHOLDERS = {"ROSTER_PERSON": "PERSON", "ROSTER_ORG": "ORG", "EMAIL_ADDRESS": "CONTACT"}
    DETECTOR = "roster"

    def __init__(self, roster: Roster, words: RosterWordDecider | None = None) -> None:
        self.roster = roster
        self.words = words  # None: lower-case names only beside a cue, capitalised ones always
        super().__init__(supported_entities=["ROSTER_PERSON", "ROSTER_ORG"], name=self.NAME,
                         supported_language="en")

    def load(self) -> None:  # the roster is built before the recognizer
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 - Presidio signature
        results = []
        doc = getattr(nlp_artifacts, "tokens", None) if self.words is not None else None
        for match in self.roster.index.find(text):
            if doc is not None and self._ordinary_piece(text[match.start:match.end]) \
                    and not self.words.keeps_capitalised(doc, match.start, match.end):
                continue
            is_org = isinstance(match.value, RosterOrg) or (
                isinstance(match.value, frozenset) and all(isinstance(v, RosterOrg) for v in match.value))
            results.append(RecognizerResult(
                "ROSTER_ORG" if is_org else "ROSTER_PERSON", match.start, match.end, 1.0,
                recognition_metadata={"recognizer_name": self.NAME, "roster_value": match.value},
            ))
        results += self._lower_case_members(text, doc)
        results += [self._person(start, end, person) for start, end, person in self._signatures(text)]
        if doc is not None:
            results += [self._person(t.idx, t.idx + len(t.text), self.roster.kept_pieces[t.text]) for t in doc
                        if t.text in self.roster.kept_pieces and not self.words.is_word(doc, t.i, count=True)]
        for start, end in self.roster.find_emails(text):
            results.append(RecognizerResult("EMAIL_ADDRESS", start, end, 1.0,
                                            recognition_metadata={"recognizer_name": self.NAME}))
        return results

    def _person(self, start: int, end: int, person) -> RecognizerResult:
        return RecognizerResult("ROSTER_PERSON", start, end, 0.9,
                                recognition_metadata={"recognizer_name": self.NAME, "roster_value": person})

    def _signatures(self, text: str):
        """A member's initials signing off a paragraph ("- HR"), even where they spell a kept term."""
        for match in SIGNED.finditer(text):
            person = self.roster.initials.get(match.group().replace(".", ""))
            if person is not None:
                yield match.start(), match.end(), person

    def _ordinary_piece(self, surface: str) -> bool:
        return surface.casefold() in self.roster.ordinary_pieces and " " not in surface

    def _lower_case_members(self, text: str, doc) -> list[RecognizerResult]:
        """Roster names that are ordinary words, in lower case: decided by roster_words.py when it has the
        tokens, else taken beside a cue only (lower_case_names.py)."""
        pieces = self.roster.ordinary_pieces
        found = (self.words.lower_case(text, doc, pieces) if doc is not None
                 else cued_lower_case(text, pieces))
        return [self._person(start, end, person) for start, end, person in found]
