"""Time to make each report (evaluator, lead-body) on a database of 10,000 logs; the target is under 60 s each.

    python benchmarks/bench_reports.py [--logs 10000] [--repeat 3] [--reviewed 0.05] [--db FILE] [--keep DIR]

The large database is the sample programme's (made with `bash scripts/sample.sh` when missing)
copied until it holds --logs logs (benchmarks/inflate.py: each copy its own sets, members,
organisations and meeting months; embeddings, questions, sentences, entities, codings and
topics copied with it), with simulated review decisions on --reviewed of the paragraphs.
With --db FILE the database is built there and kept; an existing FILE is timed as it is.

Each report is made --repeat times in this process with `pipeline.report.make_report` (HTML and
DOCX; the first run also pays for the imports) and once more as a user makes it, `als report`
in a fresh process, timed from start to exit.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from inflate import SAMPLE, ensure_sample, inflate

REPORTS = ("evaluator", "lead-body")
TARGET_SECONDS = 60.0


def describe(db: Path) -> str:
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute("""SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM segments),
                                    (SELECT count(*) FROM codings), (SELECT count(*) FROM codings WHERE method = 'human'),
                                    (SELECT count(DISTINCT set_id) FROM documents),
                                    (SELECT count(DISTINCT org_code) FROM documents),
                                    (SELECT count(DISTINCT member_code) FROM documents),
                                    (SELECT count(*) FROM segment_embeddings)""").fetchone()
    finally:
        con.close()
    logs, paragraphs, codings, reviews, sets, organisations, members, vectors = row
    return (f"{logs:,} logs, {paragraphs:,} paragraphs, {codings:,} codings ({reviews:,} review decisions), "
            f"{sets:,} sets, {organisations:,} organisations, {members:,} members, {vectors:,} vectors")


def time_in_process(kind: str, db: Path, out: Path, repeat: int) -> tuple[list[float], list[Path]]:
    from pipeline.config import Config
    from pipeline.report import make_report

    config = Config.load(None)
    times, paths = [], []
    for run in range(1, repeat + 1):
        print(f"  {kind}: run {run}/{repeat} in process ...", end="", flush=True)
        start = time.perf_counter()
        made = make_report(kind, db, out, config)
        times.append(time.perf_counter() - start)
        paths = made.paths
        print(f" {times[-1]:.1f} s", flush=True)
    return times, paths


def time_command(kind: str, db: Path, out: Path) -> float:
    als = Path(sys.executable).parent / "als"
    command = [str(als)] if als.exists() else [sys.executable, "-m", "pipeline.cli"]
    print(f"  {kind}: `als report {kind}` in a fresh process ...", end="", flush=True)
    start = time.perf_counter()
    done = subprocess.run([*command, "report", kind, "--db", str(db), "--out", str(out)],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"\nals report {kind} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    print(f" {seconds:.1f} s", flush=True)
    return seconds


def verdict(seconds: float) -> str:
    return "under target" if seconds < TARGET_SECONDS else "OVER TARGET"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reviewed", type=float, default=0.05,
                        help="share of paragraphs given simulated review decisions (default 0.05)")
    parser.add_argument("--source", type=Path, default=SAMPLE, help="database to copy (default the sample's)")
    parser.add_argument("--db", type=Path, help="build the large database here and keep it; an existing file "
                                                "is timed as it is")
    parser.add_argument("--keep", type=Path, help="keep the report files in this folder")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "large.duckdb"
        if db.exists():
            print(f"database: {db} exists, timed as it is (not rebuilt)", flush=True)
            built = None
        else:
            source = ensure_sample(args.source)
            print(f"building a {args.logs:,}-log database from {source} ...", flush=True)
            start = time.perf_counter()
            inflate(source, db, args.logs, args.reviewed)
            built = time.perf_counter() - start
        print(f"database: {describe(db)}" + (f" (built in {built:.1f} s)" if built is not None else ""))
        print(f"          {db.stat().st_size / 1e6:.0f} MB\n", flush=True)

        results = {}
        for kind in REPORTS:
            out = (args.keep or Path(folder) / "reports") / kind
            print(f"making the {kind} report ...", flush=True)
            times, paths = time_in_process(kind, db, out, args.repeat)
            wall = time_command(kind, db, out)
            results[kind] = (times, wall, paths)

        print(f"\n{'report':10s} {'median s':>9s} {'min s':>7s} {'max s':>7s} {'als wall s':>11s}  "
              f"target {TARGET_SECONDS:.0f} s   files")
        for kind, (times, wall, paths) in results.items():
            sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e3:,.0f} kB" for p in paths)
            median = statistics.median(times)
            print(f"{kind:10s} {median:9.1f} {min(times):7.1f} {max(times):7.1f} {wall:11.1f}  "
                  f"{verdict(max(median, wall)):16s} {sizes}")
        if args.keep:
            print(f"\nreports kept in {args.keep}")


if __name__ == "__main__":
    main()
