"""Building the anonymise stage: the key and the models, loaded once per process, or a clear stop."""
from __future__ import annotations

from pipeline.anonymise.engine import Anonymiser
from pipeline.anonymise.gazetteers import load_gazetteers
from pipeline.anonymise.keep import KeepTerms
from pipeline.anonymise.keys import KeyMissing, Pseudonymiser, load_key
from pipeline.anonymise.models import ModelUnavailable, load_engines
from pipeline.anonymise.recognizers import ContextNameRecognizer, uk_recognizers
from pipeline.config import AnonymiseConfig


class AnonymiserUnavailable(RuntimeError):
    """Raised before anything is written when the key or a model is missing."""


def build_anonymiser(config: AnonymiseConfig) -> Anonymiser:
    """Load key and models (once per process) or raise AnonymiserUnavailable."""
    try:
        key = load_key(config)
        gazetteers = load_gazetteers()
        recognizers = uk_recognizers() + [ContextNameRecognizer(gazetteers, KeepTerms(config.keep_terms))]
        engines = load_engines(config.spacy_model, recognizers)
    except (KeyMissing, ModelUnavailable, FileNotFoundError) as error:
        raise AnonymiserUnavailable(str(error)) from None
    return Anonymiser(engines, Pseudonymiser(key), config, gazetteers)
