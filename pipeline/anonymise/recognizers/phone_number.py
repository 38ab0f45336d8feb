"""UK phone numbers, including the drama-range numbers test data rightly uses."""
from __future__ import annotations

import re

from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from pipeline.anonymise.recognizers.base import TypedRecognizer

UK_MIN_DIGITS = 10


class UkPhoneRecognizer(TypedRecognizer, PhoneRecognizer):
    """libphonenumber's lenient matcher, keeping only numbers with a full UK length.

    Presidio's strict mode rejects the drama-range numbers (07700 900xxx) that
    test data rightly uses.
    """

    PLACEHOLDER = "CONTACT"

    def __init__(self) -> None:
        super().__init__(supported_regions=("GB",), leniency=0)

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 - Presidio signature
        results = super().analyze(text, entities, nlp_artifacts)
        kept = []
        for result in results:
            digits = re.sub(r"\D", "", text[result.start:result.end])
            if len(digits) >= UK_MIN_DIGITS:
                result.score = max(result.score, 0.75)
                kept.append(result)
        return kept
