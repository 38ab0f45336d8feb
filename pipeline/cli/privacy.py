"""Privacy commands: `als audit` (scan for personal data), `als synth` (a programme with planted
personal data to test against) and `als keygen` (the secret key behind member and organisation codes)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from pipeline.cli.common import EXIT_USAGE, ConfigOption, console, load_config, stops_when_busy

commands = typer.Typer()


@commands.command()
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
        raise typer.Exit(EXIT_USAGE)
    settings = load_config(config)
    identities = roster_identities(inputs, settings.ingest) if inputs else {}
    auditor = Auditor(identities)
    with stops_when_busy():
        hits = auditor.scan_database(db)
    for path in export_files:
        hits += auditor.scan_file(path)
    checked = "contact and ID patterns in every text column" + (
        f" and {len(identities)} roster identities" if inputs else ", no roster names")
    if not inputs:  # the database holds the roster only as keyed codes: its names can come from the inputs alone
        console.print("[yellow]Roster not checked:[/] the database holds no names to look for (members and "
                      "organisations are keyed codes). Add --inputs DIR to look for the authors, emails and "
                      "organisations of the raw inputs too.")
    if not hits:
        console.print(f"[green]No personal data found[/] in {escape(str(db))}"
                      f"{' and ' + str(len(export_files)) + ' export(s)' if export_files else ''} ({checked}).")
        return
    table = Table(title=f"{len(hits)} possible personal data hits ({checked})")
    for column in ("where", "kind", "value (masked)", "count"):
        table.add_column(column)
    for (where, kind, masked), count in sorted(summarise(hits).items()):
        table.add_row(escape(where), kind, escape(masked), str(count))
    console.print(table)
    raise typer.Exit(1)


@commands.command()
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


@commands.command()
def keygen(out: Path = typer.Option(Path(".als/pseudonym.key"), help="Where to write the new key.")) -> None:
    """Create a secret pseudonym key file. Member and organisation codes depend on it: keep it, and keep it safe."""
    from pipeline.anonymise import write_new_key

    try:
        write_new_key(out)
    except FileExistsError as error:
        console.print(f"[yellow]{escape(str(error))}[/]")
        raise typer.Exit(EXIT_USAGE) from None
    console.print(f"Wrote a new key to {out} (mode 600). Never commit or share it.")
