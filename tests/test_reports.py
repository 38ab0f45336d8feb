"""The two reports users hand on, made from the session's sample database: what they say, that they
say what the dashboard's queries say, and that they leak nothing."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Config
from pipeline.queries import overview, systemic, themes
from pipeline.queries.filters import Filters
from pipeline.queries.quotes import quote_candidates, vector_model
from pipeline.report import ReportError, build, make_report
from pipeline.report.document import Quote, Table
from pipeline.report.quotes import QuoteSelector

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
EVALUATOR_SECTIONS = ["Programme summary", "Themes by set", "Change over meetings", "Learning outcomes",
                      "Questions asked", "What the codebook did not foresee", "Quotes by theme", "Methods"]


@pytest.fixture(scope="module")
def made(sample_database, tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    config = Config()
    return {kind: make_report(kind, Path(sample_database.db), out, config) for kind in ("evaluator", "lead-body")}


def _built(db: str, kind: str, config: Config | None = None, filters: Filters | None = None):
    with duckdb.connect(db, read_only=True) as con:
        return build(kind, con, config or Config(), filters)


def _section(report, title: str):
    return next(s for s in report.sections if s.title == title)


def docx_text(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def html_text(path: Path) -> str:
    return re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))


def test_both_reports_are_written_in_both_formats_with_their_sections(made):
    assert made["evaluator"].sections == EVALUATOR_SECTIONS
    for result in made.values():
        assert sorted(p.suffix for p in result.paths) == [".docx", ".html"]
        assert all(p.stat().st_size > 10_000 for p in result.paths)
    html = made["evaluator"].paths[0].read_text(encoding="utf-8")
    assert all(f">{title}</h2>" in html for title in EVALUATOR_SECTIONS)
    docx = docx_text(next(p for p in made["evaluator"].paths if p.suffix == ".docx"))
    assert all(title in docx for title in EVALUATOR_SECTIONS)
    assert "Summary" in made["lead-body"].sections and "How to read this briefing" in made["lead-body"].sections


def test_html_is_self_contained(made):
    for result in made.values():
        html = next(p for p in result.paths if p.suffix == ".html").read_text(encoding="utf-8")
        assert html.count("<svg") >= 2  # charts inline
        external = re.findall(r"""(?:src|href)\s*=\s*["'](?:https?:)?//|url\(\s*["']?https?:|<script[^>]+src|<link[^>]+href""",
                              html, re.IGNORECASE)
        assert external == []


def test_no_personal_data_in_any_report_file(made, sample_database):
    from pipeline.audit import Auditor, roster_identities
    from pipeline.config import IngestConfig

    auditor = Auditor(roster_identities(ROOT / "data" / "sample", IngestConfig()))
    planted = json.loads((ROOT / "data" / "sample_planted_pii.json").read_text(encoding="utf-8"))
    for result in made.values():
        for path in result.paths:
            text = docx_text(path) if path.suffix == ".docx" else html_text(path)
            assert len(text) > 2000
            assert [str(hit) for hit in auditor.scan_text(path.name, text)] == []
            leaked = [p["value"] for p in planted if re.search(rf"(?<!\w){re.escape(p['value'])}(?!\w)", text)]
            assert leaked == []
            assert not re.search(r"\[(PERSON|ORG|LOCATION)\d+\]|\bM-[0-9A-F]{6}\b|\bO-[0-9A-F]{6}\b", text)


def test_counts_equal_the_dashboards_queries(sample_database):
    report = _built(sample_database.db, "evaluator")
    with duckdb.connect(sample_database.db, read_only=True) as con:
        summary = overview.programme_summary(con, Filters())
        by_set = themes.code_by_set(con, Filters(), "documents")
        codebook = dict(con.execute("SELECT code_id, name FROM codebook").fetchall())
    lead = _section(report, "Programme summary").blocks[0].text
    assert lead.startswith(f"{summary['documents']} logs from {summary['sets']} sets over {summary['meetings']} meetings")
    table = next(b for b in _section(report, "Themes by set").blocks if isinstance(b, Table)).frame
    for row in by_set.itertuples():
        shown = table.loc[table["Theme"] == codebook[row.code_id], row.set_id].iloc[0]
        assert shown == pytest.approx(row.share)


def test_lead_body_suppresses_small_cells_as_the_dashboard_does(sample_database):
    with duckdb.connect(sample_database.db, read_only=True) as con:
        k = int(systemic.challenge_summary(con, 1, systemic.SystemicRule(0.0, 1, 1))["organisations"].max())
        expected = systemic.challenge_summary(con, k, systemic.SystemicRule(0.0, 1, k))  # all but the largest < k
        codebook = dict(con.execute("SELECT code_id, name FROM codebook").fetchall())
    config = Config()
    config.dashboard.min_organisations = config.dashboard.systemic_min_organisations = k
    config.dashboard.systemic_min_share, config.dashboard.systemic_min_sets = 0.0, 1
    report = _built(sample_database.db, "lead-body", config)
    table = next(b for b in report.sections[0].blocks if isinstance(b, Table)).frame.set_index("Challenge")
    assert expected["suppressed"].any() and (~expected["suppressed"]).any()
    for row in expected.itertuples():
        shown = table.loc[codebook[row.code_id]]
        if row.suppressed:
            assert shown["Organisations"] == f"fewer than {k}" and shown["Logs"] == "–"
        else:
            assert shown["Organisations"] == f"{int(row.organisations):,}"
    flagged = {codebook[c] for c in expected.loc[expected["systemic"] & ~expected["suppressed"], "code_id"]}
    assert {s.title for s in report.sections[1:-1]} == flagged  # one section per systemic challenge only
    assert "O-" not in report.all_text()


