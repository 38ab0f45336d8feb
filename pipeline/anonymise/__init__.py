"""Anonymise stage: Presidio + spaCy + UK recognizers + batch roster, failing closed.

`stage.build_anonymiser` loads the key and the models; `engine.Anonymiser` applies them.
The names below are loaded on first use (PEP 562): importing a light module such as
`pipeline.anonymise.markup` or `keys` does not load Presidio and spaCy with it.
"""
from __future__ import annotations

from pipeline.lazy import lazy_exports

_HOMES = {
    "Anonymiser": "engine", "is_question_list": "engine", "Engines": "models", "ModelUnavailable": "models",
    "KeyMissing": "keys", "Pseudonymiser": "keys", "load_key": "keys", "write_new_key": "keys",
    "AnonymiserUnavailable": "stage", "build_anonymiser": "stage", "load_pseudonymiser": "stage", "KeyMismatch": "stage", "check_key": "stage",
}

__all__ = ["Anonymiser", "AnonymiserUnavailable", "build_anonymiser", "check_key", "Engines", "is_question_list",
           "KeyMismatch", "KeyMissing", "ModelUnavailable", "Pseudonymiser", "load_key", "load_pseudonymiser",
           "write_new_key"]

__getattr__, __dir__ = lazy_exports(__name__, _HOMES)
