"""Choosing quotes for a theme: representative, diverse, short, readable and safe.

- representative: nearest the centre of the code's paragraphs in embedding space (the stored
  MiniLM vectors; without vectors, the order in which the paragraphs were written);
- diverse: maximal marginal relevance (Carbonell and Goldstein, 1998) — each next quote trades
  closeness to the centre against likeness to the quotes already chosen, and a quote from a
  member, set or meeting already quoted counts as more alike;
- short: trimmed to whole sentences within `quote_max_words`;
- readable: placeholders as words ("[a colleague]"), the same everywhere (pipeline.readable);
- safe: every quote passes the audit's pattern scan, and only active codings are candidates,
  so a paragraph a person rejected for the code is never quoted for it.
"""
from __future__ import annotations

from dataclasses import dataclass

import re

import numpy as np
import pandas as pd

from pipeline.audit import Auditor
from pipeline.coding.base import sentences as split_sentences
from pipeline.config import ReportConfig
from pipeline.labels import value_label
from pipeline.readable import readable

# How much more alike two quotes count when they share a member, a set or a meeting.
SAME_MEMBER, SAME_SET, SAME_MEETING = 0.5, 0.15, 0.15
# Candidates trimmed and audited per theme, the most typical first.
POOL = 150


@dataclass(frozen=True)
class ChosenQuote:
    segment_id: str
    text: str          # trimmed and readable
    set_id: str | None
    meeting_number: int | None
    log_type: str

    @property
    def attribution(self) -> str:
        meeting = f"meeting {self.meeting_number}" if self.meeting_number is not None else "meeting not given"
        return f"{self.set_id or 'Set not given'} · {meeting} · {value_label('log_type', self.log_type)}"


_LIST_MARK = re.compile(r"(?m)^\s*(?:[-*•–]+|\d+[.)])\s*")


def as_prose(text: str) -> str:
    """A paragraph as one run of prose: list marks dropped, lines joined (a quote is read aloud)."""
    return " ".join(_LIST_MARK.sub("", text).split())


def trim_to_sentences(sentences: list[str], max_words: int) -> str | None:
    """The leading whole sentences within `max_words`, with an ellipsis where more followed; None if the
    first sentence alone is too long."""
    chosen, words = [], 0
    for sentence in sentences:
        count = len(sentence.split())
        if words + count > max_words:
            break
        chosen.append(sentence.strip())
        words += count
    if not chosen:
        return None
    return " ".join(chosen) + (" …" if len(chosen) < len(sentences) else "")


class QuoteSelector:
    """fit_transform-style: `choose(candidates)` returns the quotes for one theme."""

    def __init__(self, config: ReportConfig, auditor: Auditor | None = None) -> None:
        self.config = config
        self.auditor = auditor or Auditor({})

    def choose(self, candidates: pd.DataFrame, k: int | None = None) -> list[ChosenQuote]:
        k = self.config.quotes_per_theme if k is None else k
        if candidates.empty or k <= 0:
            return []
        # Copies of one paragraph (the same log filed twice) are one candidate.
        candidates = candidates.drop_duplicates("text").reset_index(drop=True)
        relevance, units = self._scores(candidates)
        # Trim and audit only the most typical paragraphs: a national archive has thousands per code,
        # and the similarity matrix is built for the pool only (it grows with the square of its size).
        pool = np.argsort(-relevance, kind="stable")[:POOL]
        rows = self._usable(candidates.iloc[pool])
        keep = rows.index.to_numpy()
        relevance = relevance[keep]
        similarity = units[keep] @ units[keep].T if units is not None else np.zeros((len(keep), len(keep)))
        rows = rows.reset_index(drop=True)
        picked: list[int] = []
        while len(picked) < min(k, len(rows)):
            best, best_score = -1, -np.inf
            chosen_texts = {rows.at[j, "quote"] for j in picked}
            for i in range(len(rows)):
                if i in picked or rows.at[i, "quote"] in chosen_texts:  # the same words twice say nothing new
                    continue
                likeness = max((self._likeness(rows, similarity, i, j) for j in picked), default=0.0)
                score = self.config.quote_diversity * relevance[i] - (1 - self.config.quote_diversity) * likeness
                if score > best_score:
                    best, best_score = i, score
            if best < 0:
                break
            picked.append(best)
        return [ChosenQuote(rows.at[i, "segment_id"], rows.at[i, "quote"], rows.at[i, "set_id"],
                            None if pd.isna(rows.at[i, "meeting_number"]) else int(rows.at[i, "meeting_number"]),
                            rows.at[i, "log_type"]) for i in picked]

    def _usable(self, candidates: pd.DataFrame) -> pd.DataFrame:
        """Candidates trimmed and made readable; too short, too long or flagged by the audit dropped."""
        quotes = []
        for row in candidates.itertuples():
            # Cut the paragraph itself at sentence ends: the stored sentences may split inside a placeholder.
            lines = [as_prose(line) for line in split_sentences(row.text)]
            trimmed = trim_to_sentences([line for line in lines if line], self.config.quote_max_words)
            if trimmed is None or len(trimmed.split()) < self.config.quote_min_words:
                quotes.append(None)
                continue
            text = readable(trimmed)
            quotes.append(None if self.auditor.scan_text("quote", text) else text)
        usable = candidates.assign(quote=quotes)
        return usable[usable["quote"].notna()]

    @staticmethod
    def _scores(rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray | None]:
        """Closeness of each candidate to the centre, and the candidates' unit vectors (None without vectors)."""
        vectors = [v for v in rows["vector"]]
        if all(v is not None for v in vectors):
            matrix = np.vstack(vectors).astype(np.float64)
            matrix /= np.linalg.norm(matrix, axis=1, keepdims=True).clip(min=1e-12)
            centre = matrix.mean(axis=0)
            centre /= max(np.linalg.norm(centre), 1e-12)
            return matrix @ centre, matrix
        # No stored vectors: earlier paragraphs first, and only shared members, sets and meetings make quotes alike.
        n = len(rows)
        return (np.linspace(1.0, 0.5, n) if n > 1 else np.ones(1)), None

    @staticmethod
    def _likeness(rows: pd.DataFrame, similarity: np.ndarray, i: int, j: int) -> float:
        like = float(similarity[i, j])
        if rows.at[i, "member_code"] is not None and rows.at[i, "member_code"] == rows.at[j, "member_code"]:
            like += SAME_MEMBER
        if rows.at[i, "set_id"] == rows.at[j, "set_id"]:
            like += SAME_SET
        if rows.at[i, "meeting_number"] == rows.at[j, "meeting_number"]:
            like += SAME_MEETING
        return like
