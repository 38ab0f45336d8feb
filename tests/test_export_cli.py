"""What users run: `als --help`, `als run`, `als export` (JSONL per the data contract, CSV)."""
from __future__ import annotations

import csv
import json

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.export import export
from tests.builders import write_inputs

pytestmark = pytest.mark.slow
runner = CliRunner()


def test_help_lists_the_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "export", "keygen"):
        assert command in result.output


@pytest.fixture
def database(small_db):
    return small_db


def test_jsonl_export_has_the_contract_shape(database, tmp_path):
    out = tmp_path / "export.jsonl"
    assert export(database, "jsonl", out).count == 2
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    first = docs[0]
    for key in ("source_ref", "log_type", "set_id", "member_code", "org_type", "role", "text", "codes",
                "segments", "questions"):
        assert key in first
    assert first["source_ref"] == "S-1"
    assert first["codes"] == sorted({c for s in first["segments"] for c in s["codes"]})
    assert [s["paragraph_index"] for s in first["segments"]] == [0, 1]
    assert {"field_prompt", "paragraph_index", "text", "codes"} <= set(first["segments"][0])


def test_codes_union_ignores_rejected_codings(database, tmp_path):
    con = duckdb.connect(database)
    segment_id = con.execute("SELECT segment_id FROM segments ORDER BY segment_id LIMIT 1").fetchone()[0]
    con.execute("INSERT INTO codings (segment_id, code_id, method, confidence, status, run_id) VALUES "
                "(?, 'process.technology', 'rule', 0.9, 'suggested', 'R'), "
                "(?, 'process.logistics', 'rule', 0.4, 'rejected', 'R')", [segment_id, segment_id])
    con.close()
    out = tmp_path / "export.jsonl"
    export(database, "jsonl", out)
    codes = [json.loads(line)["codes"] for line in out.read_text().splitlines()]
    assert ["process.technology"] in codes and not any("process.logistics" in c for c in codes)


def test_csv_export_of_segments(database, tmp_path):
    out = tmp_path / "segments.csv"
    assert export(database, "csv", out).count == 3
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["field_prompt"] == "What hindered the set" and rows[0]["member_code"].startswith("M-")


def test_cli_run_then_export(tmp_path, key_file):
    write_inputs(tmp_path / "in", xlsx=False)
    db = tmp_path / "cli.duckdb"
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "--db", str(db), "--key-file", str(key_file)])
    assert result.exit_code == 0, result.output
    assert "documents stored" in result.output
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 0 and len(out.read_text().splitlines()) == 2


def test_cli_without_key_stops_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.delenv("ALS_PSEUDONYM_KEY", raising=False)
    monkeypatch.chdir(tmp_path)
    write_inputs(tmp_path / "in", xlsx=False)
    result = runner.invoke(app, ["run", "in", "--db", "x.duckdb"])
    assert result.exit_code == 3
    assert "Stopped before writing anything" in result.output
    assert not (tmp_path / "x.duckdb").exists()


def test_export_of_missing_database_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "does not exist" in " ".join(result.output.split())


def test_cli_without_presidio_stops_and_writes_nothing(tmp_path, key_file, monkeypatch):
    import sys

    for name in [m for m in sys.modules if m.startswith(("pipeline.anonymise", "pipeline.run"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "presidio_analyzer", None)  # makes `import presidio_analyzer` fail
    write_inputs(tmp_path / "in", xlsx=False)
    db = tmp_path / "x.duckdb"
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "--db", str(db), "--key-file", str(key_file)])
    assert result.exit_code == 3
    assert "presidio_analyzer is not installed" in " ".join(result.output.split())
    assert not db.exists()
