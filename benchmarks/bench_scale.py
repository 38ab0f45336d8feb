"""Where the time and memory of `als run` go as a programme grows, beside Presidio alone on the same logs.

    python benchmarks/bench_scale.py [--logs 1000 10000 50000] [--density realistic dense] [--repeat 1]
                                     [--presidio-max 10000] [--topics] [--rerun] [--recode] [--workers 0] [--pss] [--timeline FILE]

For each size and density it writes a synthetic programme (pipeline.synth; "realistic" plants about as
much personal data per log as the development corpus, "dense" about six times that), runs `als run` on
it as a subprocess into a fresh DuckDB file with topics off, and prints the run's wall time, docs/s,
peak RSS of the whole process tree (spaCy's workers included, sampled every 0.2 s; with --pss its
PSS too, once a second, which slows the run: take wall times without it) and the wall
seconds per stage that the run stores in its summary ("spool" is putting finished chunks on disk; "store"
the write itself, the seconds readers are locked out). Then, on the same logs and up to
--presidio-max logs, Presidio vanilla alone (AnalyzerEngine + AnonymizerEngine defaults, models
loaded first) for the reference docs/s, timed after each `als run` in turn (the ratio is of the two
medians). --rerun runs `als run` a second time on the unchanged
inputs (everything skipped); --topics times `als topics` on the stored database. Medians over --repeat.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("load", "ingest", "anonymise", "segment", "code", "spool", "store")


def tree_memory(process: psutil.Process, with_pss: bool) -> tuple[int, int]:
    """(RSS, PSS) summed over the process and its children, in bytes (PSS 0 unless `with_pss`).

    spaCy's workers are forked, so each one's RSS counts the pages it still shares with the
    main process again; PSS shares each such page out among the processes that map it, so the
    tree's PSS is the physical memory the run takes. Both are printed."""
    rss = pss = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            if with_pss:
                info = p.memory_full_info()
                rss, pss = rss + info.rss, pss + info.pss
            else:
                rss += p.memory_info().rss
        except psutil.Error:
            pass
    return rss, pss


RSS_EVERY_SECONDS = 0.2
# Reading PSS makes the kernel walk every mapping of each process (/proc/PID/smaps_rollup) and
# slows the run it measures: 1,000 logs took 104.1 s with PSS read once a second, 92.8 s under
# /usr/bin/time alone. So PSS is read only with --pss, and wall times are taken without it.
PSS_EVERY_SECONDS = 1.0


def timed(command: list[str], env: dict, pss: bool = False,
          timeline: Path | None = None) -> tuple[float, tuple[int, int]]:
    """(wall seconds, (peak RSS, peak PSS or 0) bytes of the process tree) of a command that must succeed.

    With `timeline`, each sample is appended to that CSV file (seconds, tree RSS, tree PSS or empty, the
    main process's RSS, in MB), to see when the peak comes: the stage seconds the run stores place it."""
    clock = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT)
    output: list[bytes] = []
    # Read as it comes: a pipe left full would stall the run.
    reader = threading.Thread(target=lambda: output.extend(iter(lambda: child.stdout.read1(4096), b"")),
                              daemon=True)
    reader.start()
    watched, peak_rss, peak_pss, next_pss = psutil.Process(child.pid), 0, 0, 0.0
    samples = timeline.open("a", encoding="utf-8") if timeline else None
    if samples and samples.tell() == 0:
        samples.write("seconds,tree_rss_mb,tree_pss_mb,main_rss_mb\n")
    while child.poll() is None:
        with_pss = pss and time.perf_counter() >= next_pss
        rss, pss_now = tree_memory(watched, with_pss)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss_now)
        if with_pss:
            next_pss = time.perf_counter() + PSS_EVERY_SECONDS
        if samples and (with_pss or not pss):
            try:
                main_rss = watched.memory_info().rss
            except psutil.Error:
                main_rss = 0
            samples.write(f"{time.perf_counter() - clock:.1f},{rss / 1e6:.0f},"
                          f"{f'{pss_now / 1e6:.0f}' if with_pss else ''},{main_rss / 1e6:.0f}\n")
            samples.flush()
        time.sleep(RSS_EVERY_SECONDS)
    reader.join()
    if samples:
        samples.close()
    text = b"".join(output).decode("utf-8", "replace")
    if child.returncode not in (0,):
        sys.exit(f"{' '.join(command[:4])} failed (exit {child.returncode}):\n{text[-3000:]}")
    return time.perf_counter() - clock, (peak_rss, peak_pss)


def stored_summary(db: Path) -> dict:
    from pipeline.queries.overview import last_run_summary
    from pipeline.store import connect

    with connect(db, read_only=True) as con:
        return last_run_summary(con)


class PresidioAlone:
    """Presidio vanilla on the same logs, its models loaded once; `docs_per_second` times one pass."""

    def __init__(self, inputs: Path) -> None:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from bench_anonymise import presidio_vanilla

        from pipeline.config import Config
        from pipeline.ingest import ingest_directory

        self.logs = ingest_directory(inputs, Config().ingest).logs
        self.run = presidio_vanilla()

    def docs_per_second(self) -> float:
        clock = time.perf_counter()
        self.run(self.logs)
        return len(self.logs) / (time.perf_counter() - clock)


