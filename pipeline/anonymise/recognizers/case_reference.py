"""Case and file references: capital letters then digits."""
from __future__ import annotations

from presidio_analyzer import Pattern

from pipeline.anonymise.recognizers.base import UkPatternRecognizer


class CaseReferenceRecognizer(UkPatternRecognizer):
    """Case and file references: capital letters then digits ("CF-204817", "LCS 88213").

    Four-digit numbers after a space are left alone ("ASYE 2024", "KSS 2018").
    """

    ENTITY = "CASE_REFERENCE"
    PLACEHOLDER = "ID"
    CASE_SENSITIVE = True
    PATTERNS = [
        Pattern("ref with separator", r"\b[A-Z]{1,5}[-/]\d{3,}(?:[-/][A-Z0-9]+)*\b", 0.7),
        Pattern("ref with space", r"\b[A-Z]{1,5} ?\d{5,}\b", 0.7),
        Pattern("mixed ref", r"\b[A-Z]{2,5}\d{2,}[A-Z]{1,3}\d*\b", 0.5),
    ]
    CONTEXT = ["case", "ref", "reference", "file", "number", "no", "id"]
