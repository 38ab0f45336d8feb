"""Time each stage of `als run` on the bundled sample programme.

    python benchmarks/bench_pipeline.py [--repeat 5]

Prints the median seconds per stage over the repeats (models loaded once, as
in a real run) and logs per second for the whole job. A fresh database each
repeat, so the store does real work.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path

from pipeline.anonymise import build_anonymiser
from pipeline.config import Config
from pipeline.ingest import ingest_directory
from pipeline.segment import Segmenter
from pipeline.store import RunRecord, Store

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--input", type=Path, default=SAMPLE)
    args = parser.parse_args()
    os.environ.setdefault("ALS_PSEUDONYM_KEY", "benchmark-only-key-0123456789")
    config = Config()
    started = time.perf_counter()
    anonymiser = build_anonymiser(config.anonymise)
    print(f"model load: {time.perf_counter() - started:.2f} s (once per process)")
    timings: dict[str, list[float]] = {"ingest": [], "anonymise": [], "segment": [], "store": []}
    logs = 0
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            clock = time.perf_counter()
            ingested = ingest_directory(args.input, config.ingest)
            timings["ingest"].append(time.perf_counter() - clock)
            clock = time.perf_counter()
            anonymised = anonymiser.fit_transform(ingested.logs)
            timings["anonymise"].append(time.perf_counter() - clock)
            clock = time.perf_counter()
            segmented = Segmenter().transform(anonymised)
            timings["segment"].append(time.perf_counter() - clock)
            clock = time.perf_counter()
            with Store(Path(tmp) / "bench.duckdb") as store:
                store.write_batch(RunRecord("R-bench", "bench", dt.datetime.now(), {}, {}),
                                  segmented, [])
            timings["store"].append(time.perf_counter() - clock)
            logs = len(ingested.logs)
    total = sum(statistics.median(v) for v in timings.values())
    print(f"{logs} logs from {args.input}, median of {args.repeat} runs")
    print(f"{'stage':<10} {'median s':>9} {'share':>6}")
    for stage, values in timings.items():
        median = statistics.median(values)
        print(f"{stage:<10} {median:>9.3f} {median / total:>6.0%}")
    print(f"{'total':<10} {total:>9.3f}   -> {logs / total:.1f} logs/s")


if __name__ == "__main__":
    main()
