"""What `als redact` reads: the stored texts that may hold a term, placeholders in use, redacted digests."""
from __future__ import annotations

import duckdb

# Free-text tables, their key columns, and the document each row belongs to.
TEXT_ROWS = {
    "documents": "SELECT doc_id, doc_id, text FROM documents",
    "segments": "SELECT segment_id, doc_id, text FROM segments",
    "sentences": "SELECT x.segment_id || '#' || x.sentence_index, s.doc_id, x.text FROM sentences x "
                 "JOIN segments s USING (segment_id)",
    "questions": "SELECT doc_id || '#' || question_index, doc_id, text FROM questions",
}


def rows_containing(con: duckdb.DuckDBPyConnection, terms: list[str]) -> dict[str, list[tuple[str, str, str]]]:
    """(row key, doc_id, text) of each free-text row whose text contains any of the terms, in any case.

    A substring test narrows the rows; the caller matches whole words."""
    found = {}
    for table, select in TEXT_ROWS.items():
        column = "x.text" if table == "sentences" else "text"  # sentences join segments, which has text too
        condition = " OR ".join([f"contains(lower({column}), ?)"] * len(terms))
        found[table] = con.execute(f"{select} WHERE {condition}", [t.casefold() for t in terms]).fetchall()
    return found


def placeholders_in_use(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, set[str]]:
    """doc_id -> the placeholders its entities already use ("[PERSON1]", "[M-4F2A9C]")."""
    if not doc_ids:
        return {}
    rows = con.execute("SELECT doc_id, placeholder FROM entities WHERE list_contains(?, doc_id)",
                       [doc_ids]).fetchall()
    used: dict[str, set[str]] = {}
    for doc_id, placeholder in rows:
        used.setdefault(doc_id, set()).add(placeholder)
    return used


def redacted_term_digests(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """term digest -> entity type of every term redacted by hand (the next run removes these too)."""
    return dict(con.execute("SELECT term_digest, entity_type FROM redacted_terms").fetchall())


def stored_free_texts(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every paragraph and question as stored (anonymised): what `als audit --suspects` reads."""
    return [text for (text,) in con.execute("SELECT text FROM segments UNION ALL SELECT text FROM questions").fetchall()]
