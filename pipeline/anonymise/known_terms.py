"""Terms a person redacted in a database (`als redact`), found again in the next run's logs.

The database keeps each term only as a keyed digest (Pseudonymiser.term_digest), so the terms
are found by digesting every run of one to MAX_WORDS words of the text and looking it up.
"""
from __future__ import annotations

from pipeline.anonymise.keys import Pseudonymiser
from pipeline.anonymise.phrases import words
from pipeline.anonymise.placeholders import Finding

MAX_WORDS = 4  # "Hollin Bank Family Centre": longer terms are redacted by their parts


class KnownTerms:
    def __init__(self, pseudonymiser: Pseudonymiser, digests: dict[str, str]) -> None:
        self.pseudonymiser = pseudonymiser
        self.digests = digests  # term digest -> entity type

    def __bool__(self) -> bool:
        return bool(self.digests)

    def find(self, text: str, field_index: int) -> list[Finding]:
        tokens = words(text)
        found = []
        for i in range(len(tokens)):
            for size in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
                start, end = tokens[i][0], tokens[i + size - 1][1]
                entity_type = self.digests.get(self.pseudonymiser.term_digest(text[start:end]))
                if entity_type is not None:
                    found.append(Finding(field_index, start, end, entity_type, "manual", 1.0, text[start:end]))
                    break
        return found
