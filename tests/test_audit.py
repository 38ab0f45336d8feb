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
    text = ("[M-804512] and [PERSON1] in D-12345678ABCD-0-1 (run R-20261123T091206-7808, O-123456, "
            "file F-0A1B2C3D4E5F.docx)")
    assert Auditor().scan_text("x", text) == []


def test_mask_keeps_only_the_first_letter():
    assert mask("Araminta") == "A******* (8 chars)"


def test_submission_ids_are_not_case_references(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text('{"source_ref": "SY-000123", "text": "fine", "segments": [{"text": "ring 07700 900417"}]}\n')
    assert [hit.kind for hit in Auditor().scan_file(export)] == ["PHONE"]


@pytest.mark.parametrize("table, column", [("documents", "source_ref"), ("documents", "member_code"),
                                           ("codings", "method"), ("segments", "segment_id")])
def test_an_email_planted_in_an_id_or_code_column_is_found(database, table, column):
    con = duckdb.connect(database)
    if table == "codings":
        con.execute("INSERT INTO codings (segment_id, code_id, method, status, run_id) "
                    "SELECT segment_id, 'process.roles', 'rule', 'suggested', 'R-x' FROM segments LIMIT 1")
    con.execute(f"UPDATE {table} SET {column} = {column} || ' q.vantreight@hollowmere.org.uk'")
    con.close()
    hits = Auditor().scan_database(database)
    assert {(h.where, h.kind) for h in hits} == {(f"{table}.{column}", "EMAIL")}


def test_a_phone_in_a_submission_id_is_found_but_the_id_itself_is_not(database):
    con = duckdb.connect(database)
    con.execute("UPDATE documents SET source_ref = 'SY-000123 07700 900417' WHERE source_ref = 'S-1'")
    con.close()
    assert [(h.where, h.kind) for h in Auditor().scan_database(database)] == [("documents.source_ref", "PHONE")]


def test_a_roster_name_split_by_a_zero_width_space_is_found():
    auditor = Auditor({"Araminta": ("ROSTER_NAME", False)})
    assert [h.kind for h in auditor.scan_text("segments.text", "then Ara\u200bminta said")] == ["ROSTER_NAME"]
    written_split = Auditor({"Ara\u00adminta": ("ROSTER_NAME", False)})  # the inputs' metadata has it split
    assert [h.kind for h in written_split.scan_text("segments.text", "then Araminta said")] == ["ROSTER_NAME"]


def test_without_inputs_the_audit_says_the_roster_was_not_checked(database):
    result = runner.invoke(app, ["audit", "--db", database])
    output = " ".join(result.output.split())
    assert result.exit_code == 0, result.output
    assert "Roster not checked" in output and "--inputs" in output
    assert "no roster names" in output


def test_keyed_digests_are_not_phone_numbers_but_what_is_next_to_them_is_found():
    digest = "07700900417" + "c" * 53  # a 64-hex keyed digest that happens to hold a phone-shaped run
    assert Auditor().scan_text("documents.source_sha256", f"{digest}\nH-0a1b2c3d4e5f") == []
    hits = Auditor().scan_text("documents.source_sha256", f"{digest} q.vantreight@hollowmere.org.uk")
    assert [h.kind for h in hits] == ["EMAIL"]
