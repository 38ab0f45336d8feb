"""What every `als` command shares: the console, the --config and --db options, loading the config.

Command modules import from here and never from `pipeline.cli` itself, which imports them:
that keeps the package free of import cycles.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

from pipeline.config import Config, ConfigError

console = Console(stderr=True)

ConfigOption = typer.Option(None, "--config", "-c", help="TOML config file (default: ./als.toml if present).")
DbOption = typer.Option(None, "--db", help="DuckDB file to write (default from config: als.duckdb).")


def load_config(path: Optional[Path], **overrides) -> Config:
    """The config from PATH (or the default) with command-line overrides; exit 2 with the reason if it is invalid."""
    try:
        return Config.load(path).with_overrides(**overrides)
    except ConfigError as error:
        console.print(f"[red]Config error:[/] {escape(str(error))}")
        raise typer.Exit(2) from None
