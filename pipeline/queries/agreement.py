"""How far people agreed with the suggestions: per code, the suggestions against human decisions.

`agreement_by_code` is the one table of agreement: the Review page, `als evaluate --db` and the
reports' methods appendix all read it, so they show the same numbers.

The units are the paragraphs a person has decided on at least one code for (reviewed paragraphs).
On them, per code, the machine either suggested the code or not, and a person
- accepted it (suggested: both say yes; not suggested, so the person added it: a miss), or
- rejected it (suggested: a wrong suggestion; not suggested: both say no), or
- made no decision on it: where it was not suggested, the person who read the paragraph saw no need
  to add it, so both say no (agreed absent); where it was suggested and nobody decided, the pair is
  still pending and left out (nobody has judged it).
Precision is the share of the decided suggestions people accepted, recall the share of the codes
people confirmed (accepted or added) that were suggested, kappa Cohen's over the whole table.
"""
from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from pipeline.queries.codings import HUMAN_DECISIONS

AGREEMENT_COLUMNS = ["code_id", "reviews", "accepted", "rejected", "added", "agreed_absent", "pending",
                     "precision", "recall", "kappa", "enough"]

_TABLE = f"""
    WITH decided AS ({HUMAN_DECISIONS}),
    suggested AS (SELECT DISTINCT segment_id, code_id FROM codings WHERE method <> 'human' AND status = 'suggested'),
    reviewed AS (SELECT DISTINCT segment_id FROM decided),
    cells AS (
        SELECT b.code_id, h.decided, m.segment_id IS NOT NULL AS machine
        FROM reviewed r CROSS JOIN codebook b
        LEFT JOIN decided h ON h.segment_id = r.segment_id AND h.code_id = b.code_id
        LEFT JOIN suggested m ON m.segment_id = r.segment_id AND m.code_id = b.code_id)
    SELECT b.code_id, count(c.decided) AS reviews,
           count(*) FILTER (WHERE c.machine AND c.decided = 'accepted') AS accepted,
           count(*) FILTER (WHERE c.machine AND c.decided = 'rejected') AS rejected,
           count(*) FILTER (WHERE NOT c.machine AND c.decided = 'accepted') AS added,
           count(*) FILTER (WHERE NOT c.machine AND coalesce(c.decided, 'rejected') = 'rejected') AS agreed_absent,
           count(*) FILTER (WHERE c.machine AND c.decided IS NULL) AS pending
    FROM codebook b LEFT JOIN cells c USING (code_id)
    GROUP BY b.code_id ORDER BY b.code_id"""


def kappa(tp, fp, fn, tn) -> float:
    """Cohen's kappa of a 2x2 table (machine yes/no by human yes/no); NaN where it is undefined
    (both always said the same one thing, or no cases)."""
    n = tp + fp + fn + tn
    if n == 0:
        return float("nan")
    observed = (tp + tn) / n
    expected = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / n ** 2
    return float("nan") if expected == 1 else float((observed - expected) / (1 - expected))


def agreement_by_code(con: duckdb.DuckDBPyConnection, min_reviews: int) -> pd.DataFrame:
    """Per code in the codebook: reviews (human decisions on it, whatever they were), the
    2x2 table's cells, the suggestions still pending on reviewed paragraphs, precision, recall and
    kappa (NaN where undefined), and `enough`: at least `min_reviews` reviews to judge the code by."""
    frame = con.execute(_TABLE).df()
    for column in ("reviews", "accepted", "rejected", "added", "agreed_absent", "pending"):
        frame[column] = frame[column].astype(int)
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["precision"] = frame["accepted"] / (frame["accepted"] + frame["rejected"])
        frame["recall"] = frame["accepted"] / (frame["accepted"] + frame["added"])
    frame["kappa"] = [kappa(r.accepted, r.rejected, r.added, r.agreed_absent) for r in frame.itertuples()]
    frame["enough"] = frame["reviews"] >= min_reviews
    return frame[AGREEMENT_COLUMNS]


def suggestion_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Machine suggestions in all, and how many of them a person has decided on."""
    total, reviewed = con.execute(f"""
        SELECT count(*), count(h.segment_id) FROM
            (SELECT DISTINCT segment_id, code_id FROM codings WHERE method <> 'human' AND status = 'suggested') s
        LEFT JOIN ({HUMAN_DECISIONS}) h USING (segment_id, code_id)""").fetchone()
    return {"suggestions": int(total), "reviewed": int(reviewed)}


def machine_suggested(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    """Every (segment, code) a coder suggested, whatever people decided since."""
    return set(con.execute("SELECT DISTINCT segment_id, code_id FROM codings "
                           "WHERE method <> 'human' AND status = 'suggested'").fetchall())
