"""`als dashboard`: serve the Streamlit dashboard on a database."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from pipeline.cli.common import ConfigOption, console

commands = typer.Typer()
# dashboards/ sits beside pipeline/ in the repository: pipeline/cli/dashboard.py -> parents[2].
APP_PATH = Path(__file__).resolve().parents[2] / "dashboards" / "app.py"


@commands.command()
def dashboard(
    db: Path = typer.Option(..., help="DuckDB file to explore (written by `als run`)."),
    port: int = typer.Option(8501, help="Local port to serve on."),
    address: str = typer.Option("127.0.0.1", help="Address to listen on (this machine only by default)."),
    config: Optional[Path] = ConfigOption,
) -> None:
    """Open the Streamlit dashboard on DB: themes, change over meetings, quotes, systemic challenges, topics, review."""
    import os
    import subprocess

    if not db.exists():
        console.print(f"[yellow]{escape(str(db))} does not exist yet: the dashboard will say how to fill it.[/]")
    env = {**os.environ, "ALS_DB": str(db.resolve())}
    if config:
        env["ALS_CONFIG"] = str(config.resolve())
    console.print(f"Dashboard on http://{address}:{port} (Ctrl+C to stop)")
    # A set address also stops Streamlit looking up this machine's external IP over the network.
    command = [sys.executable, "-m", "streamlit", "run", str(APP_PATH), "--server.port", str(port),
               "--server.address", address, "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    raise typer.Exit(subprocess.call(command, env=env))
