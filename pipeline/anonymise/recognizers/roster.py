"""The batch roster as a Presidio recognizer: metadata identities found again in free text."""
from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from pipeline.anonymise.lower_case_names import cued_lower_case
from pipeline.anonymise.recognizers.base import TypedRecognizer
from pipeline.anonymise.roster import Roster, RosterOrg


class RosterRecognizer(TypedRecognizer, EntityRecognizer):
    """Presidio recognizer over a batch roster (added per batch as an ad hoc recognizer)."""

    NAME = "roster"
    PLACEHOLDERS = {"ROSTER_PERSON": "PERSON", "ROSTER_ORG": "ORG", "EMAIL_ADDRESS": "CONTACT"}
    DETECTOR = "roster"

    def __init__(self, roster: Roster) -> None:
        self.roster = roster
        super().__init__(supported_entities=["ROSTER_PERSON", "ROSTER_ORG"], name=self.NAME,
                         supported_language="en")

    def load(self) -> None:  # the roster is built before the recognizer
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 - Presidio signature
        results = []
        for match in self.roster.index.find(text):
            is_org = isinstance(match.value, RosterOrg) or (
                isinstance(match.value, frozenset) and all(isinstance(v, RosterOrg) for v in match.value))
            results.append(RecognizerResult(
                "ROSTER_ORG" if is_org else "ROSTER_PERSON", match.start, match.end, 1.0,
                recognition_metadata={"recognizer_name": self.NAME, "roster_value": match.value},
            ))
        results += self._lower_case_members(text)
        for email in self.roster.emails:
            for found in re.finditer(re.escape(email), text, re.IGNORECASE):
                results.append(RecognizerResult("EMAIL_ADDRESS", found.start(), found.end(), 1.0,
                                                recognition_metadata={"recognizer_name": self.NAME}))
        return results

    def _lower_case_members(self, text: str) -> list[RecognizerResult]:
        """Roster names that are ordinary words, in lower case beside a cue (lower_case_names.py)."""
        return [RecognizerResult("ROSTER_PERSON", start, end, 0.9,
                                 recognition_metadata={"recognizer_name": self.NAME, "roster_value": person,
                                                       "lower_case_cue": True})
                for start, end, person in cued_lower_case(text, self.roster.ordinary_pieces)]
