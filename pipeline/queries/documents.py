"""The documents, segments and vectors as the exports, topics and coding read them."""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterator

import duckdb

from pipeline.queries.codings import ACTIVE_CODINGS

DOCUMENT_COLUMNS = ("doc_id", "source_ref", "log_type", "set_id", "meeting_number", "meeting_month",
                    "member_code", "org_code", "org_type", "setting", "role", "text")


def segment_codes(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    codes: dict[str, list[str]] = defaultdict(list)
    for segment_id, code_id in con.execute(ACTIVE_CODINGS + " ORDER BY c.segment_id, c.code_id").fetchall():
        codes[segment_id].append(code_id)
    return codes


def iter_documents(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    """Documents in the JSONL export's shape, ordered by set, meeting and source."""
    codes = segment_codes(con)
    segments: dict[str, list[dict]] = defaultdict(list)
    for segment_id, doc_id, prompt, paragraph_index, text in con.execute(
            "SELECT segment_id, doc_id, field_prompt, paragraph_index, text FROM segments "
            "ORDER BY doc_id, field_index, paragraph_index").fetchall():
        segments[doc_id].append({"segment_id": segment_id, "field_prompt": prompt,
                                 "paragraph_index": paragraph_index, "text": text,
                                 "codes": codes.get(segment_id, [])})
    questions: dict[str, list[dict]] = defaultdict(list)
    for doc_id, text, question_type, confidence in con.execute(
            "SELECT doc_id, text, question_type, confidence FROM questions ORDER BY doc_id, question_index"
    ).fetchall():
        questions[doc_id].append({"text": text, "question_type": question_type, "confidence": confidence})
    columns = ", ".join(DOCUMENT_COLUMNS)
    for row in con.execute(f"SELECT {columns} FROM documents "
                           "ORDER BY set_id, meeting_number, log_type, source_ref").fetchall():
        doc = dict(zip(DOCUMENT_COLUMNS, row))
        doc_segments = segments.get(doc["doc_id"], [])
        doc["codes"] = sorted({code for s in doc_segments for code in s["codes"]})
        doc["segments"] = doc_segments
        doc["questions"] = questions.get(doc["doc_id"], [])
        yield doc


def segment_rows(con: duckdb.DuckDBPyConnection):
    """Segments with their document's metadata and codes, as a DataFrame (for CSV export)."""
    frame = con.execute(
        "SELECT s.segment_id, s.doc_id, d.source_ref, d.log_type, d.set_id, d.meeting_number, "
        "d.meeting_month, d.member_code, d.org_code, d.org_type, d.setting, d.role, s.field_prompt, "
        "s.paragraph_index, s.text, "
        "(SELECT string_agg(c.code_id, '; ' ORDER BY c.code_id) FROM (" + ACTIVE_CODINGS + ") c "
        " WHERE c.segment_id = s.segment_id) AS codes "
        "FROM segments s JOIN documents d USING (doc_id) "
        "ORDER BY d.set_id, d.meeting_number, d.source_ref, s.field_index, s.paragraph_index").df()
    frame["codes"] = frame["codes"].fillna("")
    return frame


def topic_segments(con: duckdb.DuckDBPyConnection):
    """Every segment with its set, meeting and active codes (topic-sourced ones left out), for topics."""
    from pipeline.topics import TopicSegment

    codes: dict[str, set[str]] = defaultdict(set)
    for segment_id, code_id in con.execute(
            "SELECT a.segment_id, a.code_id FROM (" + ACTIVE_CODINGS + ") a WHERE EXISTS (SELECT 1 FROM codings x "
            "WHERE x.segment_id = a.segment_id AND x.code_id = a.code_id AND x.method <> 'topic')").fetchall():
        codes[segment_id].add(code_id)
    rows = con.execute("SELECT s.segment_id, s.text, d.set_id, d.meeting_number FROM segments s "
                       "JOIN documents d USING (doc_id) ORDER BY s.segment_id").fetchall()
    return [TopicSegment(sid, text, set_id, meeting, frozenset(codes.get(sid, ()))) for sid, text, set_id, meeting in rows]


def coding_units(con: duckdb.DuckDBPyConnection) -> tuple[list[tuple[str, str, str]], list[tuple[str, int, str]]]:
    """What the coder reads of every stored document: (segment_id, text, field prompt) per segment and
    (doc_id, question_index, text) per question, in a stable order (for `als recode`)."""
    segments = con.execute("SELECT segment_id, text, field_prompt FROM segments ORDER BY segment_id").fetchall()
    questions = con.execute("SELECT doc_id, question_index, text FROM questions ORDER BY doc_id, question_index"
                            ).fetchall()
    return segments, questions


def segment_vectors(con: duckdb.DuckDBPyConnection, model: str) -> dict[str, list[float]]:
    """Stored embeddings of segments for one embedding model."""
    return dict(con.execute("SELECT segment_id, any_value(vector) FROM segment_embeddings WHERE model = ? "
                            "GROUP BY segment_id", [model]).fetchall())


def stored_source_digests(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The keyed content digests of every stored document (a run skips these before anonymising)."""
    return {row[0] for row in con.execute("SELECT source_sha256 FROM documents").fetchall()}
