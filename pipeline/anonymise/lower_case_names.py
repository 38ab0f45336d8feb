"""Known names that are ordinary words, found in lower case where only a person can stand.

A member called Will is matched as "Will"; "will" is the verb, except where a cue says a person
is meant: a word addressed to or done to a person before it ("thanks will for the link", "rang
will"), or a bracket or a verb of what a member did after it ("will (NQSW) - 4 months in", "rose
kept time"). The cues are lexicon.yaml's lower_case_name_cues. Used for the batch roster and for
names found elsewhere in the batch.
"""
from __future__ import annotations

import re
from typing import Any, Iterator, Mapping

from pipeline.anonymise.lexicon import lexicon, one_of

_BEFORE = re.compile(rf"(?:^|[^\w])(?:{one_of(lexicon().lower_name_before)}),?\s+$", re.IGNORECASE)
_AFTER = re.compile(rf"\s*(?:\(|(?:{one_of(w for w in lexicon().lower_name_after if w != '(')})\b)",
                    re.IGNORECASE)
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*[a-z](?![\w'’-])")
CUE_WINDOW = 24  # characters before a word in which a cue is sought


def cued_lower_case(text: str, names: Mapping[str, Any]) -> Iterator[tuple[int, int, Any]]:
    """(start, end, value) of each lower-case word of `names` (folded -> value) standing beside a cue."""
    if not names:
        return
    for match in LOWER_WORD.finditer(text):
        value = names.get(match.group())
        if value is not None and is_cued(text, match.start(), match.end()):
            yield match.start(), match.end(), value


def is_cued(text: str, start: int, end: int) -> bool:
    """Whether the word text[start:end] stands where the lexicon's cues say only a person can."""
    before = text[max(0, start - CUE_WINDOW):start]
    return bool(_BEFORE.search(before) or _AFTER.match(text, end))
