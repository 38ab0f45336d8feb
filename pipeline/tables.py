"""Tables for people, built once for the dashboard and the reports: the same words in the same cells.

Counts are shown as text ("1,204", "fewer than 3"), so a column never mixes numbers and words
(the browser table cannot show that column) and a suppressed cell reads the same everywhere.
"""
from __future__ import annotations

import pandas as pd

from pipeline.labels import CodeLabels, value_label

NOT_SHOWN = "not shown"  # a second cell hidden so the first cannot be worked out by subtraction


def suppressed_text(k: int) -> str:
    return f"fewer than {k}"


def count_text(value, suppressed: bool, k: int, hidden: str | None = None) -> str:
    """A count as text, or what stands in for it when it rests on fewer than k organisations."""
    if suppressed or value is None or pd.isna(value):
        return hidden if hidden is not None else suppressed_text(k)
    return f"{int(value):,}"


def share_text(value, suppressed: bool, k: int) -> str:
    return suppressed_text(k) if suppressed or value is None or pd.isna(value) else f"{float(value):.0%}"


def challenge_table(challenges: pd.DataFrame, codes: CodeLabels, k: int) -> pd.DataFrame:
    """Every challenge with its organisations, share, sets, logs and systemic flag (queries.systemic's summary)."""
    hidden = challenges["suppressed"]
    return pd.DataFrame({
        "Challenge": challenges["code_id"].map(codes.code),
        "Organisations": [count_text(v, s, k) for v, s in zip(challenges["organisations"], hidden)],
        "Share of organisations": [share_text(v, s, k) for v, s in zip(challenges["share"], hidden)],
        "Sets": [count_text(v, s, k, "–") for v, s in zip(challenges["sets"], hidden)],
        "Logs": [count_text(v, s, k, "–") for v, s in zip(challenges["documents"], hidden)],
        "Systemic": challenges["systemic"].map({True: "Yes", False: ""}),
    })


def breakdown_table(breakdown: pd.DataFrame, by: str, codes: CodeLabels, k: int) -> pd.DataFrame:
    """Organisations raising each challenge (rows) per organisation type or setting (columns), as text."""
    frame = breakdown.assign(
        Challenge=breakdown["code_id"].map(codes.code),
        group=breakdown["group"].map(lambda v: value_label(by, v) if v != "not given" else "Not given"),
        shown=[count_text(v, s, k, NOT_SHOWN) for v, s in zip(breakdown["organisations"], breakdown["suppressed"])])
    return frame.pivot(index="Challenge", columns="group", values="shown").fillna("–").rename_axis(columns=None)
