"""Clustering strategies for topics, one per module behind `ClusteringStrategy`, chosen by corpus size."""
from __future__ import annotations

from pipeline.config import TopicsConfig
from pipeline.topics.clustering._base import Clustering, ClusteringStrategy, Fit
from pipeline.topics.clustering._hdbscan import HdbscanClustering
from pipeline.topics.clustering._kmeans import KMeansClustering

__all__ = ["LARGE_CORPUS", "Clustering", "ClusteringStrategy", "Fit", "HdbscanClustering", "KMeansClustering",
           "strategy_for"]

# Where HDBSCAN takes over from k-means: under it, HDBSCAN leaves most of a few hundred paragraphs as outliers.
LARGE_CORPUS = 1000


def strategy_for(size: int, config: TopicsConfig) -> ClusteringStrategy:
    """k-means for a corpus of `size` segments under LARGE_CORPUS, HDBSCAN from there up."""
    return KMeansClustering(config) if size < LARGE_CORPUS else HdbscanClustering(config)
