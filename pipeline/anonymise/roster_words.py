"""Set members whose names are also words ("Will", "Rose", "Hope"), decided occurrence by occurrence.

The roster's index takes such a name where it is written as one, capitalised inside a sentence. Elsewhere
(in lower case, or opening a sentence) the same letters are usually the word: "I will", "Will we meet?".
Writers who type names in lower case make that guess costly ("I agreed with rose that...", "asking will
to keep time"), so the batch's own knowledge decides: the token is a member's name unless the learned
detector is confident it is the ordinary word. A cue from the lexicon ("thanks rose", "rose kept time")
settles it without the model. How often each way went is counted, never which word.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from pipeline.anonymise.keep import KeepTerms
from pipeline.anonymise.learned import NameModel, WordLists, token_features
from pipeline.anonymise.learned.features import starts_sentence
from pipeline.anonymise.learned.model import NONE
from pipeline.anonymise.lower_case_names import is_cued

# Labels of RosterWordCounts, as the run summary shows them.
DECISION_LABELS = {
    "name_by_cue": "names (a cue)",
    "name_by_model": "names (learned detector unsure)",
    "word_by_model": "words (learned detector sure)",
}


@dataclass
class RosterWordCounts:
    counts: Counter = field(default_factory=Counter)

    def add(self, decision: str) -> None:
        self.counts[decision] += 1

    def as_dict(self) -> dict[str, int]:
        return {decision: self.counts[decision] for decision in DECISION_LABELS}


class RosterWordDecider:
    """Name or word, for each occurrence of a roster name that is also an ordinary word."""

    def __init__(self, model: NameModel, lists: WordLists, keep: KeepTerms, word_confidence: float) -> None:
        self.model, self.lists, self.keep = model, lists, keep
        self.word_confidence = word_confidence
        self._none = model.classes.index(NONE)
        self.tally = RosterWordCounts()

    def word_probability(self, doc, index: int) -> float:
        """P(the ordinary word) for token `index` of the spaCy doc."""
        row = self.model.probabilities([token_features(doc, index, self.lists, self.keep)])[0]
        return float(row[self._none])

    def is_word(self, doc, index: int, count: bool = False) -> bool:
        word = self.word_probability(doc, index) >= self.word_confidence
        if count:
            self.tally.add("word_by_model" if word else "name_by_model")
        return word

    def lower_case(self, text: str, doc, pieces: Mapping[str, Any]) -> Iterator[tuple[int, int, Any]]:
        """(start, end, member) of each lower-case occurrence of a piece that is taken as a name."""
        if not pieces:
            return
        for token in doc:
            value = pieces.get(token.text)
            if value is None or not token.text.islower():
                continue
            start, end = token.idx, token.idx + len(token.text)
            if is_cued(text, start, end):
                self.tally.add("name_by_cue")
                yield start, end, value
            elif not self.is_word(doc, token.i, count=True):
                yield start, end, value

    def keeps_capitalised(self, doc, start: int, end: int) -> bool:
        """Whether a capitalised piece the index matched stays a name. Only at a sentence's start ("Will we
        meet?") is that in doubt: there it stays unless the model is confident it is the word."""
        span = doc.char_span(start, end, alignment_mode="expand")
        token = span[0] if span is not None and len(span) and span[0].idx == start else None
        if token is None or not starts_sentence(doc, token):
            return True
        return not self.is_word(doc, token.i, count=True)
