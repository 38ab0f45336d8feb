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
# A printed page has room for fewer columns: the counts behind the shares are left to the dashboard.
PRINTED_COLUMNS = [column_label(c) for c in ("code", "reviews", "precision", "recall", "kappa", "verdict")]


def _share(value: float, enough: bool, as_text: bool):
    shown = value if enough and value == value else float("nan")
    if not as_text:
        return round(shown, 2)
    return NOT_MEASURED if shown != shown else f"{shown:.2f}"


def trust_table(frame: pd.DataFrame, codes: CodeLabels, as_text: bool = True) -> pd.DataFrame:
    """`agreement_by_code`'s frame for people: themes by name (most reviewed first), counts, precision,
    recall and kappa (two decimals; not measured where a theme has too few reviews or nothing to measure
    them on), and the agreement in words.

    As text (the page and the terminal: no column mixes numbers and words), or with counts as integers and
    shares as numbers, NaN where not measured (a report's table, which aligns and sizes number columns)."""
    rows = []
    for r in frame.sort_values(["reviews", "code_id"], ascending=[False, True]).itertuples():
        verdict = kappa_words(r.kappa) if r.enough else TOO_FEW_REVIEWS.format(n=r.reviews)
        counts = [r.reviews, r.accepted, r.rejected, r.added]
        rows.append([codes.code(r.code_id)] + [str(c) if as_text else int(c) for c in counts]
                    + [_share(v, r.enough, as_text) for v in (r.precision, r.recall, r.kappa)] + [verdict])
    return pd.DataFrame(rows, columns=[column_label("code")] + [column_label(c) for c in SHOWN_COLUMNS])


def agreement_view(con: duckdb.DuckDBPyConnection, codes: CodeLabels, min_reviews: int,
                   as_text: bool = True) -> pd.DataFrame:
    """The per-theme agreement table, read and labelled; empty when nobody has reviewed anything."""
    frame = agreement_by_code(con, min_reviews)
    if int(frame["reviews"].sum()) == 0:
        return trust_table(frame.iloc[:0], codes, as_text)
    return trust_table(frame, codes, as_text)


CAPTION = ("Per theme, the suggestions against people's decisions on the paragraphs they reviewed. Precision: "
           "of the suggestions people decided on, the share they accepted. Recall: of the themes people confirmed "
           "(accepted, or added where nothing suggested them), the share that had been suggested. Kappa: Cohen's, "
           "counting a theme neither suggested nor added on a reviewed paragraph as agreed absent. A theme with "
           "fewer than {min_reviews} reviews is marked so rather than judged.")
