"""The catch-all for identifiers: any long run of digits."""
from __future__ import annotations

import re
from typing import Optional

from presidio_analyzer import Pattern

from pipeline.anonymise.recognizers.base import UkPatternRecognizer

DATE_SHAPE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}-\d{1,2}-\d{2,4}$")


class LongNumberRecognizer(UkPatternRecognizer):
    """Any run of seven or more digits (spaces or hyphens allowed): an identifier of some kind.

    The fallback detector: it loses every tie with a recognizer that knows what the number is.
    """

    ENTITY = "LONG_NUMBER"
    PLACEHOLDER = "ID"
    DETECTOR = "fallback"
    PATTERNS = [Pattern("long number", r"(?<![\d.])\d(?:[ -]?\d){6,}(?![\d.])", 0.5)]

    def validate_result(self, pattern_text: str) -> Optional[bool]:
        # Meeting dates are not identifiers.
        return False if DATE_SHAPE.match(pattern_text) else None
