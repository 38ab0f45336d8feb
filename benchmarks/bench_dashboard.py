"""Time to first render of each dashboard page on a database of 10,000 logs (AppTest, caches cleared).

    python benchmarks/bench_dashboard.py [--logs 10000] [--repeat 3] [--source out/sample.duckdb]

The large database is the sample programme's anonymised database (run
`bash scripts/sample.sh` first) copied until it holds --logs documents
(benchmarks/inflate.py, shared with bench_reports.py: each copy its own sets,
members, organisations and meeting months, every table copied with it; same
anonymised text): what a large programme looks like to the queries. Each
page is rendered --repeat times with Streamlit's caches cleared; medians print.
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from inflate import inflate

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["Overview.py"] + sorted(f"pages/{p.name}" for p in (ROOT / "dashboards" / "pages").glob("*.py"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--source", type=Path, default=ROOT / "out" / "sample.duckdb")
    args = parser.parse_args()
    if not args.source.exists():
        raise SystemExit(f"{args.source} missing: run `bash scripts/sample.sh` first")
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "large.duckdb"
        start = time.perf_counter()
        inflate(args.source, db, args.logs, say=lambda line: None)
        con = duckdb.connect(str(db), read_only=True)
        documents, segments = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM segments)").fetchone()
        con.close()
        print(f"database: {documents} documents, {segments} paragraphs (built in {time.perf_counter() - start:.1f} s)\n")
        os.environ["ALS_DB"] = str(db)
        print(f"{'page':36s} {'median s':>9s} {'runs':>22s}")
        for page in PAGES:
            times = []
            for _ in range(args.repeat):
                st.cache_data.clear()
                app = AppTest.from_file(str(ROOT / "dashboards" / page), default_timeout=120)
                start = time.perf_counter()
                app.run()
                times.append(time.perf_counter() - start)
                if app.exception:
                    raise SystemExit(f"{page}: {app.exception}")
            runs = " ".join(f"{t:.2f}" for t in times)
            print(f"{page:36s} {statistics.median(times):9.2f} {runs:>22s}", flush=True)


if __name__ == "__main__":
    main()
