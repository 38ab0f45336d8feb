"""How long a reader (the dashboard, an export) is locked out of the database while `als run` writes a batch.

    python benchmarks/bench_write_lock.py [--logs 1000] [--chunk-logs 250] [--repeat 1] [--checkout DIR ...]

DuckDB lets no other process read a file while one process writes it. This writes a synthetic
programme (`als synth --density realistic`), makes an empty database (the schema only), then runs
`als run` on the programme into it as a subprocess with `[run] chunk_logs` set, while this process
tries to open the database read-only and count its documents every 0.25 s, as the dashboard would.
It prints the run's wall time, the seconds the reader was locked out (the sum of the gaps between
attempts that failed), the longest single lock-out, the megabytes the run spooled to disk and the
stage seconds it stored.

Each --checkout (a folder holding another version of this project, e.g. a `git worktree` of an
older commit) is run the same way with that checkout first on PYTHONPATH; the runs take turns, so
the figures are side by side. Without --checkout, this checkout alone.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ATTEMPT_EVERY_SECONDS = 0.25


class Reader(threading.Thread):
    """Opens the database read-only every ATTEMPT_EVERY_SECONDS until stopped; times when it could not."""

    def __init__(self, db: Path) -> None:
        super().__init__(daemon=True)
        self.db = db
        self.stopping = threading.Event()
        self.attempts: list[tuple[float, bool]] = []  # (monotonic time, could read)

    def run(self) -> None:
        import duckdb

        while not self.stopping.is_set():
            try:
                with duckdb.connect(str(self.db), read_only=True) as con:
                    con.execute("SELECT count(*) FROM documents").fetchone()
                ok = True
            except duckdb.Error:
                ok = False
            self.attempts.append((time.monotonic(), ok))
            self.stopping.wait(ATTEMPT_EVERY_SECONDS)

    def locked_out(self) -> tuple[float, float]:
        """(total seconds, longest stretch) from each failed attempt to the next attempt."""
        total = longest = stretch = 0.0
        for (when, ok), (after, _) in zip(self.attempts, self.attempts[1:]):
            if ok:
                stretch = 0.0
                continue
            total += after - when
            stretch += after - when
            longest = max(longest, stretch)
        return total, longest


def one_run(checkout: Path, inputs: Path, work: Path, config: Path, env: dict, label: str) -> dict:
    db = work / f"{label}.duckdb"
    run_env = {**env, "PYTHONPATH": str(checkout)}
    subprocess.run([sys.executable, "-c", "import sys; from pipeline.store import Store; Store(sys.argv[1]).close()",
                    str(db)], env=run_env, cwd=checkout, check=True)
    reader = Reader(db)
    reader.start()
    clock = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(inputs), "--db", str(db), "--config",
                           str(config)], env=run_env, cwd=checkout, capture_output=True, text=True)
    seconds = time.perf_counter() - clock
    reader.stopping.set()
    reader.join()
    if done.returncode != 0:
        sys.exit(f"als run ({checkout}) failed (exit {done.returncode}):\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    total, longest = reader.locked_out()
    stored = subprocess.run([sys.executable, "-c", (
        "import sys, json; from pipeline.store import connect; from pipeline.queries.overview import last_run_summary\n"
        "with connect(sys.argv[1], read_only=True) as con: print(json.dumps(last_run_summary(con)))")
        , str(db)], env=run_env, cwd=checkout, capture_output=True, text=True, check=True).stdout
    summary = json.loads(stored)
    return {"seconds": seconds, "locked": total, "longest": longest, "stages": summary["stage_seconds"],
            "spooled_mb": summary.get("spooled_mb", 0.0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logs", type=int, default=1000)
    parser.add_argument("--chunk-logs", type=int, default=250, help="[run] chunk_logs for every run")
    parser.add_argument("--repeat", type=int, default=1, help="runs per checkout (medians)")
    parser.add_argument("--checkout", type=Path, nargs="*", default=[], help="other versions, run in turn with this one")
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("ALS_PSEUDONYM_KEY", "bench-write-lock-key-not-secret-0123456789")
    from pipeline.synth import generate

    checkouts = [ROOT, *[c.resolve() for c in args.checkout]]
    with tempfile.TemporaryDirectory(prefix="als-bench-lock-") as tmp:
        work = Path(tmp)
        corpus = generate(args.logs, 7, work / "corpus", density="realistic")
        config = work / "bench.toml"
        config.write_text(f"[topics]\nenabled = false\n[run]\nchunk_logs = {args.chunk_logs}\n", encoding="utf-8")
        runs: dict[Path, list[dict]] = {c: [] for c in checkouts}
        for attempt in range(args.repeat):
            for k, checkout in enumerate(checkouts):
                print(f"run {attempt + 1}/{args.repeat}: {checkout}", file=sys.stderr, flush=True)
                runs[checkout].append(one_run(checkout, corpus.inputs_dir, work, config, env, f"c{k}-r{attempt}"))
    print(f"{corpus.logs} realistic logs, [run] chunk_logs = {args.chunk_logs}, a reader every "
          f"{ATTEMPT_EVERY_SECONDS:g} s; medians of {args.repeat}\n")
    print(f"{'checkout':40} {'wall s':>7} {'locked out s':>12} {'longest s':>9} {'share':>6} {'spool MB':>8}  stages (s)")
    for checkout, done in runs.items():
        wall = statistics.median(r["seconds"] for r in done)
        locked = statistics.median(r["locked"] for r in done)
        longest = statistics.median(r["longest"] for r in done)
        stages = {s: statistics.median(r["stages"].get(s, 0.0) for r in done) for s in done[0]["stages"]}
        spooled = statistics.median(r["spooled_mb"] for r in done)
        print(f"{str(checkout)[-40:]:40} {wall:7.1f} {locked:12.1f} {longest:9.1f} {locked / wall:6.1%} {spooled:8.1f}  "
              + ", ".join(f"{s} {v:.1f}" for s, v in stages.items()))


if __name__ == "__main__":
    main()