def measure(n_logs: int, density: str, args, work: Path, env: dict) -> dict:
    from pipeline.synth import generate

    corpus = work / f"{density}-{n_logs}"
    result = generate(n_logs, 7, corpus, density=density)
    config = work / "bench.toml"
    config.write_text(f"[topics]\nenabled = false\n[anonymise]\nn_process = {args.workers}\n", encoding="utf-8")
    als = [sys.executable, "-m", "pipeline.cli"]
    runs, presidio_rates = [], []
    # Presidio takes a turn after each run, so the ratio is of medians measured side by side: this
    # machine's speed moves between runs by more than the difference the ratio is read for.
    presidio = PresidioAlone(result.inputs_dir) if n_logs <= args.presidio_max else None
    for attempt in range(args.repeat):
        db = corpus / f"run{attempt}.duckdb"
        seconds, rss = timed([*als, "run", str(result.inputs_dir), "--db", str(db), "--config", str(config)], env,
                             pss=args.pss, timeline=args.timeline)
        runs.append({"seconds": seconds, "rss": rss, "stages": stored_summary(db).get("stage_seconds", {})})
        if presidio is not None:
            presidio_rates.append(presidio.docs_per_second())
    row = {"logs": result.logs, "density": density, "planted": result.planted,
           "seconds": statistics.median(r["seconds"] for r in runs),
           "rss_gb": max(r["rss"][0] for r in runs) / 1e9, "pss_gb": max(r["rss"][1] for r in runs) / 1e9,
           "stages": {s: statistics.median(r["stages"].get(s, 0.0) for r in runs) for s in STAGES}}
    db = corpus / "run0.duckdb"
    if args.rerun:
        row["rerun_seconds"], _ = timed([*als, "run", str(result.inputs_dir), "--db", str(db), "--config",
                                         str(config)], env)
    if args.recode:
        row["recode_seconds"], _ = timed([*als, "recode", "--db", str(db), "--config", str(config)], env)
    if args.topics:
        row["topics_seconds"], _ = timed([*als, "topics", "--db", str(db)], env)
    if presidio_rates:
        row["presidio_docs_s"] = statistics.median(presidio_rates)
        row["presidio_each"] = presidio_rates
        row["als_each"] = [result.logs / r["seconds"] for r in runs]
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logs", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--density", nargs="+", default=["realistic", "dense"], choices=["realistic", "dense"])
    parser.add_argument("--repeat", type=int, default=1, help="als runs per size (median)")
    parser.add_argument("--presidio-max", type=int, default=10000, help="largest size Presidio is timed on")
    parser.add_argument("--workers", type=int, default=0, help="[anonymise] n_process (0: the run decides)")
    parser.add_argument("--rerun", action="store_true", help="time a second run on the unchanged inputs")
    parser.add_argument("--pss", action="store_true",
                        help="also sample the tree's PSS (physical memory; slows the run it measures)")
    parser.add_argument("--timeline", type=Path, help="append the memory samples of each `als run` to this CSV")
    parser.add_argument("--recode", action="store_true", help="time `als recode` of the stored database")
    parser.add_argument("--topics", action="store_true", help="time `als topics` on the stored database")
    args = parser.parse_args()
    env = dict(os.environ, ALS_PSEUDONYM_KEY=os.environ.get("ALS_PSEUDONYM_KEY", "benchmark-only-key-0123456789"))
    print(f"{'logs':>6} {'density':>9} {'spans':>7} {'wall s':>8} {'docs/s':>7} {'RSS GB':>7} {'PSS GB':>7} "
          + " ".join(f"{s:>9}" for s in STAGES)
          + f" {'Presidio docs/s':>15} {'ratio':>6} {'re-run s':>8} {'recode s':>8} {'topics s':>8}", flush=True)
    with tempfile.TemporaryDirectory(prefix="als-scale-") as tmp:
        for density in args.density:
            for n_logs in args.logs:
                row = measure(n_logs, density, args, Path(tmp), env)
                docs_s = row["logs"] / row["seconds"]
                presidio = row.get("presidio_docs_s")
                pss_gb = row["pss_gb"] if args.pss else float("nan")  # not sampled: no figure, not 0
                print(f"{row['logs']:>6} {density:>9} {row['planted']:>7} {row['seconds']:>8.1f} {docs_s:>7.1f} "
                      f"{row['rss_gb']:>7.2f} {pss_gb:>7.2f} "
                      + " ".join(f"{row['stages'][s]:>9.1f}" for s in STAGES)
                      + f" {presidio or float('nan'):>15.1f} {docs_s / presidio if presidio else float('nan'):>6.2f}"
                      f" {row.get('rerun_seconds', float('nan')):>8.1f} {row.get('recode_seconds', float('nan')):>8.1f}"
                      f" {row.get('topics_seconds', float('nan')):>8.1f}",
                      flush=True)
                if len(row.get("presidio_each", [])) > 1:
                    print(f"{'':>16} each turn, docs/s: als run "
                          + ", ".join(f"{x:.1f}" for x in row["als_each"]) + "; Presidio alone "
                          + ", ".join(f"{x:.1f}" for x in row["presidio_each"]), flush=True)


if __name__ == "__main__":
    main()
