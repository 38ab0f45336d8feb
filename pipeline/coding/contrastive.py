"""SetFit's first step done with sentence-transformers directly: contrastive fine-tuning on labelled pairs.

SetFit (Tunstall et al., 2022) fine-tunes a sentence model on pairs drawn from
a few labelled examples, pulling together paragraphs that share codes and
pushing apart those that do not, then fits a logistic head on the tuned
embeddings. The `setfit` package would bring `datasets`, `accelerate` and a
dozen more packages for this; the loop below is the same method in forty
lines of torch. The target similarity of a pair is the Jaccard overlap of its
code sets (1 for the same codes, 0 for none shared), the multi-label form of
SetFit's positive/negative pairs. The head is the trained coder's own, fed the
tuned embeddings (see TunedEmbedder). The tuned model is written to a path the
user gives, never into the package.

Tuning all six layers of MiniLM costs seconds per batch of pairs on a shared
two-core CPU, too slow for a review loop; `ContrastiveAdapter` is the same
objective with the sentence model frozen and a linear map learned on top of its
embeddings (started at the identity and held near it), which fits in a second
and is saved as numbers in the trained coder's own file.
"""
from __future__ import annotations

import copy
from pathlib import Path

import numpy as np

from pipeline.config import FineTuneConfig
from pipeline.embeddings import Embedder


def pair_targets(labels: np.ndarray, pairs_per_text: int, rng: np.random.Generator) -> list[tuple[int, int, float]]:
    """Pairs (i, j, Jaccard of their code sets), about half of them sharing a code where one can."""
    labels = labels.astype(bool)
    n = len(labels)
    pairs = []
    for i in range(n):
        sharing = np.flatnonzero((labels & labels[i]).any(axis=1) & (np.arange(n) != i))
        others = np.flatnonzero(~(labels & labels[i]).any(axis=1))
        for k in range(pairs_per_text):
            pool = sharing if (k % 2 == 0 and len(sharing)) or not len(others) else others
            if not len(pool):
                continue
            j = int(rng.choice(pool))
            union = (labels[i] | labels[j]).sum()
            pairs.append((i, j, float((labels[i] & labels[j]).sum() / union) if union else 1.0))
    return pairs


class ContrastiveAdapter:
    """A linear map W on frozen embeddings, fitted so that cos(W a, W b) follows the pairs' code overlap."""

    def __init__(self, config: FineTuneConfig) -> None:
        self.config = config
        self.matrix: np.ndarray | None = None

    def fit(self, vectors: np.ndarray, labels: np.ndarray) -> "ContrastiveAdapter":
        import torch

        torch.manual_seed(self.config.seed)
        rng = np.random.default_rng(self.config.seed)
        pairs = pair_targets(labels, self.config.pairs_per_text, rng)
        dim = vectors.shape[1]
        if not pairs:
            self.matrix = np.eye(dim, dtype=np.float32)
            return self
        left = torch.tensor(vectors[[i for i, _, _ in pairs]])
        right = torch.tensor(vectors[[j for _, j, _ in pairs]])
        target = torch.tensor([t for _, _, t in pairs], dtype=left.dtype)
        identity = torch.eye(dim, dtype=left.dtype)
        matrix = identity.clone().requires_grad_(True)
        optimiser = torch.optim.Adam([matrix], lr=self.config.adapter_learning_rate)
        for _ in range(self.config.adapter_steps):
            similarity = torch.nn.functional.cosine_similarity(left @ matrix.T, right @ matrix.T)
            # Held near the identity: with a few dozen reviews a free map would memorise them.
            loss = torch.nn.functional.mse_loss(similarity, target) + \
                self.config.adapter_decay * ((matrix - identity) ** 2).sum()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
        self.matrix = matrix.detach().numpy().astype(np.float32)
        return self

    def transform(self, vectors: np.ndarray) -> np.ndarray:
        if self.matrix is None:
            return vectors
        mapped = vectors @ self.matrix.T
        norms = np.linalg.norm(mapped, axis=1, keepdims=True)
        return (mapped / np.where(norms > 0, norms, 1)).astype(np.float32)


class AdaptedEmbedder(Embedder):
    """An embedder whose vectors pass through a fitted ContrastiveAdapter (same name: same base model)."""

    def __init__(self, base: Embedder, adapter: ContrastiveAdapter) -> None:  # noqa: D107 - no model reload
        self.base, self.adapter = base, adapter
        self.name, self.batch_size, self.dimension = base.name, base.batch_size, base.dimension

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.adapter.transform(self.base.encode(texts))

    def rows(self, texts: list[str]) -> list[np.ndarray]:
        return list(self.encode(texts))


class TunedEmbedder(Embedder):
    """A copy of an embedder's sentence model fine-tuned on labelled texts; encodes like any Embedder."""

    def __init__(self, base: Embedder, config: FineTuneConfig) -> None:  # noqa: D107 - no model reload
        from pipeline.embedding_backends.torch_backend import TorchBackend

        self.path, self._model = base.path, copy.deepcopy(base.model)
        self.backend = TorchBackend(self.model)  # the tuned weights change: never the base's ONNX graph
        self.name = base.name  # the trained coder's file names the model it was tuned from
        self.batch_size = base.batch_size
        self.dimension = base.dimension
        self.config = config
        self._cache: dict[str, np.ndarray] = {}

    def fit(self, texts: list[str], labels: np.ndarray) -> "TunedEmbedder":
        import torch

        torch.manual_seed(self.config.seed)
        rng = np.random.default_rng(self.config.seed)
        pairs = pair_targets(labels, self.config.pairs_per_text, rng)
        if len(pairs) > self.config.max_pairs:
            pairs = [pairs[k] for k in rng.choice(len(pairs), self.config.max_pairs, replace=False)]
        self.model.max_seq_length = self.config.max_seq_length
        self.model.train()
        optimiser = torch.optim.AdamW(self.model.parameters(), lr=self.config.learning_rate)
        size = self.config.batch_size
        for _ in range(self.config.epochs):
            order = rng.permutation(len(pairs))
            for start in range(0, len(order), size):
                batch = [pairs[k] for k in order[start:start + size]]
                left = self._embed([texts[i] for i, _, _ in batch])
                right = self._embed([texts[j] for _, j, _ in batch])
                target = torch.tensor([t for _, _, t in batch], dtype=left.dtype)
                loss = torch.nn.functional.mse_loss(torch.nn.functional.cosine_similarity(left, right), target)
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
        self.model.eval()
        self._cache.clear()
        return self

    def _embed(self, texts: list[str]):
        features = self.model.tokenize(texts)
        return self.model(dict(features))["sentence_embedding"]

    def save(self, folder: str | Path) -> Path:
        """The tuned model as a sentence-transformers folder (`[coding] embedding_model` can name it)."""
        folder = Path(folder)
        self.model.save(str(folder))
        return folder
