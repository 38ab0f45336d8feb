"""The `als` command.

Typical use:

    als keygen --out .als/pseudonym.key          # once per programme; keep the key safe
    als run data/sample --db out/als.duckdb --key-file .als/pseudonym.key
    als export --db out/als.duckdb --format jsonl --out out/export.jsonl
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline.config import Config, ConfigError

app = typer.Typer(
    help="ALS Insight: anonymise, segment and store action learning set logs, then explore them.\n\n"
         "Start with `als run INPUT_DIR --db FILE`, then `als export`. Every command has --help.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
console = Console(stderr=True)

ConfigOption = typer.Option(None, "--config", "-c", help="TOML config file (default: ./als.toml if present).")
DbOption = typer.Option(None, "--db", help="DuckDB file to write (default from config: als.duckdb).")


def _load_config(path: Optional[Path], **overrides) -> Config:
    try:
        return Config.load(path).with_overrides(**overrides)
    except ConfigError as error:
        console.print(f"[red]Config error:[/] {escape(str(error))}")
        raise typer.Exit(2) from None


def _quiet_libraries() -> None:
    # Presidio logs every unknown entity at WARNING; those lines hold no raw text but drown the bars.
    for name in ("presidio-analyzer", "presidio-anonymizer"):
        logging.getLogger(name).setLevel(logging.ERROR)


@app.command()
def run(
    input_dir: Path = typer.Argument(..., help="Folder of logs: CSV/XLSX form exports, DOCX, TXT/MD, manifest.csv."),
    db: Optional[Path] = DbOption,
    config: Optional[Path] = ConfigOption,
    key_file: Optional[Path] = typer.Option(None, help="Pseudonym key file (else $ALS_PSEUDONYM_KEY)."),
    spacy_model: Optional[str] = typer.Option(None, help="Installed spaCy model package to use for NER."),
    codebook: Optional[Path] = typer.Option(None, help="Codebook YAML/CSV replacing the default one."),
    coding: bool = typer.Option(True, "--coding/--no-coding", help="Suggest codes and question types."),
) -> None:
    """Ingest, anonymise, segment, code and store every log in INPUT_DIR (one batch, one transaction)."""
    try:
        from pipeline.anonymise import AnonymiserUnavailable
        from pipeline.coding import CodingUnavailable
        from pipeline.run import run_pipeline
    except ImportError as error:  # Presidio or spaCy not installed: fail closed, say what to do
        console.print(f"[red]Stopped before writing anything:[/] the package {escape(str(error.name))} is not "
                      "installed. Run `bash scripts/setup.sh` (or `pip install -e .`).")
        raise typer.Exit(3) from None

    _quiet_libraries()
    settings = _load_config(config, store__db=str(db) if db else None,
                            anonymise__key_file=str(key_file) if key_file else None,
                            anonymise__spacy_model=spacy_model,
                            coding__codebook=str(codebook) if codebook else None,
                            coding__enabled=None if coding else False)
    with Progress(TextColumn("{task.description:<14}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=False) as bars:
        def progress(stage: str, total: int):
            task = bars.add_task(stage, total=max(total, 1))
            if total == 0:
                bars.advance(task, 1)
            return lambda n=1: bars.advance(task, n)

        try:
            summary = run_pipeline(input_dir, settings, progress)
            topics_summary = _topics_after_run(settings, progress) if summary.documents_stored else None
        except (AnonymiserUnavailable, CodingUnavailable) as error:
            console.print(f"[red]Stopped before writing anything:[/] {escape(str(error))}")
            raise typer.Exit(3) from None
        except FileNotFoundError as error:
            console.print(f"[red]{escape(str(error))}[/]")
            raise typer.Exit(2) from None
    _print_summary(summary)
    if topics_summary is not None:
        from pipeline.cli_coding import print_topics

        print_topics(topics_summary)


def _topics_after_run(settings: Config, progress):
    """Topics over the whole database after new documents arrive (a run of its own); never fatal."""
    if not settings.topics.enabled:
        return None
    from pipeline.embeddings import EmbedderUnavailable
    from pipeline.run import run_topics
    from pipeline.topics import TopicsUnavailable

    try:
        return run_topics(settings, progress=progress)
    except (TopicsUnavailable, EmbedderUnavailable) as error:
        console.print(f"[yellow]Topics skipped:[/] {escape(str(error))} (the documents are stored)")
        return None


def _print_summary(summary) -> None:
    table = Table(title=f"Run {summary.run_id}", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("logs read", str(summary.logs_read))
    table.add_row("documents stored", str(summary.documents_stored))
    table.add_row("already stored (skipped)", str(summary.already_stored))
    table.add_row("segments (paragraphs)", str(summary.segments))
    table.add_row("questions", str(summary.questions))
    table.add_row("code suggestions", str(summary.codings))
    for entity_type, count in sorted(summary.entities_by_type.items()):
        table.add_row(f"replaced {entity_type}", str(count))
    for severity in ("error", "warning", "info"):
        table.add_row(f"input issues: {severity}", str(sum(i.severity == severity for i in summary.issues)))
    console.print(table)
    problems = [i for i in summary.issues if i.severity in ("error", "warning")]
    if problems:
        issues = Table(title="Input issues (also in the ingest_issues table)")
        for column in ("severity", "file", "row", "column", "message"):
            issues.add_column(column, overflow="fold")
        for issue in problems[:30]:
            issues.add_row(issue.severity, escape(issue.source_ref), str(issue.row or ""), escape(issue.column or ""),
                           escape(issue.message))
        console.print(issues)
        if len(problems) > 30:
            console.print(f"... and {len(problems) - 30} more: SELECT * FROM ingest_issues")
    console.print(f"\nDatabase: [bold]{summary.db_path.resolve()}[/] ({summary.seconds:.1f} s)")
    console.print(f"Next: [bold]als export --db {summary.db_path} --format jsonl --out export.jsonl[/]")


@app.command()
def export(
    db: Path = typer.Option(..., help="DuckDB file written by `als run`."),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one document per line) or csv (segments)."),
    out: Path = typer.Option(..., help="File to write (replaced atomically)."),
) -> None:
    """Write the anonymised documents as JSONL (the data contract) or the segments as CSV."""
    from pipeline.export import export as write_export

    try:
        count = write_export(db, format, out)
    except (ValueError, FileNotFoundError) as error:
        console.print(f"[red]{escape(str(error))}[/]")
        raise typer.Exit(2) from None
    console.print(f"Wrote {count} {'documents' if format == 'jsonl' else 'segments'} to {out}")


@app.command()
def audit(
    db: Path = typer.Option(..., help="DuckDB file to scan (every text column of every table)."),
    export_files: list[Path] = typer.Option([], "--export", help="Export file(s) to scan too (repeatable)."),
    inputs: Optional[Path] = typer.Option(None, help="The raw input folder: also look for its authors, emails "
                                                     "and organisations (the batch roster)."),
    config: Optional[Path] = ConfigOption,
) -> None:
    """Scan the database and exports for personal data; exit 1 on any hit (hits are shown masked)."""
    from pipeline.audit import Auditor, roster_identities, summarise

    if not db.exists():
        console.print(f"[red]database {escape(str(db))} does not exist[/]")
        raise typer.Exit(2)
    settings = _load_config(config)
    identities = roster_identities(inputs, settings.ingest) if inputs else {}
    auditor = Auditor(identities)
    hits = auditor.scan_database(db)
    for path in export_files:
        hits += auditor.scan_file(path)
    checked = "contact and ID patterns" + (f" and {len(identities)} roster identities" if inputs else "")
    if not hits:
        console.print(f"[green]No personal data found[/] in {escape(str(db))}"
                      f"{' and ' + str(len(export_files)) + ' export(s)' if export_files else ''} ({checked}).")
        if not inputs:
            console.print("Add --inputs DIR to check for the roster's names, emails and organisations too.")
        return
    table = Table(title=f"{len(hits)} possible personal data hits ({checked})")
    for column in ("where", "kind", "value (masked)", "count"):
        table.add_column(column)
    for (where, kind, masked), count in sorted(summarise(hits).items()):
        table.add_row(escape(where), kind, escape(masked), str(count))
    console.print(table)
    raise typer.Exit(1)


@app.command()
def synth(
    logs: int = typer.Option(200, "--logs", "-n", help="How many logs to write."),
    seed: int = typer.Option(1, help="Random seed: the same seed writes the same files."),
    out: Path = typer.Option(Path("synthetic"), help="Folder for inputs/ and gold.jsonl."),
) -> None:
    """Write a synthetic programme with planted (fictional) personal data, and a gold file of what was planted."""
    from pipeline.synth import generate

    result = generate(logs, seed, out)
    console.print(f"Wrote {result.logs} logs with {result.planted} planted personal-data spans to "
                  f"{result.inputs_dir}; gold file {result.gold_path}")
    console.print(f"Next: als run {result.inputs_dir} --db {out / 'synthetic.duckdb'}")


@app.command()
def keygen(out: Path = typer.Option(Path(".als/pseudonym.key"), help="Where to write the new key.")) -> None:
    """Create a secret pseudonym key file. Member and organisation codes depend on it: keep it, and keep it safe."""
    from pipeline.anonymise import write_new_key

    try:
        write_new_key(out)
    except FileExistsError as error:
        console.print(f"[yellow]{escape(str(error))}[/]")
        raise typer.Exit(1) from None
    console.print(f"Wrote a new key to {out} (mode 600). Never commit or share it.")


def main() -> None:  # pragma: no cover - console entry point
    app()


@app.command()
def dashboard(
    db: Path = typer.Option(..., help="DuckDB file to explore (written by `als run`)."),
    port: int = typer.Option(8501, help="Local port to serve on."),
    address: str = typer.Option("127.0.0.1", help="Address to listen on (this machine only by default)."),
    config: Optional[Path] = ConfigOption,
) -> None:
    """Open the Streamlit dashboard on DB: themes, change over meetings, quotes, systemic challenges, topics, review."""
    import os
    import subprocess

    app_path = Path(__file__).resolve().parent.parent / "dashboards" / "app.py"
    if not db.exists():
        console.print(f"[yellow]{escape(str(db))} does not exist yet: the dashboard will say how to fill it.[/]")
    env = {**os.environ, "ALS_DB": str(db.resolve())}
    if config:
        env["ALS_CONFIG"] = str(config.resolve())
    console.print(f"Dashboard on http://{address}:{port} (Ctrl+C to stop)")
    # A set address also stops Streamlit looking up this machine's external IP over the network.
    command = [sys.executable, "-m", "streamlit", "run", str(app_path), "--server.port", str(port),
               "--server.address", address, "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    raise typer.Exit(subprocess.call(command, env=env))


from pipeline import cli_coding  # noqa: E402,F401  (registers train, evaluate, review)

if __name__ == "__main__":  # pragma: no cover
    # Run as `python -m pipeline.cli`, this file is __main__ and cli_coding registered its
    # commands on the imported pipeline.cli's app: run that one, which has every command.
    from pipeline.cli import app as registered_app
    sys.exit(registered_app())
