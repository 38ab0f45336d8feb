"""Names right after a role or family word: "my NQSW Ellie Marsh", "her son Caspian"."""
from __future__ import annotations

from presidio_analyzer import Pattern

from pipeline.anonymise.lexicon import lexicon, one_of
from pipeline.anonymise.recognizers.base import UkPatternRecognizer

NAME_CUES = one_of(lexicon().name_cues)


class CuedNameRecognizer(UkPatternRecognizer):
    """Capitalised words right after a name cue (lexicon.yaml): names the small NER model misses.
    The engine drops a match whose first word is very common ("my manager The...")."""

    ENTITY = "CUED_PERSON"
    PLACEHOLDER = "PERSON"
    CASE_SENSITIVE = True
    PATTERNS = [Pattern("cued name", rf"(?<=\b(?:{NAME_CUES}),?\s)[A-Z][\w'’-]*[\w](?:\s[A-Z][\w'’-]*[\w])?", 0.6)]
