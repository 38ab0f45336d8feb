"""Recall and over-redaction of an anonymiser against a gold file with {{TYPE:text}} markup.

Used by the synthetic-corpus test and benchmarks/bench_anonymise.py; users can score
their own labelled logs the same way. The markup itself is read by pipeline.anonymise.markup.

Gold records are JSON lines with `fields` holding `paragraphs` (and `questions`)
whose text marks personal data as {{PERSON:Hope}} and protected terms as
{{KEEP:Teams}}. An anonymiser's output is compared field by field: a span is
caught when none of its words survives in the aligned output; a non-personal
word is lost when the alignment cannot find it.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from pipeline.anonymise.lexicon import folded, lexicon
from pipeline.anonymise.markup import MARK, plain, segments  # noqa: F401  (MARK and plain: part of this API)

TOKEN = re.compile(r"[^\W_]+")
TITLES = folded(lexicon().titles)
# Lower-case joining words inside a name ("Health and Care", "Stoke on Trent") identify no one,
# and the aligner may pair them with the same word outside the placeholder.
JOINING_WORDS = {"and", "of", "on", "upon", "the", "in", "for", "at", "by", "de", "la", "le"}


def field_texts(record: dict) -> dict[str, str]:
    """Prompt -> gold text of the field (paragraphs joined by blank lines, questions by lines)."""
    out = {}
    for f in record["fields"]:
        parts = [p["text"] for p in f.get("paragraphs", [])] or [q["text"] for q in f.get("questions", [])]
        out[f["prompt"]] = ("\n\n" if f.get("paragraphs") else "\n").join(parts)
    return out


@dataclass
class PrivacyScore:
    caught: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    words_kept: int = 0
    words_lost: int = 0
    keep_total: int = 0
    keep_kept: int = 0
    missed_kinds: Counter = field(default_factory=Counter)
    misses: list = field(default_factory=list)  # (kind, text, output): for debugging; never printed by benches

    @property
    def recall(self) -> float:
        return sum(self.caught.values()) / max(sum(self.total.values()), 1)

    @property
    def over_redaction(self) -> float:
        return self.words_lost / max(self.words_kept + self.words_lost, 1)

    @property
    def keep_rate(self) -> float:
        return self.keep_kept / max(self.keep_total, 1)

    def add(self, gold_text: str, output_text: str) -> None:
        tokens, spans = [], []
        for part, kind in segments(gold_text):
            part_tokens = TOKEN.findall(part)
            if kind is not None:
                spans.append((kind, part, list(range(len(tokens), len(tokens) + len(part_tokens)))))
            tokens += [(w, kind) for w in part_tokens]
        out = [w.casefold() for w in TOKEN.findall(output_text)]
        alive = [False] * len(tokens)
        matcher = SequenceMatcher(None, [w.casefold() for w, _ in tokens], out, autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                alive[block.a + k] = True
        for kind, text, idx in spans:
            significant = [i for i in idx if len(tokens[i][0]) > 1 and tokens[i][0].casefold() not in TITLES
                           and tokens[i][0] not in JOINING_WORDS]
            survived = any(alive[i] for i in significant)
            if kind == "KEEP":
                self.keep_total += 1
                self.keep_kept += all(alive[i] for i in idx)
                continue
            self.total[kind] += 1
            self.caught[kind] += not survived
            if survived:
                self.missed_kinds[miss_kind(kind, text)] += 1
                self.misses.append((kind, text, output_text))
        for (word, kind), is_alive in zip(tokens, alive):
            if kind is None and len(word) > 2:
                self.words_kept += is_alive
                self.words_lost += not is_alive


def miss_kind(kind: str, text: str) -> str:
    """A miss described by its shape, never by its text."""
    shape = ("lower-case" if text.islower() else "all-caps" if text.isupper() else
             "hyphenated" if "-" in text else "apostrophe" if "'" in text or "’" in text else
             "titled" if text.split()[0].strip(".").casefold() in TITLES else
             "multi-word" if " " in text else "single word")
    return f"{kind} ({shape})"


def load_gold(path: Path) -> dict[str, dict]:
    return {r["submission_id"]: r for r in (json.loads(line) for line in path.open(encoding="utf-8") if line.strip())}
