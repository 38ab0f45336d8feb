"""SetFit-style contrastive learning from reviews (pipeline/coding/contrastive.py), on invented vectors."""
from __future__ import annotations

import numpy as np


def test_contrastive_pairs_follow_shared_codes_and_the_adapter_pulls_them_together():
    from pipeline.coding.contrastive import ContrastiveAdapter, pair_targets
    from pipeline.config import FineTuneConfig

    labels = np.array([[1, 0], [1, 0], [0, 1], [0, 1], [1, 1]])
    pairs = pair_targets(labels, 4, np.random.default_rng(0))
    assert all(t == (labels[i] & labels[j]).sum() / (labels[i] | labels[j]).sum() for i, j, t in pairs)
    assert any(t == 1.0 for _, _, t in pairs) and any(t == 0.0 for _, _, t in pairs)
    rng = np.random.default_rng(1)
    noise = rng.normal(0, 1, (5, 8))
    signal = np.outer(labels[:, 0] - labels[:, 1], np.eye(8)[0]) * 0.5
    vectors = (noise + signal).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    adapter = ContrastiveAdapter(FineTuneConfig(adapter_steps=200, adapter_learning_rate=1e-2)).fit(vectors, labels)
    before, after = vectors, adapter.transform(vectors)
    assert after[0] @ after[1] > before[0] @ before[1]  # the two first-code paragraphs, closer
    assert np.allclose(np.linalg.norm(after, axis=1), 1, atol=1e-5)
