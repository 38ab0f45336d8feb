"""The gazetteer build step (on a small fake of names-dataset) and the shipped lists."""
from __future__ import annotations

import pytest

from pipeline.anonymise import gazetteers as gz


class FakeNames:
    """Answers get_top_names like names_dataset.NameDataset, from a few invented rankings."""

    FIRST = {"GB": {"F": ["Orla", "Hope", "Wren"], "M": ["Idris", "Will", "Bad Name!"]},
             "PL": {"F": ["Zofia"], "M": ["Bartosz"]}, "ZZ": {"F": ["Rareina"], "M": []}}
    LAST = {"GB": ["Pennock", "Abara", "O'Leary"], "PL": ["Wójcik"], "ZZ": ["Quaxley"]}

    def get_top_names(self, n=100, use_first_names=True, country_alpha2=None, gender=None):
        source = self.FIRST if use_first_names else self.LAST
        if use_first_names:
            return {c: {g: names[:n] for g, names in by_gender.items()} for c, by_gender in source.items()}
        return {c: names[:n] for c, names in source.items()}


def test_build_name_lists_keeps_name_shaped_words_and_the_uk_subset():
    first, uk_first, last = gz.build_name_lists(FakeNames())
    assert {"Orla", "Hope", "Idris", "Will", "Zofia", "Bartosz", "Rareina"} <= first
    assert "Bad Name!" not in first
    assert {"Hope", "Will"} <= uk_first and "Zofia" not in uk_first
    assert {"Pennock", "O'Leary", "Wójcik", "Quaxley"} <= last


def test_build_place_list_takes_uk_and_irish_towns_and_short_names():
    cities = [{"countrycode": "GB", "name": "Kingston upon Hull", "alternatenames": ["Hull", "Гулль"]},
              {"countrycode": "IE", "name": "Ballyfern", "alternatenames": []},
              {"countrycode": "FR", "name": "Lyon", "alternatenames": []}]
    assert gz.build_place_list(cities) == {"Kingston upon Hull", "Hull", "Ballyfern"}


def test_capitalised_names_are_those_rarely_written_in_lower_case():
    log_prob = {"Orla": -12.0, "orla": -15.0,      # a name: capitalised 20x more often
                "Will": -9.8, "will": -6.2,        # a word first
                "Frank": -11.6, "frank": -12.9,    # both, too close to call
                "Idris": -14.0}                    # seen only capitalised
    assert gz.build_capitalised_names(["Orla", "Will", "Frank", "Idris", "Unseen"], log_prob) == {"orla", "idris"}


def test_shipped_capitalised_names_hold_names_not_words():
    capitalised = gz.load_gazetteers().capitalised_names
    assert {"maria", "clive", "sean"} <= capitalised
    assert not {"will", "grace", "hope", "mark", "frank", "summer"} & capitalised


def test_lists_round_trip_byte_identically(tmp_path):
    gz.write_list({"b", "a"}, tmp_path / "one.txt.gz")
    gz.write_list({"a", "b"}, tmp_path / "two.txt.gz")
    assert (tmp_path / "one.txt.gz").read_bytes() == (tmp_path / "two.txt.gz").read_bytes()
    assert gz.read_list(tmp_path / "one.txt.gz") == frozenset({"a", "b"})


def test_shipped_lists_are_present_and_substantial():
    lists = gz.load_gazetteers()
    assert len(lists.first_names) > 50_000 and len(lists.surnames) > 50_000 and len(lists.places) > 5_000
    assert len(lists.capitalised_names) > 10_000
    assert lists.uk_first_names <= lists.first_names


def test_missing_lists_stop_the_anonymiser(tmp_path, monkeypatch, anonymise_config):
    from pipeline.anonymise import AnonymiserUnavailable, build_anonymiser

    monkeypatch.setattr(gz, "DATA_DIR", tmp_path)
    gz.load_gazetteers.cache_clear()
    # The globals of the function under test: another test re-imports pipeline.anonymise, so a dotted path
    # could name a module object other than the one build_anonymiser reads.
    monkeypatch.setitem(build_anonymiser.__globals__, "load_gazetteers", lambda: gz.load_gazetteers(tmp_path))
    try:
        with pytest.raises(AnonymiserUnavailable, match="gazetteer files missing"):
            build_anonymiser(anonymise_config)
    finally:
        gz.load_gazetteers.cache_clear()
