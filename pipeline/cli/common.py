"""What every `als` command shares: the console, the --config and --db options, loading the config,
the exit codes, and one clear line (exit 2) when the database is missing or busy with another run.

Command modules import from here and never from `pipeline.cli` itself, which imports them:
that keeps the package free of import cycles.
"""
from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.console import Console
from rich.markup import escape

from pipeline.config import Config, ConfigError

console = Console(stderr=True)

ConfigOption = typer.Option(None, "--config", "-c", help="TOML config file (default: ./als.toml if present).")
DbOption = typer.Option(None, "--db", help="DuckDB file to write (default from config: als.duckdb).")


# The exit codes every command keeps to (shown by `als --help` and `als run --help`, listed in the README).
EXIT_OK = 0             # everything stored, or nothing to do
EXIT_INPUTS_FAILED = 1  # some inputs dropped or failed (`als audit`: personal data found)
EXIT_USAGE = 2          # a bad option, a missing file or database, a database busy with another run
EXIT_FAIL_CLOSED = 3    # stopped before writing anything: the key, a model or a package is missing
EXIT_CODES_HELP = (
    "Exit codes: 0 everything stored (or nothing new to store); 1 some inputs dropped or failed (the summary "
    "names them; for `als audit`: personal data found); 2 usage: a bad option, a missing file or database, "
    "or the database busy with another run; 3 stopped before writing anything: no key, model or package."
)


# C0 and C1 controls (ESC starts a terminal escape sequence), zero-width and bidi controls.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def shown(text: object) -> str:
    """Text from the inputs (a file name, a sheet title) as the terminal may print it: Rich markup escaped,
    control and bidi characters written out as \\x1b or \\u202e, so no name can recolour, retitle or
    reorder what the terminal shows."""
    return escape(_UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text)))


def require_database(db: Path) -> None:
    """Exit 2 with one line when a command that reads DB is given a file that does not exist."""
    if not db.is_file():
        console.print(f"[red]database {escape(str(db))} does not exist:[/] make it with "
                      f"`als run INPUT_DIR --db {escape(str(db))}`")
        raise typer.Exit(EXIT_USAGE)


@contextmanager
def stops_when_busy() -> Iterator[None]:
    """One line and exit 2, instead of DuckDB's lock traceback, when another process holds the database."""
    from pipeline.store import DatabaseBusy

    show_lock_waits()
    try:
        yield
    except DatabaseBusy as error:
        console.print(f"[red]Stopped:[/] {escape(str(error))}")
        raise typer.Exit(EXIT_USAGE) from None


class _ConsoleNotice(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        console.print(f"[yellow]{escape(record.getMessage())}[/]")


def show_lock_waits() -> None:
    """Print the store's "waiting for another run to finish writing FILE" line on the console (once per wait)."""
    store_log = logging.getLogger("pipeline.store")
    if not any(isinstance(h, _ConsoleNotice) for h in store_log.handlers):
        store_log.addHandler(_ConsoleNotice(logging.WARNING))
        store_log.propagate = False


def load_config(path: Optional[Path], **overrides) -> Config:
    """The config from PATH (or the default) with command-line overrides; exit 2 with the reason if it is invalid."""
    try:
        return Config.load(path).with_overrides(**overrides)
    except ConfigError as error:
        console.print(f"[red]Config error:[/] {escape(str(error))}")
        raise typer.Exit(2) from None
