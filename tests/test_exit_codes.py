"""Exit codes: 0 all stored; 1 some inputs dropped or failed; 2 usage; 3 fail-closed. No traceback for any of them."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.builders import write_inputs

runner = CliRunner()
BROKEN_XLSX = b"PK\x03\x04 not really a workbook"


def _said(result) -> str:
    return " ".join(result.output.split())  # the console wraps long lines


def _no_traceback(result) -> bool:
    return "Traceback" not in result.output and (result.exception is None or isinstance(result.exception, SystemExit))


@pytest.fixture
def run_args(tmp_path, key_file):
    settings = tmp_path / "als.toml"
    settings.write_text("[topics]\nenabled = false\n")
    return lambda folder, db: ["run", str(folder), "--db", str(db), "--key-file", str(key_file),
                               "--config", str(settings), "--no-coding"]


def test_help_documents_the_exit_codes():
    for args in (["--help"], ["run", "--help"]):
        said = _said(runner.invoke(app, args))
        assert "Exit codes: 0 everything stored" in said and "3 stopped before writing" in said, args


def test_every_input_stored_exits_0_and_a_rerun_too(tmp_path, run_args):
    write_inputs(tmp_path / "in", xlsx=False)
    for _ in range(2):  # the second run finds everything already stored: still a success
        result = runner.invoke(app, run_args(tmp_path / "in", tmp_path / "als.duckdb"))
        assert result.exit_code == 0, result.output
        assert "als export" in _said(result)


def test_a_failed_input_exits_1_and_the_summary_names_it(tmp_path, run_args):
    write_inputs(tmp_path / "in", xlsx=False)
    (tmp_path / "in" / "broken.xlsx").write_bytes(BROKEN_XLSX)
    result = runner.invoke(app, run_args(tmp_path / "in", tmp_path / "als.duckdb"))
    said = _said(result)
    assert result.exit_code == 1, result.output
    assert "1 input(s) dropped or failed" in said and "broken.xlsx" in said.split("dropped or failed")[1]
    assert "als export" in said  # the good file was stored: it can be exported
    assert _no_traceback(result)


def test_a_run_where_every_input_failed_exits_1_and_suggests_no_export(tmp_path, run_args):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "broken.xlsx").write_bytes(BROKEN_XLSX)
    result = runner.invoke(app, run_args(tmp_path / "in", tmp_path / "als.duckdb"))
    said = _said(result)
    assert result.exit_code == 1, result.output
    assert "Nothing was stored" in said and "als export" not in said
    assert _no_traceback(result)


def test_an_empty_folder_stores_nothing_and_exits_1(tmp_path, run_args):
    (tmp_path / "in").mkdir()
    result = runner.invoke(app, run_args(tmp_path / "in", tmp_path / "als.duckdb"))
    assert result.exit_code == 1 and "Nothing was stored" in _said(result)


@pytest.mark.parametrize("args", [
    ["export", "--out", "{tmp}/o.jsonl"], ["review", "export", "--out", "{tmp}/r.csv"],
    ["review", "import", "{tmp}/r.csv"], ["topics"], ["audit"], ["train", "--db-only"],
])
def test_a_missing_database_is_one_line_and_exit_2(args, tmp_path):
    (tmp_path / "r.csv").write_text("segment_id,code_id,decision\n")
    missing = str(tmp_path / "none.duckdb")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    args = ["train", "--db", missing] if args == ["train", "--db-only"] else args + ["--db", missing]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "does not exist" in _said(result) and _no_traceback(result)
    assert not (tmp_path / "none.duckdb").exists()  # a read command never creates the database


@pytest.mark.parametrize("name, content, expected", [
    ("empty.csv", b"", "is empty"),
    ("corrupt.xlsx", BROKEN_XLSX, "cannot be read as an XLSX sheet"),
    ("random.xlsx", bytes(range(256)) * 8, "cannot be read as an XLSX sheet"),
    ("quoting.csv", b'segment_id,code_id,decision\n"unclosed,x,accept\n', "cannot be read as a CSV sheet"),
    ("missing.csv", None, "does not exist"),
])
def test_review_import_of_a_bad_sheet_is_a_clear_message_and_exit_2(name, content, expected, small_db, tmp_path):
    sheet = tmp_path / name
    if content is not None:
        sheet.write_bytes(content)
    result = runner.invoke(app, ["review", "import", str(sheet), "--db", small_db])
    assert result.exit_code == 2, result.output
    assert expected in _said(result) and _no_traceback(result)


def test_usage_errors_exit_2(tmp_path):
    assert runner.invoke(app, ["export", "--no-such-option"]).exit_code == 2
    assert runner.invoke(app, ["export", "--db", str(tmp_path / "x"), "--format", "xml",
                               "--out", str(tmp_path / "o")]).exit_code == 2
    result = runner.invoke(app, ["run", str(tmp_path / "no-such-folder"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code in (2, 3)  # 3 if no key is set up on this machine: fail-closed comes first
    key = tmp_path / "k.key"
    assert runner.invoke(app, ["keygen", "--out", str(key)]).exit_code == 0
    result = runner.invoke(app, ["keygen", "--out", str(key)])
    assert result.exit_code == 2 and _no_traceback(result)  # a key is never overwritten


def test_a_missing_input_folder_with_a_key_exits_2(tmp_path, run_args):
    result = runner.invoke(app, run_args(tmp_path / "no-such-folder", tmp_path / "x.duckdb"))
    assert result.exit_code == 2 and "does not exist" in _said(result) and _no_traceback(result)


def test_no_key_is_fail_closed_exit_3(tmp_path, monkeypatch):
    monkeypatch.delenv("ALS_PSEUDONYM_KEY", raising=False)
    monkeypatch.chdir(tmp_path)
    write_inputs(tmp_path / "in", xlsx=False)
    result = runner.invoke(app, ["run", "in", "--db", "x.duckdb"])
    assert result.exit_code == 3 and "Stopped before writing anything" in _said(result)
    assert not (tmp_path / "x.duckdb").exists()


def test_the_summary_prints_no_terminal_control_characters_from_file_names(tmp_path, run_args):
    write_inputs(tmp_path / "in", xlsx=False)
    (tmp_path / "in" / "bad\x1b]0;pwned\x07\x1b[31m\u202egpj.xlsx").write_bytes(BROKEN_XLSX)
    result = runner.invoke(app, run_args(tmp_path / "in", tmp_path / "als.duckdb"))
    assert result.exit_code == 1, result.output
    assert not any(c in result.output for c in "\x1b\x07\u202e"), repr(result.output)


def test_shown_writes_control_and_bidi_characters_out():
    from pipeline.cli.common import shown

    assert shown("a\x1b[31mb\u202ec[bold]") == "a\\x1b[31mb\\u202ec\\[bold]"
    assert shown("plain name.csv") == "plain name.csv"
