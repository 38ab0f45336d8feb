"""The dashboard's guards: literal search, `--read-only`, no open bind without `--allow-remote`, no orphan Streamlit."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.errors import AppTestError
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.queries.filters import Filters
from pipeline.queries.themes import quotes

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def _set_texts(db: str, texts: list[str]) -> None:
    with duckdb.connect(db) as con:
        ids = [r[0] for r in con.execute("SELECT segment_id FROM segments ORDER BY segment_id").fetchall()]
        for segment_id, text in zip(ids, texts):
            con.execute("UPDATE segments SET text = ? WHERE segment_id = ?", [text, segment_id])


def test_quotes_search_matches_percent_and_underscore_literally(small_db):
    _set_texts(small_db, ["We were 100% sure of it.", "The file was called plan_b.", "Nothing special here."])
    with duckdb.connect(small_db, read_only=True) as con:
        found = {term: quotes(con, Filters(), search=term)["text"].tolist()
                 for term in ("%", "_", "100%", "plan_b", "pla__b", "\\", "special")}
    assert found["%"] == ["We were 100% sure of it."] and found["100%"] == found["%"]
    assert found["_"] == ["The file was called plan_b."] and found["plan_b"] == found["_"]
    assert found["pla__b"] == [] and found["\\"] == []
    assert found["special"] == ["Nothing special here."]


def test_review_page_read_only_shows_the_queue_and_writes_nothing(small_db, monkeypatch):
    monkeypatch.setenv("ALS_DB", small_db)
    monkeypatch.setenv("ALS_READ_ONLY", "1")
    page = AppTest.from_file(str(ROOT / "dashboards" / "pages" / "6_Review.py"), default_timeout=60)
    page.run()
    assert not page.exception, page.exception
    assert any("read-only" in str(note.value) for note in page.info)
    assert any("suggested by" in str(m.value) for m in page.markdown)  # the queue is shown
    for key in ("accept", "reject", "add"):
        assert page.button(key=key).disabled, key
    with pytest.raises(AppTestError):  # AppTest, like a browser, cannot press a disabled button
        page.button(key="reject").click()
    page.run()
    with duckdb.connect(small_db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM codings WHERE method = 'human'").fetchone()[0] == 0


def _said(result) -> str:
    return " ".join(result.output.split())  # the console wraps long lines


@pytest.fixture
def served(monkeypatch):
    """Replace Streamlit by a recorder of what `als dashboard` would start it with."""
    calls = []
    monkeypatch.setattr("pipeline.cli.dashboard.serve", lambda command, env: calls.append((command, env)) or 0)
    return calls


@pytest.mark.parametrize("address", ["0.0.0.0", "192.168.1.20", "::", "dashboard.example.org"])
def test_a_non_loopback_address_is_refused_without_allow_remote(address, served, tmp_path):
    result = runner.invoke(app, ["dashboard", "--db", str(tmp_path / "x.duckdb"), "--address", address])
    assert result.exit_code == 2 and "Refused to listen" in _said(result) and not served
    result = runner.invoke(app, ["dashboard", "--db", str(tmp_path / "x.duckdb"), "--address", address,
                                 "--allow-remote"])
    assert result.exit_code == 0 and "behind a reverse proxy" in _said(result) and len(served) == 1


@pytest.mark.parametrize("address", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_loopback_addresses_need_no_flag(address, served, tmp_path):
    result = runner.invoke(app, ["dashboard", "--db", str(tmp_path / "x.duckdb"), "--address", address])
    assert result.exit_code == 0 and len(served) == 1


def test_read_only_flag_reaches_the_pages(served, tmp_path):
    assert runner.invoke(app, ["dashboard", "--db", str(tmp_path / "x.duckdb"), "--read-only"]).exit_code == 0
    assert runner.invoke(app, ["dashboard", "--db", str(tmp_path / "x.duckdb")]).exit_code == 0
    assert served[0][1].get("ALS_READ_ONLY") == "1" and "ALS_READ_ONLY" not in served[1][1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_dashboard_ends_its_streamlit_child_on_a_signal(signum, tmp_path):
    import psutil

    port = _free_port()
    # A session of its own: the signal goes to `als dashboard` alone, as from a service manager or `kill`.
    parent = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "dashboard", "--db", str(tmp_path / "x.duckdb"),
                               "--port", str(port)], cwd=ROOT, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children = []
    try:
        deadline = time.monotonic() + 90
        while not _listening(port):
            assert parent.poll() is None and time.monotonic() < deadline, "the dashboard did not start"
            time.sleep(0.5)
        children = psutil.Process(parent.pid).children(recursive=True)
        assert children, "Streamlit should run as a child process"
        os.kill(parent.pid, signum)
        assert parent.wait(timeout=30) == 0
        gone, alive = psutil.wait_procs(children, timeout=15)
        assert not alive, f"left running: {[p.pid for p in alive]}"
        assert not _listening(port)
    finally:
        for process in [parent] + children:  # only what this test started
            if isinstance(process, subprocess.Popen) and process.poll() is None:
                process.kill()
            elif isinstance(process, psutil.Process) and process.is_running():
                process.kill()
