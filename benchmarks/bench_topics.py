"""Topic modelling fit time and peak memory at 1,000, 10,000 and 50,000 segments.

    python benchmarks/bench_topics.py [--sizes 1000 10000 50000]

Segments are recombined from the synthetic generator's paragraphs (`als synth`,
fictional text; personal data replaced by placeholders as the anonymiser would):
2 to 4 sentences drawn with a fixed seed. Each size runs in a fresh process, so
its peak resident memory is its own. Embedding and topic fitting are timed apart;
the target is <= 120 s in all for 10,000 segments on a 2-core machine.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SOURCE_LOGS = 600


def make_segments(size: int, seed: int = 3) -> list:
    from pipeline.coding.labels import read_labels
    from pipeline.synth import generate
    from pipeline.topics import TopicSegment

    with tempfile.TemporaryDirectory() as folder:
        result = generate(SOURCE_LOGS, seed, Path(folder))
        paragraphs, _ = read_labels(result.gold_path)
    sentences = [s for p in paragraphs for s in p.text.replace("\n", " ").split(". ") if len(s.split()) > 3]
    rng = random.Random(seed)
    return [TopicSegment(f"S{i}", ". ".join(rng.sample(sentences, rng.randint(2, 4))) + ".",
                         f"Set {rng.randint(1, 12)}", rng.randint(1, 10)) for i in range(size)]


def one(size: int) -> dict:
    from pipeline.config import TopicsConfig
    from pipeline.embeddings import Embedder
    from pipeline.topics import TopicModeller

    segments = make_segments(size)
    embedder = Embedder()
    start = time.perf_counter()
    embedder.encode([s.text for s in segments])  # cached: fit_transform reuses these vectors
    embedded = time.perf_counter() - start
    start = time.perf_counter()
    result = TopicModeller(TopicsConfig(), embedder).fit_transform(segments)
    fitted = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"segments": size, "embed_s": round(embedded, 1), "topics_s": round(fitted, 1),
            "total_s": round(embedded + fitted, 1), "peak_mb": round(peak_mb), "strategy": result.strategy,
            "topics": sum(t.topic_id != -1 for t in result.topics), "outliers_before": result.outliers_before,
            "outliers": result.outliers_after}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    print(f"{'segments':>9s} {'embed s':>8s} {'topics s':>9s} {'total s':>8s} {'peak MB':>8s}  strategy  topics  outliers (before -> after)")
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{row['segments']:9d} {row['embed_s']:8.1f} {row['topics_s']:9.1f} {row['total_s']:8.1f} "
              f"{row['peak_mb']:8d}  {row['strategy']:8s}  {row['topics']:6d}  {row['outliers_before']:6d} -> {row['outliers']}", flush=True)


if __name__ == "__main__":
    main()
