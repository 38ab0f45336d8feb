"""Fit the learned question typer on labelled questions, and say how well it does on sets it never saw.

    python -m pipeline.coding.train_questions LABELS.jsonl [--out FILE] [--codebook FILE] [--loso-only]

LABELS holds documents with typed questions (the development corpus' shape) or
{"text", "question_type", "group"} lines. Before fitting on everything it
reports leave-one-set-out accuracy: for each set, a model fitted on the other
sets (its C chosen by inner leave-one-set-out on those alone) types that set's
questions, beside the rules alone (`--loso-only` stops there and writes no
file). The packaged model
(pipeline/coding/data/question_model.npz) was written by this command on the
development corpus; the figures it printed are the ones to quote for it.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.coding.codebook import load_codebook
from pipeline.coding.labels import LabelledQuestion, read_labels
from pipeline.coding.question_model import PACKAGED_MODEL, QuestionModel
from pipeline.coding.questions import QuestionTyper
from pipeline.embeddings import Embedder


@dataclass
class HeldOut:
    group: str
    questions: int
    model_accuracy: float
    rules_accuracy: float
    C: float


def held_out_types(typer: QuestionTyper, questions: list[LabelledQuestion]) -> tuple[list[str], dict[str, float]]:
    """Each question's type from a model fitted without its set, and the C chosen for each set."""
    features = typer.features([q.text for q in questions])
    types = np.array([q.question_type for q in questions])
    groups = np.array([q.group for q in questions])
    predicted, chosen = np.empty(len(questions), dtype=object), {}
    for group in np.unique(groups):
        out = groups == group
        model = QuestionModel(typer.types).fit(features[~out], types[~out].tolist(), groups[~out].tolist())
        predicted[out] = np.array(model.types)[model.predict_proba(features[out]).argmax(axis=1)]
        chosen[str(group)] = float(model.C)
    return predicted.tolist(), chosen


def leave_one_set_out(typer: QuestionTyper, questions: list[LabelledQuestion]) -> list[HeldOut]:
    """Per set: the accuracy of a model fitted without it, and of the rules alone."""
    predicted, chosen = held_out_types(typer, questions)
    rules = [t for t, _ in QuestionTyper(typer.codebook, None).predict([q.text for q in questions])]
    results = []
    for group in sorted(chosen):
        rows = [i for i, q in enumerate(questions) if q.group == group]
        results.append(HeldOut(group, len(rows),
                               float(np.mean([predicted[i] == questions[i].question_type for i in rows])),
                               float(np.mean([rules[i] == questions[i].question_type for i in rows])), chosen[group]))
    return results


def fit(typer: QuestionTyper, questions: list[LabelledQuestion]) -> QuestionModel:
    texts = [q.text for q in questions]
    return QuestionModel(typer.types).fit(typer.features(texts), [q.question_type for q in questions],
                                          [q.group for q in questions])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", type=Path)
    parser.add_argument("--out", type=Path, default=PACKAGED_MODEL)
    parser.add_argument("--codebook", type=Path)
    parser.add_argument("--loso-only", action="store_true", help="print the leave-one-set-out figures, fit nothing")
    args = parser.parse_args(argv)
    codebook = load_codebook(args.codebook)
    embedder = Embedder()
    questions = read_labels(args.labels)[1]
    if len(questions) < 10:
        raise SystemExit(f"only {len(questions)} labelled questions: at least 10 are needed")
    typer = QuestionTyper(codebook, embedder)
    if len({q.group for q in questions}) > 1:
        results = leave_one_set_out(typer, questions)
        for r in results:
            print(f"{r.group}: {r.questions} questions, model {r.model_accuracy:.3f} (C {r.C:g}), "
                  f"rules {r.rules_accuracy:.3f}")
        total = sum(r.questions for r in results)
        print(f"pooled: {total} questions, model "
              f"{sum(r.model_accuracy * r.questions for r in results) / total:.3f}, rules "
              f"{sum(r.rules_accuracy * r.questions for r in results) / total:.3f}")
    if args.loso_only:
        return
    model = fit(typer, questions)
    path = model.save(args.out, embedder.name, codebook)
    print(f"fitted on {len(questions)} questions (C {model.C:g}); model file {path} (weights only, no text)")


if __name__ == "__main__":
    main()
