"""Small corpora (under `LARGE_CORPUS` segments): k-means, with k from the corpus size.

HDBSCAN leaves most of a few hundred paragraphs as outliers; k-means puts
every segment in a topic. It has no minimum cluster size, so a topic smaller
than the minimum joins its nearest topic afterwards.
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np

from pipeline.topics.clustering._base import Clustering, ClusteringStrategy, Fit, update_topic_words

DEFAULT_MIN_TOPIC_SIZE = 5


class KMeansClustering(ClusteringStrategy):
    name = "kmeans"

    def cluster(self, docs: list[str], embeddings: np.ndarray, fit: Fit) -> Clustering:
        from sklearn.cluster import KMeans

        k = self.config.nr_topics or max(2, min(30, round(math.sqrt(len(docs) / 2))))
        minimum = self.config.min_topic_size or DEFAULT_MIN_TOPIC_SIZE
        model, topics = fit(KMeans(n_clusters=k, n_init=10, random_state=self.config.seed), minimum, None)
        before = topics.count(-1)
        return Clustering(model, _merge_small_topics(model, docs, topics, embeddings, minimum), before)


def _merge_small_topics(model, docs: list[str], topics: list[int], embeddings: np.ndarray,
                        minimum: int) -> list[int]:
    """A topic smaller than `minimum` joins the topic whose centre is nearest, segment by segment."""
    sizes = Counter(topics)
    small = {t for t, n in sizes.items() if n < minimum}
    large = sorted(set(sizes) - small)
    if not small or not large:
        return topics
    topic_array = np.array(topics)
    centres = np.stack([embeddings[topic_array == t].mean(axis=0) for t in large])
    merged = [t if t not in small else large[int(np.argmax(centres @ embeddings[i]))]
              for i, t in enumerate(topics)]
    # Renumber 0..k-1 by size, as BERTopic numbers its own topics.
    order = {t: rank for rank, (t, _) in enumerate(Counter(merged).most_common())}
    merged = [order[t] for t in merged]
    update_topic_words(model, docs, merged)
    return merged
