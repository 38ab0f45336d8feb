"""One database, one pseudonym key: a keyed fingerprint is stored, a second key is refused unless asked for."""
from __future__ import annotations

import copy

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.anonymise import KeyMismatch, Pseudonymiser, check_key
from pipeline.cli import app
from pipeline.queries.meta import KEY_FINGERPRINT, meta_value
from pipeline.run import run_pipeline
from tests.builders import TEST_KEY, all_text_in_db, write_inputs

OTHER_KEY = "another-key-fedcba9876543210-not-secret"


def fingerprint_in(db: str) -> str | None:
    with duckdb.connect(db, read_only=True) as con:
        return meta_value(con, KEY_FINGERPRINT)


def counts(db: str) -> tuple:
    with duckdb.connect(db, read_only=True) as con:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("runs", "documents", "segments", "ingest_issues", "meta"))


def test_the_fingerprint_is_keyed_stable_and_not_the_key():
    first, again, other = Pseudonymiser(TEST_KEY.encode()), Pseudonymiser(TEST_KEY.encode()), Pseudonymiser(
        OTHER_KEY.encode())
    assert first.key_fingerprint() == again.key_fingerprint() != other.key_fingerprint()
    assert TEST_KEY not in first.key_fingerprint()


def test_check_key_accepts_the_same_key_records_a_first_and_refuses_another():
    key, other = Pseudonymiser(TEST_KEY.encode()), Pseudonymiser(OTHER_KEY.encode())
    assert check_key(None, key) == key.key_fingerprint()
    assert check_key(key.key_fingerprint(), key) is None
    with pytest.raises(KeyMismatch, match="another pseudonym key"):
        check_key(key.key_fingerprint(), other)
    assert check_key(key.key_fingerprint(), other, new_key=True) == other.key_fingerprint()


@pytest.fixture
def other_key_anonymiser(anonymiser):
    """The session's anonymiser (same models) under a second key."""
    other = copy.copy(anonymiser)
    other.pseudonymiser = Pseudonymiser(OTHER_KEY.encode())
    return other


@pytest.mark.slow
def test_first_run_stores_the_fingerprint_never_the_key(small_db, anonymiser):
    assert fingerprint_in(small_db) == anonymiser.pseudonymiser.key_fingerprint()
    assert TEST_KEY not in all_text_in_db(small_db)


@pytest.mark.slow
def test_a_second_key_stops_before_writing(small_db, tmp_path, config, other_key_anonymiser):
    before = counts(small_db)
    write_inputs(tmp_path / "more", rows=[["S-3", "observer", "Set Z", "3", "2024-03-12", "Araminta Coldwell",
                                           "ac@ridgefold.org.uk", "Ridgefold Trust", "charity", "adults",
                                           "observer", "The room was cold."]], xlsx=False)
    with pytest.raises(KeyMismatch):
        run_pipeline(tmp_path / "more", config, anonymiser=other_key_anonymiser)
    assert counts(small_db) == before


@pytest.mark.slow
def test_new_key_changes_the_key_on_purpose_and_says_so(small_db, tmp_path, config, other_key_anonymiser):
    summary = run_pipeline(tmp_path / "in", config, anonymiser=other_key_anonymiser, new_key=True)
    assert fingerprint_in(small_db) == other_key_anonymiser.pseudonymiser.key_fingerprint()
    assert any(i.severity == "warning" and "--new-key" in i.message for i in summary.issues)
    run_pipeline(tmp_path / "in", config, anonymiser=other_key_anonymiser)  # now its key: no flag needed


@pytest.mark.slow
def test_a_database_from_before_fingerprints_adopts_the_key_and_says_so(small_db, tmp_path, config, anonymiser):
    with duckdb.connect(small_db) as con:
        con.execute("DELETE FROM meta")
    summary = run_pipeline(tmp_path / "in", config, anonymiser=anonymiser)
    assert fingerprint_in(small_db) == anonymiser.pseudonymiser.key_fingerprint()
    assert any(i.severity == "info" and "no key fingerprint" in i.message for i in summary.issues)


@pytest.fixture
def run_with_other_key(small_db, tmp_path, anonymiser):
    """`als run` of the small database's inputs under a second key, coding and topics off."""
    other_key = tmp_path / "other.key"
    other_key.write_text(OTHER_KEY)
    settings = tmp_path / "als.toml"
    settings.write_text("[coding]\nenabled = false\n[topics]\nenabled = false\n")
    return lambda *flags: CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--db", small_db, "--key-file",
                                                   str(other_key), "--config", str(settings), *flags])


@pytest.mark.slow
def test_cli_refuses_a_second_key_with_exit_3_and_one_line(small_db, run_with_other_key):
    before = counts(small_db)
    result = run_with_other_key()
    assert result.exit_code == 3, result.output
    lines = [line for line in result.output.splitlines() if "pseudonym key" in line or "Stopped" in line]
    assert "another pseudonym key" in " ".join(result.output.split()) and "--new-key" in result.output
    assert len([line for line in lines if "Stopped" in line]) == 1
    assert counts(small_db) == before
    assert OTHER_KEY not in result.output


@pytest.mark.slow
def test_cli_new_key_goes_ahead_and_records_the_new_key(small_db, run_with_other_key):
    result = run_with_other_key("--new-key")
    assert result.exit_code != 3, result.output
    assert fingerprint_in(small_db) == Pseudonymiser(OTHER_KEY.encode()).key_fingerprint()
