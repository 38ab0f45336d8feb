"""Every dashboard page rendered with Streamlit's AppTest against the session's sample database."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from pipeline.queries.systemic import SystemicRule, challenge_summary

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
PAGES = ["Overview.py"] + sorted(f"pages/{p.name}" for p in (ROOT / "dashboards" / "pages").glob("*.py"))


@pytest.fixture(scope="module")
def dashboard_db(sample_database) -> str:
    """The session's sample database (coded, with topics); tests that write copy it first."""
    return sample_database.db


def page(path: str, db: str, monkeypatch) -> AppTest:
    monkeypatch.setenv("ALS_DB", db)
    app = AppTest.from_file(str(ROOT / "dashboards" / path), default_timeout=60)
    app.run()
    assert not app.exception, app.exception
    return app


def shown_text(app: AppTest) -> str:
    parts = [str(e.value) for e in app.markdown] + [str(e.value) for e in app.caption]
    parts += [str(e.value) for e in app.info] + [str(e.value) for e in app.success]
    parts += [e.value.to_csv() for e in app.dataframe]
    return "\n".join(parts)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_without_error_or_logged_warning(path, dashboard_db, monkeypatch, caplog):
    # Streamlit logs what it had to work around (a column of numbers and words it could not convert
    # for the browser, a deprecated argument) instead of failing: each is a page a reader sees wrong.
    with caplog.at_level("WARNING"):
        app = page(path, dashboard_db, monkeypatch)
    logged = [f"{r.name}: {r.getMessage()[:200]}" for r in caplog.records
              if r.levelno >= 30 and "missing ScriptRunContext" not in r.getMessage()]
    assert logged == []
    # What a reader sees is in words: themes by name, columns with human headers.
    with duckdb.connect(dashboard_db, read_only=True) as con:
        code_ids = [code for (code,) in con.execute("SELECT code_id FROM codebook").fetchall()]
    visible = shown_text(app) + "\n".join(str(e.value) for e in app.subheader)
    assert [code for code in code_ids if code in visible] == []
    headers = [str(column) for frame in app.dataframe for column in frame.value.columns]
    assert [h for h in headers if re.fullmatch(r"[a-z]+(?:_[a-z]+)*", h)] == []
    assert [h for h in headers if re.search(r"\bids?\b", h, re.IGNORECASE)] == []  # "Code id": names are shown


def test_overview_shows_the_counts(dashboard_db, monkeypatch):
    app = page("Overview.py", dashboard_db, monkeypatch)
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Documents"] == "37"
    con = duckdb.connect(dashboard_db, read_only=True)
    sets = con.execute("SELECT count(DISTINCT set_id) FROM documents").fetchone()[0]
    con.close()
    assert metrics["Sets"] == str(sets)


def test_lead_body_page_suppresses_small_cells(dashboard_db, monkeypatch, tmp_path):
    con = duckdb.connect(dashboard_db, read_only=True)
    raised_by = challenge_summary(con, 1, SystemicRule(0.0, 1, 1))["organisations"]
    # k from the data: the most organisations any challenge has, so that the others fall under it.
    k = int(raised_by.max())
    summary = challenge_summary(con, k, SystemicRule(0.0, 1, k))
    con.close()
    suppressed = summary[summary["suppressed"]]["code_id"].tolist()
    assert suppressed, f"the sample should hold a challenge raised by fewer than {k} organisations"
    settings = tmp_path / "als.toml"
    settings.write_text(f"[dashboard]\nmin_organisations = {k}\nsystemic_min_organisations = {k}\n"
                        "systemic_min_share = 0.0\nsystemic_min_sets = 1\n")
    monkeypatch.setenv("ALS_CONFIG", str(settings))
    app = page("pages/4_Systemic_challenges.py", dashboard_db, monkeypatch)
    table = app.dataframe[0].value.set_index("Challenge")  # challenges by name, as readers see them
    names = dict(zip(summary["code_id"], summary["name"]))
    for code in suppressed:
        assert table.loc[names[code], "Organisations"] == f"fewer than {k}"
    flagged = summary[summary["systemic"]]["code_id"].tolist()
    assert flagged and all(table.loc[names[code], "Systemic"] == "Yes" for code in flagged)


def test_review_accept_writes_a_human_coding(dashboard_db, monkeypatch, tmp_path):
    import shutil

    db = str(tmp_path / "review.duckdb")
    shutil.copy(dashboard_db, db)
    app = page("pages/6_Review.py", db, monkeypatch)
    app.button(key="reject").click().run()
    assert not app.exception
    con = duckdb.connect(db, read_only=True)
    decided = con.execute("SELECT status, count(*) FROM codings WHERE method = 'human' GROUP BY ALL").fetchall()
    con.close()
    assert decided == [("rejected", 1)]


