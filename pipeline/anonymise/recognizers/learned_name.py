"""The learned name detector (pipeline.anonymise.learned) as a Presidio recognizer.

It reads spaCy's tokens from Presidio's artifacts, as the gazetteer recognizer does, and takes each
candidate whose probability of being personal data reaches the model's threshold. Its findings are
guesses: a kept term ("Teams", "March" as a month) protects what it covers.
"""
from __future__ import annotations

from presidio_analyzer import RecognizerResult

from pipeline.anonymise.gazetteers import Gazetteers
from pipeline.anonymise.keep import KeepTerms
from pipeline.anonymise.learned import NameModel, WordLists, candidate_indexes, token_features
from pipeline.anonymise.learned.model import NONE
from pipeline.anonymise.recognizers.base import TokenRecognizer


class LearnedNameRecognizer(TokenRecognizer):
    NAME = "learned"
    PLACEHOLDERS = {"LEARNED_PERSON": "PERSON", "LEARNED_LOCATION": "LOCATION", "LEARNED_ORG": "ORG"}
    DETECTOR = "learned"

    def __init__(self, model: NameModel, gazetteers: Gazetteers, keep: KeepTerms) -> None:
        self.model, self.lists, self.keep = model, WordLists.of(gazetteers), keep
        self._none = model.classes.index(NONE)
        super().__init__()

    def analyze_doc(self, text: str, doc) -> list[RecognizerResult]:
        indexes = [i for i in candidate_indexes(doc, self.lists, self.keep) if doc[i].text not in self.keep]
        if not indexes:
            return []
        probabilities = self.model.probabilities([token_features(doc, i, self.lists, self.keep)
                                                  for i in indexes])
        results = []
        for i, row in zip(indexes, probabilities):
            personal = 1.0 - float(row[self._none])
            if personal < self.model.threshold:
                continue
            kind = max((c for c in range(len(row)) if c != self._none), key=lambda c: row[c])
            token = doc[i]
            results.append(RecognizerResult(f"LEARNED_{self.model.classes[kind]}", token.idx,
                                            token.idx + len(token.text), round(personal, 3),
                                            recognition_metadata={"recognizer_name": self.NAME}))
        return results
