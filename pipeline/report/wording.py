"""How numbers are put into words, the same way in every report."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from pipeline.labels import CodeLabels


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 set', '2 sets', '10,000 logs'."""
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def names_or_count(names: list[str], word: str, most: int = 8) -> str:
    """'Set A, Set B' while a reader can take them in; '542 sets' beyond that."""
    return ", ".join(names) if 0 < len(names) <= most else plural(len(names), word)


def percent(part: float, whole: float) -> str:
    return f"{part / whole:.0%}" if whole else "–"


def points(change: float) -> str:
    """A change of shares in percentage points: +12 points, −5 points."""
    value = round(change * 100)
    return f"{'+' if value > 0 else '−' if value < 0 else '±'}{abs(value)} points"


def month_text(month: str | None) -> str | None:
    if not month:
        return None
    try:
        return dt.datetime.strptime(month, "%Y-%m").strftime("%B %Y")
    except ValueError:
        return month


def period_text(first: str | None, last: str | None) -> str:
    first, last = month_text(first), month_text(last)
    if not first:
        return "meeting dates not given"
    return first if first == last else f"{first} to {last}"


def family_sentences(by_set: pd.DataFrame, codes: CodeLabels) -> list[str]:
    """One sentence per code family: its most common theme overall, and the set where a theme stands out.

    A set "stands out" where its share is at least 20 points above the theme's overall share.
    """
    sentences = []
    for family, rows in by_set.groupby("family", sort=False):
        totals = rows.groupby("code_id")[["coded", "units"]].sum()
        totals["share"] = totals["coded"] / totals["units"].where(totals["units"] > 0)
        if totals["share"].isna().all() or totals["coded"].sum() == 0:
            sentences.append(f"{codes.family(family)}: no theme of this family was found.")
            continue
        top = totals["share"].idxmax()
        text = (f"{codes.family(family)}: the most common theme is {codes.code(top)} "
                f"(in {totals.loc[top, 'share']:.0%} of logs)")
        overall = rows["code_id"].map(totals["share"])
        lift = (rows["share"] - overall)[rows["units"] > 0]
        if not lift.empty and lift.max() >= 0.2:
            best = rows.loc[lift.idxmax()]
            text += (f"; {codes.code(best.code_id)} stands out in {best.set_id} "
                     f"({best.share:.0%} of its logs, against {overall[lift.idxmax()]:.0%} overall)")
        sentences.append(text + ".")
    return sentences
