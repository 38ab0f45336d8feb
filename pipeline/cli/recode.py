"""`als recode`: code the stored paragraphs and questions again, after a codebook change or `als train`."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from pipeline.cli.common import EXIT_FAIL_CLOSED, ConfigOption, console, load_config, require_database, stops_when_busy

commands = typer.Typer()


@commands.command()
def recode(
    db: Path = typer.Option(..., help="DuckDB file written by `als run`."),
    codebook: Optional[Path] = typer.Option(None, help="Codebook YAML/CSV/QDC to code with (default: the config's)."),
    config: Optional[Path] = ConfigOption,
) -> None:
    """Code every stored paragraph and question again (no input is read, nothing is anonymised again):
    the coders' suggestions are replaced in one transaction; people's decisions stay."""
    from pipeline.coding import CodingUnavailable
    from pipeline.embeddings import EmbedderUnavailable
    from pipeline.recode import recode as run_recode

    require_database(db)
    settings = load_config(config, store__db=str(db), coding__codebook=str(codebook) if codebook else None)
    with console.status("Coding the stored paragraphs again..."):
        try:
            with stops_when_busy():
                summary = run_recode(settings)
        except (CodingUnavailable, EmbedderUnavailable, ValueError) as error:
            console.print(f"[red]Stopped before writing anything:[/] {escape(str(error))}")
            raise typer.Exit(EXIT_FAIL_CLOSED) from None
    console.print(f"Recoded {summary.segments} paragraphs and {summary.questions} questions in "
                  f"{summary.seconds:.1f} s (run {summary.run_id}): {summary.suggestions} suggestions replace "
                  f"{summary.removed}; {summary.vectors_reused} stored paragraph vectors reused. People's "
                  "decisions are kept.")
