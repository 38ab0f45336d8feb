"""How far to trust the suggestions, per theme, as readers see it: one table for the Review page,
`als evaluate --db` and the reports' methods appendix, built from the one agreement query
(pipeline.queries.agreement.agreement_by_code), so the three show the same numbers.

A theme with fewer reviews than [review] min_reviews keeps its row and its counts, and says
"too few reviews (n=3)" instead of a precision, recall and kappa that would rest on three cases.
"""
from __future__ import annotations

import duckdb
import pandas as pd

from pipeline.labels import NOT_MEASURED, TOO_FEW_REVIEWS, CodeLabels, column_label, kappa_words
from pipeline.queries.agreement import agreement_by_code

SHOWN_COLUMNS = ["reviews", "accepted", "rejected", "added", "precision", "recall", "kappa", "verdict"]


def _number(value: float, enough: bool) -> str:
    return f"{value:.2f}" if enough and value == value else NOT_MEASURED


def trust_table(frame: pd.DataFrame, codes: CodeLabels) -> pd.DataFrame:
    """`agreement_by_code`'s frame for people: themes by name (most reviewed first), counts, and
    shares and kappa as text (two decimals, or NOT_MEASURED), with the verdict in words."""
    rows = []
    for r in frame.sort_values(["reviews", "code_id"], ascending=[False, True]).itertuples():
        verdict = kappa_words(r.kappa) if r.enough else TOO_FEW_REVIEWS.format(n=r.reviews)
        rows.append([codes.code(r.code_id), str(r.reviews), str(r.accepted), str(r.rejected), str(r.added),
                     _number(r.precision, r.enough), _number(r.recall, r.enough), _number(r.kappa, r.enough),
                     verdict])
    return pd.DataFrame(rows, columns=[column_label("code")] + [column_label(c) for c in SHOWN_COLUMNS])


def agreement_view(con: duckdb.DuckDBPyConnection, codes: CodeLabels, min_reviews: int) -> pd.DataFrame:
    """The per-theme agreement table, read and labelled; empty when nobody has reviewed anything."""
    frame = agreement_by_code(con, min_reviews)
    if int(frame["reviews"].sum()) == 0:
        return trust_table(frame.iloc[:0], codes)
    return trust_table(frame, codes)


CAPTION = ("Per theme, the suggestions against people's decisions on the paragraphs they reviewed: precision is "
           "the share of the suggestions people decided on that they accepted, recall the share of the themes "
           "people confirmed (accepted or added) that had been suggested, kappa Cohen's (a theme neither "
           "suggested nor added on a reviewed paragraph counts as agreed absent). A theme with fewer than "
           "{min_reviews} reviews is marked so rather than judged.")
