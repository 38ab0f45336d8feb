"""UK postcodes, trusted: a postcode-shaped token in a practice log is almost always an address."""
from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import UkPostcodeRecognizer

from pipeline.anonymise.recognizers.base import TypedRecognizer

_PRESIDIO_POSTCODE = UkPostcodeRecognizer.PATTERNS[0]


class ConfidentPostcodeRecognizer(TypedRecognizer, UkPostcodeRecognizer):
    """Presidio's postcode pattern with its score raised from 0.1 to 0.6 (its context words stay)."""

    PATTERNS = [Pattern(_PRESIDIO_POSTCODE.name, _PRESIDIO_POSTCODE.regex, 0.6)]
    PLACEHOLDER = "LOCATION"
