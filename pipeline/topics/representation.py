"""How a topic's keywords and its short label are chosen.

BERTopic proposes candidate words by c-TF-IDF; a representation model re-ranks them.
KeyBERTInspired keeps the candidates whose embeddings sit closest to the topic's
representative paragraphs (so "link · host · zoom" becomes "zoom link · camera · hosting"),
MaximalMarginalRelevance then drops near-duplicates ("action", "actions"). Both use the
topic model's own embedding model, the installed MiniLM: nothing is fetched.
"""
from __future__ import annotations

from pipeline.config import TOPIC_REPRESENTATIONS
MMR_DIVERSITY = 0.4  # 0 keeps c-TF-IDF's order; 1 picks the most unlike words (BERTopic's docs use 0.2-0.5)
LABEL_WORDS = 2
STEM = 6


def representation_for(name: str):
    """The BERTopic representation model for a config name (None: plain c-TF-IDF)."""
    if name not in TOPIC_REPRESENTATIONS:  # the config refuses it first; this guards a direct call
        raise ValueError(f"unknown topic representation {name!r}")
    from bertopic.representation import KeyBERTInspired, MaximalMarginalRelevance

    keybert = KeyBERTInspired(top_n_words=10, nr_repr_docs=5, nr_candidate_words=40, random_state=42)
    mmr = MaximalMarginalRelevance(diversity=MMR_DIVERSITY, top_n_words=10)
    return {"keybert_mmr": [keybert, mmr], "keybert": keybert, "mmr": mmr, "ctfidf": None}[name]


def label_for(keywords: tuple[str, ...] | list[str], taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A short phrase a reader can say: the best key phrase of two words if one leads, else the two best
    words ("zoom link", "supervision and manager"), first letter capitalised. A label another topic has
    (`taken`) gets the topic's next keyword in brackets, so no two topics read alike."""
    words = [w for w in keywords if w]
    if not words:
        return ""
    label = _phrase(words)
    for extra in words:
        if label not in taken:
            break
        if extra.lower() not in label.lower():
            label = f"{_phrase(words)} ({extra})"
    return label


def _phrase(words: list[str]) -> str:
    phrase = next((w for w in words[:3] if " " in w), None)
    if phrase is None:
        picked = [words[0]] + [w for w in words[1:] if not _same_stem(w, words[0])][:LABEL_WORDS - 1]
        phrase = " and ".join(picked)
    return phrase[:1].upper() + phrase[1:]


def _same_stem(word: str, other: str) -> bool:
    """'presenting' and 'presenter', 'support' and 'supporting': one word twice in a label. A shared start
    of STEM letters is a crude stem, but enough here, and keeps a stemmer out of the dependencies."""
    return word[:STEM] == other[:STEM] or word in other or other in word
