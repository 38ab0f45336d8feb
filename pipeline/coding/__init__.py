"""Coding stage: suggest codes for every paragraph and a type for every question.

Coders live one per module (`rules`, `embedding`, `combined`, `trained`,
`questions`) behind the small `Coder` base class; `stage` builds the ones the
configuration asks for and applies them to segmented logs. Beside them:
`codebook` (the codes as data), `labels` (human labels), `evaluate`
(agreement figures) and `review_sheet` (the spreadsheet round trip).

The names below are loaded on first use (PEP 562), so that importing a light
module such as `pipeline.coding.codebook` (the store and the dashboard do)
does not import scikit-learn and the coders with it.
"""
from __future__ import annotations

from pipeline.lazy import lazy_exports

_HOMES = {
    "CodingStage": "stage", "CodingUnavailable": "stage", "build_coder": "stage", "build_coding_stage": "stage",
    "load_stage_codebook": "stage",
    "load_embedder": "stage",
    "Coder": "base", "CodingUnit": "base", "Suggestion": "base",
    "CombinedCoder": "combined", "EmbeddingCoder": "embedding", "QuestionTyper": "questions",
    "RuleCoder": "rules", "ModelFileError": "trained", "TrainedCoder": "trained",
}

__all__ = ["CodingStage", "CodingUnavailable", "Coder", "CodingUnit", "Suggestion", "build_coder",
           "build_coding_stage", "load_embedder", "load_stage_codebook"]

__getattr__, __dir__ = lazy_exports(__name__, _HOMES)
