"""The only module that writes the DuckDB database (with the batch writer it opens, store_batch.py).

Each batch is written in one transaction (its `runs` row included), so a
failure leaves the database as it was; `als run` streams a large batch into
that transaction chunk by chunk (`Store.batch`). Documents are keyed by a
keyed hash of their content: re-running the same inputs adds nothing, and the
same submission from two exports is stored once.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import duckdb
import numpy as np

from pipeline.coding.codebook import Codebook
from pipeline.config import StoreConfig
from pipeline.queries.documents import stored_source_digests
from pipeline.queries.meta import CODING_THRESHOLDS
from pipeline.records import Coding, SegmentedLog

if TYPE_CHECKING:
    from pipeline.store_batch import BatchWriter

log = logging.getLogger(__name__)

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data_schema" / "schema.sql"


@dataclass(frozen=True)
class IssueRow:
    """An ingest issue ready to store: its file name already cleaned of roster names."""

    source_ref: str
    row: int | None
    column: str | None
    severity: str
    message: str


@dataclass
class RunRecord:
    run_id: str
    command: str
    started_at: dt.datetime
    config: dict
    versions: dict
    summary: dict = field(default_factory=dict)


@dataclass
class WriteResult:
    """What a batch stored, counted: the documents themselves are not kept once written."""

    documents: int = 0
    segments: int = 0
    questions: int = 0
    codings: int = 0  # the coder's, on the stored documents (not the decisions moved to an edit)
    entities_by_type: Counter = field(default_factory=Counter)
    already_stored: int = 0
    replaced: int = 0  # earlier versions of edited form rows, replaced by their edit
    notes: list[IssueRow] = field(default_factory=list)  # refused versions, replaced edits


# A form row without a response id is referenced by who answered which form for which meeting
# ("R-…", Pseudonymiser.submission_ref): a new content under a stored R- reference is the author's
# edit and replaces the stored version. Every other reference with new content is refused.
EDITABLE_REF_PREFIX = "R-"
# What hangs off a document, deleted with it when an edit replaces it (segment-keyed, then doc-keyed).
SEGMENT_TABLES = ("sentences", "codings", "segment_embeddings", "segment_topics")
DOCUMENT_TABLES = ("segments", "entities", "questions", "documents")
# Columns that repeat stored words outside the texts, cleaned by `als redact` too.
REDACTED_LABELS = (("segments", "field_prompt"), ("questions", "field_prompt"), ("topics", "label"),
                   ("topics", "keywords"), ("topic_meetings", "keywords"), ("topic_sets", "keywords"),
                   ("ingest_issues", "message"), ("ingest_issues", "column"))


def _split_key(key: str, parts: int) -> tuple:
    """"segment#3" -> ("segment", 3) for two-column keys; the key itself for one."""
    if parts == 1:
        return (key,)
    head, _, index = key.rpartition("#")
    return head, int(index)


# DuckDB lets one process write a file, and no other process even read it meanwhile.
WRITE_WAIT_SECONDS = StoreConfig.lock_wait_seconds  # [store] lock_wait_seconds
READ_WAIT_SECONDS = 5.0    # readers (exports, audit, the dashboard) retry briefly, then say a run is writing
LOCK_POLL_SECONDS = 0.5


class DatabaseBusy(RuntimeError):
    """Another process holds the database's lock for longer than this one was willing to wait."""


def is_lock_conflict(error: BaseException) -> bool:
    """DuckDB's error for a file another process holds (its message names that process)."""
    return isinstance(error, duckdb.IOException) and "Could not set lock" in str(error)


def busy_message(path: str | Path, wait_seconds: float, read_only: bool) -> str:
    """What a reader, or a writer, says when the lock stayed taken for all of `wait_seconds`."""
    if read_only:
        return (f"a run is writing {path}: it could not be read within {wait_seconds:g} s; try again when "
                "the run has finished")
    return (f"another process is still using {path} after {wait_seconds:g} s (another `als run`, or "
            "a command reading it): try again when it has finished")


