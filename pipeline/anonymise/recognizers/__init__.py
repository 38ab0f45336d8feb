"""Presidio recognizers for UK contacts, identifiers, names, bodies and places, built to run offline.

One recognizer per module, its patterns, context, placeholder type and detector
as class data (see base.py). Presidio's own NHS (with its check digit) and NI
number recognizers run as they are; its email, phone and postcode recognizers
are adapted (email_address.py, phone_number.py and postcode.py say why). Which run, in which
order, is default_recognizers.yaml.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml
from presidio_analyzer import predefined_recognizers

from pipeline.anonymise.recognizers.base import (TypedRecognizer, UkPatternRecognizer,
                                                 placeholder_and_detector)
from pipeline.anonymise.recognizers.apposition_name import AppositionNameRecognizer
from pipeline.anonymise.recognizers.body_name import BodyNameRecognizer
from pipeline.anonymise.recognizers.case_reference import CaseReferenceRecognizer
from pipeline.anonymise.recognizers.context_names import ContextNameRecognizer
from pipeline.anonymise.recognizers.council_acronym import CouncilAcronymRecognizer
from pipeline.anonymise.recognizers.cued_name import CuedNameRecognizer
from pipeline.anonymise.recognizers.date_of_birth import DateOfBirthRecognizer
from pipeline.anonymise.recognizers.email_address import OfflineEmailRecognizer
from pipeline.anonymise.recognizers.learned_name import LearnedNameRecognizer
from pipeline.anonymise.recognizers.long_number import LongNumberRecognizer
from pipeline.anonymise.recognizers.nino import LenientNinoRecognizer
from pipeline.anonymise.recognizers.phone_number import UkPhoneRecognizer
from pipeline.anonymise.recognizers.postcode import ConfidentPostcodeRecognizer
from pipeline.anonymise.recognizers.roster import RosterRecognizer
from pipeline.anonymise.recognizers.signature_initials import SignatureInitialsRecognizer
from pipeline.anonymise.recognizers.street_address import StreetAddressRecognizer
from pipeline.anonymise.recognizers.titled_name import TitledNameRecognizer

DEFAULT_RECOGNIZERS = Path(__file__).with_name("default_recognizers.yaml")


def uk_recognizers(path: Path = DEFAULT_RECOGNIZERS) -> list:
    """The fixed recognizers every batch uses, built from the list in `path`."""
    names = yaml.safe_load(path.read_text(encoding="utf-8"))["recognizers"]
    return [recognizer_class(name)() for name in names]


def recognizer_class(name: str) -> type:
    """A recognizer class by name: ours first, then Presidio's predefined ones."""
    found = getattr(sys.modules[__name__], name, None) or getattr(predefined_recognizers, name, None)
    if not isinstance(found, type):
        raise ValueError(f"no recognizer called {name!r} here nor among Presidio's predefined recognizers")
    return found


__all__ = ["AppositionNameRecognizer", "BodyNameRecognizer", "CaseReferenceRecognizer", "ConfidentPostcodeRecognizer", "ContextNameRecognizer",
           "CouncilAcronymRecognizer", "CuedNameRecognizer", "DateOfBirthRecognizer", "LearnedNameRecognizer", "LenientNinoRecognizer",
           "LongNumberRecognizer", "OfflineEmailRecognizer", "RosterRecognizer", "SignatureInitialsRecognizer", "StreetAddressRecognizer",
           "TitledNameRecognizer", "TypedRecognizer", "UkPatternRecognizer", "UkPhoneRecognizer",
           "placeholder_and_detector", "recognizer_class", "uk_recognizers"]
