"""Case and file references: letters and digits in the shapes case systems use."""
from __future__ import annotations

from presidio_analyzer import Pattern

from pipeline.anonymise.recognizers.base import UkPatternRecognizer

# Three or more groups of capitals or digits joined by "-" or "/", at least one group of capitals and
# four digits in all: "AB/21/0388", "CMP-21-0418", "21/AB/0388". Dates ("12/03/2024") have no
# letters, framework names ("COVID-19") too few groups and paths ("tmp/pytest-of-root") no capitals.
GROUPED = (r"(?<![\w/-])(?=[A-Z0-9/-]*[A-Z])(?=(?:[A-Z/-]*\d){4})"
           r"(?:[A-Z]{1,6}|\d{1,8})(?:[-/](?:[A-Z]{1,6}|\d{1,8})){2,}(?![\w/-])")


class CaseReferenceRecognizer(UkPatternRecognizer):
    """Case and file references ("CF-204817", "LCS 88213", "AB/21/0388", "CMP-21-0418").

    Four-digit numbers after a space are left alone ("ASYE 2024", "KSS 2018").
    """

    ENTITY = "CASE_REFERENCE"
    PLACEHOLDER = "ID"
    CASE_SENSITIVE = True
    PATTERNS = [
        Pattern("ref with separator", r"\b[A-Z]{1,5}[-/]\d{3,}(?:[-/][A-Z0-9]+)*\b", 0.7),
        Pattern("grouped ref", GROUPED, 0.7),
        Pattern("ref with space", r"\b[A-Z]{1,5} ?\d{5,}\b", 0.7),
        Pattern("mixed ref", r"\b[A-Z]{2,5}\d{2,}[A-Z]{1,3}\d*\b", 0.5),
    ]
    CONTEXT = ["case", "ref", "reference", "file", "number", "no", "id"]