def connect(path: str | Path, read_only: bool = False,
            wait_seconds: float | None = None) -> duckdb.DuckDBPyConnection:
    """A connection to PATH, polling while another process holds the lock (bounded, with one log line).

    Raises DatabaseBusy after `wait_seconds` (default: WRITE_WAIT_SECONDS to write, READ_WAIT_SECONDS to read).
    """
    if wait_seconds is None:
        wait_seconds = READ_WAIT_SECONDS if read_only else WRITE_WAIT_SECONDS
    deadline = time.monotonic() + wait_seconds
    waited = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as error:
            if not is_lock_conflict(error):
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusy(busy_message(path, wait_seconds, read_only)) from None
            if not waited:
                log.warning("waiting for another run to finish writing %s (up to %g s)", path, wait_seconds)
                waited = True
            time.sleep(LOCK_POLL_SECONDS)


def arrow_table(columns: tuple[str, ...], rows: list[tuple]):
    """The rows as a pyarrow Table with these column names (a `vector` column as list<float32>, as FLOAT[] is)."""
    import pyarrow as pa

    values = {column: list(cells) for column, cells in zip(columns, zip(*rows))}
    if "vector" in values:
        values["vector"] = pa.array([np.asarray(v, dtype=np.float32) for v in values["vector"]],
                                    type=pa.list_(pa.float32()))
    return pa.table(values)


