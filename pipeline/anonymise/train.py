"""Train the learned name detector on synthetic logs and write it as package data.

    python -m pipeline.anonymise.train [--logs 600] [--seeds 11 12 13] [--validation-seed 14]
                                       [--out pipeline/anonymise/data/name_model.json]

The synthetic generator (pipeline.synth) writes logs with every family of personal data planted
and marked; each token that could be a name (a gazetteer word, or a capital where a word need not
have one) is labelled PERSON, LOCATION, ORG or NONE from that markup and described by
`learned.features`. A multinomial logistic regression (scikit-learn) is fitted on the training
seeds, and the threshold on P(personal data) chosen on the validation seed for recall first
(the highest F2). The development corpus is for measuring, never for training.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.anonymise.gazetteers import load_gazetteers
from pipeline.anonymise.keep import KeepTerms
from pipeline.anonymise.learned.features import WordLists, candidate_indexes, token_features
from pipeline.anonymise.learned.model import MODEL_FILE, NONE, NameModel
from pipeline.config import AnonymiseConfig

MARK = re.compile(r"\{\{([A-Z]+):(.*?)\}\}", re.DOTALL)
LABELLED = {"PERSON", "LOCATION", "ORG"}
SKIPPED = {"ID", "CONTACT", "DATE"}  # found by patterns; their tokens teach the word model nothing


@dataclass
class Examples:
    rows: list[dict[str, float]]
    labels: list[str]


def unmark(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Plain text and its (start, end, type) spans from "{{TYPE:text}}" markup."""
    plain, spans, position = [], [], 0
    length = 0
    for match in MARK.finditer(marked):
        before = marked[position:match.start()]
        plain.append(before)
        length += len(before)
        spans.append((length, length + len(match.group(2)), match.group(1)))
        plain.append(match.group(2))
        length += len(match.group(2))
        position = match.end()
    plain.append(marked[position:])
    return "".join(plain), spans


def marked_texts(gold_path: Path) -> list[str]:
    texts = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for field in record["fields"]:
            texts += [p["text"] for p in field.get("paragraphs", [])]
            texts += [q["text"] for q in field.get("questions", [])]
    return texts


def examples(texts: list[str], nlp, lists: WordLists, keep: KeepTerms) -> Examples:
    parsed = [unmark(text) for text in texts]
    rows, labels = [], []
    for doc, (_, spans) in zip(nlp.pipe([plain for plain, _ in parsed], batch_size=64), parsed):
        for i in candidate_indexes(doc, lists, keep):
            token = doc[i]
            start, end = token.idx, token.idx + len(token.text)
            covering = [kind for s, e, kind in spans if s < end and start < e]
            if any(kind in SKIPPED for kind in covering):
                continue
            rows.append(token_features(doc, i, lists, keep))
            labels.append(next((kind for kind in covering if kind in LABELLED), NONE))
    return Examples(rows, labels)


def synthetic_examples(n_logs: int, seed: int, nlp, lists: WordLists, keep: KeepTerms) -> Examples:
    from pipeline.synth import generate

    with tempfile.TemporaryDirectory(prefix="als-train-") as work:
        result = generate(n_logs, seed, Path(work))
        return examples(marked_texts(result.gold_path), nlp, lists, keep)


def fit(train: Examples, validation: Examples, meta: dict) -> NameModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(train.rows)
    classifier = LogisticRegression(max_iter=3000, C=0.5)
    classifier.fit(x, train.labels)
    classes = tuple(classifier.classes_)
    coef = classifier.coef_ if len(classes) > 2 else np.vstack([-classifier.coef_, classifier.coef_])
    intercept = classifier.intercept_ if len(classes) > 2 else np.array([-classifier.intercept_[0],
                                                                          classifier.intercept_[0]])
    model = NameModel(dict(vectorizer.vocabulary_), classes, coef.astype(np.float32), intercept.astype(np.float32),
                      0.5, meta)
    threshold, precision, recall = choose_threshold(model, validation)
    meta = {**meta, "validation": {"threshold": threshold, "precision": precision, "recall": recall,
                                   "candidates": len(validation.labels)}}
    return NameModel(model.features, classes, model.coef, model.intercept, threshold, meta)


def personal_probability(model: NameModel, rows: list[dict[str, float]]) -> np.ndarray:
    return 1.0 - model.probabilities(rows)[:, model.classes.index(NONE)]


def choose_threshold(model: NameModel, validation: Examples) -> tuple[float, float, float]:
    """The threshold with the highest F2 on the validation seed (recall weighs four times precision)."""
    truth = np.array([label != NONE for label in validation.labels])
    p = personal_probability(model, validation.rows)
    best = (0.5, 0.0, 0.0, -1.0)
    for threshold in np.arange(0.05, 0.96, 0.05):
        taken = p >= threshold
        tp = float((taken & truth).sum())
        precision = tp / max(float(taken.sum()), 1.0)
        recall = tp / max(float(truth.sum()), 1.0)
        f2 = 5 * precision * recall / max(4 * precision + recall, 1e-9)
        if f2 > best[3]:
            best = (round(float(threshold), 2), round(precision, 4), round(recall, 4), f2)
    return best[:3]


def train(n_logs: int, seeds: list[int], validation_seed: int, spacy_model: str | None = None) -> NameModel:
    import spacy

    nlp = spacy.load(spacy_model or AnonymiseConfig().spacy_model)
    lists, keep = WordLists.of(load_gazetteers()), KeepTerms(())
    train_set = Examples([], [])
    for seed in seeds:
        part = synthetic_examples(n_logs, seed, nlp, lists, keep)
        train_set.rows += part.rows
        train_set.labels += part.labels
    validation = synthetic_examples(n_logs, validation_seed, nlp, lists, keep)
    meta = {"command": f"python -m pipeline.anonymise.train --logs {n_logs} --seeds {' '.join(map(str, seeds))} "
                       f"--validation-seed {validation_seed}",
            "trained_on": "synthetic logs from pipeline.synth (never the development corpus)",
            "candidates": len(train_set.labels),
            "by_class": {label: train_set.labels.count(label) for label in sorted(set(train_set.labels))}}
    return fit(train_set, validation, meta)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--logs", type=int, default=600, help="synthetic logs per seed")
    parser.add_argument("--seeds", type=int, nargs="+", default=[11, 12, 13])
    parser.add_argument("--validation-seed", type=int, default=14)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    clock = time.perf_counter()
    model = train(args.logs, args.seeds, args.validation_seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    v = model.meta["validation"]
    print(f"wrote {args.out}: {len(model.features)} features, {model.meta['candidates']} training candidates "
          f"{model.meta['by_class']}; validation threshold {v['threshold']} precision {v['precision']} "
          f"recall {v['recall']} ({time.perf_counter() - clock:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
