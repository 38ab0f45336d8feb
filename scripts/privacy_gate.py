"""The privacy gate CI runs after the tests: anonymise the development corpus and score it.

    .venv/bin/python scripts/privacy_gate.py [--corpus ../shared/dev-corpus] [--scorer ../shared/tools/score.py]

Runs `als run` and `als export` on the corpus' raw inputs into a temporary folder (a fresh key, an
embedded DuckDB file), scores the export and the database with the corpus' own scorer, and exits 1
when recall is below the floor, when any metadata identity or identifier is in the export or the
database, or when too many ordinary words were lost: a privacy regression never lands. The corpus
is not part of the repository; where it is absent the gate says so and passes, unless
ALS_REQUIRE_PRIVACY_GATE=1 (then it fails).
"""
from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The floors of the anonymisation issue: recall first, then precision.
MIN_RECALL = 0.995
MAX_WORDS_LOST = 0.02


def _als(*args: str) -> None:
    done = subprocess.run([str(ROOT / ".venv" / "bin" / "als"), *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"privacy gate: `als {args[0]}` failed (exit {done.returncode}):\n{done.stderr[-1500:]}")


def scores(text: str) -> dict[str, object]:
    """The scorer's `name: value` lines as values."""
    found: dict[str, object] = {}
    for line in text.splitlines():
        name, _, value = line.partition(": ")
        try:
            found[name.strip()] = ast.literal_eval(value.strip())
        except (ValueError, SyntaxError):
            found[name.strip()] = value.strip()
    return found


def failures(found: dict[str, object]) -> list[str]:
    problems = []
    recall = found.get("pii_recall")
    if not isinstance(recall, float) or recall < MIN_RECALL:
        problems.append(f"pii_recall {recall} is below {MIN_RECALL}")
    for where in ("metadata_identities_in_export", "metadata_identities_in_db"):
        if found.get(where):
            problems.append(f"{where}: {len(found[where])} found")  # never print them: they are personal data
    lost = found.get("non_pii_words_lost")
    if not isinstance(lost, float) or lost > MAX_WORDS_LOST:
        problems.append(f"non_pii_words_lost {lost} is above {MAX_WORDS_LOST}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "dev-corpus")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "tools" / "score.py")
    args = parser.parse_args()
    if not (args.corpus / "inputs").is_dir() or not args.scorer.is_file():
        message = f"privacy gate: no development corpus at {args.corpus} (or no scorer at {args.scorer})"
        if os.environ.get("ALS_REQUIRE_PRIVACY_GATE") == "1":
            print(message + "; ALS_REQUIRE_PRIVACY_GATE=1, so this fails", file=sys.stderr)
            return 1
        print(message + "; skipped")
        return 0
    with tempfile.TemporaryDirectory(prefix="als-privacy-gate-") as work:
        work_dir = Path(work)
        key, db, export = work_dir / "gate.key", work_dir / "gate.duckdb", work_dir / "export.jsonl"
        _als("keygen", "--out", str(key))
        _als("run", str(args.corpus / "inputs"), "--db", str(db), "--key-file", str(key))
        _als("export", "--db", str(db), "--format", "jsonl", "--out", str(export))
        done = subprocess.run([sys.executable, str(args.scorer), str(args.corpus / "gold.jsonl"), str(export),
                               "--db", str(db)], capture_output=True, text=True)
        if done.returncode != 0:
            print(f"privacy gate: the scorer failed:\n{done.stderr[-1500:]}", file=sys.stderr)
            return 1
    found = scores(done.stdout)
    summary = ", ".join(f"{name} {found.get(name)}" for name in
                        ("pii_recall", "pii_recall_hard_cases", "non_pii_words_lost", "keep_terms_kept"))
    problems = failures(found)
    if problems:
        print(f"privacy gate FAILED ({summary}): " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"privacy gate passed: {summary}; no metadata identity or identifier in the export or the database")
    return 0


if __name__ == "__main__":
    sys.exit(main())
