"""Time to first render of each dashboard page on a database of 10,000 logs (AppTest, caches cleared).

    python benchmarks/bench_dashboard.py [--logs 10000] [--repeat 3] [--source out/sample.duckdb]

The large database is the sample programme's anonymised database (run
`bash scripts/sample.sh` first) with its documents, paragraphs, codings and
topics recombined into --logs documents across 40 sets and 12 meetings (new ids,
same anonymised text): what a large programme looks like to the queries. Each
page is rendered --repeat times with Streamlit's caches cleared; medians print.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["app.py", "pages/1_Themes_across_sets.py", "pages/2_Change_over_meetings.py", "pages/3_Quotes.py",
         "pages/4_Systemic_challenges.py", "pages/5_Topics.py", "pages/6_Review.py"]


def build(source: Path, target: Path, logs: int) -> None:
    shutil.copy(source, target)
    con = duckdb.connect(str(target))
    base = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    copies = -(-logs // base)
    con.execute("CREATE TEMP TABLE k AS SELECT range AS k FROM range(1, ?)", [copies])
    con.execute("""INSERT INTO documents SELECT d.doc_id || '-' || k, d.source_ref || '-' || k,
                   d.source_sha256 || '-' || k, d.log_type, 'Set ' || (k % 40 + 1), (k % 12) + 1,
                   d.meeting_month, d.member_code || (k % 240), d.org_code || (k % 200), d.org_type, d.setting,
                   d.role, d.text, d.ingested_at, d.run_id FROM documents d, k""")
    con.execute("""INSERT INTO segments SELECT s.segment_id || '-' || k, s.doc_id || '-' || k, s.field_index,
                   s.field_prompt, s.paragraph_index, s.sentence_index, s.text FROM segments s, k""")
    con.execute("""INSERT INTO codings SELECT c.segment_id || '-' || k, c.code_id, c.method, c.confidence,
                   c.status, c.run_id, c.created_at FROM codings c, k""")
    con.execute("""INSERT INTO segment_topics SELECT t.segment_id || '-' || k, t.run_id, t.topic_id, t.probability
                   FROM segment_topics t, k""")
    con.execute("DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM documents ORDER BY doc_id "
                "OFFSET ?)", [logs])
    con.close()


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
        build(args.source, db, args.logs)
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
