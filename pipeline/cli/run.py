"""`als run`: ingest, anonymise, segment, code and store a folder of logs, then model topics."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline.cli.common import (EXIT_CODES_HELP, EXIT_FAIL_CLOSED, EXIT_INPUTS_FAILED, EXIT_OK, EXIT_USAGE,
                                 ConfigOption, DbOption, console, load_config, shown, stops_when_busy)
from pipeline.cli.topics import print_topics
from pipeline.config import Config

commands = typer.Typer()


def _quiet_libraries() -> None:
    # Presidio logs every unknown entity at WARNING; those lines hold no raw text but drown the bars.
    for name in ("presidio-analyzer", "presidio-anonymizer"):
        logging.getLogger(name).setLevel(logging.ERROR)


@commands.command(epilog=EXIT_CODES_HELP)
def run(
    input_dir: Path = typer.Argument(..., help="Folder of logs: CSV/XLSX form exports, DOCX, TXT/MD, manifest.csv."),
    db: Optional[Path] = DbOption,
    config: Optional[Path] = ConfigOption,
    key_file: Optional[Path] = typer.Option(None, help="Pseudonym key file (else $ALS_PSEUDONYM_KEY)."),
    spacy_model: Optional[str] = typer.Option(None, help="Installed spaCy model package to use for NER."),
    codebook: Optional[Path] = typer.Option(None, help="Codebook YAML/CSV replacing the default one."),
    coding: bool = typer.Option(True, "--coding/--no-coding", help="Suggest codes and question types."),
    new_key: bool = typer.Option(False, "--new-key", help="Accept a pseudonym key other than the one the database "
                                                          "was written with (codes before and after will differ)."),
    engine: Optional[str] = typer.Option(None, help="Where the documents are processed: 'local' (this process, the "
                                                    "default) or 'dask' (a Dask cluster, see --scheduler)."),
    scheduler: Optional[str] = typer.Option(None, help="The Dask scheduler's address for --engine dask, e.g. "
                                                       "tcp://10.1.2.3:8786 (docs/scaling.md)."),
) -> None:
    """Ingest, anonymise, segment, code and store every log in INPUT_DIR (one batch, one transaction)."""
    try:
        from pipeline.anonymise import AnonymiserUnavailable
        from pipeline.coding import CodingUnavailable
        from pipeline.engines import EngineUnavailable
        from pipeline.run import run_pipeline
        from pipeline.spool import SpoolUnavailable
    except ImportError as error:  # Presidio or spaCy not installed: fail closed, say what to do
        console.print(f"[red]Stopped before writing anything:[/] the package {escape(str(error.name))} is not "
                      "installed. Run `bash scripts/setup.sh` (or `pip install -e .`).")
        raise typer.Exit(EXIT_FAIL_CLOSED) from None

    _quiet_libraries()
    settings = load_config(config, store__db=str(db) if db else None,
                            anonymise__key_file=str(key_file) if key_file else None,
                            anonymise__spacy_model=spacy_model,
                            coding__codebook=str(codebook) if codebook else None,
                            coding__enabled=None if coding else False,
                            run__engine=engine, run__scheduler=scheduler)
    with Progress(TextColumn("{task.description:<14}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=False) as bars:
        def progress(stage: str, total: int):
            task = bars.add_task(stage, total=max(total, 1))
            if total == 0:
                bars.advance(task, 1)
            return lambda n=1: bars.advance(task, n)

        try:
            with stops_when_busy():
                summary = run_pipeline(input_dir, settings, progress, new_key=new_key)
            topics_summary = _topics_after_run(settings, progress) if summary.documents_stored else None
        except (AnonymiserUnavailable, CodingUnavailable, EngineUnavailable, SpoolUnavailable) as error:
            console.print(f"[red]Stopped before writing anything:[/] {escape(str(error))}")
            raise typer.Exit(EXIT_FAIL_CLOSED) from None
        except FileNotFoundError as error:
            console.print(f"[red]{shown(error)}[/]")
            raise typer.Exit(EXIT_USAGE) from None
    _print_summary(summary)
    if topics_summary is not None:
        print_topics(topics_summary)
    raise typer.Exit(exit_status(summary))


def exit_status(summary) -> int:
    """1 when an input was dropped or failed, or when nothing at all is stored; else 0."""
    return EXIT_INPUTS_FAILED if summary.failed_inputs or _nothing_stored(summary) else EXIT_OK


def _nothing_stored(summary) -> bool:
    """No document of this run is in the database, new or from before: there is nothing to export."""
    return not summary.documents_stored and not summary.already_stored


def _topics_after_run(settings: Config, progress):
    """Topics over the whole database after new documents arrive (a run of its own); never fatal."""
    if not settings.topics.enabled:
        return None
    from pipeline.embeddings import EmbedderUnavailable
    from pipeline.run import run_topics
    from pipeline.store import DatabaseBusy
    from pipeline.topics import TopicsUnavailable

    try:
        return run_topics(settings, progress=progress)
    except (TopicsUnavailable, EmbedderUnavailable, DatabaseBusy) as error:
        console.print(f"[yellow]Topics skipped:[/] {escape(str(error))} (the documents are stored)")
        return None


def _print_summary(summary) -> None:
    table = Table(title=f"Run {summary.run_id}", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("logs read", str(summary.logs_read))
    table.add_row("documents stored", str(summary.documents_stored))
    table.add_row("already stored (skipped)", str(summary.already_stored))
    if summary.replaced:
        table.add_row("edited form rows (replaced the stored version)", str(summary.replaced))
    table.add_row("segments (paragraphs)", str(summary.segments))
    table.add_row("questions", str(summary.questions))
    table.add_row("code suggestions", str(summary.codings))
    for entity_type, count in sorted(summary.entities_by_type.items()):
        table.add_row(f"replaced {entity_type}", str(count))
    from pipeline.anonymise.roster_words import DECISION_LABELS  # the anonymiser is loaded by now

    for decision, count in summary.roster_words.items():
        table.add_row(f"member names that are words: {DECISION_LABELS[decision]}", str(count))
    for severity in ("error", "warning", "info"):
        table.add_row(f"input issues: {severity}", str(sum(i.severity == severity for i in summary.issues)))
    console.print(table)
    problems = [i for i in summary.issues if i.severity in ("error", "warning")]
    if problems:
        issues = Table(title="Input issues (also in the ingest_issues table)")
        for column in ("severity", "file", "row", "column", "message"):
            issues.add_column(column, overflow="fold")
        for issue in problems[:30]:
            issues.add_row(issue.severity, shown(issue.source_ref), str(issue.row or ""), shown(issue.column or ""),
                           shown(issue.message))
        console.print(issues)
        if len(problems) > 30:
            console.print(f"... and {len(problems) - 30} more in the ingest_issues table")
    failed = summary.failed_inputs
    if failed:
        names = ", ".join(shown(ref) for ref in failed[:10])
        names += f" and {len(failed) - 10} more" if len(failed) > 10 else ""
        console.print(f"[red]{len(failed)} input(s) dropped or failed[/] (exit status 1): {names}")
    console.print(f"\nDatabase: [bold]{summary.db_path.resolve()}[/] ({summary.seconds:.1f} s)")
    if _nothing_stored(summary):
        console.print("[red]Nothing was stored.[/] Fix the inputs named above and run again.")
    else:
        console.print(f"Next: [bold]als export --db {summary.db_path} --format jsonl --out export.jsonl[/]")
