"""People named by a title: "Mr V.", "Mrs Adeyemi", "Dr J. R. Hale"."""
from __future__ import annotations

from presidio_analyzer import Pattern

from pipeline.anonymise.lexicon import lexicon, one_of
from pipeline.anonymise.recognizers.base import UkPatternRecognizer

_TITLE = rf"(?:{one_of(lexicon().titles)})\.?"


class TitledNameRecognizer(UkPatternRecognizer):
    """A title then a name or initial: "Mr V.", "Mrs Adeyemi", "Mr and Mrs O'Donovan", "Dr J. R. Hale";
    and dotted initials standing alone ("J.R.")."""

    ENTITY = "TITLED_PERSON"
    PLACEHOLDER = "PERSON"
    CASE_SENSITIVE = True
    PATTERNS = [
        Pattern("titled name",
                rf"\b{_TITLE}(?:\s+and\s+{_TITLE})?\s+(?:[A-Z]\.\s?){{0,3}}(?:[A-Z][\w'’-]+|[A-Z]\b\.?)", 0.8),
        Pattern("dotted initials", r"(?<![\w.])(?:[A-Z]\.){2,3}(?![\w.])", 0.5),
    ]
