"""The person a phone number or email belongs to: "ring jack on 07700 ...", "email Will at ...".

A contact detail is found with certainty by its pattern; the word standing
right before "on" or "at" it is then whose it is. That word is taken as a
name if the first-name list knows it, in any case and however ordinary the
word ("jack", "Will"), because the contact vouches for it.
"""
from __future__ import annotations

import re

from pipeline.anonymise.keep import KeepTerms
from pipeline.anonymise.placeholders import Finding

HOLDER_BEFORE = re.compile(r"\b([^\W\d_][\w'’-]*?)(?:['’]s)?\s+(?:on|at|via|by)\s*:?\s*$")
LOOK_BACK = 40


def contact_holders(text: str, field_findings: list[Finding], first_names: frozenset[str],
                    keep: KeepTerms) -> list[Finding]:
    """PERSON findings for the names that stand before contact details in one field."""
    holders = []
    for contact in field_findings:
        if contact.entity_type != "CONTACT":
            continue
        before = HOLDER_BEFORE.search(text, max(0, contact.start - LOOK_BACK), contact.start)
        if not before:
            continue
        word = before.group(1)
        if word.casefold() in first_names and word not in keep:
            holders.append(Finding(contact.field_index, before.start(1), before.end(1), "PERSON", "pattern", 0.7,
                                   word))
    return holders
