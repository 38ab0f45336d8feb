"""A run codes on a checked ONNX graph and anonymises with spaCy and Presidio without importing
PyTorch or transformers (seconds and hundreds of MB, in every spaCy worker too) or scikit-learn
(only fitting needs it), and the
packages stay importable afterwards for whatever needs them."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from pipeline.embeddings import Embedder
from pipeline.optional_dependencies import hidden
from tests.conftest import ROOT, SAMPLE_INPUTS

RUN_AND_REPORT_MODULES = """
import json, sys
from pathlib import Path
from pipeline.config import Config
from pipeline.run import run_pipeline

config = Config()
config.anonymise.key_file = sys.argv[1]
config.coding.model_cache = sys.argv[2]
config.store.db = sys.argv[3]
config.topics.enabled = False
summary = run_pipeline(Path(sys.argv[4]), config)
print(json.dumps({"stored": summary.documents_stored, "codings": summary.codings,
                  "torch": "torch" in sys.modules, "transformers": "transformers" in sys.modules,
                  "sentence_transformers": "sentence_transformers" in sys.modules,
                  "sklearn": "sklearn" in sys.modules}))
"""


def test_a_run_on_a_checked_graph_imports_neither_torch_nor_transformers(tmp_path, key_file):
    cache = tmp_path / "onnx"
    Embedder(backend="onnx", cache_dir=str(cache))  # exports and checks the graph (this process has torch)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("ALS_PSEUDONYM_KEY", None)
    result = subprocess.run([sys.executable, "-c", RUN_AND_REPORT_MODULES, str(key_file), str(cache),
                             str(tmp_path / "als.duckdb"), str(SAMPLE_INPUTS)],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["stored"] > 0 and report["codings"] > 0
    assert report == {**report, "torch": False, "transformers": False, "sentence_transformers": False,
                      "sklearn": False}  # only fitting a coder needs scikit-learn: 1.3 s of every run


def test_hidden_modules_import_again_after_the_block(tmp_path, monkeypatch):
    (tmp_path / "als_optional_probe.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with hidden("als_optional_probe", "json"):  # json is imported already: it stays as it is
        with pytest.raises(ImportError):
            import als_optional_probe  # noqa: F401
        assert sys.modules["json"] is json
    import als_optional_probe

    assert als_optional_probe.VALUE == 1
    monkeypatch.delitem(sys.modules, "als_optional_probe")
