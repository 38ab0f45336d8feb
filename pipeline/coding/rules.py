"""The rule coder: each code's patterns from the codebook, read sentence by sentence.

Patterns live in the codebook file, not here. A match counts fully unless a
negation stands just before it ("not", "never", "no"), when it counts for less;
a sentence that matches one of the code's `exclude_patterns` (for example
"maybe" for a committed action) gives that code nothing.

Speed without a change of output (`als recode` of an archive is mostly this pass):
- A paragraph is first searched once per code for any of the code's patterns; only a
  code that matches somewhere is read sentence by sentence. Sentences are separated by
  white space, so the word-boundary lookarounds see the same characters either way,
  and a sentence's match is also a match of the whole paragraph. A pattern with an
  anchor or a lookaround of its own could see past its sentence, so a code with one is
  never pre-filtered, nor one with a back-reference or a named group.
- Case-insensitive search in Python's `re` is several times slower than exact search.
  Lower-case patterns are also compiled exactly and run on the lower-cased text, which
  matches the same spans wherever lower-casing keeps every offset and folds as `re`
  does: for every character but the three in CASE_FOLD_EXCEPTIONS (measured over all of
  Unicode; tests/test_rule_coder_fast_path.py checks it again). Other texts take the slow path.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from pipeline.coding.codebook import Codebook
from pipeline.coding.base import Coder, CodingUnit, sentences

NEGATION_SOURCE = r"\b(?:not|no|never|nobody|none|without|n't|cannot|nor)\b[^.!?]{0,25}$"
HIT_WEIGHT = 0.5
NEGATED_HIT_WEIGHT = 0.2
# Characters whose lower case has another length (U+0130) or that `re.IGNORECASE` matches
# with an ASCII letter their lower case is not (U+0131 dotless i, U+017F long s).
CASE_FOLD_EXCEPTIONS = re.compile("[\u0130\u0131\u017f]")
# What lets a pattern see past the sentence it is matched in, or makes it unsafe to join
# with others in one alternation (group numbers and names would clash).
NOT_PREFILTERED = re.compile(r"\^|\$|\\[AZ]|\(\?<?[=!]|\\\d|\(\?P")


def _wrapped(pattern: str) -> str:
    return rf"(?<!\w)(?:{pattern})(?!\w)"


@dataclass(frozen=True)
class _Rule:
    """A pattern compiled case-insensitively, and exactly for lower-cased text when it is lower case."""

    anycase: re.Pattern
    lower: re.Pattern | None

    @classmethod
    def of(cls, source: str) -> "_Rule":
        exact = re.compile(source) if source.isascii() and source == source.lower() else None
        return cls(re.compile(source, re.IGNORECASE), exact)

    def search(self, text: str, lowered: str | None):
        if lowered is not None and self.lower is not None:
            return self.lower.search(lowered)
        return self.anycase.search(text)


@dataclass(frozen=True)
class _CodeRules:
    patterns: list[_Rule]
    vetoes: list[_Rule]
    prefilter: _Rule | None  # any of the code's patterns, over the whole paragraph


def _code_rules(patterns: tuple[str, ...], vetoes: tuple[str, ...]) -> _CodeRules:
    prefilter = None
    if patterns and not any(NOT_PREFILTERED.search(p) for p in patterns):
        prefilter = _Rule.of(_wrapped("|".join(f"(?:{p})" for p in patterns)))
    return _CodeRules([_Rule.of(_wrapped(p)) for p in patterns], [_Rule.of(_wrapped(p)) for p in vetoes], prefilter)


class RuleCoder(Coder):
    """Confidence 1 - (1 - w)^k for k matched patterns: one match 0.5, two 0.75, three 0.875."""

    method = "rule"

    def __init__(self, codebook: Codebook) -> None:
        super().__init__(codebook)
        self._rules = [_code_rules(code.patterns, code.exclude_patterns) for code in codebook.codes]
        self._negation = _Rule.of(NEGATION_SOURCE)

    def score(self, units: list[CodingUnit]) -> np.ndarray:
        scores = np.zeros((len(units), len(self.code_ids)))
        for i, text in enumerate(unit.text for unit in units):
            # Exact search on the lower-cased text where that finds what case-insensitive search does.
            folded = CASE_FOLD_EXCEPTIONS.search(text) is None
            lowered = text.lower() if folded else None
            parts = None
            for j, rules in enumerate(self._rules):
                if rules.prefilter is not None and not rules.prefilter.search(text, lowered):
                    continue
                if parts is None:
                    parts = [(s, s.lower() if folded else None) for s in sentences(text)]
                scores[i, j] = self._sentence_score(rules, parts)
        return scores

    def _sentence_score(self, rules: _CodeRules, parts: list[tuple[str, str | None]]) -> float:
        """1 - the product of each sentence's misses; `parts` are (sentence, lower-cased or None)."""
        miss = 1.0
        for sentence, lowered in parts:
            if any(v.search(sentence, lowered) for v in rules.vetoes):
                continue
            for rule in rules.patterns:
                match = rule.search(sentence, lowered)
                if match:
                    before = match.start()
                    negated = self._negation.search(sentence[:before],
                                                    lowered[:before] if lowered is not None else None)
                    miss *= 1 - (NEGATED_HIT_WEIGHT if negated else HIT_WEIGHT)
        return 1 - miss

    def vetoed(self, units: list[CodingUnit]) -> np.ndarray:
        """(n, n_codes) True where every sentence of the unit matches one of the code's exclude patterns."""
        result = np.zeros((len(units), len(self.code_ids)), dtype=bool)
        for i, unit in enumerate(units):
            parts = sentences(unit.text)
            for j, rules in enumerate(self._rules):
                vetoes = [v.anycase for v in rules.vetoes]
                result[i, j] = bool(vetoes and parts) and all(any(v.search(s) for v in vetoes) for s in parts)
        return result

    def matched_patterns(self, text: str, code_id: str) -> list[str]:
        """Which of a code's patterns match `text` (to explain a suggestion to a reviewer)."""
        j = self.code_ids.index(code_id)
        return [r.anycase.pattern for r in self._rules[j].patterns if r.anycase.search(text)]
