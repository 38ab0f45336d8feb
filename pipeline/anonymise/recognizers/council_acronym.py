"""Councils and NHS trusts by their initials."""
from __future__ import annotations

from presidio_analyzer import Pattern

from pipeline.anonymise.recognizers.base import UkPatternRecognizer


class CouncilAcronymRecognizer(UkPatternRecognizer):
    """Council abbreviations that NER leaves alone: "LBTH", "NCC", "TVBC", "WMBC"."""

    ENTITY = "COUNCIL_ACRONYM"
    PLACEHOLDER = "ORG"
    CASE_SENSITIVE = True
    PATTERNS = [
        Pattern("council acronym", r"\b(?:LB[A-Z]{1,3}|RB[A-Z]{1,3}|[A-Z]{1,3}(?:CC|BC|MBC|DC))\b", 0.6),
        # Written in lower case ("the xcc asye lead") only after a word that puts a body there.
        Pattern("lower-case council acronym",
                r"(?<=\b(?:the|at|from|our|their|with|in|for|to)\s)(?!bbc\b|bcc\b)(?:lb[a-z]{1,3}|[a-z]{1,3}(?:cc|mbc|bc|dc))\b", 0.5),
        Pattern("borough short form", r"\b(?:LB|RB)(?:\s+of)?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?", 0.7),
        # NHS trusts and other bodies by initials: "...FT" (foundation trust), "...PT", "...HT".
        Pattern("trust acronym", r"\b[A-Z]{2,4}(?:FT|PT|HT|NT)\b", 0.6),
    ]
