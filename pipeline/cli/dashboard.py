"""`als dashboard`: serve the Streamlit dashboard on a database."""
from __future__ import annotations

import ipaddress
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from pipeline.cli.common import EXIT_USAGE, ConfigOption, console
from pipeline.cli.sign_in import SIGN_IN_VARIABLE, SignInSettingsError, check_sign_in_file

commands = typer.Typer()
# dashboards/ sits beside pipeline/ in the repository: pipeline/cli/dashboard.py -> parents[2].
APP_PATH = Path(__file__).resolve().parents[2] / "dashboards" / "Overview.py"
# Read by dashboards/common.py: the Review page then shows its queue and writes nothing.
READ_ONLY_VARIABLE = "ALS_READ_ONLY"
# How long Streamlit gets to stop after SIGTERM before it is killed.
CHILD_STOP_SECONDS = 10


def is_loopback(address: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if address.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:  # a host name: it may resolve to any interface
        return False


@commands.command()
def dashboard(
    db: Path = typer.Option(..., help="DuckDB file to explore (written by `als run`)."),
    port: int = typer.Option(8501, help="Local port to serve on."),
    address: str = typer.Option("127.0.0.1", help="Address to listen on (this machine only by default; any "
                                                  "other address needs --allow-remote)."),
    read_only: bool = typer.Option(False, "--read-only", help="Show the Review queue but record no decisions."),
    sign_in: Optional[Path] = typer.Option(None, "--sign-in", metavar="SECRETS.toml",
                                           help="Sign readers in with Streamlit's st.login: a secrets file "
                                                "with an [auth] table for your OpenID Connect provider (README). "
                                                "Allows a non-loopback --address."),
    allow_remote: bool = typer.Option(False, "--allow-remote", help="Allow a non-loopback --address without "
                                                                    "--sign-in. Only behind a reverse proxy that "
                                                                    "signs users in."),
    config: Optional[Path] = ConfigOption,
) -> None:
    """Open the Streamlit dashboard on DB: themes, change over meetings, quotes, systemic challenges, topics, review."""
    import os

    if sign_in is not None:
        try:
            providers = check_sign_in_file(sign_in)
        except SignInSettingsError as error:
            console.print(f"[red]Refused to serve:[/] {escape(str(error))}")
            raise typer.Exit(EXIT_USAGE)
        console.print(f"Readers sign in through {', '.join(providers)} (st.login) before any page reads the logs.")
    elif not is_loopback(address):
        if not allow_remote:
            console.print(f"[red]Refused to listen on {escape(address)}:[/] nobody would be asked to sign in, "
                          "so anyone who can reach that address could read the logs. Use 127.0.0.1, add "
                          "--sign-in SECRETS.toml, or put it behind a reverse proxy that signs users in and add "
                          "--allow-remote.")
            raise typer.Exit(EXIT_USAGE)
        console.print(f"[yellow]Warning: listening on {escape(address)}.[/] This must sit behind a reverse proxy "
                      "that signs users in (see dashboards/README.md); the dashboard itself checks no one.")
    if not db.exists():
        console.print(f"[yellow]{escape(str(db))} does not exist yet: the dashboard will say how to fill it.[/]")
    env = {**os.environ, "ALS_DB": str(db.resolve())}
    if config:
        env["ALS_CONFIG"] = str(config.resolve())
    if read_only:
        env[READ_ONLY_VARIABLE] = "1"
    if sign_in is not None:
        env[SIGN_IN_VARIABLE] = "1"
    console.print(f"Dashboard on http://{address}:{port}{' (read-only)' if read_only else ''} (Ctrl+C to stop)")
    # A set address also stops Streamlit looking up this machine's external IP over the network.
    command = [sys.executable, "-m", "streamlit", "run", str(APP_PATH), "--server.port", str(port),
               "--server.address", address, "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    if sign_in is not None:
        command += ["--secrets.files", str(sign_in.resolve())]
    raise typer.Exit(serve(command, env))


def serve(command: list[str], env: dict) -> int:
    """Run Streamlit until it ends, or until this process gets SIGTERM or SIGINT: then end it too.

    Without this a SIGTERM (a service manager, `kill`) ends `als dashboard` and leaves Streamlit serving.
    """
    import signal
    import subprocess
    import time

    # In dashboards/, so that Streamlit reads the app's own .streamlit/config.toml (viewer toolbar, theme).
    child = subprocess.Popen(command, env=env, cwd=APP_PATH.parent)
    kill_at: list[float] = []  # set by the first signal

    def stop_child(signum, frame) -> None:
        if not kill_at:
            kill_at.append(time.monotonic() + CHILD_STOP_SECONDS)
        if child.poll() is None:
            child.terminate()

    previous = {signum: signal.signal(signum, stop_child) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        while True:
            try:
                code = child.wait(timeout=0.5)
                break
            except subprocess.TimeoutExpired:
                if kill_at and time.monotonic() > kill_at[0]:
                    child.kill()  # it ignored SIGTERM
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 0 if kill_at else code
