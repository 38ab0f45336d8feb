"""`als export`: the anonymised documents as JSONL (the data contract) or the segments as CSV."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from pipeline.cli.common import EXIT_USAGE, console, stops_when_busy

commands = typer.Typer()


@commands.command()
def export(
    db: Path = typer.Option(..., help="DuckDB file written by `als run`."),
    format: str = typer.Option(
        "jsonl", "--format", "-f",
        help="jsonl (documents, the data contract), csv (paragraphs), qdpx (a REFI-QDA project for NVivo, "
             "ATLAS.ti, MAXQDA, QualCoder), xlsx (analysis workbook) or parquet (a folder of analysis tables)."),
    out: Path = typer.Option(..., help="File (folder for parquet) to write, replaced atomically."),
) -> None:
    """Write the anonymised programme for other tools: the contract's JSONL, a paragraphs CSV, a REFI-QDA
    project, the analysis workbook or Parquet tables.

    CSV and XLSX are formula-safe: a cell starting with = + - @ (or a tab or CR) gets a leading ' so that
    a spreadsheet shows it as text; JSONL and Parquet are exact. Small cells in the analysis tables are
    suppressed as on the dashboard's systemic page."""
    from pipeline.export import export as write_export

    try:
        with stops_when_busy():
            written = write_export(db, format, out)
    except (ValueError, FileNotFoundError) as error:
        console.print(f"[red]{escape(str(error))}[/]")
        raise typer.Exit(EXIT_USAGE) from None
    console.print(f"Wrote {written.count} {written.unit} to {escape(str(out))}"
                  + (f" ({escape(written.detail)})" if written.detail else ""))
