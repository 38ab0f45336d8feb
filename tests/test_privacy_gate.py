"""The CI privacy gate reads the scorer's figures and fails on each kind of regression."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("privacy_gate", ROOT / "scripts" / "privacy_gate.py")
gate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gate)

PASSING = """docs_gold: 74
pii_recall: 0.9961
pii_recall_by_type: {'ID': 1.0, 'PERSON': 0.9974}
non_pii_words_lost: 0.0119
metadata_identities_in_export: []
metadata_identities_in_db: []
"""


def test_good_figures_pass():
    assert gate.failures(gate.scores(PASSING)) == []


def test_each_regression_fails_without_printing_what_leaked():
    low = PASSING.replace("pii_recall: 0.9961", "pii_recall: 0.9901")
    leaked = PASSING.replace("metadata_identities_in_db: []", "metadata_identities_in_db: ['Zebedee Quarrington']")
    lossy = PASSING.replace("non_pii_words_lost: 0.0119", "non_pii_words_lost: 0.031")
    assert ["pii_recall 0.9901 is below 0.995"] == gate.failures(gate.scores(low))
    assert gate.failures(gate.scores(leaked)) == ["metadata_identities_in_db: 1 found"]
    assert gate.failures(gate.scores(lossy)) == ["non_pii_words_lost 0.031 is above 0.02"]
    assert gate.failures(gate.scores("")) != []  # no figures at all is a failure, not a pass


def test_no_corpus_skips_unless_required(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.argv", ["privacy_gate.py", "--corpus", str(tmp_path / "none")])
    monkeypatch.delenv("ALS_REQUIRE_PRIVACY_GATE", raising=False)
    assert gate.main() == 0 and "skipped" in capsys.readouterr().out
    monkeypatch.setenv("ALS_REQUIRE_PRIVACY_GATE", "1")
    assert gate.main() == 1
