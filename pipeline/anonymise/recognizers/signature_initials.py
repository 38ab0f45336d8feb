"""Initials signing off a paragraph: "... see you next month – JT"."""
from __future__ import annotations

from presidio_analyzer import Pattern

from pipeline.anonymise.lexicon import lexicon
from pipeline.anonymise.recognizers.base import UkPatternRecognizer

# Two or three capitals of any alphabet (or dotted initials) after a dash, closing the line: a signature.
# Frameworks and bodies written the same way ("- PCF", "– HR") are the lexicon's keep terms and stay,
# unless they are a set member's initials (recognizers/roster.py reads this pattern too).
KEPT = frozenset(term for term in lexicon().keep_terms if term.isupper())
SIGNATURE = r"(?<=(?:^|\s)[–—-]{1,2}\s?)(?:\p{Lu}{2,3}|(?:\p{Lu}\.){2,3})(?=\s*$)"


class SignatureInitialsRecognizer(UkPatternRecognizer):
    """Initials after a dash at the end of a line or paragraph ("– JT", "- A.B.")."""

    ENTITY = "SIGNATURE_INITIALS"
    PLACEHOLDER = "PERSON"
    CASE_SENSITIVE = True
    PATTERNS = [Pattern("signature initials", SIGNATURE, 0.6)]

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: D102 - Presidio signature
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results if text[r.start:r.end].rstrip(".") not in KEPT]
