"""Re-runs on inputs the database already holds: skipped before anything is loaded or anonymised."""
from __future__ import annotations

import pytest

from tests.builders import write_inputs


def test_a_rerun_on_unchanged_inputs_loads_no_model_and_stores_nothing_twice(tmp_path, config, monkeypatch):
    import pipeline.run as run_module
    from pipeline.queries.overview import last_run_summary
    from pipeline.store import connect

    write_inputs(tmp_path / "in", xlsx=False)
    first = run_module.run_pipeline(tmp_path / "in", config)
    assert first.documents_stored == 2 and first.stage_seconds["anonymise"] > 0

    def no_model(*_args, **_kwargs):
        raise AssertionError("a model was loaded for inputs that are all stored")

    monkeypatch.setattr(run_module, "build_anonymiser", no_model)
    monkeypatch.setattr(run_module, "build_coding_stage", no_model)
    again = run_module.run_pipeline(tmp_path / "in", config)
    assert (again.documents_stored, again.already_stored, again.segments) == (0, 2, 0)
    with connect(config.store.db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
        assert set(last_run_summary(con)["stage_seconds"]) == {"ingest", "load", "anonymise", "segment", "store"}


def test_a_new_input_beside_stored_ones_still_needs_the_models(tmp_path, config, monkeypatch):
    import pipeline.run as run_module
    from pipeline.anonymise import AnonymiserUnavailable

    write_inputs(tmp_path / "in", xlsx=False)
    run_module.run_pipeline(tmp_path / "in", config)
    (tmp_path / "in" / "late.md").write_text("# Reflective log\n\n## What I learned\n\nA new paragraph.\n",
                                            encoding="utf-8")

    def unavailable(*_args, **_kwargs):
        raise AnonymiserUnavailable("spaCy model missing")

    monkeypatch.setattr(run_module, "build_anonymiser", unavailable)
    with pytest.raises(AnonymiserUnavailable):
        run_module.run_pipeline(tmp_path / "in", config)
