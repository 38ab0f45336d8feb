"""`als review export` and `als review import`: review suggested codings in a spreadsheet."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from pipeline.cli.common import EXIT_USAGE, ConfigOption, console, load_config, require_database, stops_when_busy

commands = typer.Typer(help="Review suggested codings in a spreadsheet: export, fill in, import.",
                       no_args_is_help=True)


@commands.command("export")
def review_export(
    db: Path = typer.Option(..., help="DuckDB file written by `als run`."),
    out: Path = typer.Option(Path("review.xlsx"), help="Sheet to write: .xlsx or .csv."),
    strategy: Optional[str] = typer.Option(
        None, help="Only the suggestions whose review teaches the coder most, in that order: uncertain "
                   "(closest to the theme's threshold), disagree (the coders did not all suggest it) or random. "
                   "Uncertain and disagree take the themes with fewest reviews first. Default: every pending "
                   "suggestion in reading order."),
    n: int = typer.Option(100, "--n", min=1, help="How many suggestions to list with --strategy."),
    seed: Optional[int] = typer.Option(None, help="Seed of the random order (default: [review] seed)."),
    config: Optional[Path] = ConfigOption,
) -> None:
    """Write the suggested codings not yet reviewed, with an empty `decision` column.

    Text that a spreadsheet would run as a formula (starting = + - @, tab or CR) is written with a
    leading ' and XLSX cells are text cells; `als review import` removes that prefix again."""
    from pipeline.coding.review_sheet import export_sheet
    from pipeline.queries.active_review import STRATEGIES

    if strategy is not None and strategy not in STRATEGIES:
        console.print(f"[red]--strategy must be one of {', '.join(STRATEGIES)}, not {escape(strategy)!r}.[/]")
        raise typer.Exit(EXIT_USAGE)
    settings = load_config(config)
    require_database(db)
    with stops_when_busy():
        count = export_sheet(db, out, strategy, n if strategy else None,
                             settings.review.seed if seed is None else seed)
    console.print(f"Wrote {count} suggestions to [bold]{out}[/]. Fill `decision` with accept or reject; "
                  "add rows with a code_id and `add` for codes that were missed. Then `als review import`.")


@commands.command("import")
def review_import(
    sheet: Path = typer.Argument(..., help="The filled-in sheet (.xlsx or .csv)."),
    db: Path = typer.Option(..., help="DuckDB file to record the decisions in."),
) -> None:
    """Apply accept / reject / add decisions as human codings (suggestions are kept as history)."""
    from pipeline.coding.review_sheet import ReviewSheetError, database_keys, read_decisions
    from pipeline.provenance import new_run_id, package_versions
    from pipeline.store import RunRecord, Store

    require_database(db)
    with stops_when_busy():
        segments, codes = database_keys(db)
    try:
        result = read_decisions(sheet, segments, codes)
    except ReviewSheetError as error:
        console.print(f"[red]{escape(str(error))}[/]")
        raise typer.Exit(EXIT_USAGE) from None
    run = RunRecord(new_run_id(), "review import", dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
                    {"sheet": sheet.name}, package_versions(),
                    {"decisions": len(result.codings), "blank": result.skipped_blank})
    with stops_when_busy(), Store(db) as store:
        written = store.write_codings(run, result.codings)
    accepted = sum(c.status == "accepted" for c in result.codings)
    console.print(f"Recorded {written} decisions ({accepted} accepted or added, {written - accepted} rejected); "
                  f"{result.skipped_blank} rows left blank.")
    if written:
        console.print(f"Retrain on them with: [bold]als train --db {db}[/]")
