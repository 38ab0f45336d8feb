"""The `als` package layout: every command module imports alone (no cycle), both entry points
offer every command, and `als --help` loads no model library."""
from __future__ import annotations

import ast
import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLI_DIR = ROOT / "pipeline" / "cli"
MODULES = sorted(p.stem for p in CLI_DIR.glob("*.py") if p.stem not in ("__init__", "__main__"))
COMMANDS = ["run", "export", "audit", "redact", "synth", "keygen", "dashboard", "train", "evaluate", "topics", "recode", "review", "report",
            "import", "codebook"]
ENV = {"COLUMNS": "120", "PATH": ""}


def _python(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, env=ENV, timeout=120)


def _listed_commands(help_text: str) -> list[str]:
    """The command names in the Commands box of a rich --help screen, in order."""
    box = help_text[help_text.index("Commands"):]
    return re.findall(r"^│ ([a-z][a-z-]*) ", box, flags=re.MULTILINE)


def test_the_command_modules_are_the_expected_ones():
    assert {"common", "run", "export", "privacy", "dashboard", "coding", "topics", "review", "report"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_each_command_module_imports_alone_in_a_fresh_interpreter(module):
    result = _python("-c", f"import pipeline.cli.{module}")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("module", MODULES)
def test_command_modules_never_import_from_the_package_that_registers_them(module):
    # `from pipeline.cli import ...` in a command module works only while __init__ happens to
    # define the name before importing the module: a cycle waiting to happen. Shared things
    # come from pipeline.cli.common.
    tree = ast.parse((CLI_DIR / f"{module}.py").read_text())
    offenders = [node.lineno for node in ast.walk(tree)
                 if (isinstance(node, ast.ImportFrom) and node.module == "pipeline.cli")
                 or (isinstance(node, ast.Import) and any(a.name == "pipeline.cli" for a in node.names))]
    assert offenders == [], f"pipeline/cli/{module}.py imports pipeline.cli at line(s) {offenders}"


def test_python_dash_m_and_the_als_script_list_the_same_commands_all_of_them():
    dash_m = _python("-m", "pipeline.cli", "--help")
    assert dash_m.returncode == 0, dash_m.stderr
    script = Path(sys.executable).with_name("als")
    assert script.exists(), f"{script} is not installed (pip install -e .)"
    als = subprocess.run([str(script), "--help"], capture_output=True, text=True, cwd=ROOT, env=ENV, timeout=120)
    assert als.returncode == 0, als.stderr
    assert _listed_commands(dash_m.stdout) == COMMANDS
    assert _listed_commands(als.stdout) == COMMANDS


def test_the_als_entry_point_is_the_package_app():
    from pipeline.cli import app

    (entry,) = [e for e in importlib.metadata.entry_points(group="console_scripts") if e.name == "als"]
    assert entry.value == "pipeline.cli:app"
    assert entry.load() is app


def test_help_loads_no_model_library():
    probe = ("import sys\n"
             "from pipeline.cli import app\n"
             "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
             "heavy = ('spacy', 'torch', 'presidio_analyzer', 'sentence_transformers', 'sklearn', 'streamlit')\n"
             "print('loaded:', *(m for m in heavy if m in sys.modules))\n")
    result = _python("-c", probe)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "loaded:"


def test_the_dashboard_command_finds_the_dashboard_app():
    from pipeline.cli.dashboard import APP_PATH

    assert APP_PATH == ROOT / "dashboards" / "Overview.py" and APP_PATH.is_file()
