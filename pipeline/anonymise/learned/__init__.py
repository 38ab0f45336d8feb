"""A learned name-vs-word detector: a logistic token classifier over case, part of speech, cue words
and gazetteers, trained on the synthetic generator's text (`python -m pipeline.anonymise.train`) and
shipped as package data (data/name_model.json: weights over tags and common words only)."""
from pipeline.anonymise.learned.features import WordLists, candidate_indexes, token_features
from pipeline.anonymise.learned.model import MODEL_FILE, NameModel, load_name_model

__all__ = ["MODEL_FILE", "NameModel", "WordLists", "candidate_indexes", "load_name_model", "token_features"]
