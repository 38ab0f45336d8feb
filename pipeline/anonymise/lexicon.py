"""The anonymiser's word lists, read once from lexicon.yaml.

Each list is written there once and used wherever it is needed: the
recognizers' patterns, the roster's short forms, span shaping, placeholders
and the privacy evaluation. Lists are kept as written; `folded` gives the
case-insensitive form and `one_of` a regular-expression alternation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml

LEXICON_FILE = Path(__file__).with_name("lexicon.yaml")


@dataclass(frozen=True)
class Lexicon:
    titles: tuple[str, ...]
    name_cues: tuple[str, ...]
    lower_name_before: tuple[str, ...]  # cues that a lower-case roster word is the member's name
    lower_name_after: tuple[str, ...]
    street_types: tuple[str, ...]  # every street word, for address patterns
    streets_in_place_names: tuple[str, ...]  # the ones a body's or place's name is grown over
    body_kinds: tuple[str, ...]  # the last word of a body's name says what kind it is
    organisation_words: tuple[str, ...]  # kinds, descriptors and scope: none says which body
    kept_in_initials: tuple[str, ...]  # kinds and descriptors people keep in a body's initials
    name_tails: tuple[str, ...]  # continue a body's or place's name: organisation, street and other tails
    keep_terms: tuple[str, ...]


@lru_cache(maxsize=1)
def lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    org, streets = data["organisation_words"], data["street_types"]
    kinds = (*org["kinds_in_initials"], *org["kinds"])
    descriptors = (*org["descriptors_in_initials"], *org["descriptors"])
    return Lexicon(
        titles=tuple(data["titles"]),
        name_cues=tuple(data["name_cues"]),
        lower_name_before=tuple(data["lower_case_name_cues"]["before"]),
        lower_name_after=tuple(data["lower_case_name_cues"]["after"]),
        street_types=(*streets["in_place_names"], *streets["in_addresses_only"]),
        streets_in_place_names=tuple(streets["in_place_names"]),
        body_kinds=kinds,
        organisation_words=(*kinds, *descriptors, *org["scope"]),
        kept_in_initials=(*org["kinds_in_initials"], *org["descriptors_in_initials"]),
        name_tails=(*kinds, *descriptors, *streets["in_place_names"], *data["other_name_tails"]),
        keep_terms=tuple(term for group in data["keep_terms"].values() for term in group),
    )


def folded(words: Iterable[str]) -> frozenset[str]:
    """The words in lower case, for matching in any case ("mr", "council")."""
    return frozenset(word.casefold() for word in words)


def one_of(words: Iterable[str]) -> str:
    """A regular-expression alternation of the words, to put inside (?:...)."""
    return "|".join(re.escape(word) for word in words)