def test_review_shows_the_codes_meaning_and_examples_and_takes_keys(dashboard_db, monkeypatch):
    app = page("pages/6_Review.py", dashboard_db, monkeypatch)
    with duckdb.connect(dashboard_db, read_only=True) as con:
        stored = {code: (definition, list(examples)) for code, definition, examples in con.execute(
            "SELECT code_id, definition, include_examples FROM codebook").fetchall()}
    suggested = next(code for code, (definition, _) in stored.items()
                     if app.markdown[0].value.startswith(f"**{theme_name(dashboard_db, code)}**"))
    definition, examples = stored[suggested]
    assert any(definition.strip() in str(c.value) for c in app.caption)
    assert examples and any(examples[0] in str(m.value) for m in app.expander[0].markdown)
    assert {b.key: b.proto.shortcut.upper() for b in app.button if b.key in ("accept", "reject", "skip")} == \
        {"accept": "Y", "reject": "N", "skip": "S"}


def theme_name(db: str, code_id: str) -> str:
    from pipeline.labels import CodeLabels
    from pipeline.queries.facets import codebook

    with duckdb.connect(db, read_only=True) as con:
        return CodeLabels(codebook(con)).code(code_id)


def test_empty_or_missing_database_says_what_fills_it(tmp_path, monkeypatch):
    for path in PAGES:
        app = page(path, str(tmp_path / "none.duckdb"), monkeypatch)
        assert any("als run" in str(i.value) for i in app.info), path


def test_no_page_shows_personal_data_the_audit_would_find(dashboard_db, monkeypatch):
    import json

    planted = json.loads((ROOT / "data" / "sample_planted_pii.json").read_text(encoding="utf-8"))
    text = "\n".join(shown_text(page(path, dashboard_db, monkeypatch)) for path in PAGES)
    assert len(text) > 2000  # the pages did show the logs' text
    leaked = [entry["value"] for entry in planted if entry["value"].casefold() in text.casefold()]
    assert leaked == []
    from pipeline.audit import Auditor, roster_identities
    from pipeline.config import IngestConfig

    auditor = Auditor(roster_identities(ROOT / "data" / "sample", IngestConfig()))
    assert [str(hit) for hit in auditor.scan_text("dashboard pages", text)] == []



def test_quotes_are_readable_cards_and_the_download_holds_exactly_the_filtered_quotes(dashboard_db, monkeypatch):
    import io

    from pipeline.labels import CodeLabels
    from pipeline.queries.facets import codebook
    from pipeline.queries.filters import Filters
    from pipeline.queries.themes import quotes

    app = page("pages/3_Quotes.py", dashboard_db, monkeypatch)
    with duckdb.connect(dashboard_db, read_only=True) as con:
        code_id = con.execute("SELECT code_id FROM codings GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        expected = quotes(con, Filters(), code_id, None, "", 500)
        labels = CodeLabels(codebook(con))
    app.selectbox[0].select(code_id).run()
    assert not app.exception
    caption = next(c.value for c in app.caption if "quotes" in c.value)
    assert caption.startswith(f"{len(expected)} quotes")
    cards = [m.value for m in app.markdown if not m.value.startswith("**")]
    assert cards and not any(re.search(r"\[(PERSON|ORG|LOCATION)\d+\]|M-[0-9A-F]{6}", c) for c in cards)
    assert any(labels.code(code_id) in c.value for c in app.caption)  # themes by name, not id
    download = next(b for b in app.get("download_button") if "CSV" in b.proto.label)
    assert f"these {len(expected)} quotes" in download.proto.label


def test_review_page_queues_by_the_picked_strategy_and_shows_trust_per_theme(tmp_path, monkeypatch):
    from tests.builders import ISOLATION, LOGISTICS, ROLES, review_database

    db = str(tmp_path / "review.duckdb")
    review_database(db, [(0, ROLES, "model", 0.95), (1, LOGISTICS, "model", 0.9), (1, ISOLATION, "topic", 0.42),
                         (2, ROLES, "model", 0.51)],
                    decisions=[(3, LOGISTICS, "accepted"), (4, LOGISTICS, "rejected"), (5, LOGISTICS, "accepted")])
    app = page("pages/6_Review.py", db, monkeypatch)
    roles, isolation = theme_name(db, ROLES), theme_name(db, ISOLATION)
    order = app.selectbox[0]
    assert order.label == "Order" and order.value == "uncertain"
    assert app.markdown[0].value.startswith(f"**{roles}**")  # 0.51: nearest the threshold
    order.set_value("disagree").run()
    assert not app.exception
    assert app.markdown[0].value.startswith(f"**{isolation}**")  # the topics suggested it, the coder did not
    table = app.dataframe[0].value.set_index("Theme")
    assert table.loc[theme_name(db, LOGISTICS), "Agreement"] == "too few reviews (n=3)"
    assert table.loc[roles, "Agreement"] == "too few reviews (n=0)"
    assert "fewer than 10 reviews" in shown_text(app)


def test_review_page_says_when_no_coder_disagrees(tmp_path, monkeypatch):
    from tests.builders import LOGISTICS, ROLES, review_database

    db = str(tmp_path / "review.duckdb")
    review_database(db, [(0, ROLES, "model", 0.95), (1, LOGISTICS, "model", 0.6)])
    app = page("pages/6_Review.py", db, monkeypatch)
    app.selectbox[0].set_value("disagree").run()
    assert "the least certain come first" in shown_text(app)
    assert app.markdown[0].value.startswith(f"**{theme_name(db, LOGISTICS)}**")
