"""`als redact`: replace terms that slipped through, in every stored text, in one transaction.

A term is matched as a whole word or phrase in any case. In each document it becomes the next
free placeholder of its type ("[PERSON4]" when [PERSON1]-[PERSON3] are taken), the same for every
occurrence there, so the document still reads as before; each occurrence gets an `entities` row
with detector `manual`. Labels and lists that repeat stored words (prompts, topic keywords, issue
messages) are cleaned with an unnumbered placeholder. The term itself is kept only as a keyed
digest, so the next `als run` with the key removes it from new logs too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

import duckdb

from pipeline.anonymise.keys import Pseudonymiser
from pipeline.queries.redaction import placeholders_in_use, rows_containing

ENTITY_TYPES = ("PERSON", "ORG", "LOCATION", "CONTACT", "ID")
NUMBERED = re.compile(r"^\[([A-Z]+)(\d+)\]$")


@dataclass(frozen=True)
class Term:
    text: str
    entity_type: str = "PERSON"

    @cached_property  # used for every row and label the term may be in
    def pattern(self) -> re.Pattern[str]:
        words = r"\s+".join(re.escape(w) for w in self.text.split())
        return re.compile(rf"(?<![\w'’-]){words}(?![\w-])", re.IGNORECASE)


@dataclass
class RedactionPlan:
    texts: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # table -> (row key, new text)
    entities: list[tuple[str, str | None, str, str]] = field(default_factory=list)  # doc, segment, type, placeholder
    digests: dict[str, str] = field(default_factory=dict)  # term digest -> entity type
    label_terms: list[Term] = field(default_factory=list)
    occurrences: int = 0
    documents: set[str] = field(default_factory=set)


def plan_redaction(con: duckdb.DuckDBPyConnection, terms: list[Term], pseudonymiser: Pseudonymiser) -> RedactionPlan:
    """What to change for `terms` (read only): the caller hands the plan to Store.apply_redaction."""
    for term in terms:
        if term.entity_type not in ENTITY_TYPES:
            raise ValueError(f"unknown type {term.entity_type}: choose from {', '.join(ENTITY_TYPES)}")
        if len(term.text.strip()) < 2:
            raise ValueError("a term must have at least two characters")
    plan = RedactionPlan(digests={pseudonymiser.term_digest(t.text): t.entity_type for t in terms},
                         label_terms=list(terms))
    rows = rows_containing(con, [t.text for t in terms])
    used = placeholders_in_use(con, sorted({doc for table in rows.values() for _, doc, _ in table}))
    chosen: dict[tuple[str, str], str] = {}  # (doc, folded term) -> placeholder

    def placeholder(doc_id: str, term: Term) -> str:
        key = (doc_id, term.text.casefold())
        if key not in chosen:
            taken = [int(m.group(2)) for p in used.get(doc_id, ()) if (m := NUMBERED.match(p))
                     and m.group(1) == term.entity_type]
            chosen[key] = f"[{term.entity_type}{max(taken, default=0) + 1}]"
            used.setdefault(doc_id, set()).add(chosen[key])
        return chosen[key]

    for table, found in rows.items():
        changed = []
        for row_key, doc_id, text in found:
            new_text = text
            for term in terms:
                new_text, count = term.pattern.subn(lambda m, t=term, d=doc_id: placeholder(d, t), new_text)
                if count and table in ("segments", "questions"):  # one entity per occurrence, once
                    segment = row_key if table == "segments" else None
                    plan.entities += [(doc_id, segment, term.entity_type, placeholder(doc_id, term))] * count
                    plan.occurrences += count
                    plan.documents.add(doc_id)
            if new_text != text:
                changed.append((row_key, new_text))
        plan.texts[table] = changed
    return plan
