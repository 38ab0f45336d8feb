"""Street addresses and the town before a postcode."""
from __future__ import annotations

from presidio_analyzer import Pattern

from pipeline.anonymise.lexicon import lexicon, one_of
from pipeline.anonymise.recognizers.base import UkPatternRecognizer

STREET_TYPES = one_of(lexicon().street_types)


class StreetAddressRecognizer(UkPatternRecognizer):
    """Street addresses, with or without a house number: "17 Marlpit Road", "Flat 2, Oak Court"."""

    ENTITY = "STREET_ADDRESS"
    PLACEHOLDER = "LOCATION"
    CASE_SENSITIVE = True
    PATTERNS = [
        Pattern("numbered street",
                rf"\b(?:(?:Flat|Apartment|Unit)\s+\d+[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?,?\s+"
                rf"(?:[A-Z][\w'’-]+\s+(?:(?:on|upon|in|le|by|under)\s+)?){{1,4}}(?:{STREET_TYPES})\b\.?"
                rf"(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?", 0.85),
        Pattern("named street", rf"\b(?:[A-Z][\w'’-]+\s+){{1,3}}(?:{STREET_TYPES})\b(?!\s+[a-z])", 0.6),
        Pattern("estate", r"\b(?:[A-Z][\w'’-]+\s+){1,3}estate\b", 0.6),
        Pattern("town before postcode",
                r"\b[A-Z][\w'’-]+(?:\s+(?:(?:on|upon|in|le|by|under)\s+)?[A-Z][\w'’-]+){0,2},?\s+"
                r"(?=[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b)", 0.6),
    ]
