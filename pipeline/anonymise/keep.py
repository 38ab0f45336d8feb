"""Terms that look like names to NER but are not personal data in these logs.

National bodies, frameworks, platforms, days and months, job titles and
social-work shorthand must survive: removing them makes the logs useless to
evaluators (over-redaction). The built-in terms are in lexicon.yaml; users add
their own through [anonymise] keep_terms.
"""
from __future__ import annotations

import re

from pipeline.anonymise.lexicon import lexicon
from pipeline.anonymise.phrases import PhraseIndex

_NORMALISE = re.compile(r"[\s\-_]+")


def normalise_term(text: str) -> str:
    text = text.replace("’", "'").strip(" \t\n.,;:!?\"()[]")
    text = re.sub(r"^(?:the|our|my|their|a|an)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"'s$", "", text)
    return _NORMALISE.sub(" ", text).casefold()


class KeepTerms:
    """Case-insensitive set of protected terms; a span made only of them is kept."""

    def __init__(self, extra: list[str] | None = None) -> None:
        terms = [*lexicon().keep_terms, *(extra or [])]
        self._terms = {normalise_term(t) for t in terms if t.strip()}
        self._phrases = PhraseIndex()
        for term in terms:
            if " " in term.strip():
                self._phrases.add(term.strip(), True)

    def protected_spans(self, text: str) -> list[tuple[int, int]]:
        """Where multi-word kept terms stand in `text` ("Google Meet", "Skills for Care")."""
        return [(m.start, m.end) for m in self._phrases.find(text)]

    def __contains__(self, span_text: str) -> bool:
        return normalise_term(span_text) in self._terms

    def covers(self, span_text: str) -> bool:
        """True when every word of the span is itself a kept term ("ASYE PCF", "Teams Zoom")."""
        if span_text in self:
            return True
        parts = split_list(span_text)
        return bool(parts) and all(text in self for _, _, text in parts)


def split_list(span_text: str) -> list[tuple[int, int, str]]:
    """Parts of a span that lists several names: "Skills for Care and Ofsted" -> two parts."""
    parts, start = [], 0
    for separator in re.finditer(r"\s*(?:,|/|&|\band\b)\s*", span_text):
        parts.append((start, separator.start(), span_text[start:separator.start()]))
        start = separator.end()
    parts.append((start, len(span_text), span_text[start:]))
    return [(s, e, t) for s, e, t in parts if t.strip()]
