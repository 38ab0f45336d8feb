"""`als audit --suspects`: words kept in the stored (anonymised) text that look like personal data.

The anonymiser keeps a listed name or place when its context says it is a word, and keeps words
no list knows. A person who knows the programme can tell at a glance which of those are names:
this lists them, most frequent first, with a short context from the stored text, so that
`als redact --term WORD` can remove the real ones everywhere.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.anonymise.gazetteers import Gazetteers
from pipeline.anonymise.keep import KeepTerms
from pipeline.anonymise.lexicon import folded, lexicon
from pipeline.anonymise.phrases import word_zipf

PLACEHOLDER = re.compile(r"\[[^\]\n]{1,40}\]")
WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|\b(?=[A-Za-z/-]*\d)(?=[\d/-]*[A-Za-z])[A-Za-z0-9][\w/-]{4,}\b")
SENTENCE_START = re.compile(r"(?:^|[.!?:;\n•*–-])[\s\"'“‘(]*$")
ID_LIKE = re.compile(r"(?=.*\d)(?=.*[A-Za-z])")
UNKNOWN_ZIPF = 2.5  # a capitalised word English hardly knows
CONTEXT_CHARS = 32
TITLES = folded(lexicon().titles)


@dataclass(frozen=True)
class Suspect:
    term: str
    kind: str  # "listed name", "listed place", "unknown capitalised word", "id-like"
    count: int
    context: str  # from the stored, anonymised text, the term marked «»


def _kind(word: str, at_start: bool, gazetteers: Gazetteers, keep: KeepTerms) -> str | None:
    if word in keep or word.casefold().strip(".") in TITLES:
        return None
    if ID_LIKE.match(word):
        return "id-like"
    if not word[:1].isupper() or at_start or word.isupper() and len(word) < 3:
        return None
    if word in gazetteers.places:
        return "listed place"
    if word.casefold() in gazetteers.first_folded or word.casefold() in gazetteers.surname_folded:
        return "listed name"
    if word_zipf(word) < UNKNOWN_ZIPF:
        return "unknown capitalised word"
    return None


def find_suspects(texts: list[str], gazetteers: Gazetteers, keep: KeepTerms, limit: int = 50) -> list[Suspect]:
    counts: Counter = Counter()
    kinds: dict[str, str] = {}
    contexts: dict[str, str] = {}
    for text in texts:
        plain = PLACEHOLDER.sub(lambda m: " " * len(m.group()), text)  # placeholders are not words
        protected = keep.protected_spans(plain)  # "Care" of "Skills for Care" is kept on purpose
        for match in WORD.finditer(plain):
            word = match.group()
            if any(start <= match.start() and match.end() <= end for start, end in protected):
                continue
            kind = _kind(word, bool(SENTENCE_START.search(plain, 0, match.start())), gazetteers, keep)
            if kind is None:
                continue
            counts[word] += 1
            kinds.setdefault(word, kind)
            if word not in contexts:
                start, end = max(0, match.start() - CONTEXT_CHARS), match.end() + CONTEXT_CHARS
                contexts[word] = (("…" if start else "") + text[start:match.start()] + f"«{word}»"
                                  + text[match.end():end] + ("…" if end < len(text) else "")).replace("\n", " ")
    return [Suspect(word, kinds[word], count, contexts[word]) for word, count in counts.most_common(limit)]
