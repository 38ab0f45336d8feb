"""The labelled corpus the learning benchmarks share: gold labels read directly, embeddings cached on disk.

The benchmarks score coders on gold paragraphs (personal data markup replaced
by placeholders, as pipeline/coding/labels.py reads them) instead of running
the whole pipeline for every point of a curve: one `als run` takes minutes,
a point here takes a second. Paragraph F1 here is on gold paragraphs, so it
differs a little from the scorer's, which first matches exported segments to
gold paragraphs. Checked once (Set 5 coded by `als train` and
`pipeline.coding.train_questions` models fitted on the other sets, then `als
run`, `als export` and the scorer on Set 5's documents): micro-F1 0.751, macro
0.766, document 0.808, questions 0.929 in the pipeline against 0.730, 0.741,
0.811 and 0.929 here.

Every text is embedded once and kept in an .npz beside the system's temporary
files, so a rerun (or another benchmark) does not load the CPU with it again.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.coding.base import CodingUnit, sentences
from pipeline.coding.codebook import Codebook
from pipeline.coding.combined import CoderParts, CombinedCoder
from pipeline.coding.embedding import EmbeddingCoder
from pipeline.coding.evaluate import label_matrix, units_of
from pipeline.coding.labels import LabelledParagraph, LabelledQuestion, read_labels
from pipeline.coding.rules import RuleCoder
from pipeline.embeddings import Embedder

DEFAULT_CACHE = Path(tempfile.gettempdir()) / "als-learn-embeddings.npz"


class CachedEmbedder(Embedder):
    """The installed MiniLM, with its per-process cache read from and written to an .npz file."""

    def __init__(self, cache: Path = DEFAULT_CACHE) -> None:
        super().__init__()
        self.cache_path = cache
        if cache.exists():
            archive = np.load(cache, allow_pickle=False)
            self._cache.update(zip(archive["keys"].tolist(), archive["vectors"]))

    def save(self) -> None:
        keys = sorted(self._cache)
        np.savez(self.cache_path, keys=np.array(keys), vectors=np.stack([self._cache[k] for k in keys]))


class MemoCombinedCoder(CombinedCoder):
    """The out-of-the-box coder with each unit's parts computed once: a curve asks for them hundreds of times."""

    def __init__(self, codebook: Codebook, embedder: Embedder) -> None:
        super().__init__(codebook, RuleCoder(codebook), EmbeddingCoder(codebook, embedder))
        self._memo: dict[CodingUnit, tuple[np.ndarray, ...]] = {}

    def parts(self, units: list[CodingUnit]) -> CoderParts:
        missing = [u for u in dict.fromkeys(units) if u not in self._memo]
        if missing:
            fresh = super().parts(missing)
            for i, unit in enumerate(missing):
                self._memo[unit] = (fresh.rules[i], fresh.embedding[i], fresh.hinted[i], fresh.implied[i])
        rows = [self._memo[u] for u in units]
        stacked = [np.array([r[k] for r in rows]).reshape(len(units), len(self.code_ids)) for k in range(4)]
        return CoderParts(*stacked)


@dataclass
class Corpus:
    paragraphs: list[LabelledParagraph]
    questions: list[LabelledQuestion]
    units: list[CodingUnit]
    gold: np.ndarray           # (n_paragraphs, n_codes) 0/1
    groups: np.ndarray         # set of each paragraph
    docs: np.ndarray           # document of each paragraph
    question_groups: np.ndarray

    @property
    def sets(self) -> list[str]:
        return sorted(set(self.groups.tolist()))


def load_corpus(path: Path, code_ids: list[str]) -> Corpus:
    paragraphs, questions = read_labels(path)
    return Corpus(paragraphs, questions, units_of(paragraphs), label_matrix(paragraphs, code_ids),
                  np.array([p.group for p in paragraphs]), np.array([p.doc_ref for p in paragraphs]),
                  np.array([q.group for q in questions]))


def warm(embedder: CachedEmbedder, corpus: Corpus, coder: MemoCombinedCoder) -> None:
    """Embed every paragraph, sentence and question once and save the cache."""
    texts = [u.text for u in corpus.units]
    embedder.encode(texts + [s for t in texts for s in sentences(t)] + [q.text for q in corpus.questions])
    coder.parts(corpus.units)
    embedder.save()


def document_micro_f1(predicted: np.ndarray, gold: np.ndarray, docs: np.ndarray) -> float:
    """Micro-F1 of each document's codes (the union of its paragraphs'), as the scorer counts them."""
    tp = fp = fn = 0
    for doc in np.unique(docs):
        p, g = predicted[docs == doc].any(axis=0), gold[docs == doc].astype(bool).any(axis=0)
        tp, fp, fn = tp + int((p & g).sum()), fp + int((p & ~g).sum()), fn + int((~p & g).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0


def paragraph_f1(predicted: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """(micro, macro) F1; macro over the codes that occur in `gold` or are predicted, as the scorer does
    over the codes in its gold file."""
    predicted, gold = predicted.astype(bool), gold.astype(bool)
    tp = (predicted & gold).sum(axis=0)
    fp = (predicted & ~gold).sum(axis=0)
    fn = (~predicted & gold).sum(axis=0)
    micro = 2 * tp.sum() / (2 * tp.sum() + fp.sum() + fn.sum()) if (tp + fp + fn).sum() else 0.0
    per = np.where(tp + fp + fn > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)
    return float(micro), float(per.mean())
