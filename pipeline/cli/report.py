"""`als report evaluator` and `als report lead-body`: documents to hand on, made from the database."""
from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from pipeline.cli.common import ConfigOption, console, load_config

commands = typer.Typer(help="Make the evaluator's programme report or the lead body's briefing (HTML and DOCX).\n\n"
                            "Example: als report evaluator --db out/sample.duckdb --out out/reports --set 'Set A'",
                       no_args_is_help=True)

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
DbArgument = typer.Option(..., "--db", help="DuckDB file written by `als run`.")
OutOption = typer.Option(Path("reports"), "--out", help="Folder for the report files (created if missing).")
FormatOption = typer.Option("html,docx", "--format", "-f", help="html, docx or both (comma-separated).")
InputsOption = typer.Option(None, "--inputs", help="The raw input folder: the audit scan then also looks for "
                                                   "its authors, emails and organisations before writing.")


def _month(value: Optional[str], flag: str) -> Optional[str]:
    if value is not None and not MONTH.match(value):
        console.print(f"[red]{flag} takes a month as YYYY-MM (for example 2024-03), not {escape(value)}[/]")
        raise typer.Exit(2)
    return value


def _make(kind: str, db: Path, out: Path, formats: str, config: Optional[Path], filters, inputs: Optional[Path]):
    from pipeline.report import ReportError, make_report

    settings = load_config(config)
    identities = {}
    if inputs is not None:
        from pipeline.audit import roster_identities

        identities = roster_identities(inputs, settings.ingest)
    started = time.perf_counter()
    with console.status(f"Making the {kind} report from {escape(str(db))} (charts are rendered offline)..."):
        try:
            made = make_report(kind, db, out, settings, filters, tuple(f.strip() for f in formats.split(",") if f.strip()),
                               identities)
        except ReportError as error:
            console.print(f"[red]{escape(str(error))}[/]")
            raise typer.Exit(2) from None
    console.print(f"Made the {kind} report in {time.perf_counter() - started:.1f} s: "
                  f"{len(made.sections)} sections ({escape(', '.join(made.sections))}).")
    for path in made.paths:
        console.print(f"  [bold]{escape(str(path))}[/]")


@commands.command()
def evaluator(
    db: Path = DbArgument,
    out: Path = OutOption,
    sets: list[str] = typer.Option([], "--set", help="Only this set (repeatable); default every set."),
    month_from: Optional[str] = typer.Option(None, "--from", help="First meeting month, YYYY-MM."),
    month_to: Optional[str] = typer.Option(None, "--to", help="Last meeting month, YYYY-MM."),
    formats: str = FormatOption,
    inputs: Optional[Path] = InputsOption,
    config: Optional[Path] = ConfigOption,
) -> None:
    """The evaluator's programme report: summary, themes by set, change over meetings, learning outcomes,
    questions, unforeseen topics, quotes by theme and a methods appendix."""
    from pipeline.queries.filters import Filters

    filters = Filters(sets=list(sets), month_from=_month(month_from, "--from"), month_to=_month(month_to, "--to"))
    _make("evaluator", db, out, formats, config, filters, inputs)


@commands.command("lead-body")
def lead_body(
    db: Path = DbArgument,
    out: Path = OutOption,
    formats: str = FormatOption,
    inputs: Optional[Path] = InputsOption,
    config: Optional[Path] = ConfigOption,
) -> None:
    """The lead body's briefing on challenges raised across many organisations, small cells suppressed."""
    _make("lead-body", db, out, formats, config, None, inputs)
