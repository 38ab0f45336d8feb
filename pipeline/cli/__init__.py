"""The `als` command.

Typical use:

    als keygen --out .als/pseudonym.key          # once per programme; keep the key safe
    als run data/sample --db out/als.duckdb --key-file .als/pseudonym.key
    als export --db out/als.duckdb --format jsonl --out out/export.jsonl

Each command group is one module with a `commands` Typer, registered below in the order
`als --help` lists them. A new group is a module plus one line here: `app.add_typer(module.commands)`
merges its commands into `als`, `app.add_typer(module.commands, name="report")` makes them
`als report ...`. Command modules import shared things from `pipeline.cli.common`, never from
this package, and import heavy libraries (spaCy, Presidio, torch) inside the command functions
so that `als --help` stays fast.
"""
from __future__ import annotations

import typer

from pipeline.cli import coding, dashboard, export, interop, privacy, recode, report, review, run, topics
from pipeline.cli.common import EXIT_CODES_HELP, EXIT_USAGE, ConfigOption, DbOption, console, load_config


class _App(typer.Typer):
    """The `als` app; a database lock met anywhere (a module opening DuckDB itself) is one line and exit 2."""

    def __call__(self, *args, **kwargs):
        try:
            return super().__call__(*args, **kwargs)
        except Exception as error:
            from pipeline.store import is_lock_conflict

            if not is_lock_conflict(error):
                raise
            # DuckDB's message names the other process's executable and id: say what it means instead.
            console.print("[red]Stopped:[/] the database is held by another process (a run writing it); "
                          "try again when that run has finished.")
            raise SystemExit(EXIT_USAGE) from None


app = _App(
    help="ALS Insight: anonymise, segment and store action learning set logs, then explore them.\n\n"
         "Start with `als run INPUT_DIR --db FILE`, then `als export`. Every command has --help.\n\n"
         + EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
app.add_typer(run.commands)        # run
app.add_typer(export.commands)     # export
app.add_typer(privacy.commands)    # audit, synth, keygen
app.add_typer(dashboard.commands)  # dashboard
app.add_typer(coding.commands)     # train, evaluate
app.add_typer(topics.commands)     # topics
app.add_typer(recode.commands)     # recode
app.add_typer(review.commands, name="review")  # review export, review import
app.add_typer(report.commands, name="report")  # report evaluator, report lead-body
app.add_typer(interop.import_commands, name="import")  # import qdpx
app.add_typer(interop.codebook_commands, name="codebook")  # codebook export

__all__ = ["app", "ConfigOption", "DbOption", "console", "load_config"]