def test_a_quote_never_comes_from_a_rejected_coding(sample_database, tmp_path):
    import datetime as dt

    from pipeline.records import Coding
    from pipeline.store import RunRecord, Store

    db = str(tmp_path / "reviewed.duckdb")
    shutil.copy(sample_database.db, db)
    code_id = "challenge.workload_wellbeing"
    selector = QuoteSelector(Config().report)
    with duckdb.connect(db, read_only=True) as con:
        first = selector.choose(quote_candidates(con, code_id, Filters(), vector_model(con)))
        name = con.execute("SELECT name FROM codebook WHERE code_id = ?", [code_id]).fetchone()[0]
    assert first
    run = RunRecord("R-TEST-REJECT", "review", dt.datetime(2024, 6, 1), {}, {}, {})
    with Store(db) as store:
        store.write_codings(run, [Coding(q.segment_id, code_id, "human", 1.0, "rejected") for q in first])
    report = _built(db, "evaluator")
    quoted = [b.text for s in _section(report, "Quotes by theme").subsections if s.title.startswith(name)
              for b in s.blocks if isinstance(b, Quote)]
    assert quoted and not set(quoted) & {q.text for q in first}


def test_filters_narrow_the_report(sample_database):
    report = _built(sample_database.db, "evaluator", filters=Filters(sets=["Set A"]))
    with duckdb.connect(sample_database.db, read_only=True) as con:
        summary = overview.programme_summary(con, Filters(sets=["Set A"]))
    assert summary["documents"] < 37
    assert _section(report, "Programme summary").blocks[0].text.startswith(f"{summary['documents']} logs from 1 set over")
    assert "Set B" not in report.all_text()


def test_nothing_is_written_when_the_audit_finds_personal_data(sample_database, tmp_path):
    db = str(tmp_path / "leaky.duckdb")
    shutil.copy(sample_database.db, db)
    with duckdb.connect(db) as con:  # a set named after someone's email reaches every table of the report
        con.execute("UPDATE documents SET set_id = 'jo.bloggs@example.org' WHERE set_id = 'Set A'")
    out = tmp_path / "out"
    with pytest.raises(ReportError, match="not written") as raised:
        make_report("evaluator", Path(db), out, Config())
    assert "jo.bloggs" not in str(raised.value)  # the message masks what it found
    assert not out.exists() or list(out.iterdir()) == []


def test_reports_are_made_when_some_or_no_paragraphs_have_vectors(sample_database, tmp_path):
    db = str(tmp_path / "novectors.duckdb")
    shutil.copy(sample_database.db, db)
    with duckdb.connect(db) as con:
        con.execute("DELETE FROM segment_embeddings WHERE segment_id IN "
                    "(SELECT segment_id FROM segment_embeddings ORDER BY segment_id LIMIT 10)")
    some = _built(db, "evaluator")
    with duckdb.connect(db) as con:
        con.execute("DELETE FROM segment_embeddings")
    none = _built(db, "evaluator")
    for report in (some, none):
        assert [b for s in _section(report, "Quotes by theme").subsections for b in s.blocks if isinstance(b, Quote)]


def test_set_names_shaped_like_case_references_do_not_block_a_report(sample_database, tmp_path):
    db = str(tmp_path / "named.duckdb")
    shutil.copy(sample_database.db, db)
    with duckdb.connect(db) as con:
        con.execute("UPDATE documents SET set_id = 'NW-104' WHERE set_id = 'Set A'")
    made = make_report("evaluator", Path(db), tmp_path / "out", Config(), formats=("html",))
    assert "NW-104" in made.paths[0].read_text(encoding="utf-8")


def test_cli_makes_a_report_and_refuses_bad_options(sample_database, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(app, ["report", "lead-body", "--db", sample_database.db, "--out", str(tmp_path),
                             "--format", "html"])
    assert ok.exit_code == 0, ok.output
    assert (tmp_path / "lead-body-briefing.html").exists() and not (tmp_path / "lead-body-briefing.docx").exists()
    missing = runner.invoke(app, ["report", "evaluator", "--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path)])
    assert missing.exit_code == 2 and "does not exist" in " ".join(missing.output.split())
    month = runner.invoke(app, ["report", "evaluator", "--db", sample_database.db, "--from", "March"])
    assert month.exit_code == 2 and "YYYY-MM" in month.output
