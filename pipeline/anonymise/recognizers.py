"""Presidio recognizers for UK contacts and identifiers, built to run offline.

Presidio's own UK NHS (with its check digit), NINO and postcode recognizers
are used as they are, with postcode scores raised: a postcode-shaped token in
a practice log is almost always an address. Email and phone are adapted:
Presidio's email validator calls tldextract, which may fetch the public
suffix list over the network, and its phone recognizer's strict mode rejects
the drama-range numbers that test data rightly uses.
"""
from __future__ import annotations

import re
from typing import Optional

import regex
from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import (
    EmailRecognizer,
    PhoneRecognizer,
    NhsRecognizer,
    UkNinoRecognizer,
    UkPostcodeRecognizer,
)

from pipeline.anonymise.lexicon import lexicon, one_of

# Presidio entity name -> our placeholder type.
ENTITY_TYPES = {
    "PERSON": "PERSON",
    "ORGANIZATION": "ORG",
    "LOCATION": "LOCATION",
    "UK_POSTCODE": "LOCATION",
    "STREET_ADDRESS": "LOCATION",
    "COUNCIL_ACRONYM": "ORG",
    "BODY_NAME": "ORG",
    "EMAIL_ADDRESS": "CONTACT",
    "PHONE_NUMBER": "CONTACT",
    "UK_NHS": "ID",
    "UK_NINO": "ID",
    "CASE_REFERENCE": "ID",
    "LONG_NUMBER": "ID",
    "DATE_OF_BIRTH": "DATE",
    "ROSTER_PERSON": "PERSON",
    "TITLED_PERSON": "PERSON",
    "CUED_PERSON": "PERSON",
    "GAZETTEER_PERSON": "PERSON",
    "GAZETTEER_LOCATION": "LOCATION",
    "GAZETTEER_ORG": "ORG",
    "ROSTER_ORG": "ORG",
    "PROPAGATED_PERSON": "PERSON",
    "PROPAGATED_ORG": "ORG",
    "PROPAGATED_LOCATION": "LOCATION",
}

_TLD = re.compile(r"\.[A-Za-z]{2,24}$")


class CaseSensitiveRecognizer(PatternRecognizer):
    """A pattern recognizer whose capitals matter ("CF-204817" is a reference, "case 12345" is not).

    Presidio compiles patterns case-insensitively by default; subclasses give ENTITY and PATTERNS.
    """

    ENTITY = ""
    PATTERNS: list[Pattern] = []
    CONTEXT: list[str] | None = None

    def __init__(self) -> None:
        super().__init__(supported_entity=self.ENTITY, patterns=self.PATTERNS, context=self.CONTEXT,
                         global_regex_flags=regex.DOTALL | regex.MULTILINE)


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's email pattern with a local top-level-domain check instead of tldextract."""

    def validate_result(self, pattern_text: str) -> bool:
        return bool(_TLD.search(pattern_text))


class UkPhoneRecognizer(PhoneRecognizer):
    """libphonenumber's lenient matcher, keeping only numbers with a full UK length."""

    def __init__(self) -> None:
        super().__init__(supported_regions=("GB",), leniency=0)

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 - Presidio signature
        results = super().analyze(text, entities, nlp_artifacts)
        kept = []
        for result in results:
            digits = re.sub(r"\D", "", text[result.start:result.end])
            if len(digits) >= 10:
                result.score = max(result.score, 0.75)
                kept.append(result)
        return kept


class ConfidentPostcodeRecognizer(UkPostcodeRecognizer):
    def __init__(self) -> None:
        pattern = UkPostcodeRecognizer.PATTERNS[0]
        super().__init__(patterns=[Pattern(pattern.name, pattern.regex, 0.6)])


class CaseReferenceRecognizer(CaseSensitiveRecognizer):
    """Case and file references: capital letters then digits ("CF-204817", "LCS 88213").

    Four-digit numbers after a space are left alone ("ASYE 2024", "KSS 2018").
    """

    PATTERNS = [
        Pattern("ref with separator", r"\b[A-Z]{1,5}[-/]\d{3,}(?:[-/][A-Z0-9]+)*\b", 0.7),
        Pattern("ref with space", r"\b[A-Z]{1,5} ?\d{5,}\b", 0.7),
        Pattern("mixed ref", r"\b[A-Z]{2,5}\d{2,}[A-Z]{1,3}\d*\b", 0.5),
    ]
    CONTEXT = ["case", "ref", "reference", "file", "number", "no", "id"]

    ENTITY = "CASE_REFERENCE"


class LongNumberRecognizer(PatternRecognizer):
    """Any run of seven or more digits (spaces or hyphens allowed): an identifier of some kind."""

    PATTERNS = [Pattern("long number", r"(?<![\d.])\d(?:[ -]?\d){6,}(?![\d.])", 0.5)]
    _DATE_SHAPE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}-\d{1,2}-\d{2,4}$")

    def __init__(self) -> None:
        super().__init__(supported_entity="LONG_NUMBER", patterns=self.PATTERNS)

    def validate_result(self, pattern_text: str) -> Optional[bool]:
        # Meeting dates are not identifiers.
        return False if self._DATE_SHAPE.match(pattern_text) else None


