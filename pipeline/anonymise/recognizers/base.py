"""What a recognizer's findings mean to the anonymiser, as class data on the recognizer.

Presidio names what it finds by entity ("UK_NHS", "CASE_REFERENCE"). The
anonymiser replaces a finding with a placeholder of one of its own types
(PERSON, ORG, LOCATION, CONTACT, ID, DATE) and records which kind of detector
found it (pattern, roster, ner, gazetteer, fallback): guesses are trusted less
than patterns. Each recognizer of ours carries both; Presidio's own
recognizers, used as they are, are mapped in PRESIDIO_PLACEHOLDERS.
"""
from __future__ import annotations

from typing import Any, ClassVar

import regex
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer

# Presidio's recognizers used unchanged: spaCy's NER through SpacyRecognizer (its labels
# become these entities in models.NER_LABELS) and the UK NHS and NI number rules.
PRESIDIO_PLACEHOLDERS = {"PERSON": "PERSON", "ORGANIZATION": "ORG", "LOCATION": "LOCATION",
                         "UK_NHS": "ID", "UK_NINO": "ID", "URL": "CONTACT"}
PRESIDIO_DETECTORS = {"SpacyRecognizer": "ner"}
DEFAULT_DETECTOR = "pattern"


class TypedRecognizer:
    """Mixin for a Presidio recognizer: the placeholder type of what it finds, and its detector.

    A recognizer of one entity gives PLACEHOLDER; one of several gives PLACEHOLDERS,
    entity -> placeholder type.
    """

    PLACEHOLDER: ClassVar[str] = ""
    PLACEHOLDERS: ClassVar[dict[str, str]] = {}
    DETECTOR: ClassVar[str] = DEFAULT_DETECTOR

    def placeholder_type(self, entity: str) -> str | None:
        if self.PLACEHOLDERS:
            return self.PLACEHOLDERS.get(entity)
        return self.PLACEHOLDER if entity in self.supported_entities else None  # type: ignore[attr-defined]


class UkPatternRecognizer(TypedRecognizer, PatternRecognizer):
    """A pattern recognizer whose entity, patterns and context are class data.

    Presidio compiles patterns case-insensitively; CASE_SENSITIVE recognizers keep
    capitals meaningful ("CF-204817" is a reference, "case 12345" is not).
    """

    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str] | None] = None
    CASE_SENSITIVE: ClassVar[bool] = False

    def __init__(self) -> None:
        flags = regex.DOTALL | regex.MULTILINE | (0 if self.CASE_SENSITIVE else regex.IGNORECASE)
        super().__init__(supported_entity=self.ENTITY, patterns=self.PATTERNS, context=self.CONTEXT,
                         global_regex_flags=flags)


class TokenRecognizer(TypedRecognizer, EntityRecognizer):
    """A recognizer over spaCy's tokens, read from Presidio's NLP artifacts; its word lists or model
    are loaded before it is built. Subclasses give NAME, PLACEHOLDERS and DETECTOR, and `analyze_doc`."""

    NAME: ClassVar[str] = ""

    def __init__(self) -> None:
        super().__init__(supported_entities=list(self.PLACEHOLDERS), name=self.NAME, supported_language="en")

    def load(self) -> None:  # nothing to load: the data came with the constructor
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 - Presidio signature
        doc = getattr(nlp_artifacts, "tokens", None)
        return self.analyze_doc(text, doc) if doc is not None and len(doc) else []

    def analyze_doc(self, text: str, doc) -> list:
        raise NotImplementedError


def placeholder_and_detector(recognizer: Any, entity: str) -> tuple[str | None, str]:
    """Placeholder type (None: not personal data here) and detector of one of `recognizer`'s findings."""
    if isinstance(recognizer, TypedRecognizer):
        return recognizer.placeholder_type(entity), recognizer.DETECTOR
    detector = PRESIDIO_DETECTORS.get(type(recognizer).__name__, DEFAULT_DETECTOR)
    return PRESIDIO_PLACEHOLDERS.get(entity), detector
