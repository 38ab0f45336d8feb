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
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one document per line) or csv (segments)."),
    out: Path = typer.Option(..., help="File to write (replaced atomically)."),
) -> None:
    """Write the anonymised documents as JSONL (the data contract) or the segments as CSV.

    The CSV is formula-safe: a cell starting with = + - @ (or a tab or CR) gets a leading ' so that a
    spreadsheet shows it as text; the JSONL is exact."""
    from pipeline.export import export as write_export

    try:
        with stops_when_busy():
            count = write_export(db, format, out)
    except (ValueError, FileNotFoundError) as error:
        console.print(f"[red]{escape(str(error))}[/]")
        raise typer.Exit(EXIT_USAGE) from None
    console.print(f"Wrote {count} {'documents' if format == 'jsonl' else 'segments'} to {out}")
