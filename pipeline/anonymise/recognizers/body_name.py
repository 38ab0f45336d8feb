"""Bodies named by what kind of body they are: "Bramble Tree Fostering", "Hartby Assessment Team"."""
from __future__ import annotations

from presidio_analyzer import Pattern

from pipeline.anonymise.lexicon import lexicon, one_of
from pipeline.anonymise.recognizers.base import UkPatternRecognizer

BODY_KINDS = one_of(lexicon().body_kinds)


class BodyNameRecognizer(UkPatternRecognizer):
    """Capitalised words ending in a kind of body (lexicon.yaml). The engine drops matches
    that are only generic ("The Council", "Social Care Team")."""

    ENTITY = "BODY_NAME"
    PLACEHOLDER = "ORG"
    CASE_SENSITIVE = True
    PATTERNS = [Pattern("named body", rf"\b(?:[A-Z][\w'’-]+\s+(?:(?:and|&|of|for|on)\s+)?){{1,5}}(?:{BODY_KINDS})\b", 0.5)]
