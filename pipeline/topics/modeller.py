"""Inductive topics: what the logs talk about that the codebook did not foresee.

BERTopic over the anonymised paragraphs, with embeddings from the installed
MiniLM package (never a hub) and fixed seeds, so the same segments give the
same topics. UMAP reduces the embeddings; the clustering step depends on
corpus size (`clustering.strategy_for`): k-means under LARGE_CORPUS segments,
HDBSCAN from there up, each strategy in a module of its own.
Keywords are c-TF-IDF over the text without placeholders ("[PERSON1]") and
without English and social-work stop words.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from pipeline.config import TopicsConfig
from pipeline.embeddings import Embedder
from pipeline.records import Coding
from pipeline.topics.clustering import LARGE_CORPUS, strategy_for
from pipeline.topics.representation import label_for, representation_for

MIN_SEGMENTS = 10
PLACEHOLDER = re.compile(r"\[(?:[A-Z]+\d*|M-[0-9A-F]+)\]")
# Words every log uses: as keywords they would name no topic.
SOCIAL_WORK_STOP_WORDS = {
    "set", "sets", "nqsw", "nqsws", "asye", "assessor", "assessors", "social", "work", "worker", "workers",
    "meeting", "meetings", "session", "time", "think", "thought", "felt", "feel", "really", "just", "like",
    "got", "get", "did", "does", "going", "went", "today", "month", "week", "also", "lot", "bit", "way",
    "said", "say", "told", "asked", "people", "member", "members", "group", "able", "quite", "thing", "things",
    # what is left of contractions once apostrophes split words ("don't" -> "don")
    "don", "didn", "doesn", "isn", "wasn", "weren", "won", "wouldn", "couldn", "shouldn", "hasn", "haven", "aren",
}
TOKEN_PATTERN = r"(?u)\b[a-zA-Z][a-zA-Z-]{2,}\b"
# The class of segments without a set in topics_per_class: a NUL byte, which no set id holds.
_UNFILED = "\x00unfiled"


class TopicsUnavailable(RuntimeError):
    """Too few segments, or BERTopic cannot run here."""


@dataclass(frozen=True)
class TopicSegment:
    segment_id: str
    text: str
    set_id: str | None
    meeting_number: int | None
    codes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Topic:
    topic_id: int
    label: str
    keywords: tuple[str, ...]
    size: int
    best_code: str | None
    code_share: float  # share of the topic's segments that carry best_code


@dataclass(frozen=True)
class SegmentTopic:
    segment_id: str
    topic_id: int
    probability: float


@dataclass(frozen=True)
class TopicSlice:
    """A topic's segments within one meeting number or one set, with the words it used there."""

    topic_id: int
    key: str  # meeting number or set id, as text
    segments: int
    keywords: tuple[str, ...]


@dataclass
class TopicResult:
    strategy: str
    topics: list[Topic]
    assignments: list[SegmentTopic]
    codings: list[Coding] = field(default_factory=list)
    over_meetings: list[TopicSlice] = field(default_factory=list)
    per_set: list[TopicSlice] = field(default_factory=list)
    outliers_before: int = 0
    outliers_after: int = 0


def clean_for_keywords(text: str) -> str:
    return PLACEHOLDER.sub(" ", text)


