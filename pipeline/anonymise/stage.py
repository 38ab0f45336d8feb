"""Building the anonymise stage: the key and the models, loaded once per process, or a clear stop."""
from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.anonymise.gazetteers import load_gazetteers
from pipeline.anonymise.keys import KeyMissing, Pseudonymiser, load_key
from pipeline.config import AnonymiseConfig
from pipeline.optional_dependencies import UNUSED_BY_NLP_LIBRARIES, hidden

if TYPE_CHECKING:
    from pipeline.anonymise.engine import Anonymiser


class AnonymiserUnavailable(RuntimeError):
    """Raised before anything is written when the key or a model is missing."""


class KeyMismatch(AnonymiserUnavailable):
    """The database was written under another pseudonym key: raised before anything is written."""


def check_key(stored_fingerprint: str | None, pseudonymiser: Pseudonymiser, new_key: bool = False) -> str | None:
    """The fingerprint to record (None: the stored one is this key's), or KeyMismatch.

    Codes are keyed: under a second key the same author gets a second member code and the
    same submission looks new, so a database takes one key unless its owner says otherwise."""
    current = pseudonymiser.key_fingerprint()
    if stored_fingerprint == current:
        return None
    if stored_fingerprint is not None and not new_key:
        raise KeyMismatch("this database was written with another pseudonym key; use that key, or pass --new-key "
                          "(README: Rotating the pseudonym key)")
    return current


def load_pseudonymiser(config: AnonymiseConfig) -> Pseudonymiser:
    """The keyed codes alone (no models): enough to tell which inputs are stored already."""
    try:
        return Pseudonymiser(load_key(config))
    except KeyMissing as error:
        raise AnonymiserUnavailable(str(error)) from None


def _import_nlp_libraries() -> None:
    import presidio_analyzer  # noqa: F401 - imports spaCy, and through it thinc
    import presidio_anonymizer  # noqa: F401
    import spacy  # noqa: F401


def build_anonymiser(config: AnonymiseConfig) -> Anonymiser:
    """Load key and models (once per process) or raise AnonymiserUnavailable."""
    # Imported here: Presidio and spaCy take seconds to import, and a run with nothing new, or a key
    # check, needs neither (this module's key functions stay light).
    try:
        with hidden(*UNUSED_BY_NLP_LIBRARIES):  # spaCy and Presidio without PyTorch and transformers
            _import_nlp_libraries()
        from pipeline.anonymise.engine import Anonymiser
        from pipeline.anonymise.keep import KeepTerms
        from pipeline.anonymise.learned import WordLists, load_name_model
        from pipeline.anonymise.learned.model import NameModelUnavailable
        from pipeline.anonymise.models import ModelUnavailable, load_engines
        from pipeline.anonymise.recognizers import ContextNameRecognizer, LearnedNameRecognizer, uk_recognizers
        from pipeline.anonymise.roster_words import RosterWordDecider
    except ImportError as error:  # Presidio or spaCy not installed: fail closed, say what to do
        raise AnonymiserUnavailable(f"the package {error.name} is not installed. Run `bash scripts/setup.sh` "
                                    "(or `pip install -e .`).") from None

    try:
        key = load_key(config)
        gazetteers = load_gazetteers()
        keep = KeepTerms(config.keep_terms)
        recognizers = uk_recognizers() + [ContextNameRecognizer(gazetteers, keep)]
        if config.learned_detector:
            recognizers.append(LearnedNameRecognizer(load_name_model(), gazetteers, keep))
        roster_words = (RosterWordDecider(load_name_model(), WordLists.of(gazetteers), keep,
                                          config.roster_word_confidence)
                        if config.roster_words == "learned" else None)
        engines = load_engines(config.spacy_model, recognizers)
    except (KeyMissing, ModelUnavailable, NameModelUnavailable, FileNotFoundError) as error:
        raise AnonymiserUnavailable(str(error)) from None
    return Anonymiser(engines, Pseudonymiser(key), config, gazetteers, roster_words)
