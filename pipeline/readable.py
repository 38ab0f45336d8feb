"""Placeholders as words a reader can say aloud: '[PERSON2] asked [ORG1]' -> '[a colleague] asked [an organisation]'.

Anonymised text keeps numbered placeholders so an analyst can tell people apart within a
log; quotes in reports and on screen do not need that and read better without it. The
mapping is one table, so every page and report words them the same way.
"""
from __future__ import annotations

import re

READABLE = {
    "PERSON": "[a colleague]",
    "MEMBER": "[a set member]",
    "ORG": "[an organisation]",
    "LOCATION": "[a place]",
    "CONTACT": "[contact details]",
    "ID": "[a reference]",
    "DATE": "[a date]",
}

# [PERSON1], [ORG12]...; member codes [M-4F2A9C] (with or without brackets) and organisation codes [O-...].
_NUMBERED = re.compile(r"\[(PERSON|ORG|LOCATION|CONTACT|ID|DATE)\d+\]")
_MEMBER = re.compile(r"\[?\bM-[0-9A-F]{6,}\b\]?")
_ORG_CODE = re.compile(r"\[?\bO-[0-9A-F]{6,}\b\]?")
# "([ID1])" reads as "([a reference])": drop the brackets a placeholder already stands in.
_PARENTHESISED = re.compile(r"\((\[[a-z][^\]]*\])\)")


def readable(text: str) -> str:
    """Every placeholder and member or organisation code replaced by its readable form."""
    text = _NUMBERED.sub(lambda m: READABLE[m.group(1)], text)
    text = _MEMBER.sub(READABLE["MEMBER"], text)
    text = _ORG_CODE.sub(READABLE["ORG"], text)
    return _PARENTHESISED.sub(r"\1", text)
