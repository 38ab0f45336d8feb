"""`als import qdpx` and `als codebook export`: codings and codebooks back and forth with QDA tools."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.markup import escape

from pipeline.cli.common import EXIT_INPUTS_FAILED, EXIT_USAGE, console, require_database, stops_when_busy

import_commands = typer.Typer(help="Bring work done in other tools back into the database.")
codebook_commands = typer.Typer(help="The codebook for other tools: REFI-QDA .qdc, YAML or CSV.")
UNMATCHED_SHOWN = 20


@import_commands.command("qdpx")
def import_qdpx(
    project: Path = typer.Argument(..., help="A .qdpx project exported by `als export --format qdpx`, then "
                                             "coded in NVivo, ATLAS.ti, MAXQDA or QualCoder."),
    db: Path = typer.Option(..., help="The DuckDB file the project was exported from."),
    add_codes: bool = typer.Option(False, "--add-codes", help="Add codes made in the tool to the codebook "
                                                              "(refused otherwise)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Say what would change, and write nothing."),
) -> None:
    """Record codings added or removed in a QDA tool as human decisions (accepted / rejected), in one
    transaction. A selection is matched to the paragraph it lies in; one across paragraphs, or in a source
    whose text was changed, is listed and left out (exit 1). A project that cannot be read, a selection
    outside its text or an unknown code stop the import before anything is written (exit 2)."""
    from pipeline.interop.qdpx_import import plan_import
    from pipeline.interop.refi import RefiError
    from pipeline.provenance import new_run_id, package_versions
    from pipeline.store import RunRecord, Store, connect

    require_database(db)
    try:
        with stops_when_busy(), connect(db, read_only=True) as con:
            plan = plan_import(con, project, add_codes=add_codes)
    except RefiError as error:
        console.print(f"[red]Not imported:[/] {escape(str(error))}. Nothing was written.")
        raise typer.Exit(EXIT_USAGE) from None
    if plan.exported_at is None:
        console.print("[yellow]The project does not say when ALS Insight exported it (the tool dropped the "
                      "project description), so removed codings cannot be told apart: only added ones are read.[/]")
    for unmatched in plan.unmatched[:UNMATCHED_SHOWN]:
        console.print(f"[yellow]Left out:[/] source “{escape(unmatched.source)}”, characters "
                      f"{unmatched.start}–{unmatched.end}: {unmatched.why}.")
    if len(plan.unmatched) > UNMATCHED_SHOWN:
        console.print(f"[yellow]… and {len(plan.unmatched) - UNMATCHED_SHOWN} more selections left out.[/]")
    if plan.foreign_sources:
        console.print(f"{len(plan.foreign_sources)} source(s) were added in the tool and are not read back.")
    summary = (f"{plan.added} coding(s) added, {plan.removed} removed, {len(plan.new_codes)} new code(s), "
               f"{len(plan.unmatched)} selection(s) left out")
    if dry_run:
        console.print(f"Dry run: {summary}. Nothing was written.")
    elif plan.codings or plan.new_codes:
        run = RunRecord(new_run_id(), "import qdpx", dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
                        {"project": project.name, "add_codes": add_codes}, package_versions(),
                        {"added": plan.added, "removed": plan.removed, "new_codes": len(plan.new_codes),
                         "left_out": len(plan.unmatched)})
        with stops_when_busy(), Store(db) as store:
            store.write_codings(run, plan.codings, plan.new_codes)
        console.print(f"Recorded: {summary}.")
    else:
        console.print(f"Nothing to record: {summary}.")
    if plan.unmatched:
        raise typer.Exit(EXIT_INPUTS_FAILED)


@codebook_commands.command("export")
def codebook_export(
    out: Path = typer.Option(..., help="File to write: .qdc (REFI-QDA), .yaml or .csv."),
    db: Path = typer.Option(None, help="Export the codebook stored in this database (else the configured one)."),
    codebook: Path = typer.Option(None, help="Export this codebook file (YAML, CSV or .qdc) instead."),
    format: str = typer.Option("", "--format", "-f", help="qdc, yaml or csv (default: from --out's suffix)."),
) -> None:
    """Write the codebook as a REFI-QDA .qdc (for NVivo, ATLAS.ti, MAXQDA, QualCoder), YAML or CSV. A .qdc
    is accepted back wherever a codebook is (`als run --codebook FILE.qdc`)."""
    from pipeline.coding.codebook import CodebookError, load_codebook
    from pipeline.interop.qdc import write_codebook

    fmt = (format or out.suffix.lstrip(".")).lower()
    try:
        if db is not None:
            require_database(db)
            from pipeline.interop.qdc import stored_codebook
            from pipeline.store import connect

            with stops_when_busy(), connect(db, read_only=True) as con:
                book = stored_codebook(con)
        else:
            book = load_codebook(str(codebook) if codebook else None)
        count = write_codebook(book, out, fmt)
    except (CodebookError, ValueError) as error:
        console.print(f"[red]{escape(str(error))}[/]")
        raise typer.Exit(EXIT_USAGE) from None
    console.print(f"Wrote {count} codes to {escape(str(out))}")
    if fmt == "csv":
        console.print("The CSV holds names, definitions and examples; keyword patterns need --format yaml.")
