"""Question types: is a question about thinking, feeling or willing?

Cue patterns from the codebook ("how did you feel", "what will you do")
decide most questions; the embedding of the question against each type's
definition and examples decides the rest. With neither, a question asks for
thinking, the commonest type. Given a learned model (pipeline.coding.question_model),
the model decides, reading the cue counts among its features.

A question is embedded with each placeholder read as "them" (`embedding_text`).
MiniLM reads "[PERSON1]" as the word "person" and a number, which pulls a
question towards others that name people; the labelled corpus writes
"[PERSON]" where a run writes "[PERSON1]", so a model fitted on one would see
other vectors at run time. A pronoun is how a reader takes a placeholder, the
same in training and in use.
"""
from __future__ import annotations

import re

import numpy as np

from pipeline.coding.codebook import Codebook
from pipeline.coding.question_model import QuestionModel
from pipeline.embeddings import Embedder
from pipeline.topics.modeller import PLACEHOLDER

DEFAULT_TYPE = "thinking"
DEFAULT_BIAS = 0.1
TIE_PRECEDENCE = {"willing": 0.02, "feeling": 0.01}
PLACEHOLDER_READING = "them"


def embedding_text(question: str) -> str:
    """The question as the embedder reads it: placeholders as a pronoun (see the module docstring)."""
    return PLACEHOLDER.sub(PLACEHOLDER_READING, question)


class QuestionTyper:
    def __init__(self, codebook: Codebook, embedder: Embedder | None, model: QuestionModel | None = None) -> None:
        if model is not None and embedder is None:
            raise ValueError("a learned question model reads embeddings: give the embedder too")
        self.codebook = codebook
        self.model = model
        self.types = [q.type_id for q in codebook.question_types]
        self.patterns = [[re.compile(p, re.IGNORECASE) for p in q.patterns] for q in codebook.question_types]
        self.embedder = embedder
        if embedder is not None:
            described = [[q.definition, *q.examples] for q in codebook.question_types]
            self.owner = np.repeat(np.arange(len(described)), [len(d) for d in described])
            self.prototypes = embedder.encode([t for d in described for t in d])

    def rule_evidence(self, questions: list[str]) -> np.ndarray:
        return np.array([[sum(1 for p in patterns if p.search(q)) for patterns in self.patterns]
                         for q in questions], dtype=float).reshape(len(questions), len(self.types))

    def features(self, questions: list[str]) -> np.ndarray:
        """What the learned model reads: the sentence embedding and the cue count of each type."""
        assert self.embedder is not None
        return np.hstack([self.embedder.encode([embedding_text(q) for q in questions]), self.rule_evidence(questions)])

    def predict(self, questions: list[str]) -> list[tuple[str, float]]:
        """(type, confidence) per question.

        Cues decide when there are any; on a tie the more specific type wins (willing, then
        feeling: "what do you think she felt" asks about feeling). Embeddings decide the rest.
        """
        if not questions:
            return []
        if self.model is not None:
            probabilities = self.model.predict_proba(self.features(questions))
            best = probabilities.argmax(axis=1)
            return [(self.model.types[k], round(float(p[k]), 4)) for k, p in zip(best, probabilities)]
        cues = self.rule_evidence(questions)
        sims = None
        if self.embedder is not None:
            raw = self.embedder.encode([embedding_text(q) for q in questions]) @ self.prototypes.T
            sims = np.stack([raw[:, self.owner == t].max(axis=1) for t in range(len(self.types))], axis=1)
        precedence = np.array([TIE_PRECEDENCE.get(t, 0.0) for t in self.types])
        result = []
        for i, row in enumerate(cues):
            if row.any():
                ranked = row + precedence
                best = int(ranked.argmax())
                result.append((self.types[best], round(min(0.95, 0.5 + 0.15 * row[best]), 4)))
            elif sims is not None:
                # Without cues a question is taken to ask for thinking unless another type is clearly nearer.
                biased = sims[i] + np.array([DEFAULT_BIAS if t == DEFAULT_TYPE else 0.0 for t in self.types])
                weights = np.exp((biased - biased.max()) * 20)
                best = int(biased.argmax())
                result.append((self.types[best], round(float(weights[best] / weights.sum()), 4)))
            else:
                result.append((DEFAULT_TYPE, round(1 / len(self.types), 4)))
        return result
