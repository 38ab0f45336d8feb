"""Two processes on one database: a second writer waits (bounded) then stops with one line; readers retry, then
say a run is writing. The other process is real: a subprocess holding DuckDB's write lock."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

import pipeline.store
from pipeline.cli import app
from pipeline.store import DatabaseBusy, Store
from tests.builders import write_inputs

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
HOLD = ("import sys, time, duckdb\n"
        "con = duckdb.connect(sys.argv[1])\n"
        "print('holding', flush=True)\n"
        "time.sleep(float(sys.argv[2]))\n")


@contextmanager
def write_lock_held(db: Path | str, seconds: float = 120):
    """Another process opens DB for writing and keeps it open for `seconds` (or until the block ends)."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        yield holder
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.wait()


def _said(result) -> str:
    return " ".join(result.output.split())  # the console wraps long lines


def test_a_second_writer_waits_and_goes_on_when_the_first_finishes(tmp_path, caplog):
    db = tmp_path / "als.duckdb"
    Store(db).close()
    with write_lock_held(db, seconds=2):
        started = time.monotonic()
        with caplog.at_level("WARNING", logger="pipeline.store"), Store(db, lock_wait_seconds=30) as store:
            waited = time.monotonic() - started
            assert store.known_sources() == set()
    waits = [r.getMessage() for r in caplog.records if "waiting for another run" in r.getMessage()]
    assert len(waits) == 1 and str(db) in waits[0]  # one line, however long the wait
    assert 1.0 < waited < 30


def test_a_second_writer_stops_after_lock_wait_seconds_with_one_clear_line(tmp_path, key_file):
    write_inputs(tmp_path / "in", xlsx=False)
    db = tmp_path / "als.duckdb"
    settings = tmp_path / "als.toml"
    settings.write_text("[store]\nlock_wait_seconds = 2\n\n[topics]\nenabled = false\n")
    with write_lock_held(db):
        result = runner.invoke(app, ["run", str(tmp_path / "in"), "--db", str(db), "--key-file", str(key_file),
                                     "--config", str(settings), "--no-coding"])
    said = _said(result)
    assert result.exit_code == 2, result.output
    assert said.count("waiting for another run to finish writing") == 1
    assert "Stopped: another process is still using" in said and "after 2 s" in said
    assert "Traceback" not in result.output and "IO Error" not in result.output
    assert not isinstance(result.exception, DatabaseBusy)


def test_lock_wait_seconds_is_a_store_setting():
    from pipeline.config import Config

    assert Config().store.lock_wait_seconds == 60
    assert Config.from_dict({"store": {"lock_wait_seconds": 5}}).store.lock_wait_seconds == 5


@pytest.fixture
def stored_db(small_db, monkeypatch) -> str:
    monkeypatch.setattr(pipeline.store, "READ_WAIT_SECONDS", 1.5)  # keep the suite quick; the default is 5 s
    return small_db


@pytest.mark.parametrize("command", [["export", "--format", "csv", "--out", "{out}"], ["audit"],
                                     ["review", "export", "--out", "{out}"]])
def test_readers_retry_then_say_a_run_is_writing(command, stored_db, tmp_path):
    args = [part.replace("{out}", str(tmp_path / "out.csv")) for part in command] + ["--db", stored_db]
    with write_lock_held(stored_db):
        started = time.monotonic()
        result = runner.invoke(app, args)
        waited = time.monotonic() - started
    assert result.exit_code == 2, result.output
    assert "a run is writing" in _said(result) and "Traceback" not in result.output
    assert waited >= 1.5  # it retried before giving up
    assert not (tmp_path / "out.csv").exists()


def test_a_reader_succeeds_when_the_run_finishes_within_its_retries(small_db, tmp_path):
    out = tmp_path / "out.jsonl"
    with write_lock_held(small_db, seconds=2) as holder:
        result = runner.invoke(app, ["export", "--db", small_db, "--out", str(out)])
        assert holder.poll() is not None  # the export waited for the writer to end
    assert result.exit_code == 0, result.output
    assert len(out.read_text().splitlines()) == 2


