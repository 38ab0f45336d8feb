"""A first name with its role beside it: "Will - NQSW in the discharge team", "Ada (our CEO)"."""
from __future__ import annotations

from presidio_analyzer import Pattern

from pipeline.anonymise.gazetteers import load_gazetteers
from pipeline.anonymise.lexicon import lexicon, one_of
from pipeline.anonymise.recognizers.base import UkPatternRecognizer

NAME_CUES = one_of(lexicon().name_cues)


class AppositionNameRecognizer(UkPatternRecognizer):
    """A capitalised first name followed by a dash or bracket and a role word (lexicon name_cues).

    The role in apposition says a person is meant, so a first name that is also a word ("Will",
    "Hope") is taken here, where it would be left alone on its own."""

    ENTITY = "APPOSITION_PERSON"
    PLACEHOLDER = "PERSON"
    CASE_SENSITIVE = True
    PATTERNS = [Pattern("name then role",
                        rf"\b[A-Z][a-z'’-]+[a-z](?:\s[A-Z][a-z'’-]+[a-z])?(?=\s*(?:[-–—]|\()\s*"
                        rf"(?:(?:an?|our|the|my|his|her|their|new|senior)\s+)*(?:{NAME_CUES})\b)", 0.6)]

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: D102 - Presidio signature
        first_names = load_gazetteers().first_folded
        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags)
                if text[r.start:r.end].split()[0].casefold() in first_names]
