"""Which suggestions to review next, so that each decision teaches the coder most (active review).

Three orders of the pending suggestions (`STRATEGIES`, the same for `als review export --strategy`
and the dashboard's Review page, so both list the same items for the same database):

- uncertain: closest to its code's threshold first (where the coder was least sure);
- disagree: suggestions the stored coders did not all make first (the codebook coder and the
  topics, say: one suggested the code on a paragraph the other coded too, the other did not);
- random: a seeded random sample, the baseline the others are measured against.

Uncertain and disagree also favour the codes people have reviewed least: the queue goes to the code
with the fewest human decisions so far (counting the ones already queued) and takes its next item in
the strategy's order, so a code nobody has judged is judged before a well-reviewed one gets more.

`rank_candidates` is the order itself, on a plain frame; `review_queue` builds that frame from a
database. benchmarks/active_review.py ranks simulated candidates with the same function.
"""
from __future__ import annotations

import heapq

import duckdb
import numpy as np
import pandas as pd

from pipeline.coding.base import Coder
from pipeline.config import REVIEW_STRATEGIES
from pipeline.queries.codings import HUMAN_DECISIONS
from pipeline.queries.meta import coding_thresholds

STRATEGIES = REVIEW_STRATEGIES
# What rank_candidates needs, per pending (segment, code): the coder's confidence and its code's
# threshold (NaN when no coder with a threshold suggested it), how many coders suggested it, how many
# coded the paragraph, and how many human decisions its code has.
CANDIDATE_COLUMNS = ["segment_id", "code_id", "confidence", "threshold", "votes", "coders", "reviews"]


class UnknownStrategy(ValueError):
    """A strategy name that is not one of STRATEGIES."""


def uncertainty(candidates: pd.DataFrame) -> pd.Series:
    """Distance of each confidence from its code's threshold (smaller is less certain; unknown is last)."""
    return (candidates["confidence"] - candidates["threshold"]).abs().fillna(np.inf)


def disagreement(candidates: pd.DataFrame) -> pd.Series:
    """How split the coders were: 0 when all that coded the paragraph suggested it, 0.5 at an even split."""
    coders = candidates["coders"].clip(lower=1)
    return np.minimum(candidates["votes"], coders - candidates["votes"]).clip(lower=0) / coders


def rank_candidates(candidates: pd.DataFrame, strategy: str, n: int | None = None, seed: int = 42) -> pd.DataFrame:
    """The first `n` candidates (all when None) in the order `strategy` would have them reviewed."""
    if strategy not in STRATEGIES:
        raise UnknownStrategy(f"strategy must be one of {', '.join(STRATEGIES)}, not {strategy!r}")
    n = len(candidates) if n is None else max(0, min(int(n), len(candidates)))
    if candidates.empty or n == 0:
        return candidates.iloc[:0]
    if strategy == "random":
        return candidates.sample(n=n, random_state=seed)
    keys = pd.DataFrame({"uncertainty": uncertainty(candidates), "split": -disagreement(candidates),
                         "segment_id": candidates["segment_id"], "code_id": candidates["code_id"]},
                        index=candidates.index)
    order = ["uncertainty", "split"] if strategy == "uncertain" else ["split", "uncertainty"]
    ranked = keys.sort_values(order + ["segment_id", "code_id"])
    # Per code, its items in the strategy's order; then always serve the code with the fewest reviews.
    queues = {code: list(group.index) for code, group in ranked.groupby("code_id", sort=False)}
    reviews = candidates.groupby("code_id")["reviews"].first()
    heap = [(int(reviews[code]), position, code) for position, code in enumerate(queues)]
    heapq.heapify(heap)
    chosen = []
    while heap and len(chosen) < n:
        count, position, code = heapq.heappop(heap)
        chosen.append(queues[code].pop(0))
        if queues[code]:
            heapq.heappush(heap, (count + 1, position, code))
    return candidates.loc[chosen]


_CANDIDATES = f"""
    WITH pending AS (
        SELECT c.segment_id, c.code_id, c.method, c.confidence FROM codings c
        LEFT JOIN ({HUMAN_DECISIONS}) h ON h.segment_id = c.segment_id AND h.code_id = c.code_id
        WHERE c.status = 'suggested' AND c.method <> 'human' AND h.segment_id IS NULL),
    coders AS (
        SELECT segment_id, count(DISTINCT method) AS coders FROM codings
        WHERE method <> 'human' AND status = 'suggested' GROUP BY segment_id),
    reviews AS (SELECT code_id, count(*) AS reviews FROM ({HUMAN_DECISIONS}) GROUP BY code_id)
    SELECT p.segment_id, p.code_id,
           max(p.confidence) FILTER (WHERE p.method <> 'topic') AS confidence,
           count(DISTINCT p.method) AS votes, any_value(k.coders) AS coders,
           coalesce(any_value(r.reviews), 0) AS reviews,
           string_agg(DISTINCT p.method, ',' ORDER BY p.method) AS method,
           round(max(p.confidence), 3) AS shown_confidence,
           any_value(s.text) AS text, any_value(d.set_id) AS set_id, any_value(d.meeting_number) AS meeting_number,
           any_value(s.field_prompt) AS field_prompt, any_value(d.source_ref) AS source_ref
    FROM pending p JOIN coders k USING (segment_id) LEFT JOIN reviews r USING (code_id)
    JOIN segments s ON s.segment_id = p.segment_id JOIN documents d ON d.doc_id = s.doc_id
    WHERE (? IS NULL OR p.code_id = ?)
    GROUP BY p.segment_id, p.code_id
    HAVING coalesce(max(p.confidence), 0) BETWEEN ? AND ?
    ORDER BY p.segment_id, p.code_id"""


def pending_candidates(con: duckdb.DuckDBPyConnection, code_id: str | None = None, min_confidence: float = 0.0,
                       max_confidence: float = 1.0) -> pd.DataFrame:
    """Every pending suggestion once per (segment, code), with what rank_candidates needs and what a
    reviewer reads (method, confidence, text, set_id, meeting_number, field_prompt, source_ref).

    Topic suggestions carry a probability, not a score against a threshold: the uncertainty of a
    suggestion is the codebook coder's, measured against the thresholds the newest run recorded
    (the coder's default for a database from before they were kept)."""
    frame = con.execute(_CANDIDATES, [code_id, code_id, min_confidence, max_confidence]).df()
    thresholds = coding_thresholds(con)
    frame["threshold"] = frame["code_id"].map(lambda c: thresholds.get(c, Coder.default_threshold))
    frame.loc[frame["confidence"].isna(), "threshold"] = np.nan
    return frame


def review_queue(con: duckdb.DuckDBPyConnection, strategy: str, n: int | None = None, seed: int = 42,
                 code_id: str | None = None, min_confidence: float = 0.0, max_confidence: float = 1.0) -> pd.DataFrame:
    """The next `n` suggestions to review by `strategy`, in that order; the review sheet's and the
    Review page's queue. `confidence` is the highest a coder gave (3 decimals), `method` the coders
    that suggested it (comma-separated)."""
    ranked = rank_candidates(pending_candidates(con, code_id, min_confidence, max_confidence), strategy, n, seed)
    shown = ranked.drop(columns=["confidence"]).rename(columns={"shown_confidence": "confidence"})
    return shown.reset_index(drop=True)