def test_a_command_opening_duckdb_itself_also_stops_with_one_line(small_db, tmp_path):
    # `als report` reads through its own connection: the app's guard turns the lock error into one line.
    with write_lock_held(small_db):
        done = subprocess.run([sys.executable, "-m", "pipeline.cli", "report", "lead-body", "--db", small_db,
                               "--out", str(tmp_path / "reports")], cwd=ROOT, capture_output=True, text=True,
                              timeout=300)
    assert done.returncode == 2, done.stderr
    assert "Stopped:" in done.stderr and "another process" in done.stderr
    assert "Traceback" not in done.stderr and "IO Error" not in done.stderr


def test_dashboard_page_says_a_run_is_writing(stored_db, monkeypatch):
    monkeypatch.setenv("ALS_DB", stored_db)
    with write_lock_held(stored_db):
        page = AppTest.from_file(str(ROOT / "dashboards" / "Overview.py"), default_timeout=60)
        page.run()
    assert not page.exception, page.exception
    assert any("A run is writing" in str(w.value) for w in page.warning)



def test_review_import_while_a_run_writes_stops_with_one_line_and_writes_nothing(stored_db, tmp_path):
    sheet = tmp_path / "review.csv"
    assert runner.invoke(app, ["review", "export", "--db", stored_db, "--out", str(sheet)]).exit_code == 0
    with write_lock_held(stored_db):
        result = runner.invoke(app, ["review", "import", str(sheet), "--db", stored_db])
    said = _said(result)
    assert result.exit_code == 2, result.output
    assert said.count("waiting for another run to finish writing") == 1 and "Stopped: a run is writing" in said
    assert "Traceback" not in result.output


def test_a_page_read_before_shows_its_last_figures_while_a_run_writes(stored_db, monkeypatch):
    monkeypatch.setenv("ALS_DB", stored_db)
    page = AppTest.from_file(str(ROOT / "dashboards" / "Overview.py"), default_timeout=60)
    page.run()
    shown = [m.value for m in page.metric]
    assert shown and not page.warning
    with write_lock_held(stored_db):
        later = time.time() + 5
        os.utime(stored_db, (later, later))  # the run's write changes the file: the cached answers are stale
        again = AppTest.from_file(str(ROOT / "dashboards" / "Overview.py"), default_timeout=60)
        again.run()
    assert not again.exception, again.exception
    assert [m.value for m in again.metric] == shown
    notices = [str(i.value) for i in again.info if "figures are from before" in str(i.value)]
    assert len(notices) == 1 and not again.warning


READ_DURING = ("import sys, duckdb\n"
               "con = duckdb.connect(sys.argv[1], read_only=True)\n"
               "print(con.execute('SELECT count(*) FROM documents').fetchone()[0])\n")


def test_the_database_can_be_read_while_a_run_anonymises_and_codes(small_db, tmp_path, config, anonymiser):
    from pipeline.run import run_pipeline

    write_inputs(tmp_path / "more", rows=[["S-3", "observer", "Set Z", "3", "2024-03-12", "Araminta Coldwell",
                                           "ac@ridgefold.org.uk", "Ridgefold Trust", "charity", "adults",
                                           "observer", "The room was cold."]], xlsx=False)
    read_at: dict[str, subprocess.CompletedProcess] = {}

    def progress(stage: str, total: int):
        if stage in ("Anonymising", "Segmenting", "Coding"):  # the run's slow part: nothing is locked yet
            read_at[stage] = subprocess.run([sys.executable, "-c", READ_DURING, small_db], capture_output=True,
                                            text=True, timeout=120)
        return lambda n=1: None

    summary = run_pipeline(tmp_path / "more", config, progress=progress, anonymiser=anonymiser)
    assert summary.documents_stored == 1
    assert set(read_at) == {"Anonymising", "Segmenting", "Coding"}
    assert all(done.returncode == 0 and done.stdout.strip() == "2" for done in read_at.values()), read_at