class TopicModeller:
    def __init__(self, config: TopicsConfig, embedder: Embedder) -> None:
        self.config = config
        self.embedder = embedder

    def fit_transform(self, segments: list[TopicSegment],
                      stored_vectors: dict[str, list[float]] | None = None) -> TopicResult:
        """Topics for `segments`; `stored_vectors` (segment_id -> embedding) spares embedding them again."""
        if len(segments) < MIN_SEGMENTS:
            raise TopicsUnavailable(f"topics need at least {MIN_SEGMENTS} segments; the database has {len(segments)}")
        docs = [clean_for_keywords(s.text) for s in segments]
        embeddings = self._embeddings(segments, stored_vectors or {})
        strategy = strategy_for(len(segments), self.config)
        clustering = strategy.cluster(docs, embeddings, partial(self._fit, docs, embeddings))
        model, topics = clustering.model, clustering.topics
        before, after = clustering.outliers_before, topics.count(-1)
        probabilities = self._probabilities(topics, embeddings, model)
        result = TopicResult(strategy.name, [], [], outliers_before=before, outliers_after=after)
        result.assignments = [SegmentTopic(s.segment_id, t, p) for s, t, p in zip(segments, topics, probabilities)]
        result.topics = self._describe(model, segments, topics)
        result.codings = self._topic_codings(result.topics, segments, result.assignments)
        result.over_meetings = self._slices(model, docs, topics, [s.meeting_number for s in segments], "over_time")
        result.per_set = self._slices(model, docs, topics, [s.set_id for s in segments], "per_class")
        return result

    def _embeddings(self, segments: list[TopicSegment], stored: dict[str, list[float]]) -> np.ndarray:
        missing = [s.text for s in segments if s.segment_id not in stored]
        fresh = iter(self.embedder.encode(missing)) if missing else iter(())
        return np.stack([np.asarray(stored[s.segment_id], dtype=np.float32) if s.segment_id in stored
                         else next(fresh) for s in segments])

    # -- the model ------------------------------------------------------------

    def _fit(self, docs: list[str], embeddings: np.ndarray, cluster_model, min_topic_size: int,
             nr_topics: int | None):
        """BERTopic with the strategy's cluster model, fitted; the topic of each segment."""
        from bertopic import BERTopic
        from bertopic.vectorizers import ClassTfidfTransformer
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer
        from umap import UMAP

        size = len(docs)
        neighbours = max(2, min(15, size - 2))
        umap_model = UMAP(n_neighbors=neighbours, n_components=min(5, size - 2), min_dist=0.0, metric="cosine",
                          random_state=self.config.seed, low_memory=size >= LARGE_CORPUS)
        stop_words = list(ENGLISH_STOP_WORDS | SOCIAL_WORK_STOP_WORDS | set(self.config.stop_words))
        vectorizer = CountVectorizer(stop_words=stop_words, token_pattern=TOKEN_PATTERN, ngram_range=(1, 2),
                                     min_df=1 if size < 200 else 2)
        model = BERTopic(embedding_model=self.embedder.model, umap_model=umap_model, hdbscan_model=cluster_model,
                         vectorizer_model=vectorizer, ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
                         representation_model=representation_for(self.config.representation),
                         min_topic_size=min_topic_size, nr_topics=nr_topics, verbose=False)
        topics, _ = model.fit_transform(docs, embeddings)
        return model, [int(t) for t in topics]

    @staticmethod
    def _probabilities(topics: list[int], embeddings: np.ndarray, model) -> list[float]:
        """Cosine similarity of each segment to its topic's centroid, in [0, 1] (0 for outliers)."""
        centroids = {}
        topic_array = np.array(topics)
        for topic in set(topics) - {-1}:
            centre = embeddings[topic_array == topic].mean(axis=0)
            centroids[topic] = centre / (np.linalg.norm(centre) or 1)
        return [round(float(max(0.0, embeddings[i] @ centroids[t])), 4) if t != -1 else 0.0
                for i, t in enumerate(topics)]

    # -- what a person reads --------------------------------------------------

    def _describe(self, model, segments: list[TopicSegment], topics: list[int]) -> list[Topic]:
        described, labels = [], set()
        for topic_id in sorted(set(topics)):
            members = [s for s, t in zip(segments, topics) if t == topic_id]
            words = tuple(w for w, _ in (model.get_topic(topic_id) or [])[:10] if w)
            label = "outliers" if topic_id == -1 else label_for(words, labels) or f"topic {topic_id}"
            labels.add(label)
            counts = Counter(c for s in members for c in s.codes)
            best, hits = counts.most_common(1)[0] if counts else (None, 0)
            described.append(Topic(topic_id, label, words, len(members), best, round(hits / len(members), 4)))
        return described

    def _topic_codings(self, topics: list[Topic], segments: list[TopicSegment],
                       assignments: list[SegmentTopic]) -> list[Coding]:
        """A topic's best code, suggested for its segments that lack it, where most of the topic carries it."""
        confident = {t.topic_id: t for t in topics
                     if t.topic_id != -1 and t.best_code and t.code_share >= self.config.code_min_share}
        codings = []
        for segment, assignment in zip(segments, assignments):
            topic = confident.get(assignment.topic_id)
            if topic and topic.best_code not in segment.codes:
                codings.append(Coding(segment.segment_id, topic.best_code, "topic",
                                      round(topic.code_share * assignment.probability, 4), "suggested"))
        return codings

    @staticmethod
    def _slices(model, docs: list[str], topics: list[int], keys: list, kind: str) -> list[TopicSlice]:
        """Topics per meeting or per set; segments without one are modelled but left out of these tables."""
        present = [i for i, k in enumerate(keys) if k is not None]
        if not present:
            return []
        if kind == "over_time":  # takes the topics of the documents it is given
            sub_docs, sub_topics = [docs[i] for i in present], [topics[i] for i in present]
            frame = model.topics_over_time(sub_docs, [int(keys[i]) for i in present], topics=sub_topics,
                                           nr_bins=None, evolution_tuning=False, global_tuning=False)
            key_column = "Timestamp"
        else:  # reads the fitted topics of every document, so it is given all of them
            classes = [_UNFILED if k is None else str(k) for k in keys]
            frame = model.topics_per_class(docs, classes, global_tuning=False)
            frame = frame[frame.Class != _UNFILED]
            key_column = "Class"
        return [TopicSlice(int(row.Topic), str(getattr(row, key_column)), int(row.Frequency),
                           tuple(w.strip() for w in str(row.Words).split(",") if w.strip()))
                for row in frame.itertuples(index=False)]
