"""Serving beyond this machine with Streamlit's st.login: the settings are checked before serving, a
non-loopback address is allowed with them, and no page reads the database for a visitor not signed in."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

from pipeline.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
COOKIE_SECRET = "c" * 40  # invented; a real one is random
GOOD = f"""[auth]
redirect_uri = "https://dashboard.example.org/oauth2callback"
cookie_secret = "{COOKIE_SECRET}"
client_id = "als-insight"
client_secret = "not-a-real-client-secret-0123"
server_metadata_url = "https://login.example.org/.well-known/openid-configuration"
"""
PAGES = ["Overview.py", *(f"pages/{p.name}" for p in sorted((ROOT / "dashboards" / "pages").glob("*.py")))]


@pytest.fixture
def served(monkeypatch):
    calls = []
    monkeypatch.setattr("pipeline.cli.dashboard.serve", lambda command, env: calls.append((command, env)) or 0)
    return calls


def _said(result) -> str:
    return " ".join(result.output.split())


def test_sign_in_allows_a_remote_address_and_reaches_streamlit_and_the_pages(served, tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(GOOD)
    result = runner.invoke(app, ["dashboard", "--db", str(tmp_path / "x.duckdb"), "--address", "0.0.0.0",
                                 "--sign-in", str(secrets)])
    assert result.exit_code == 0, result.output
    command, env = served[0]
    assert command[command.index("--secrets.files") + 1] == str(secrets.resolve())
    assert env["ALS_SIGN_IN"] == "1"
    assert COOKIE_SECRET not in result.output and "not-a-real-client-secret" not in result.output


@pytest.mark.parametrize("content, said", [
    ("", "no [auth] table"),
    ("[auth]\nredirect_uri = 'https://x.example.org/oauth2callback'\n", "lacks: cookie_secret, client_id"),
    (GOOD.replace('client_secret = "not-a-real-client-secret-0123"\n', ""), "lacks: client_secret"),
    (GOOD.replace(COOKIE_SECRET, "short"), "cookie_secret is too short"),
    ("[auth\n", "not valid TOML"),
])
def test_incomplete_sign_in_settings_are_refused_naming_the_setting_not_its_value(content, said, served, tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(content)
    result = runner.invoke(app, ["dashboard", "--db", str(tmp_path / "x.duckdb"), "--address", "0.0.0.0",
                                 "--sign-in", str(secrets)])
    assert result.exit_code == 2 and said in _said(result) and not served
    assert "not-a-real-client-secret" not in result.output and "Traceback" not in result.output


def test_a_missing_sign_in_file_is_refused(served, tmp_path):
    result = runner.invoke(app, ["dashboard", "--db", str(tmp_path / "x.duckdb"), "--sign-in",
                                 str(tmp_path / "nope.toml")])
    assert result.exit_code == 2 and "do not exist" in _said(result) and not served


@pytest.mark.parametrize("page_file", PAGES)
def test_every_page_asks_for_sign_in_before_reading(page_file, small_db, monkeypatch):
    monkeypatch.setenv("ALS_DB", small_db)
    monkeypatch.setenv("ALS_SIGN_IN", "1")
    page = AppTest.from_file(str(ROOT / "dashboards" / page_file), default_timeout=60)
    page.run()
    assert not page.exception, page.exception
    assert [b.label for b in page.button] == ["Sign in"]
    assert not page.metric and not page.dataframe and not page.title  # nothing of the programme is shown
