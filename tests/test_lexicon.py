"""The anonymiser's vocabulary is data, each list written once in lexicon.yaml."""
from __future__ import annotations

from collections import Counter

import yaml

from pipeline.anonymise.lexicon import LEXICON_FILE, folded, lexicon, one_of


def test_no_word_is_written_twice_in_one_list():
    data = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    lists = {"titles": data["titles"], "name_cues": data["name_cues"],
             "other_name_tails": data["other_name_tails"], "keep_terms": list(lexicon().keep_terms)}
    lists["street_types"] = [w for group in data["street_types"].values() for w in group]
    lists["organisation_words"] = [w for group in data["organisation_words"].values() for w in group]
    for name, words in lists.items():
        assert all(isinstance(w, str) and w for w in words), name  # YAML read no word as a boolean
        twice = [w for w, n in Counter(words).items() if n > 1]
        assert not twice, (name, twice)


def test_the_lists_a_module_reads_are_built_from_the_groups():
    words = lexicon()
    assert set(words.body_kinds) <= set(words.organisation_words)
    assert set(words.kept_in_initials) <= set(words.body_kinds) | set(words.organisation_words)
    # A body's or place's name grows over street words and kinds of body, never over "England"
    # (a surname) nor over abbreviations such as "Dr" (a title).
    assert set(words.body_kinds) | set(words.streets_in_place_names) <= set(words.name_tails)
    assert not {"England", "UK", "Dr", "St"} & set(words.name_tails)
    assert {"mr", "mrs", "dr", "prof"} <= folded(words.titles)


def test_one_of_escapes_words_for_a_pattern():
    assert one_of(["A&E", "s.47"]) == r"A\&E|s\.47"
