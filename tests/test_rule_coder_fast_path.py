"""The rule coder's fast path (pre-filter per code, exact search on lower-cased text) scores
exactly as reading every pattern in every sentence case-insensitively does."""
from __future__ import annotations

import random
import re

import numpy as np
import pytest

from pipeline.coding.base import CodingUnit, sentences
from pipeline.coding.codebook import Code, Codebook
from pipeline.coding.rules import (CASE_FOLD_EXCEPTIONS, HIT_WEIGHT, NEGATED_HIT_WEIGHT, NEGATION_SOURCE,
                                   RuleCoder, _wrapped)


def reference_scores(codebook: Codebook, units: list[CodingUnit]) -> np.ndarray:
    """The rule coder's definition, read the slow way: every sentence, every pattern, any case."""
    patterns = [[re.compile(_wrapped(p), re.IGNORECASE) for p in code.patterns] for code in codebook.codes]
    vetoes = [[re.compile(_wrapped(p), re.IGNORECASE) for p in code.exclude_patterns] for code in codebook.codes]
    negation = re.compile(NEGATION_SOURCE, re.IGNORECASE)
    scores = np.zeros((len(units), len(codebook.codes)))
    for i, unit in enumerate(units):
        for j in range(len(codebook.codes)):
            miss = 1.0
            for sentence in sentences(unit.text):
                if any(v.search(sentence) for v in vetoes[j]):
                    continue
                for pattern in patterns[j]:
                    match = pattern.search(sentence)
                    if match:
                        negated = negation.search(sentence[:match.start()])
                        miss *= 1 - (NEGATED_HIT_WEIGHT if negated else HIT_WEIGHT)
            scores[i, j] = 1 - miss
    return scores


def _code(code_id: str, patterns: tuple[str, ...], vetoes: tuple[str, ...] = ()) -> Code:
    return Code(code_id, code_id.split(".")[0], code_id, "test code", patterns=patterns, exclude_patterns=vetoes)


# Codes a replaced codebook might hold, including what the pre-filter must not be used for:
# anchors, lookarounds, back-references, named groups, upper case, a pattern running across ". ".
AWKWARD = Codebook((
    _code("a.plain", ("plan(s|ned)?", "book(ed)?\\b", "next (week|month)")),
    _code("a.upper", ("ASYE", "Team Manager"), ("maybe",)),
    _code("a.anchored", ("^we\\b", "agreed\\.$")),
    _code("a.lookaround", ("role(?! play)", "(?<=the )group")),
    _code("a.backref", (r"(\w+) and \1",)),
    _code("a.named", (r"(?P<verb>ring|email) them",)),
    _code("a.across", (r"time.*\bnext",)),
    _code("a.class", (r"[^a-z]?case[s]?", r"\d+ weeks?")),
))

WORDS = ["We", "we", "plan", "Plans", "PLANNED", "booked", "book", "next", "week", "month", "ASYE", "asye",
         "team", "Team", "manager", "Manager", "maybe", "not", "never", "no", "role", "play", "the", "group",
         "ring", "email", "them", "and", "time", "case", "cases", "3", "weeks", "agreed.", "agreed",
         "\u017fet", "\u0130T", "\u0131t", "I\u2019ll", "caf\u00e9", "Stra\u00dfe", "\u212aeep", "It's"]


def invented_paragraphs(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    paragraphs = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 4)):
            sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12)))
            parts.append(sentence + rng.choice([".", "!", "?", "", "\n"]))
        paragraphs.append(rng.choice([" ", "  ", "\n"]).join(parts))
    return paragraphs


@pytest.mark.parametrize("which", ["default", "awkward"])
def test_fast_path_scores_exactly_as_the_slow_reading(which, codebook):
    book = codebook if which == "default" else AWKWARD
    units = [CodingUnit(text) for text in invented_paragraphs(1500)]
    units += [CodingUnit("I will book a joint visit before the next meeting. I'm not going to miss it."),
              CodingUnit("WE AGREED TO ROTATE THE CHAIR. Maybe I will plan it."),
              CodingUnit("Team Manager and manager agreed.")]
    fast = RuleCoder(book).score(units)
    assert np.array_equal(fast, reference_scores(book, units))
    assert fast.any(), "the invented paragraphs must match something, or the comparison says nothing"


def test_lower_casing_folds_as_re_ignorecase_except_the_listed_characters():
    """The fast path's premise, checked over the Basic Multilingual Plane."""
    letters = {letter: re.compile(letter, re.IGNORECASE) for letter in "abcdefghijklmnopqrstuvwxyz"}
    differ = set()
    for point in range(0x10000):
        if 0xD800 <= point <= 0xDFFF:
            continue
        char = chr(point)
        lowered = char.lower()
        if len(lowered) != 1 or any(bool(p.fullmatch(char)) != (lowered == letter) for letter, p in letters.items()):
            differ.add(char)
    assert {c for c in differ if CASE_FOLD_EXCEPTIONS.search(c) is None} == set()