class Store:
    def __init__(self, path: str | Path, lock_wait_seconds: float | None = None,
                 memory_limit: str | None = StoreConfig.memory_limit) -> None:
        """Open PATH for writing, waiting up to `lock_wait_seconds` (default WRITE_WAIT_SECONDS) for another writer.

        `memory_limit` caps DuckDB's memory on this connection (None: DuckDB's default, 80 % of RAM);
        above it DuckDB writes to the file and its temporary directory instead."""
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = connect(self.path, wait_seconds=lock_wait_seconds)
        if memory_limit:
            self.con.execute(f"SET memory_limit = '{memory_limit}'")  # validated by StoreConfig
        self.migrate()

    def migrate(self) -> None:
        """Bring the database up to the current schema: create what is missing, add new columns.

        schema.sql is additive by contract (CREATE ... IF NOT EXISTS, ADD COLUMN IF NOT EXISTS), so
        running it on a database of any earlier version upgrades it and leaves its data alone.
        """
        self.con.execute(SCHEMA_PATH.read_text(encoding="utf-8"))

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def record_thresholds(self, thresholds: dict[str, float]) -> None:
        """Each code's threshold of the coder that just coded, for the review queue's uncertainty."""
        self.record_meta(CODING_THRESHOLDS, json.dumps(thresholds))

    def record_meta(self, name: str, value: str) -> None:
        """Set one fact about the database (see the `meta` table), replacing the one before."""
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        self.con.execute("INSERT OR REPLACE INTO meta (name, value, updated_at) VALUES (?, ?, ?)", [name, value, now])

    def known_sources(self) -> set[str]:
        return stored_source_digests(self.con)

    def stored_refs(self) -> dict[tuple[str, str], str]:
        """(log type, submission id) -> the doc_id stored under it."""
        return {(log_type, ref): doc_id for doc_id, ref, log_type in
                self.con.execute("SELECT doc_id, source_ref, log_type FROM documents").fetchall()}

    def write_batch(self, run: RunRecord, logs: Iterable[SegmentedLog], issues: list[IssueRow],
                    codebook: Codebook | None = None) -> WriteResult:
        """Write a run and its documents (with their codings) atomically; skip documents already stored."""
        with self.batch(run, codebook) as writer:
            writer.add_issues(issues)
            writer.append(logs)
        return writer.result

    @contextmanager
    def batch(self, run: RunRecord, codebook: Codebook | None = None) -> Iterator[BatchWriter]:
        """A run's documents written chunk by chunk (`writer.append`) in the run's one transaction: what
        the block raises rolls all of it back, codebook and run row included. The issues given to the
        writer (`add_issues`) and its notes are stored when the block ends; the counts are `writer.result`."""
        from pipeline.store_batch import BatchWriter  # it builds on this module's records

        with self._run(run) as now:
            if codebook is not None:
                self._replace_codebook(codebook)
            writer = BatchWriter(self, run.run_id, now)
            yield writer
            self._insert_issues(run.run_id, writer.issues + writer.result.notes)

    @contextmanager
    def _run(self, run: RunRecord) -> Iterator[dt.datetime]:
        """One transaction holding the run's row and what the block writes: all of it, or none."""
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("INSERT INTO runs (run_id, command, started_at, finished_at, config, versions, summary) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)",
                             [run.run_id, run.command, run.started_at, now, json.dumps(run.config, default=str),
                              json.dumps(run.versions), json.dumps(run.summary)])
            yield now
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _delete_document(self, old_doc_id: str) -> list[tuple]:
        """Delete a stored document and all that hangs off it (an edit replaces it); return its people's
        decisions as (code_id, confidence, status, field prompt, paragraph text), oldest first."""
        decisions = self.con.execute(
            "SELECT c.code_id, c.confidence, c.status, s.field_prompt, s.text FROM codings c "
            "JOIN segments s USING (segment_id) WHERE s.doc_id = ? AND c.method = 'human' "
            "ORDER BY c.created_at", [old_doc_id]).fetchall()
        for table in SEGMENT_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE segment_id IN "
                             "(SELECT segment_id FROM segments WHERE doc_id = ?)", [old_doc_id])
        for table in DOCUMENT_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [old_doc_id])
        return decisions

    def apply_redaction(self, run: RunRecord, plan) -> None:
        """A `redact.RedactionPlan`, atomically: the new texts, `manual` entity rows, cleaned labels, digests."""
        keyed = {"documents": ("doc_id",), "segments": ("segment_id",), "sentences": ("segment_id", "sentence_index"),
                 "questions": ("doc_id", "question_index")}
        with self._run(run):
            for table, rows in plan.texts.items():
                columns = keyed[table]
                where = " AND ".join(f"{c} = ?" for c in columns)
                values = [(text, *_split_key(key, len(columns))) for key, text in rows]
                if values:
                    self.con.executemany(f"UPDATE {table} SET text = ? WHERE {where}", values)
            if plan.entities:
                self.con.executemany(
                    "INSERT INTO entities (doc_id, segment_id, entity_type, placeholder, detector, score, run_id) "
                    "VALUES (?, ?, ?, ?, 'manual', 1.0, ?)", [(*row, run.run_id) for row in plan.entities])
            for table, column in REDACTED_LABELS:
                self._redact_label_column(table, column, plan.label_terms)
            self.con.executemany("INSERT OR REPLACE INTO redacted_terms (term_digest, entity_type, run_id) "
                                 "VALUES (?, ?, ?)", [(d, t, run.run_id) for d, t in plan.digests.items()])

    def _redact_label_column(self, table: str, column: str, terms) -> None:
        """Labels and keyword lists that repeat stored words: each term becomes its type, unnumbered."""
        rows = self.con.execute(f'SELECT rowid, "{column}" FROM {table} WHERE "{column}" IS NOT NULL').fetchall()
        for rowid, value in rows:
            cleaned = value
            for term in terms:
                if isinstance(cleaned, list):
                    cleaned = [term.pattern.sub(f"[{term.entity_type}]", item) for item in cleaned]
                else:
                    cleaned = term.pattern.sub(f"[{term.entity_type}]", cleaned)
            if cleaned != value:
                self.con.execute(f'UPDATE {table} SET "{column}" = ? WHERE rowid = ?', [cleaned, rowid])

    def write_codings(self, run: RunRecord, codings: list[Coding], new_codes: Iterable = ()) -> int:
        """Add codings (review decisions) under a run of their own, with any codes they need that the
        codebook lacks (`new_codes`, codebook Code records), atomically; returns rows added."""
        new_codes = list(new_codes)
        with self._run(run):
            if new_codes:
                self.con.executemany(
                    "INSERT INTO codebook (code_id, family, name, definition, include_examples, exclude_examples) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [(c.code_id, c.family, c.name, c.definition, list(c.include), list(c.exclude)) for c in new_codes])
            self._insert_codings(run.run_id, codings)
        return len(codings)

    def replace_suggestions(self, run: RunRecord, codebook: Codebook, codings: list[Coding],
                            question_types: list[tuple[str, int, str, float]]) -> int:
        """A recode, atomically: the codebook replaced, every coder's suggestion (not people's decisions,
        not topic-sourced ones) replaced by `codings`, and questions retyped; returns suggestions removed."""
        with self._run(run):
            removed = self.con.execute("SELECT count(*) FROM codings WHERE status = 'suggested' "
                                       "AND method NOT IN ('human', 'topic')").fetchone()[0]
            self.con.execute("DELETE FROM codings WHERE status = 'suggested' AND method NOT IN ('human', 'topic')")
            self.con.execute("DELETE FROM codebook WHERE code_id NOT IN (SELECT DISTINCT code_id FROM codings)")
            self._replace_codebook(codebook)
            self._insert_codings(run.run_id, codings)
            if question_types:
                self._with_rows("retyped", ("doc_id", "question_index", "question_type", "confidence"), question_types,
                                "UPDATE questions q SET question_type = u.question_type, confidence = u.confidence "
                                "FROM retyped u WHERE q.doc_id = u.doc_id AND q.question_index = u.question_index")
        return removed

    def write_topics(self, run: RunRecord, result) -> None:
        """A topics run (a `TopicResult`) and everything it found, atomically; earlier runs stay."""
        rows = {
            "topics (run_id, topic_id, label, keywords, size, best_code, code_share)":
                [(run.run_id, t.topic_id, t.label, list(t.keywords), t.size, t.best_code, t.code_share)
                 for t in result.topics],
            "segment_topics (segment_id, run_id, topic_id, probability)":
                [(a.segment_id, run.run_id, a.topic_id, a.probability) for a in result.assignments],
            "topic_meetings (run_id, topic_id, meeting_number, segments, keywords)":
                [(run.run_id, x.topic_id, int(x.key), x.segments, list(x.keywords)) for x in result.over_meetings],
            "topic_sets (run_id, topic_id, set_id, segments, keywords)":
                [(run.run_id, x.topic_id, x.key, x.segments, list(x.keywords)) for x in result.per_set],
        }
        with self._run(run):
            for target, values in rows.items():
                if values:
                    marks = ", ".join("?" * len(values[0]))
                    self.con.executemany(f"INSERT INTO {target} VALUES ({marks})", values)
            self._insert_codings(run.run_id, result.codings)

    def _append(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        """Append rows in one statement through Arrow: DuckDB's executemany runs a statement per row,
        which made storing 2,000 logs take a minute (issue 19)."""
        if not rows:
            return
        quoted = ", ".join(f'"{column}"' for column in columns)
        self._with_rows(f"appending_{table}", columns, rows,
                        f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM appending_{table}")

    def _with_rows(self, name: str, columns: tuple[str, ...], rows: list[tuple], statement: str) -> None:
        """Run `statement` with the rows as an Arrow table it reads under `name`.

        Through a relation, not `con.register`: a registered view is a catalog entry of the open
        transaction, which keeps its Arrow table alive until the commit, so a batch written chunk by
        chunk held every chunk's rows twice (17 MB more per 1,000 logs; benchmarks/bench_store_memory.py)."""
        self.con.from_arrow(arrow_table(columns, rows)).query(name, statement)

    def _replace_codebook(self, codebook: Codebook) -> None:
        self.con.executemany(
            "INSERT OR REPLACE INTO codebook (code_id, family, name, definition, include_examples, exclude_examples) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(c.code_id, c.family, c.name, c.definition, list(c.include), list(c.exclude)) for c in codebook.codes])

    def _insert_codings(self, run_id: str, codings: list[Coding]) -> None:
        self._append("codings", ("segment_id", "code_id", "method", "confidence", "status", "run_id"),
                     [(c.segment_id, c.code_id, c.method, c.confidence, c.status, run_id) for c in codings])

    def update_run_summary(self, run_id: str, summary: dict) -> None:
        self.con.execute("UPDATE runs SET summary = ? WHERE run_id = ?", [json.dumps(summary), run_id])

    def _insert_issues(self, run_id: str, issues: list[IssueRow]) -> None:
        if issues:
            self.con.executemany(
                'INSERT INTO ingest_issues (run_id, source_ref, "row", "column", severity, message) '
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(run_id, i.source_ref, i.row, i.column, i.severity, i.message) for i in issues])