class LenientNinoRecognizer(CaseSensitiveRecognizer):
    """NI numbers in any letter prefix: Presidio's rule skips invalid prefixes such as the
    "QQ" of HMRC's own examples, which people copy into templates and test data."""

    PATTERNS = [Pattern("nino any prefix", r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", 0.6)]

    ENTITY = "UK_NINO"


_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\.?,?\s+\d{{4}}"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})"
)


class DateOfBirthRecognizer(PatternRecognizer):
    """Dates after "DOB", "date of birth" or "born": the only dates that are personal data here."""

    PATTERNS = [
        Pattern(
            "date of birth",
            rf"(?i)(?<=\b(?:dob|d\.o\.b\.?|date of birth|born(?: on)?)[:\s])\s*{_DATE}",
            0.85,
        ),
    ]

    def __init__(self) -> None:
        super().__init__(supported_entity="DATE_OF_BIRTH", patterns=self.PATTERNS)


class TitledNameRecognizer(CaseSensitiveRecognizer):
    """A title then a name or initial: "Mr K.", "Mrs Adeyemi", "Mr and Mrs O'Donovan", "Dr J. R. Hale"."""

    _TITLE = rf"(?:{one_of(lexicon().titles)})\.?"
    PATTERNS = [
        Pattern("titled name",
                rf"\b{_TITLE}(?:\s+and\s+{_TITLE})?\s+(?:[A-Z]\.\s?){{0,3}}(?:[A-Z][\w'’-]+|[A-Z]\b\.?)", 0.8),
        Pattern("dotted initials", r"(?<![\w.])(?:[A-Z]\.){2,3}(?![\w.])", 0.5),
    ]

    ENTITY = "TITLED_PERSON"


STREET_TYPES = one_of(lexicon().street_types)


class StreetAddressRecognizer(CaseSensitiveRecognizer):
    """Street addresses, with or without a house number: "17 Marlpit Road", "Flat 2, Oak Court"."""

    PATTERNS = [
        Pattern("numbered street",
                rf"\b(?:(?:Flat|Apartment|Unit)\s+\d+[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?,?\s+"
                rf"(?:[A-Z][\w'’-]+\s+(?:(?:on|upon|in|le|by|under)\s+)?){{1,4}}(?:{STREET_TYPES})\b\.?"
                rf"(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?", 0.85),
        Pattern("named street", rf"\b(?:[A-Z][\w'’-]+\s+){{1,3}}(?:{STREET_TYPES})\b(?!\s+[a-z])", 0.6),
        Pattern("estate", r"\b(?:[A-Z][\w'’-]+\s+){1,3}estate\b", 0.6),
        Pattern("town before postcode",
                r"\b[A-Z][\w'’-]+(?:\s+(?:(?:on|upon|in|le|by|under)\s+)?[A-Z][\w'’-]+){0,2},?\s+"
                r"(?=[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b)", 0.6),
    ]

    ENTITY = "STREET_ADDRESS"


# Words after which a capitalised word is a person's name in these logs:
# "my NQSW Ellie Marsh", "her son Caspian", "a girl called Ivy".
NAME_CUES = one_of(lexicon().name_cues)


class CuedNameRecognizer(CaseSensitiveRecognizer):
    """Capitalised words right after a role or family word: names the small NER model misses."""

    PATTERNS = [Pattern("cued name", rf"(?<=\b(?:{NAME_CUES}),?\s)[A-Z][\w'’-]*[\w](?:\s[A-Z][\w'’-]*[\w])?", 0.6)]

    ENTITY = "CUED_PERSON"


class CouncilAcronymRecognizer(CaseSensitiveRecognizer):
    """Council abbreviations that NER leaves alone: "LBTH", "NCC", "TVBC", "WMBC"."""

    PATTERNS = [
        Pattern("council acronym", r"\b(?:LB[A-Z]{1,3}|RB[A-Z]{1,3}|[A-Z]{1,3}(?:CC|BC|MBC|DC))\b", 0.6),
        Pattern("borough short form", r"\b(?:LB|RB)(?:\s+of)?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?", 0.7),
        # NHS trusts and other bodies by initials: "...FT" (foundation trust), "...PT", "...HT".
        Pattern("trust acronym", r"\b[A-Z]{2,4}(?:FT|PT|HT|NT)\b", 0.6),
    ]

    ENTITY = "COUNCIL_ACRONYM"


BODY_NOUNS = one_of(lexicon().body_kinds)


class BodyNameRecognizer(CaseSensitiveRecognizer):
    """Capitalised words ending in what kind of body it is: "Bramble Tree Fostering", "Hartby
    Assessment Team". The engine drops matches that are only generic ("The Council")."""

    PATTERNS = [Pattern("named body", rf"\b(?:[A-Z][\w'’-]+\s+(?:(?:and|&|of|for|on)\s+)?){{1,5}}(?:{BODY_NOUNS})\b", 0.5)]

    ENTITY = "BODY_NAME"


def uk_recognizers() -> list:
    """The fixed recognizers every batch uses (the roster is added per batch)."""
    return [
        OfflineEmailRecognizer(),
        UkPhoneRecognizer(),
        NhsRecognizer(),
        UkNinoRecognizer(),
        LenientNinoRecognizer(),
        ConfidentPostcodeRecognizer(),
        CaseReferenceRecognizer(),
        LongNumberRecognizer(),
        DateOfBirthRecognizer(),
        TitledNameRecognizer(),
        CuedNameRecognizer(),
        StreetAddressRecognizer(),
        CouncilAcronymRecognizer(),
        BodyNameRecognizer(),
    ]
