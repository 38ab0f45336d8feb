"""The bundled sample programme: every log lands, and none of its planted personal data does."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.export import export
from pipeline.run import run_pipeline
from tests.conftest import all_text_in_db

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory, anonymise_config, anonymiser):
    from pipeline.config import Config

    config = Config(anonymise=anonymise_config)
    config.store.db = str(tmp_path_factory.mktemp("sample") / "sample.duckdb")
    summary = run_pipeline(SAMPLE, config, anonymiser=anonymiser)
    out = Path(config.store.db).with_name("export.jsonl")
    export(config.store.db, "jsonl", out)
    return summary, config.store.db, out


def test_every_sample_log_is_stored_once(sample_run):
    summary, _, export_path = sample_run
    assert summary.documents_stored == 37
    assert [i.severity for i in summary.issues].count("error") == 0
    docs = [json.loads(line) for line in export_path.read_text(encoding="utf-8").splitlines()]
    assert {d["set_id"] for d in docs} == {"Set A", "Set B"}
    assert {d["log_type"] for d in docs} == {"observer", "reflective", "preparation"}
    assert {d["meeting_number"] for d in docs} == {1, 2, 3, 4}


def test_no_planted_value_survives_in_database_or_export(sample_run):
    _, db, export_path = sample_run
    planted = json.loads((ROOT / "data" / "sample_planted_pii.json").read_text(encoding="utf-8"))
    haystacks = {"database": all_text_in_db(db), "export": export_path.read_text(encoding="utf-8")}
    leaks = [(where, item["type"], item["value"]) for item in planted for where, hay in haystacks.items()
             if re.search(rf"(?<!\w){re.escape(item['value'])}(?!\w)", hay, re.IGNORECASE)]
    assert leaks == []
