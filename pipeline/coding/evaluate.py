"""How far to trust the automatic coding: F1 per code and Cohen's kappa against human labels.

`cross_validate` trains on all groups (sets) but one and scores on the one
left out, so no figure is measured on what was trained on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
from sklearn.metrics import cohen_kappa_score

from pipeline.coding.base import Coder, CodingUnit
from pipeline.coding.labels import LabelledParagraph, LabelledQuestion


@dataclass
class CodeAgreement:
    code_id: str
    support: int
    predicted: int
    precision: float
    recall: float
    f1: float
    kappa: float


@dataclass
class AgreementReport:
    paragraphs: int
    micro_f1: float
    macro_f1: float
    kappa: float  # over every (paragraph, code) decision
    per_code: list[CodeAgreement] = field(default_factory=list)
    question_accuracy: float | None = None
    question_kappa: float | None = None
    questions: int = 0


def label_matrix(paragraphs: list[LabelledParagraph], code_ids: list[str]) -> np.ndarray:
    return np.array([[code in p.codes for code in code_ids] for p in paragraphs], dtype=int).reshape(
        len(paragraphs), len(code_ids))


def units_of(paragraphs: list[LabelledParagraph]) -> list[CodingUnit]:
    return [CodingUnit(p.text, p.prompt) for p in paragraphs]


def agreement(predicted: np.ndarray, gold: np.ndarray, code_ids: list[str]) -> AgreementReport:
    predicted, gold = predicted.astype(bool), gold.astype(bool)
    per_code = []
    for j, code in enumerate(code_ids):
        tp = int((predicted[:, j] & gold[:, j]).sum())
        p, g = int(predicted[:, j].sum()), int(gold[:, j].sum())
        kappa = _kappa(gold[:, j], predicted[:, j])
        per_code.append(CodeAgreement(code, g, p, tp / p if p else 0.0, tp / g if g else 0.0,
                                      2 * tp / (p + g) if p + g else 0.0, kappa))
    tp = int((predicted & gold).sum())
    micro = 2 * tp / (predicted.sum() + gold.sum()) if predicted.sum() + gold.sum() else 0.0
    scored = [c.f1 for c in per_code if c.support]
    return AgreementReport(len(gold), float(micro), float(np.mean(scored)) if scored else 0.0,
                           _kappa(gold.ravel(), predicted.ravel()), per_code)


def _kappa(gold: np.ndarray, predicted: np.ndarray) -> float:
    if len(set(gold.tolist()) | set(predicted.tolist())) < 2:
        return 1.0 if (gold == predicted).all() else 0.0
    return float(cohen_kappa_score(gold, predicted))


def question_agreement(report: AgreementReport, questions: list[LabelledQuestion],
                       predicted_types: list[str]) -> AgreementReport:
    if questions:
        gold = [q.question_type for q in questions]
        report.questions = len(questions)
        report.question_accuracy = float(np.mean([g == p for g, p in zip(gold, predicted_types)]))
        report.question_kappa = float(cohen_kappa_score(gold, predicted_types)) if len(set(gold)) > 1 else None
    return report


def cross_validate(paragraphs: list[LabelledParagraph], code_ids: list[str],
                   make_coder: Callable[[], Coder]) -> np.ndarray:
    """Predictions for every paragraph from a coder fitted without its group."""
    gold = label_matrix(paragraphs, code_ids)
    groups = np.array([p.group for p in paragraphs])
    predicted = np.zeros_like(gold, dtype=bool)
    units = units_of(paragraphs)
    for group in np.unique(groups):
        held_out = groups == group
        train_units = [u for u, out in zip(units, held_out) if not out]
        if not train_units:
            raise ValueError("cross-validation needs labels from at least two groups (sets)")
        coder = make_coder().fit(train_units, gold[~held_out])
        predicted[held_out] = coder.predict([u for u, out in zip(units, held_out) if out])
    return predicted
