"""Dates of birth: the only dates that are personal data in these logs."""
from __future__ import annotations

from presidio_analyzer import Pattern

from pipeline.anonymise.recognizers.base import UkPatternRecognizer

_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\.?,?\s+\d{{4}}"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})"
)


class DateOfBirthRecognizer(UkPatternRecognizer):
    """Dates after "DOB", "date of birth" or "born"; meeting dates must stay."""

    ENTITY = "DATE_OF_BIRTH"
    PLACEHOLDER = "DATE"
    PATTERNS = [
        Pattern(
            "date of birth",
            rf"(?i)(?<=\b(?:dob|d\.o\.b\.?|date of birth|born(?: on)?)[:\s])\s*{_DATE}",
            0.85,
        ),
    ]
