"""`als audit`: a clean database passes; planted leaks are found, reported masked, and fail the run."""
from __future__ import annotations

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.audit import Auditor, mask
from pipeline.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture
def database(small_db):
    return small_db


def test_clean_database_passes(database, tmp_path):
    result = runner.invoke(app, ["audit", "--db", database, "--inputs", str(tmp_path / "in")])
    assert result.exit_code == 0, result.output
    assert "No personal data found" in result.output


def test_leaks_are_found_masked_and_fail(database, tmp_path):
    con = duckdb.connect(database)
    con.execute("UPDATE segments SET text = text || ' Araminta said ring 07700 900417 or jo@fernhill.org.uk, '"
                "|| 'NHS 943 476 5919.' WHERE paragraph_index = 0")
    con.close()
    result = runner.invoke(app, ["audit", "--db", database, "--inputs", str(tmp_path / "in")])
    output = " ".join(result.output.split())
    assert result.exit_code == 1
    for kind in ("PHONE", "EMAIL", "NHS", "ROSTER_NAME"):
        assert kind in output
    for raw in ("07700 900417", "jo@fernhill.org.uk", "943 476 5919", "Araminta"):
        assert raw not in output


def test_export_files_are_scanned(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text('{"text": "Call QQ 12 34 56 C about case CF-204817 at LS6 2QT"}\n')
    kinds = {hit.kind for hit in Auditor().scan_file(export)}
    assert {"NINO", "CASE_REF", "POSTCODE"} <= kinds


def test_our_own_codes_are_not_hits():
    text = "[M-804512] and [PERSON1] in D-12345678ABCD-0-1 (run R-20261123T091206-7808, O-123456)"
    assert Auditor().scan_text("x", text) == []


def test_mask_keeps_only_the_first_letter():
    assert mask("Araminta") == "A******* (8 chars)"


def test_submission_ids_are_not_case_references(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text('{"source_ref": "SY-000123", "text": "fine", "segments": [{"text": "ring 07700 900417"}]}\n')
    assert [hit.kind for hit in Auditor().scan_file(export)] == ["PHONE"]
