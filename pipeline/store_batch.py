"""The store's batch writer: one run's documents appended chunk by chunk inside the run's one transaction.

`Store.batch` opens it; `als run` hands it each chunk of documents (`[run] chunk_logs`) from its spool
(pipeline/spool.py), so a large batch never holds all its texts, codings and vectors in memory at once,
and a failure in any chunk's write rolls the whole batch back. What is stored is decided across chunks
exactly as for one list (`Store.write_batch` is this writer with one chunk): a document whose source is
stored, or came earlier in the batch, is counted as already stored; new content under a stored submission
id is refused, unless the id is an editable form row's, whose edit replaces the stored version.

No SQL here: Store runs every statement (tests/test_read_side.py), this module decides what to write.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Iterable

from pipeline.records import Coding, SegmentedLog
from pipeline.store import EDITABLE_REF_PREFIX, IssueRow, WriteResult

if TYPE_CHECKING:
    from pipeline.store import Store

# Named columns, in the order the rows below are built: a column added to the schema later
# cannot shift values into the wrong place.
INSERT_COLUMNS = {
    "documents": ("doc_id", "source_ref", "source_sha256", "log_type", "set_id", "meeting_number",
                  "meeting_month", "member_code", "org_code", "org_type", "setting", "role", "text",
                  "ingested_at", "run_id"),
    "segments": ("segment_id", "doc_id", "field_index", "field_prompt", "paragraph_index", "sentence_index",
                 "text"),
    "sentences": ("segment_id", "sentence_index", "text"),
    "entities": ("doc_id", "segment_id", "entity_type", "placeholder", "detector", "score", "run_id"),
    "questions": ("doc_id", "question_index", "field_prompt", "text", "question_type", "confidence"),
}


class BatchWriter:
    """Appends one run's documents, chunk by chunk; the counts of what it stored are in `result`."""

    def __init__(self, store: Store, run_id: str, now: dt.datetime) -> None:
        self.store = store
        self.run_id = run_id
        self.now = now
        self.result = WriteResult()
        self.issues: list[IssueRow] = []  # stored with the notes when the batch commits
        # What is stored and by which submission ids, grown by each chunk: later chunks are checked
        # against earlier ones as one list's later documents are against its earlier ones.
        self.known = store.known_sources()
        # Submission ids are unique within a log type only (each form numbers its own responses).
        self.known_refs = store.stored_refs()
        # Documents this batch wrote. A later version of one is not deleted: one list's replacement ran
        # before any of its own documents were written, so it found nothing of this batch to delete.
        self.written: set[str] = set()

    def add_issues(self, issues: Iterable[IssueRow]) -> None:
        self.issues.extend(issues)

    def append(self, logs: Iterable[SegmentedLog]) -> None:
        """Write the new documents of one chunk (with their codings and vectors); count the others."""
        stored, replacing = [], {}
        for log in logs:
            doc = log.document
            if doc.source_sha256 in self.known:
                self.result.already_stored += 1
                continue
            ref_key = (doc.log_type, doc.source_ref)
            if ref_key in self.known_refs and doc.source_ref.startswith(EDITABLE_REF_PREFIX):
                replacing[doc.doc_id] = self.known_refs[ref_key]
            elif ref_key in self.known_refs and not doc.source_ref.startswith("H-"):
                self.result.notes.append(IssueRow(
                    doc.source_ref, None, None, "error",
                    "a document with this submission id is already stored with different content; "
                    "the new version was not stored (delete the old one first to replace it)"))
                continue
            self.known.add(doc.source_sha256)
            self.known_refs[ref_key] = doc.doc_id
            stored.append(log)
        carried = [self._replace(old, log) for log in stored if (old := replacing.get(log.document.doc_id))]
        self._insert_documents(stored)
        self.store._insert_codings(self.run_id, [c for log in stored for c in log.codings]
                                   + [c for codings in carried for c in codings])
        self.store._append("segment_embeddings", ("segment_id", "model", "vector"),
                           [(segment_id, log.vector_model, vector) for log in stored
                            for segment_id, vector in log.vectors.items()])
        self.written.update(log.document.doc_id for log in stored)
        self._count(stored)

    def _count(self, stored: list[SegmentedLog]) -> None:
        self.result.documents += len(stored)
        self.result.segments += sum(len(log.segments) for log in stored)
        self.result.questions += sum(len(log.questions) for log in stored)
        self.result.codings += sum(len(log.codings) for log in stored)
        self.result.entities_by_type.update(e.entity_type for log in stored for e in log.entities)

    def _replace(self, old_doc_id: str, new: SegmentedLog) -> list[Coding]:
        """Delete a stored document an edit replaces; return its people's decisions, moved to the edit.

        A review decision moves to the paragraph of the edit with the same prompt and text; one on a
        paragraph the author changed is dropped, as it judged words that are gone (the issue says how many)."""
        decisions = [] if old_doc_id in self.written else self.store._delete_document(old_doc_id)
        new_segments = {(s.field_prompt, s.text): s.segment_id for s in new.segments}
        moved = [Coding(new_segments[(prompt, text)], code_id, "human", confidence, status)
                 for code_id, confidence, status, prompt, text in decisions if (prompt, text) in new_segments]
        self.result.replaced += 1
        dropped = len(decisions) - len(moved)
        self.result.notes.append(IssueRow(
            new.document.source_ref, None, None, "info",
            "an edited version of this form row replaced the one stored before"
            + (f"; {len(moved)} review decision(s) moved to it" if moved else "")
            + (f"; {dropped} review decision(s) on paragraphs the edit changed were dropped" if dropped else "")))
        return moved

    def _insert_documents(self, logs: list[SegmentedLog]) -> None:
        docs, segments, sentences, entities, questions = [], [], [], [], []
        for log in logs:
            d = log.document
            docs.append((d.doc_id, d.source_ref, d.source_sha256, d.log_type, d.set_id, d.meeting_number,
                         d.meeting_month, d.member_code, d.org_code, d.org_type, d.setting, d.role,
                         log.text, self.now, self.run_id))
            for s in log.segments:
                segments.append((s.segment_id, s.doc_id, s.field_index, s.field_prompt, s.paragraph_index,
                                 None, s.text))
                sentences.extend((x.segment_id, x.sentence_index, x.text) for x in s.sentences)
            entities.extend((e.doc_id, e.segment_id, e.entity_type, e.placeholder, e.detector, e.score, self.run_id)
                            for e in log.entities)
            questions.extend((q.doc_id, q.question_index, q.field_prompt, q.text, q.question_type, q.confidence)
                             for q in log.questions)
        for table, rows in (("documents", docs), ("segments", segments), ("sentences", sentences),
                            ("entities", entities), ("questions", questions)):
            self.store._append(table, INSERT_COLUMNS[table], rows)
