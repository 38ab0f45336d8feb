"""The analysis workbook and Parquet tables: the dashboard's numbers, small cells withheld, formula-safe,
and a workbook LibreOffice opens without repair."""
from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline.export import export
from pipeline.labels import CodeLabels
from pipeline.queries import facets
from pipeline.queries.codings import ACTIVE_CODINGS
from pipeline.queries.filters import Filters
from pipeline.queries.themes import code_by_set
from pipeline.tables import suppressed_text

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def workbook(sample_database, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("workbook") / "analysis.xlsx"
    export(sample_database.db, "xlsx", out, min_organisations=2)
    return out


def test_the_workbook_shows_the_dashboards_numbers(sample_database, workbook):
    """The themes-by-set sheet and the dashboard's heatmap (code_by_set) give the same counts and shares."""
    sheet = pd.read_excel(workbook, sheet_name="Themes by set")
    with duckdb.connect(sample_database.db, read_only=True) as con:
        heatmap = code_by_set(con, Filters(), "documents")
        codes = CodeLabels(facets.codebook(con))
    heatmap = heatmap.assign(Theme=heatmap["code_id"].map(codes.code)).set_index(["Theme", "set_id"])
    shown = sheet[sheet["Coded logs"] != suppressed_text(2)].set_index(["Theme", "Set"])
    assert len(shown) > 0
    for (theme, set_id), row in shown.iterrows():
        assert int(row["Coded logs"]) == heatmap.loc[(theme, set_id), "coded"]
        assert int(row["All logs"]) == heatmap.loc[(theme, set_id), "units"]
        assert float(row["Share of logs"]) == pytest.approx(heatmap.loc[(theme, set_id), "share"])


def test_small_cells_are_withheld_and_the_rule_is_stated(workbook):
    read_me = pd.read_excel(workbook, sheet_name="Read me")
    assert read_me["What it holds"].str.contains("fewer than 2 organisations").any()
    by_org_type = pd.read_excel(workbook, sheet_name="Themes by organisation type")
    withheld = by_org_type[by_org_type["Organisations"] == suppressed_text(2)]
    assert len(withheld) > 0  # the sample has organisation types with one organisation
    assert (withheld["Coded logs"] == suppressed_text(2)).all()


def test_co_occurrence_diagonal_counts_each_themes_paragraphs(sample_database, workbook):
    matrix = pd.read_excel(workbook, sheet_name="Co-occurrence, paragraphs").set_index("Theme")
    with duckdb.connect(sample_database.db, read_only=True) as con:
        per_code = dict(con.execute(f"SELECT code_id, count(DISTINCT segment_id) FROM ({ACTIVE_CODINGS}) a "
                                    "GROUP BY 1").fetchall())
        codes = CodeLabels(facets.codebook(con))
    assert list(matrix.index) == list(matrix.columns)  # square, the same order both ways
    for code_id, count in per_code.items():
        cell = matrix.loc[codes.code(code_id), codes.code(code_id)]
        assert cell == suppressed_text(2) or int(cell) == count


def test_parquet_holds_every_table_for_analysts(sample_database, tmp_path):
    folder = tmp_path / "tables"
    written = export(sample_database.db, "parquet", folder)
    assert written.count == len(list(folder.glob("*.parquet")))
    segments = pd.read_parquet(folder / "segments.parquet")
    with duckdb.connect(sample_database.db, read_only=True) as con:
        assert len(segments) == con.execute("SELECT count(*) FROM segments").fetchone()[0]
    assert not (folder / "meta.parquet").exists() and not (folder / "redacted_terms.parquet").exists()


def test_a_failed_export_leaves_nothing_behind(tmp_path):
    with pytest.raises(FileNotFoundError):
        export(tmp_path / "missing.duckdb", "xlsx", tmp_path / "out.xlsx")
    assert list(tmp_path.iterdir()) == []


def _libreoffice_calc() -> str | None:
    soffice = shutil.which("soffice")
    if not soffice:
        return None
    calc = list(Path("/usr/lib/libreoffice/program").glob("libsclo.so"))  # Calc's library: -calc-nogui
    return soffice if calc else None


@pytest.mark.skipif(_libreoffice_calc() is None, reason="LibreOffice Calc (libreoffice-calc-nogui) not installed")
def test_libreoffice_opens_the_workbook_and_a_sheet_reads_the_same(workbook, tmp_path):
    """Headless LibreOffice converts the themes-by-set sheet (the 2nd) to CSV: the same rows as pandas reads."""
    filter_options = "44,34,76,1,,0,false,true,false,false,false,2"
    subprocess.run([_libreoffice_calc(), "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", f"csv:Text - txt - csv (StarCalc):{filter_options}", "--outdir", str(tmp_path),
                    str(workbook)], check=True, capture_output=True, timeout=180)
    converted = next(tmp_path.glob("analysis*.csv"))
    with converted.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    expected = pd.read_excel(workbook, sheet_name="Themes by set")
    assert rows[0] == list(expected.columns)
    assert len(rows) - 1 == len(expected)
    assert [r[0] for r in rows[1:]] == expected["Theme"].tolist()
