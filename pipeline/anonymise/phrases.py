"""Find known phrases (names, organisations) in text, in any case, with possessives.

spaCy's PhraseMatcher needs a parsed Doc of every text and cannot tell
"Ottilie's" from "Ottilie"; this index works on plain word tokens, so the
same roster can also clean short labels (file names, prompts) without NER.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

from wordfreq import zipf_frequency

# Letters with inner apostrophes or hyphens: O'Meara, Lily-Beth, Zieliński.
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
MAX_PHRASE_WORDS = 8
# Above this Zipf frequency a word is ordinary English ("will" 6.45, "summer" 5.23,
# "grace" 4.56), so as a name it is matched only when capitalised; rarer names
# ("jake" 4.17, "ottilie" below 2) are matched in any case ("spoke to jake").
ORDINARY_WORD_ZIPF = 4.3


@lru_cache(maxsize=100_000)
def word_zipf(word: str) -> float:
    return zipf_frequency(word.lower(), "en")


def is_ordinary_word(word: str) -> bool:
    return word_zipf(word) >= ORDINARY_WORD_ZIPF


@dataclass(frozen=True)
class PhraseMatch:
    start: int
    end: int
    value: Any


def words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def _key(word: str) -> str:
    return word.replace("’", "'").casefold()


class PhraseIndex:
    """Phrase (sequence of words) -> value; longest match wins, scanning left to right."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, ...], tuple[Any, bool]] = {}
        # First word -> length of the longest phrase starting with it: most words start none,
        # so a scan costs one dictionary look-up per word.
        self._first_words: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, phrase: str, value: Any, case_sensitive: bool = False) -> None:
        """Add `phrase`; a case-sensitive phrase only matches capitalised or upper-case text."""
        tokens = tuple(_key(w) for _, _, w in words(phrase))
        if not tokens or len(tokens) > MAX_PHRASE_WORDS:
            return
        existing = self._entries.get(tokens)
        if existing is not None:
            # A phrase known from two sources keeps the looser case rule of either.
            case_sensitive = case_sensitive and existing[1]
            value = existing[0] if existing[0] == value else _merge(existing[0], value)
        self._entries[tokens] = (value, case_sensitive)
        self._first_words[tokens[0]] = max(self._first_words.get(tokens[0], 0), len(tokens))

    def values(self) -> Iterator[Any]:
        return (value for value, _ in self._entries.values())

    def find(self, text: str) -> list[PhraseMatch]:
        found: list[PhraseMatch] = []
        tokens = words(text)
        keys = [_key(w) for _, _, w in tokens]
        i = 0
        while i < len(tokens):
            longest = max(self._first_words.get(keys[i], 0), self._first_words.get(POSSESSIVE.sub("", keys[i]), 0))
            match = self._match_at(tokens, keys, i, longest) if longest else None
            if match is None:
                i += 1
                continue
            found.append(match[0])
            i += match[1]
        return found

    def _match_at(self, tokens, keys, i: int, longest: int) -> tuple[PhraseMatch, int] | None:
        for length in range(min(longest, len(tokens) - i), 0, -1):
            window_keys = keys[i:i + length]
            end = tokens[i + length - 1][1]
            entry = self._entries.get(tuple(window_keys))
            possessive = False
            if entry is None:
                stripped = POSSESSIVE.sub("", window_keys[-1])
                if stripped != window_keys[-1]:
                    entry = self._entries.get(tuple(window_keys[:-1]) + (stripped,))
                    end -= 2
                    possessive = True
            if entry is None:
                continue
            value, case_sensitive = entry
            # "christian's practice": an ordinary word that names someone in this batch, owning
            # something, is the name even in lower case.
            if case_sensitive and not tokens[i][2][0].isupper() and not (possessive and length == 1):
                continue
            return PhraseMatch(tokens[i][0], end, value), length
        return None


def _merge(first: Any, second: Any) -> Any:
    """Two entries under one phrase: keep both candidates (e.g. two members called Sam)."""
    left = first if isinstance(first, frozenset) else frozenset([first])
    right = second if isinstance(second, frozenset) else frozenset([second])
    return left | right
