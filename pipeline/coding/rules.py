"""The rule coder: each code's patterns from the codebook, read sentence by sentence.

Patterns live in the codebook file, not here. A match counts fully unless a
negation stands just before it ("not", "never", "no"), when it counts for less;
a sentence that matches one of the code's `exclude_patterns` (for example
"maybe" for a committed action) gives that code nothing.
"""
from __future__ import annotations

import re

import numpy as np

from pipeline.coding.codebook import Codebook
from pipeline.coding.base import Coder, CodingUnit, sentences

NEGATION = re.compile(r"\b(?:not|no|never|nobody|none|without|n't|cannot|nor)\b[^.!?]{0,25}$", re.IGNORECASE)
HIT_WEIGHT = 0.5
NEGATED_HIT_WEIGHT = 0.2


def _compile(patterns: tuple[str, ...]) -> list[re.Pattern]:
    return [re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE) for p in patterns]


class RuleCoder(Coder):
    """Confidence 1 - (1 - w)^k for k matched patterns: one match 0.5, two 0.75, three 0.875."""

    method = "rule"

    def __init__(self, codebook: Codebook) -> None:
        super().__init__(codebook)
        self.patterns = [_compile(code.patterns) for code in codebook.codes]
        self.vetoes = [_compile(code.exclude_patterns) for code in codebook.codes]

    def score(self, units: list[CodingUnit]) -> np.ndarray:
        scores = np.zeros((len(units), len(self.code_ids)))
        for i, text in enumerate(unit.text for unit in units):
            parts = sentences(text)
            for j, (patterns, vetoes) in enumerate(zip(self.patterns, self.vetoes)):
                miss = 1.0
                for sentence in parts:
                    if any(v.search(sentence) for v in vetoes):
                        continue
                    for pattern in patterns:
                        match = pattern.search(sentence)
                        if match:
                            negated = NEGATION.search(sentence[:match.start()])
                            miss *= 1 - (NEGATED_HIT_WEIGHT if negated else HIT_WEIGHT)
                scores[i, j] = 1 - miss
        return scores

    def vetoed(self, units: list[CodingUnit]) -> np.ndarray:
        """(n, n_codes) True where every sentence of the unit matches one of the code's exclude patterns."""
        result = np.zeros((len(units), len(self.code_ids)), dtype=bool)
        for i, unit in enumerate(units):
            parts = sentences(unit.text)
            for j, vetoes in enumerate(self.vetoes):
                result[i, j] = bool(vetoes and parts) and all(any(v.search(s) for v in vetoes) for s in parts)
        return result

    def matched_patterns(self, text: str, code_id: str) -> list[str]:
        """Which of a code's patterns match `text` (to explain a suggestion to a reviewer)."""
        j = self.code_ids.index(code_id)
        return [p.pattern for p in self.patterns[j] if p.search(text)]
