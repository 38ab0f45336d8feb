"""What the field's prompt says about a paragraph: a prior over codes from the codebook's hints.

"Actions I will take" makes learning.action likely; a paragraph in an observer's
"How the set worked today" is about the set's process. Hints weight codes up
or down; they never add a code on their own. A hint's `implies` codes are the
exception: the template asks for them, so the coder suggests them unless the
paragraph's own words veto them (see CombinedCoder).
"""
from __future__ import annotations

import re

import numpy as np

from pipeline.coding.codebook import Codebook

HINTED_WEIGHT = 1.25
UNHINTED_WEIGHT = 0.7


class PromptPrior:
    def __init__(self, codebook: Codebook) -> None:
        self.code_ids = codebook.code_ids
        self.hints = [(re.compile(h.prompt, re.IGNORECASE), codebook.expand(h.codes)) for h in codebook.prompt_hints]
        self.implications = [(re.compile(h.prompt, re.IGNORECASE), codebook.expand(h.implies))
                             for h in codebook.prompt_hints if h.implies]

    def hinted(self, prompts: list[str]) -> np.ndarray:
        """(n, n_codes) of 1 where a hint for the prompt names the code; rows of 0 where none applies."""
        return self._matrix(prompts, self.hints)

    def implied(self, prompts: list[str]) -> np.ndarray:
        """(n, n_codes) of 1 where a hint for the prompt implies the code."""
        return self._matrix(prompts, self.implications)

    def _matrix(self, prompts: list[str], hints: list[tuple[re.Pattern, set[str]]]) -> np.ndarray:
        matrix = np.zeros((len(prompts), len(self.code_ids)))
        for i, prompt in enumerate(prompts):
            for pattern, codes in hints:
                if prompt and pattern.search(prompt):
                    matrix[i, [j for j, c in enumerate(self.code_ids) if c in codes]] = 1
        return matrix

    def weights(self, prompts: list[str]) -> np.ndarray:
        return self.weights_from(self.hinted(prompts))

    @staticmethod
    def weights_from(hinted: np.ndarray) -> np.ndarray:
        """Multipliers from a `hinted` matrix: hinted codes up, the others down, unhinted rows as they are."""
        any_hint = hinted.any(axis=1, keepdims=True)
        return np.where(any_hint, np.where(hinted == 1, HINTED_WEIGHT, UNHINTED_WEIGHT), 1.0)
