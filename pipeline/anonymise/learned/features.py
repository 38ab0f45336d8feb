"""What the learned detector sees of a token: how it is written and used, never which name it is.

Word features are limited to a closed vocabulary of common English words and the lexicon's cue
words, so a name is seen only as "<rare>" and the model file cannot hold one. Everything else is
case, spaCy's tags, the gazetteers a word is in, and its frequency in English.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from wordfreq import top_n_list

from pipeline.anonymise.gazetteers import Gazetteers
from pipeline.anonymise.keep import KeepTerms
from pipeline.anonymise.lexicon import lexicon
from pipeline.anonymise.phrases import word_zipf

@dataclass(frozen=True)
class WordLists:
    """The gazetteers folded once: the features look words up in these for every token."""

    first: frozenset[str]
    uk_first: frozenset[str]
    surnames: frozenset[str]
    places: frozenset[str]
    capitalised: frozenset[str]

    @classmethod
    def of(cls, gazetteers: Gazetteers) -> "WordLists":
        return cls(gazetteers.first_folded, gazetteers.uk_first_folded, gazetteers.surname_folded,
                   gazetteers.places, gazetteers.capitalised_names)


COMMON_WORDS = 600  # the most frequent English words, seen as themselves
SENTENCE_ENDS = {".", "!", "?", ":", ";", "\n", "•", "-", "–", "—", "*", '"', "“", "(", ")"}


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    lex = lexicon()
    cues = {w.casefold() for group in (lex.name_cues, lex.titles, lex.lower_name_before, lex.lower_name_after)
            for phrase in group for w in phrase.split()}
    return frozenset(top_n_list("en", COMMON_WORDS)) | cues


def _shape(word: str) -> str:
    if word.isupper():
        return "UPPER" if len(word) > 1 else "INITIAL"
    if word[:1].isupper():
        return "Title-hyphen" if "-" in word else "Title"
    return "lower" if word.islower() else "mixed"


def _word(token) -> str:
    folded = token.lower_
    if folded in vocabulary():
        return folded
    if token.is_punct or token.is_space:
        return "<punct>" if not token.is_space else "<space>"
    if token.like_num:
        return "<num>"
    return "<rare>"


def starts_sentence(doc, token) -> bool:
    return token.i == 0 or doc[token.i - 1].text.strip() in SENTENCE_ENDS or "\n" in doc[token.i - 1].text


def candidate_indexes(doc, lists: WordLists, keep: KeepTerms) -> list[int]:
    """Tokens that could be a name or a place: in a gazetteer, or capitalised where a word need not be."""
    first, surnames, places = lists.first, lists.surnames, lists.places
    found = []
    for token in doc:
        word = token.text
        if len(word) < 2 or not word.replace("-", "").replace("'", "").replace("’", "").isalpha():
            continue
        folded = word.casefold()
        listed = folded in first or folded in surnames or word in places or word.title() in places
        capitalised = word[:1].isupper() and not starts_sentence(doc, token)
        if listed or capitalised:
            found.append(token.i)
    return found


def token_features(doc, i: int, lists: WordLists, keep: KeepTerms) -> dict[str, float]:
    token = doc[i]
    word, folded = token.text, token.text.casefold()
    zipf = word_zipf(word)
    features = {
        "shape=" + _shape(word): 1.0,
        "pos=" + token.pos_: 1.0, "tag=" + token.tag_: 1.0, "dep=" + token.dep_: 1.0,
        "ent=" + (token.ent_type_ or "none"): 1.0,
        "word=" + _word(token): 1.0,
        "zipf=" + str(min(int(zipf), 7)): 1.0,
        "sentence_start": float(starts_sentence(doc, token)),
        "first_name": float(folded in lists.first),
        "uk_first_name": float(folded in lists.uk_first),
        "surname": float(folded in lists.surnames),
        "place": float(word in lists.places or word.title() in lists.places),
        "written_capitalised_as_name": float(folded in lists.capitalised),
        "kept_term": float(word in keep),
    }
    for offset in (-2, -1, 1, 2):
        j = i + offset
        if 0 <= j < len(doc):
            other = doc[j]
            features[f"w{offset:+d}=" + _word(other)] = 1.0
            features[f"pos{offset:+d}=" + other.pos_] = 1.0
            features[f"shape{offset:+d}=" + _shape(other.text)] = 1.0
            if offset in (-1, 1):
                features[f"name{offset:+d}"] = float(other.lower_ in lists.first or other.lower_ in lists.surnames)
        else:
            features[f"w{offset:+d}=<edge>"] = 1.0
    features[f"pos-1|pos={features_key(doc, i - 1)}|{token.pos_}"] = 1.0
    # Conjunctions a linear model cannot form itself: an ordinary word opening a sentence, or written in
    # lower case, is a word far more often than the same word capitalised mid-sentence.
    band = "rare" if zipf < 3.0 else "uncommon" if zipf < 4.3 else "ordinary"
    position = "start" if features["sentence_start"] else "middle"
    features[f"shape|band|position={_shape(word)}|{band}|{position}"] = 1.0
    features[f"pos|band={token.pos_}|{band}"] = 1.0
    features[f"ent|band={token.ent_type_ or 'none'}|{band}"] = 1.0
    return features


def features_key(doc, j: int) -> str:
    return doc[j].pos_ if 0 <= j < len(doc) else "<edge>"
