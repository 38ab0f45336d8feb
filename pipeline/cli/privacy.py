"""Privacy commands: `als audit` (scan for personal data), `als synth` (a programme with planted
personal data to test against) and `als keygen` (the secret key behind member and organisation codes)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from pipeline.cli.common import EXIT_FAIL_CLOSED, EXIT_USAGE, ConfigOption, console, load_config, stops_when_busy

commands = typer.Typer()


@commands.command()
def audit(
    db: Path = typer.Option(..., help="DuckDB file to scan (every text column of every table)."),
    export_files: list[Path] = typer.Option([], "--export", help="Export file(s) to scan too (repeatable)."),
    inputs: Optional[Path] = typer.Option(None, help="The raw input folder: also look for its authors, emails "
                                                     "and organisations (the batch roster)."),
    suspects: bool = typer.Option(False, "--suspects", help="Also list words kept in the stored text that look "
                                                            "like personal data (names and places kept as words, "
                                                            "unknown capitalised words, id-like shapes), with a "
                                                            "context: remove real ones with `als redact`."),
    limit: int = typer.Option(50, help="How many suspects to list (most frequent first)."),
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
    if suspects:
        _print_suspects(db, load_config(config), limit)
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


def _print_suspects(db: Path, settings, limit: int) -> None:
    from pipeline.anonymise.gazetteers import load_gazetteers
    from pipeline.anonymise.keep import KeepTerms
    from pipeline.queries.redaction import stored_free_texts
    from pipeline.store import connect
    from pipeline.suspects import find_suspects

    with stops_when_busy(), connect(db, read_only=True) as con:
        texts = stored_free_texts(con)
    found = find_suspects(texts, load_gazetteers(), KeepTerms(settings.anonymise.keep_terms), limit)
    if not found:
        console.print("[green]No suspects:[/] no kept word looks like a name, a place or an identifier.")
        return
    table = Table(title=f"{len(found)} kept words that may be personal data (most frequent first); "
                        "remove real ones with `als redact --db DB --term WORD [--type PERSON]`")
    for column in ("term", "kind", "count", "context (stored text)"):
        table.add_column(column)
    for suspect in found:
        table.add_row(escape(suspect.term), suspect.kind, str(suspect.count), escape(suspect.context))
    console.print(table)


@commands.command()
def redact(
    db: Path = typer.Option(..., help="DuckDB file to clean (written by `als run`)."),
    terms: list[str] = typer.Option([], "--term", help="A word or phrase to remove everywhere (repeatable)."),
    terms_file: Optional[Path] = typer.Option(None, "--terms-file", help="A file of terms, one per line; "
                                              "'term<TAB>TYPE' gives a line its own type."),
    entity_type: str = typer.Option("PERSON", "--type", help="Placeholder type: PERSON, ORG, LOCATION, CONTACT or ID."),
    key_file: Optional[Path] = typer.Option(None, help="Pseudonym key file (else $ALS_PSEUDONYM_KEY): terms "
                                                       "are remembered as keyed hashes for later runs."),
    config: Optional[Path] = ConfigOption,
) -> None:
    """Replace terms that slipped through in every stored text, in one transaction; later runs remove them too."""
    from pipeline.anonymise import KeyMismatch, check_key
    from pipeline.anonymise.keys import KeyMissing, Pseudonymiser, load_key
    from pipeline.provenance import new_run_id, package_versions
    from pipeline.queries.meta import KEY_FINGERPRINT, meta_value
    from pipeline.redact import Term, plan_redaction
    from pipeline.store import RunRecord, Store, connect
    import datetime as dt

    if not db.exists():
        console.print(f"[red]database {escape(str(db))} does not exist[/]")
        raise typer.Exit(EXIT_USAGE)
    wanted = [Term(t.strip(), entity_type.upper()) for t in terms if t.strip()]
    if terms_file is not None:
        for line in terms_file.read_text(encoding="utf-8").splitlines():
            text, _, kind = line.partition("\t")
            if text.strip():
                wanted.append(Term(text.strip(), (kind.strip() or entity_type).upper()))
    if not wanted:
        console.print("[red]No term given:[/] use --term WORD (repeatable) or --terms-file FILE.")
        raise typer.Exit(EXIT_USAGE)
    settings = load_config(config, anonymise__key_file=str(key_file) if key_file else None)
    try:
        pseudonymiser = Pseudonymiser(load_key(settings.anonymise))
    except KeyMissing as error:
        console.print(f"[red]Stopped:[/] {escape(str(error))}")
        raise typer.Exit(EXIT_FAIL_CLOSED)
    with stops_when_busy():
        with connect(db, read_only=True) as con:
            try:
                check_key(meta_value(con, KEY_FINGERPRINT), pseudonymiser)
            except KeyMismatch:  # redact has no --new-key: only the database's own key will do
                console.print("[red]Stopped:[/] this database was written with another pseudonym key: use that key.")
                raise typer.Exit(EXIT_FAIL_CLOSED)
            try:
                plan = plan_redaction(con, wanted, pseudonymiser)
            except ValueError as error:
                console.print(f"[red]{escape(str(error))}[/]")
                raise typer.Exit(EXIT_USAGE)
        started = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        run = RunRecord(new_run_id(), "redact", started, {"terms": len(wanted)}, package_versions(),
                        {"occurrences": plan.occurrences, "documents": len(plan.documents)})
        with Store(db, settings.store.lock_wait_seconds, settings.store.memory_limit) as store:
            store.apply_redaction(run, plan)
    console.print(f"Redacted {len(wanted)} term(s): {plan.occurrences} occurrence(s) in {len(plan.documents)} "
                  "document(s), with labels and topic keywords; later runs with this key remove them too. "
                  "Re-export to replace exports made before.")


@commands.command()
def synth(
    logs: int = typer.Option(200, "--logs", "-n", help="How many logs to write."),
    seed: int = typer.Option(1, help="Random seed: the same seed writes the same files."),
    out: Path = typer.Option(Path("synthetic"), help="Folder for inputs/ and gold.jsonl."),
    density: str = typer.Option("dense", help="Personal data planted: 'dense' (about 40 spans a log, to stress "
                                              "the anonymiser) or 'realistic' (about 6, as real logs hold)."),
) -> None:
    """Write a synthetic programme with planted (fictional) personal data, and a gold file of what was planted."""
    from pipeline.synth import generate
    from pipeline.synth.generator import DENSITIES

    if density not in DENSITIES:
        console.print(f"[red]--density must be one of {', '.join(DENSITIES)}[/]")
        raise typer.Exit(EXIT_USAGE)
    result = generate(logs, seed, out, density=density)
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
