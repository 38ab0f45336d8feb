"""The analysts' notebooks: they run on the sample database, count what the dashboard counts, never show an
organisation's code, and are committed without outputs."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from pipeline.config import Config
from pipeline.queries.systemic import SystemicRule, challenge_summary
from pipeline.queries.filters import Filters
from pipeline.queries.questions import question_types_by_meeting
from pipeline.queries.themes import code_by_set

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
WORKING_DIRECTORIES = {"repository root": ROOT, "notebooks/": NOTEBOOKS}
# Our own kernel name, so a `python3` kernelspec elsewhere on the machine cannot pick another interpreter.
KERNEL = "als-insight-tests"
# The notebook's own values, printed as one JSON line by a cell the test appends.
REPORT_CELL = {
    "01_themes.ipynb": 'import json\nprint(json.dumps({"logs": int(logs["logs"].sum()), '
                       '"shares": shares.to_dict(orient="records"), '
                       '"questions": question_types.to_dict(orient="records")}, default=str))',
    "02_systemic_challenges.ipynb": 'import json\nprint(json.dumps({"summary": json.loads(summary.to_json('
                                    'orient="records")), "by_set": json.loads(by_set.to_json(orient="records"))}))',
}


def stored_outputs(notebook: nbformat.NotebookNode) -> list[str]:
    """Where a committed notebook keeps results of a run: outputs or execution counts, by cell index."""
    return [f"cell {index}: {'outputs' if cell.get('outputs') else 'execution_count'}"
            for index, cell in enumerate(notebook.cells) if cell.cell_type == "code"
            and (cell.get("outputs") or cell.get("execution_count") is not None)]


def test_committed_notebooks_hold_no_outputs():
    # Outputs could carry text from whoever's database the notebook last ran on.
    notebooks = sorted(NOTEBOOKS.glob("*.ipynb"))
    assert [path.name for path in notebooks] == list(REPORT_CELL)
    found = {path.name: stored_outputs(nbformat.read(path, as_version=4)) for path in notebooks}
    assert found == {name: [] for name in found}


def test_the_output_check_sees_outputs():
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# title"),
                                               nbformat.v4.new_code_cell("1 + 1", execution_count=3),
                                               nbformat.v4.new_code_cell("print(2)")])
    notebook.cells[2].outputs = [nbformat.v4.new_output("stream", text="2\n")]
    assert stored_outputs(notebook) == ["cell 1: execution_count", "cell 2: outputs"]


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """This interpreter's kernel, installed under a temporary prefix that JUPYTER_PATH points at."""
    prefix = tmp_path_factory.mktemp("jupyter")
    subprocess.run([sys.executable, "-m", "ipykernel", "install", "--prefix", str(prefix), "--name", KERNEL],
                   check=True, capture_output=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter"))
        yield KERNEL


def execute(kernel: str, notebook: nbformat.NotebookNode, cwd: Path, db: str | None,
            allow_errors: bool = False) -> nbformat.NotebookNode:
    env = {name: value for name, value in os.environ.items() if name not in ("ALS_DB", "ALS_CONFIG")}
    if db is not None:
        env["ALS_DB"] = db
    client = NotebookClient(notebook, kernel_name=kernel, timeout=300, allow_errors=allow_errors,
                            resources={"metadata": {"path": str(cwd)}})
    client.execute(env=env)
    return notebook


def printed(notebook: nbformat.NotebookNode) -> str:
    """Everything the notebook showed: streams, rich outputs and errors, as one string."""
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.extend(str(value) for value in output.get("data", {}).values())
            parts.extend([output.get("evalue", "")] + output.get("traceback", []))
    return "\n".join(parts)


def last_json(notebook: nbformat.NotebookNode) -> dict:
    return json.loads(notebook.cells[-1].outputs[-1]["text"])


@pytest.fixture(scope="module")
def executed(kernel, sample_database):
    """Each notebook run once from each working directory, with the test's report cell appended."""
    runs = {}

    def run(name: str, where: str) -> nbformat.NotebookNode:
        if (name, where) not in runs:
            notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
            notebook.cells.append(nbformat.v4.new_code_cell(REPORT_CELL[name]))
            runs[name, where] = execute(kernel, notebook, WORKING_DIRECTORIES[where], sample_database.db)
        return runs[name, where]

    return run


def identity_codes(db: str) -> set[str]:
    with duckdb.connect(db, read_only=True) as con:
        rows = con.execute("SELECT DISTINCT org_code, member_code FROM documents").fetchall()
    return {code for row in rows for code in row if code}


@pytest.mark.slow
@pytest.mark.parametrize("where", WORKING_DIRECTORIES)
def test_themes_notebook_counts_what_the_dashboard_counts(executed, sample_database, where):
    values = last_json(executed("01_themes.ipynb", where))
    assert values["logs"] == 37
    ours = pd.DataFrame(values["shares"]).set_index(["code_id", "set_id"])
    with duckdb.connect(sample_database.db, read_only=True) as con:
        for unit in ("documents", "paragraphs"):
            dashboard = code_by_set(con, Filters(), unit).set_index(["code_id", "set_id"])
            assert sorted(ours.index) == sorted(dashboard.index) and len(dashboard) == 17 * 2
            mine = ours.loc[dashboard.index]
            assert mine[f"{unit}_coded"].tolist() == dashboard["coded"].tolist()
            assert mine[unit].tolist() == dashboard["units"].tolist()
            assert mine[f"{unit[:-1]}_share"].round(12).tolist() == dashboard["share"].round(12).tolist()
            assert dashboard["coded"].sum() > 0
        questions = question_types_by_meeting(con, Filters())
    shown = pd.DataFrame(values["questions"])
    assert shown[["meeting_number", "question_type", "questions"]].values.tolist() == \
        questions[["meeting_number", "question_type", "questions"]].values.tolist()
    assert shown["questions"].sum() == 72


@pytest.mark.slow
@pytest.mark.parametrize("where", WORKING_DIRECTORIES)
def test_systemic_notebook_shows_the_suppressed_summary(executed, sample_database, where):
    notebook = executed("02_systemic_challenges.ipynb", where)
    settings = Config().dashboard
    with duckdb.connect(sample_database.db, read_only=True) as con:
        expected = challenge_summary(con, settings.min_organisations, SystemicRule.from_config(settings))
    shown = pd.DataFrame(last_json(notebook)["summary"])
    assert shown["code_id"].tolist() == expected["code_id"].tolist()
    assert [None if pd.isna(n) else int(n) for n in shown["organisations"]] == \
        [None if pd.isna(n) else int(n) for n in expected["organisations"]]
    assert shown["systemic"].tolist() == expected["systemic"].tolist()
    assert shown["systemic"].any()
    # The sample's org-type breakdown has cells under k: the notebook must say so, not show them.
    assert f"suppressed (<{settings.min_organisations})" in printed(notebook)
    # Its own cut by set goes through the same rule: no count under k, and some suppressed.
    by_set = pd.DataFrame(last_json(notebook)["by_set"])
    assert by_set["suppressed"].any() and not by_set["suppressed"].all()
    assert by_set.loc[by_set["suppressed"], "organisations"].isna().all()
    assert (by_set.loc[~by_set["suppressed"], "organisations"] >= settings.min_organisations).all()


@pytest.mark.slow
@pytest.mark.parametrize("name", list(REPORT_CELL))
def test_notebooks_never_show_an_organisation_or_member_code(executed, sample_database, name):
    # Not beside a count, and not inside a quote either: quotes are shown with readable placeholders.
    codes = identity_codes(sample_database.db)
    assert {code[:2] for code in codes} == {"O-", "M-"}
    shown = printed(executed(name, "notebooks/"))
    assert sorted(code for code in codes if code in shown) == []


@pytest.mark.slow
@pytest.mark.parametrize("name", list(REPORT_CELL))
@pytest.mark.parametrize("where", WORKING_DIRECTORIES)
def test_without_als_db_a_notebook_reads_the_sample_under_the_root(kernel, name, where):
    """The default database is out/sample.duckdb under the repository root, from either directory."""
    setup = next(cell for cell in nbformat.read(NOTEBOOKS / name, as_version=4).cells if cell.cell_type == "code")
    notebook = nbformat.v4.new_notebook(cells=[setup, nbformat.v4.new_code_cell("print(DB.resolve())")])
    # The setup cell stops with a clear message when the sample was never made; DB is set either way.
    execute(kernel, notebook, WORKING_DIRECTORIES[where], db=None, allow_errors=True)
    assert notebook.cells[-1].outputs[-1]["text"].strip() == str(ROOT / "out" / "sample.duckdb")


@pytest.mark.slow
def test_a_notebook_on_a_missing_database_fails_with_the_fix(kernel, tmp_path):
    notebook = nbformat.read(NOTEBOOKS / "01_themes.ipynb", as_version=4)
    with pytest.raises(CellExecutionError, match="scripts/sample.sh"):
        execute(kernel, notebook, NOTEBOOKS, str(tmp_path / "none.duckdb"))
