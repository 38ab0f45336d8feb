"""The writer's memory while one batch is stored chunk by chunk in one transaction (issue 19).

    python benchmarks/bench_store_memory.py [--logs 30000] [--chunk-logs 1000] [--limits none 512MB 256MB]
                                            [--register]

Each configuration runs in a fresh subprocess: it opens a new database with `Store`, then hands
`Store.batch` invented documents of the size realistic logs store (per 1,000 logs: 1,000 documents of
about 1,460 characters, 5,900 paragraphs with a 384-float vector each, 13,800 sentences, 10,700
entities, 1,840 questions, 11,300 codings: the means of a 3,000-log `als synth --density realistic`
run), `--chunk-logs` at a time, and prints the process's RSS, DuckDB's own account
(`duckdb_memory()`) and Arrow's allocations as the batch grows, then the wall time and the RSS
after the commit. Only the store runs here: no model is loaded, so the figures are the writer's alone.

`--limits` names the DuckDB memory limits to compare (`none` is DuckDB's default, 80 % of RAM);
`--register` adds the writer as it was before (each chunk's Arrow table registered as a view,
which the open transaction keeps until the commit), run with the first limit, for the side-by-side.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import random
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Per 1,000 realistic logs (see the docstring): rows per log and characters per row.
PARAGRAPHS_PER_LOG, SENTENCES_PER_PARAGRAPH, ENTITIES_PER_LOG, QUESTIONS_PER_LOG = 5.9, 2.33, 10.7, 1.84
CODINGS_PER_PARAGRAPH = 1.9
DOCUMENT_CHARS, PARAGRAPH_CHARS, SENTENCE_CHARS, QUESTION_CHARS = 1460, 207, 88, 52
CODES = [f"code_{n:02d}_{'x' * 12}" for n in range(17)]


def invented_logs(start: int, count: int, rng: random.Random) -> list:
    """`count` stored logs of invented words, numbered from `start` (no real text, no personal data)."""
    import numpy as np

    from pipeline.records import (AnonymisedLog, Coding, PlacedEntity, Question, Segment, SegmentedLog,
                                  Sentence)

    pool = "".join(rng.choice(string.ascii_lowercase + "    ") for _ in range(20000))

    def words(chars: int) -> str:  # a slice of the pool: a new string, as a stored text is
        start = rng.randrange(len(pool) - chars)
        return pool[start:start + chars]

    np_rng = np.random.default_rng(start)
    logs = []
    for n in range(start, start + count):
        doc_id = f"d{n:013d}"
        paragraphs = max(1, round(rng.gauss(PARAGRAPHS_PER_LOG, 1.5)))
        segments = []
        for p in range(paragraphs):
            segment_id = f"{doc_id}-{p:04d}"
            sentences = tuple(Sentence(segment_id, s, words(SENTENCE_CHARS))
                              for s in range(max(1, round(rng.gauss(SENTENCES_PER_PARAGRAPH, 1)))))
            segments.append(Segment(segment_id, doc_id, p % 4, "What happened in the meeting", p,
                                    words(PARAGRAPH_CHARS), sentences))
        document = AnonymisedLog(doc_id, f"R{n:08d}", f"s{n:063d}", "observer", "set-1", n % 12 + 1, "2026-01",
                                 "M-0001", "O-0001", "local authority", None, "observer", [], [])
        logs.append(SegmentedLog(
            document=document, segments=segments,
            questions=[Question(doc_id, q, "Questions asked", words(QUESTION_CHARS), "open", 0.9)
                       for q in range(max(0, round(rng.gauss(QUESTIONS_PER_LOG, 1))))],
            entities=[PlacedEntity(doc_id, segments[e % paragraphs].segment_id, "PERSON", "[PERSON_1]",
                                   "spacy", 0.85) for e in range(max(0, round(rng.gauss(ENTITIES_PER_LOG, 3))))],
            text=words(DOCUMENT_CHARS),
            codings=[Coding(s.segment_id, CODES[(i + k) % len(CODES)], "model", 0.7, "suggested")
                     for i, s in enumerate(segments) for k in range(2 if rng.random() < CODINGS_PER_PARAGRAPH - 1 else 1)],
            vectors={s.segment_id: np_rng.random(384, dtype=np.float32) for s in segments},
            vector_model="bench"))
    return logs


def child(db: Path, logs: int, chunk_logs: int, limit: str, register: bool) -> dict:
    """One configuration, in this (fresh) process: the samples and the totals, as a dict."""
    import psutil
    import pyarrow as pa

    from pipeline.store import RunRecord, Store, arrow_table

    if register:  # the writer before issue 19's fix: a registered view, held by the transaction
        def with_rows(self, name, columns, rows, statement):
            self.con.register(name, arrow_table(columns, rows))
            try:
                self.con.execute(statement)
            finally:
                self.con.unregister(name)
        Store._with_rows = with_rows
    rng = random.Random(7)
    process = psutil.Process()
    samples, made_seconds = [], 0.0
    clock = time.perf_counter()
    with Store(db, memory_limit=None if limit == "none" else limit) as store:
        run = RunRecord("bench-run", "run", dt.datetime(2026, 1, 1), {}, {})
        with store.batch(run) as writer:
            for start in range(0, logs, chunk_logs):
                made = time.perf_counter()
                chunk = invented_logs(start, min(chunk_logs, logs - start), rng)
                made_seconds += time.perf_counter() - made
                writer.append(chunk)
                del chunk
                gc.collect()
                duck = store.con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchall()[0][0]
                samples.append({"logs": start + chunk_logs, "rss": process.memory_info().rss,
                                "duckdb": int(duck or 0), "arrow": pa.total_allocated_bytes()})
        committed_rss = process.memory_info().rss
    return {"samples": samples, "seconds": time.perf_counter() - clock - made_seconds,
            "committed_rss": committed_rss, "file_mb": db.stat().st_size / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--logs", type=int, default=30000)
    parser.add_argument("--chunk-logs", type=int, default=1000)
    parser.add_argument("--limits", nargs="+", default=["none", "512MB", "256MB"])
    parser.add_argument("--register", action="store_true", help="add the writer as it was before the fix")
    parser.add_argument("--child", nargs=3, metavar=("DB", "LIMIT", "REGISTER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        db, limit, register = args.child
        print(json.dumps(child(Path(db), args.logs, args.chunk_logs, limit, register == "1")))
        return
    configurations = [(limit, False) for limit in args.limits] + ([(args.limits[0], True)] if args.register else [])
    print(f"{args.logs:,} invented logs stored {args.chunk_logs:,} at a time in one transaction; MB = 10^6 bytes")
    print(f"{'writer':34s} {'RSS at 1/4 · 1/2 · end of batch':>34s} {'MB per 1k logs':>15s} {'DuckDB':>7s} "
          f"{'Arrow':>6s} {'after commit':>12s} {'seconds':>8s} {'file':>6s}")
    with tempfile.TemporaryDirectory(prefix="als-store-memory-") as tmp:
        for n, (limit, register) in enumerate(configurations):
            db = Path(tmp) / f"bench{n}.duckdb"
            out = subprocess.run([sys.executable, __file__, "--logs", str(args.logs), "--chunk-logs",
                                  str(args.chunk_logs), "--child", str(db), limit, "1" if register else "0"],
                                 check=True, capture_output=True, text=True)
            result = json.loads(out.stdout.strip().splitlines()[-1])
            samples = result["samples"]
            marks = [samples[max(0, len(samples) * k // 4 - 1)] for k in (1, 2, 4)]
            half = samples[len(samples) // 2:]  # growth over the second half, once DuckDB's caches are warm
            growth = statistics.median(
                (b["rss"] - a["rss"]) / (b["logs"] - a["logs"]) * 1000 for a, b in zip(half, half[1:])) / 1e6 \
                if len(half) > 1 else float("nan")
            name = ("registered views (before)" if register else "relation (now)") + f", limit {limit}"
            at_marks = " · ".join(f"{m['rss'] / 1e6:,.0f}" for m in marks)
            print(f"{name:34s} {at_marks:>34s} {growth:>15.1f} "
                  f"{samples[-1]['duckdb'] / 1e6:>7,.0f} {samples[-1]['arrow'] / 1e6:>6,.0f} "
                  f"{result['committed_rss'] / 1e6:>12,.0f} {result['seconds']:>8.1f} {result['file_mb']:>6,.0f}")


if __name__ == "__main__":
    main()
