"""The clustering contract: how a strategy turns embedded segments into topics.

A strategy builds its cluster model, has the modeller fit BERTopic with it
(`fit`, which owns everything the strategies share: UMAP, the vectorizer,
c-TF-IDF) and then tidies the topics as its clustering needs (k-means merges
topics too small to read; HDBSCAN reassigns outliers).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, ClassVar

import numpy as np

from pipeline.config import TopicsConfig

# fit(cluster_model, min_topic_size, nr_topics) -> (fitted BERTopic model, topic of each segment)
Fit = Callable[[Any, int, "int | None"], "tuple[Any, list[int]]"]


@dataclass
class Clustering:
    model: Any  # the fitted BERTopic model; its topic words match `topics`
    topics: list[int]  # topic of each segment, -1 for an outlier
    outliers_before: int  # outliers the clustering left before the strategy tidied them


class ClusteringStrategy:
    """One way of clustering. Subclasses set `name` (stored with the run) and implement `cluster`."""

    name: ClassVar[str] = ""

    def __init__(self, config: TopicsConfig) -> None:
        self.config = config

    def cluster(self, docs: list[str], embeddings: np.ndarray, fit: Fit) -> Clustering:
        raise NotImplementedError


def update_topic_words(model: Any, docs: list[str], topics: list[int]) -> None:
    """Recompute the model's topic words for changed assignments, with the model's own vectorizer."""
    model.update_topics(docs, topics=topics, vectorizer_model=model.vectorizer_model,
                        ctfidf_model=model.ctfidf_model)
