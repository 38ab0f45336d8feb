"""The sentence model run by ONNX Runtime gives PyTorch's vectors, and a bad graph is never trusted."""
from __future__ import annotations

import json
import sys

import numpy as np
import pytest

from pipeline.config import CodingConfig, ConfigError
from pipeline.embedding_backends import BackendUnavailable, build_backend
from pipeline.embedding_backends.onnx_backend import OnnxBackend, _fingerprint
from pipeline.embeddings import Embedder, EmbedderUnavailable, model_path

SENTENCES = [
    "The presenter brought a case about a newly qualified worker struggling with their caseload.",
    "We ran out of time.",
    "Questions helped me see the assessment from the learner's side, and I will try a different approach "
    "to feedback at our next supervision, starting with what went well before moving on to the gaps.",
    "",
]


@pytest.fixture(scope="session")
def torch_embedder():
    return Embedder(backend="torch")


@pytest.fixture(scope="session")
def onnx_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("onnx-cache")


def test_onnx_vectors_are_the_torch_vectors(torch_embedder, onnx_cache):
    onnx = Embedder(backend="onnx", cache_dir=str(onnx_cache))
    assert onnx.backend.name == "onnx" and list(onnx_cache.glob("*.onnx"))
    expected, got = torch_embedder.encode(SENTENCES), onnx.encode(SENTENCES)
    assert got.shape == expected.shape == (len(SENTENCES), 384) and got.dtype == np.float32
    assert (got * expected).sum(axis=1).min() > 0.9999
    np.testing.assert_allclose(np.linalg.norm(got[:3], axis=1), 1.0, atol=1e-5)
    # The order of the texts is kept though the backend sorts them by length.
    assert (onnx.encode(SENTENCES[::-1])[0] * expected[-1]).sum() > 0.9999


def test_a_damaged_graph_is_refused_and_removed_then_auto_runs_torch(torch_embedder, tmp_path):
    graph = tmp_path / f"{_fingerprint(model_path())}.onnx"
    graph.write_bytes(b"not an onnx graph")
    with pytest.raises(BackendUnavailable, match="cannot load the ONNX graph"):
        OnnxBackend(model_path(), lambda: torch_embedder.model, str(tmp_path))
    assert not graph.exists()  # the next run exports a good one instead of failing again
    graph.write_bytes(b"not an onnx graph")
    assert build_backend("auto", lambda: torch_embedder.model, model_path(), str(tmp_path)).name == "torch"


def test_a_checked_graph_runs_without_the_model_and_a_changed_one_is_checked_again(torch_embedder, onnx_cache):
    Embedder(backend="onnx", cache_dir=str(onnx_cache))  # exported and checked against the model (or was)
    graph = onnx_cache / f"{_fingerprint(model_path())}.onnx"
    checked = graph.with_suffix(".checked.json")
    assert checked.exists()

    def no_model():
        raise AssertionError("a checked graph must not need the sentence-transformers model")

    lean = OnnxBackend(model_path(), no_model, str(onnx_cache))
    expected = torch_embedder.encode(SENTENCES)
    assert (lean.encode(SENTENCES, batch_size=2) * expected).sum(axis=1).min() > 0.9999
    # A record whose vectors the graph no longer gives: the graph is checked against the model again.
    record = json.loads(checked.read_text(encoding="utf-8"))
    record["vectors"] = (-np.asarray(record["vectors"])).tolist()
    checked.write_text(json.dumps(record), encoding="utf-8")
    loads = []
    OnnxBackend(model_path(), lambda: loads.append(1) or torch_embedder.model, str(onnx_cache))
    assert loads and json.loads(checked.read_text(encoding="utf-8"))["vectors"] != record["vectors"]


def test_the_tokenizer_file_splits_as_sentence_transformers_does(torch_embedder, onnx_cache):
    lean = Embedder(backend="onnx", cache_dir=str(onnx_cache)).backend
    texts = [*SENTENCES, "  spaces around  ", "\n\nnew\nlines\t", "Caf\u00e9 \u201cquoted\u201d \u2013 na\u00efve",
             "word " * 400, "[PERSON1] met [ORG2] on [DATE1]."]
    ids, mask = lean._tokens(texts)
    expected = torch_embedder.model.preprocess(texts)
    np.testing.assert_array_equal(ids, expected["input_ids"].numpy())
    np.testing.assert_array_equal(mask, expected["attention_mask"].numpy())


def test_without_onnxruntime_onnx_stops_with_its_name_and_auto_runs_torch(torch_embedder, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails as if not installed
    with pytest.raises(EmbedderUnavailable, match="onnxruntime is not installed"):
        Embedder(backend="onnx", cache_dir=str(tmp_path))
    assert build_backend("auto", lambda: torch_embedder.model, model_path(), str(tmp_path)).name == "torch"
    assert not list(tmp_path.iterdir())


def test_an_unknown_backend_is_a_config_error():
    with pytest.raises(ConfigError, match="embedding_backend must be one of auto, onnx, torch"):
        CodingConfig(embedding_backend="tensorflow")
