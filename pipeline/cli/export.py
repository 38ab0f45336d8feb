"""`als export`: the programme for other tools (JSONL, CSV, REFI-QDA .qdpx, XLSX workbook, Parquet)."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from pipeline.cli.common import EXIT_USAGE, ConfigOption, console, load_config, stops_when_busy
from pipeline.config import ConfigError

commands = typer.Typer()


@commands.command()
def export(
    db: Path = typer.Option(..., help="DuckDB file written by `als run`."),
    format: str = typer.Option(
        "jsonl", "--format", "-f",
        help="jsonl (documents, the data contract), csv (paragraphs), qdpx (a REFI-QDA project for NVivo, "
             "ATLAS.ti, MAXQDA, QualCoder), xlsx (analysis workbook) or parquet (a folder of analysis tables)."),
    out: Path = typer.Option(..., help="File (folder for parquet) to write, replaced atomically."),
    config: Path = ConfigOption,
) -> None:
    """Write the anonymised programme for other tools: the contract's JSONL, a paragraphs CSV, a REFI-QDA
    project, the analysis workbook or Parquet tables.

    CSV and XLSX are formula-safe: a cell starting with = + - @ (or a tab or CR) gets a leading ' so that
    a spreadsheet shows it as text; JSONL and Parquet are exact. Small cells in the analysis tables are
    suppressed as on the dashboard's systemic page."""
    from pipeline.export import export as write_export

    try:
        with stops_when_busy():
            settings = load_config(config)
            written = write_export(db, format, out, settings.dashboard.min_organisations)
    except (ValueError, FileNotFoundError, ConfigError) as error:
        console.print(f"[red]{escape(str(error))}[/]")
        raise typer.Exit(EXIT_USAGE) from None
    console.print(f"Wrote {written.count} {written.unit} to {escape(str(out))}"
                  + (f" ({escape(written.detail)})" if written.detail else ""))
