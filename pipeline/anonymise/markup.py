"""The gold files' markup: personal data as {{PERSON:Hope}}, protected terms as {{KEEP:Teams}}.

Read here only: by the privacy evaluation, the synthetic generator's tests and the coding labels.
"""
from __future__ import annotations

import re

MARK = re.compile(r"\{\{([A-Z]+):([^{}]+)\}\}")


def plain(text: str) -> str:
    """The text as written, without markup."""
    return MARK.sub(lambda m: m.group(2), text)


def segments(text: str) -> list[tuple[str, str | None]]:
    """The text in order as (part, type): marked parts with their type, the rest with None."""
    parts: list[tuple[str, str | None]] = []
    cursor = 0
    for m in MARK.finditer(text):
        parts += [(text[cursor:m.start()], None), (m.group(2), m.group(1))]
        cursor = m.end()
    return parts + [(text[cursor:], None)]
