"""National Insurance numbers with any letter prefix."""
from __future__ import annotations

from presidio_analyzer import Pattern

from pipeline.anonymise.recognizers.base import UkPatternRecognizer


class LenientNinoRecognizer(UkPatternRecognizer):
    """NI numbers in any letter prefix: Presidio's rule (also run) skips invalid prefixes such
    as the "QQ" of HMRC's own examples, which people copy into templates and test data."""

    ENTITY = "UK_NINO"
    PLACEHOLDER = "ID"
    CASE_SENSITIVE = True
    PATTERNS = [Pattern("nino any prefix", r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", 0.6)]
