"""A simulated review of a database, for looking at what trust the Review page, `als evaluate --db` and the
methods appendix then show: `python scripts/simulate_review.py --db FILE [--n 120] [--strategy uncertain]`.

It takes the first N suggestions of the review queue (pipeline.queries.active_review, as `als review
export --strategy` lists them) and decides each as a hurried reviewer might: accept with a probability
equal to the suggestion's confidence (seeded), otherwise reject; on one paragraph in six it opens, it
also adds a theme whose codebook keywords appear in the paragraph but which nobody suggested. The
decisions are written through pipeline.store as one review run, as `als review import` writes them.
A demonstration of the reading side only: these decisions say nothing about the coder's real quality.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.coding.base import CodingUnit  # noqa: E402
from pipeline.coding.codebook import load_codebook  # noqa: E402
from pipeline.coding.rules import RuleCoder  # noqa: E402
from pipeline.provenance import new_run_id, package_versions  # noqa: E402
from pipeline.queries.active_review import STRATEGIES, review_queue  # noqa: E402
from pipeline.queries.agreement import machine_suggested  # noqa: E402
from pipeline.records import Coding  # noqa: E402
from pipeline.store import RunRecord, Store, connect  # noqa: E402

ADD_SHARE = 1 / 6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--n", type=int, default=120)
    parser.add_argument("--strategy", choices=STRATEGIES, default="uncertain")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    chance = random.Random(args.seed)
    with connect(args.db, read_only=True) as con:
        queue = review_queue(con, args.strategy, args.n, args.seed)
        suggested = machine_suggested(con)
    rules = RuleCoder(load_codebook())
    decisions, opened = [], set()
    for item in queue.itertuples():
        status = "accepted" if chance.random() < float(item.confidence) else "rejected"
        decisions.append(Coding(item.segment_id, item.code_id, "human", 1.0, status))
        if item.segment_id in opened:
            continue
        opened.add(item.segment_id)
        if chance.random() < ADD_SHARE:
            matched = rules.predict([CodingUnit(item.text, item.field_prompt)])[0]
            missed = [c for c, hit in zip(rules.code_ids, matched) if hit and (item.segment_id, c) not in suggested]
            if missed:
                decisions.append(Coding(item.segment_id, missed[0], "human", 1.0, "accepted"))
    run = RunRecord(new_run_id(), "review", dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
                    {"source": "scripts/simulate_review.py", "strategy": args.strategy, "seed": args.seed},
                    package_versions(), {"decisions": len(decisions)})
    with Store(args.db) as store:
        store.write_codings(run, decisions)
    accepted = sum(d.status == "accepted" for d in decisions)
    print(f"Recorded {len(decisions)} decisions on {len(opened)} paragraphs ({accepted} accepted or added, "
          f"{len(decisions) - accepted} rejected) in {args.db}")


if __name__ == "__main__":
    main()
