"""The after-training figure, through the real commands: train on one set, score on the others.

    python benchmarks/crossfit_coding.py INPUT_DIR LABELS.jsonl [--score ../shared/tools/score.py]

For every set in LABELS it runs `als train` on the other sets' documents, `als run`
over INPUT_DIR with that model, and `als export`; the merged export keeps each
set's documents from the model that never saw them, so nothing is scored on what it
was trained on. With --score it then runs the scorer on the merged export.
Needs ALS_PSEUDONYM_KEY (or a key file in the config) like any run.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path


def als(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"als {args[0]} failed (exit {done.returncode}):\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", type=Path)
    parser.add_argument("labels", type=Path, help="documents with set_id and coded paragraphs (gold.jsonl's shape)")
    parser.add_argument("--score", type=Path, help="a scorer taking GOLD EXPORT (../shared/tools/score.py)")
    parser.add_argument("--out", type=Path, default=Path("crossfit-export.jsonl"))
    args = parser.parse_args()
    documents = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    sets = sorted({d["set_id"] for d in documents})
    if len(sets) < 2:
        sys.exit("cross-fitting needs labelled documents from at least two sets")
    merged: list[str] = []
    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        for held_out in sets:
            name = "".join(ch if ch.isalnum() else "_" for ch in held_out)
            labels, model = work / f"train_{name}.jsonl", work / f"model_{name}.npz"
            labels.write_text("".join(json.dumps(d) + "\n" for d in documents if d["set_id"] != held_out))
            als("train", "--labels", str(labels), "--out", str(model))
            config, db, export = work / f"{name}.toml", work / f"{name}.duckdb", work / f"{name}.jsonl"
            config.write_text(f'[coding]\nmodel_file = "{model.as_posix()}"\n')
            als("run", str(args.inputs), "--config", str(config), "--db", str(db))
            als("export", "--db", str(db), "--format", "jsonl", "--out", str(export))
            kept = [line for line in export.read_text(encoding="utf-8").splitlines()
                    if json.loads(line)["set_id"] == held_out]
            print(f"{held_out}: model fitted on the other {len(sets) - 1} set(s), {len(kept)} documents kept")
            merged += kept
    args.out.write_text("".join(line + "\n" for line in merged), encoding="utf-8")
    print(f"merged export: {args.out} ({len(merged)} documents)")
    if args.score:
        subprocess.run([sys.executable, str(args.score), str(args.labels), str(args.out)], check=True)


if __name__ == "__main__":
    main()
