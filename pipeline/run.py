"""The main job: ingest -> anonymise -> segment -> code -> store, as one batch.

Models and the key are loaded before the database is opened, so a missing
model or key stops the run with nothing written. The database is read briefly
first (what is stored, which key it was written under) and opened for writing
only once every document is anonymised, segmented and coded: DuckDB lets nobody
else read a file while one process writes it, so the dashboard is locked out for
the seconds of the write, not the minutes of the work. A large batch is made
chunk by chunk (`[run] chunk_logs`), so its memory stays that of one chunk; the
finished chunks wait on disk (pipeline/spool.py) and are written in the batch's
one transaction.

The per-document work runs in an engine (pipeline/engines/): this process by default, or the
workers of a Dask cluster (`[run] engine = "dask"`); either way this module writes the result, in
one transaction.
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from pipeline.anonymise.keys import Pseudonymiser
from pipeline.anonymise.stage import build_anonymiser, check_key, load_pseudonymiser
from pipeline.coding import CodingStage, build_coding_stage, load_stage_codebook
from pipeline.config import Config
from pipeline.engines import Batch, Engine, ProgressFactory, StageClock, remote_engine
from pipeline.engines.local import LocalEngine
from pipeline.ingest import ingest_directory
from pipeline.queries.documents import stored_source_digests
from pipeline.queries.facets import has_documents
from pipeline.queries.redaction import redacted_term_digests
from pipeline.queries.meta import KEY_FINGERPRINT, meta_value, table_names
from pipeline.provenance import new_run_id, package_versions
from pipeline.spool import ChunkSpool
from pipeline.store import DatabaseBusy, IssueRow, RunRecord, Store, busy_message, connect

if TYPE_CHECKING:
    from pipeline.anonymise.engine import Anonymiser

log = logging.getLogger(__name__)


def _no_progress(stage: str, total: int) -> Callable[[int], None]:
    return lambda n=1: None


@dataclass
class RunSummary:
    run_id: str
    db_path: Path
    logs_read: int = 0
    documents_stored: int = 0
    already_stored: int = 0
    replaced: int = 0  # stored form rows an edit replaced
    segments: int = 0
    questions: int = 0
    codings: int = 0
    entities_by_type: Counter = field(default_factory=Counter)
    # How member names that are also words were decided (roster_words.py): counts only, never words.
    roster_words: dict[str, int] = field(default_factory=dict)
    issues: list[IssueRow] = field(default_factory=list)
    seconds: float = 0.0
    spooled_bytes: int = 0  # finished chunks held on disk until the write (0: one chunk, kept in memory)
    # Wall seconds per stage (load, ingest, anonymise, segment, code, spool, store; "store" is the write, under
    # the lock), for benchmarks/bench_scale.py.
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def failed_inputs(self) -> list[str]:
        """The files (or submissions) with an error issue: dropped in whole or in part."""
        return sorted({i.source_ref for i in self.issues if i.severity == "error"})

    def as_dict(self) -> dict:
        return {
            "logs_read": self.logs_read, "documents_stored": self.documents_stored,
            "already_stored": self.already_stored, "replaced": self.replaced, "segments": self.segments, "questions": self.questions,
            "codings": self.codings,
            "entities_by_type": dict(self.entities_by_type),
            "roster_words": dict(self.roster_words),
            "issues_by_severity": dict(Counter(i.severity for i in self.issues)),
            "seconds": round(self.seconds, 2),
            "spooled_mb": round(self.spooled_bytes / 1e6, 1),
            "stage_seconds": {stage: round(seconds, 2) for stage, seconds in self.stage_seconds.items()},
        }


def run_pipeline(input_dir: Path, config: Config, progress: ProgressFactory = _no_progress,
                 anonymiser: Anonymiser | None = None, coding: CodingStage | None = None,
                 new_key: bool = False) -> RunSummary:
    """Run the whole job on `input_dir` into `config.store.db`; return what happened.

    A database written under another pseudonym key raises KeyMismatch before anything is
    written, unless `new_key` (`als run --new-key`) says the change is on purpose."""
    clock = time.perf_counter()
    started = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    if not Path(input_dir).exists():  # a folder, or one file (ingest reads either)
        raise FileNotFoundError(f"input folder or file {input_dir} does not exist")
    stages = StageClock()
    # The key alone says which inputs are stored already; the models load only when there is work.
    pseudonymiser = anonymiser.pseudonymiser if anonymiser else load_pseudonymiser(config.anonymise)
    engine = remote_engine(config, pseudonymiser)  # a cluster out of reach stops here, before any work
    try:
        return _run_batch(input_dir, config, progress, anonymiser, coding, new_key, engine, pseudonymiser,
                          stages, clock, started)
    finally:
        if engine is not None:
            engine.close()


def _run_batch(input_dir: Path, config: Config, progress: ProgressFactory, anonymiser: Anonymiser | None,
               coding: CodingStage | None, new_key: bool, engine: Engine | None, pseudonymiser: Pseudonymiser,
               stages: StageClock, clock: float, started: dt.datetime) -> RunSummary:
    codebook = load_stage_codebook(config.coding) if coding is None and config.coding.enabled else None
    advance = progress("Reading inputs", 1)
    ingested = ingest_directory(Path(input_dir), config.ingest)
    advance(1)
    stages.lap("ingest")
    known, stored_fingerprint, redacted = _stored_state(Path(config.store.db), config.store.lock_wait_seconds)
    check_key(stored_fingerprint, pseudonymiser, new_key)  # a wrong key stops before the work
    fresh = [log for log in ingested.logs if pseudonymiser.source_digest(log.content_sha256) not in known]
    if engine is None:  # local: the models are built here, in this process
        if anonymiser is None and (fresh or ingested.issues):
            anonymiser = build_anonymiser(config.anonymise)  # fails closed, before any write
        if coding is None and config.coding.enabled and fresh:
            coding = build_coding_stage(config.coding, codebook)  # a missing model stops here, before any write
        engine = LocalEngine(anonymiser, coding, config.run.chunk_logs)
    stages.lap("load")
    summary = RunSummary(run_id=new_run_id(), db_path=Path(config.store.db), logs_read=len(ingested.logs))
    summary.already_stored = len(ingested.logs) - len(fresh)
    processed = engine.process(Batch(ingested.logs, fresh, redacted, ingested.issues), progress, stages)
    summary.issues = processed.issues
    summary.roster_words = processed.roster_words
    if summary.roster_words:
        from pipeline.anonymise.roster_words import DECISION_LABELS  # loaded with the anonymiser by now

        log.info("member names that are also words: %s", ", ".join(
            f"{count} {DECISION_LABELS[decision]}" for decision, count in summary.roster_words.items()))
    run = RunRecord(summary.run_id, "run", started, config.to_dict(), package_versions())
    with ChunkSpool(Path(config.store.db).parent) as spool:
        # Every chunk is made before the write lock is taken, and waits in the spool: readers are locked
        # out for the seconds of the write, not the minutes of the anonymising and coding.
        with closing(processed.chunks) as chunks:
            for chunk in chunks:
                spool.add(chunk)
                del chunk  # spooled: the next chunk is made without this one in memory
                stages.lap("spool")  # "store" is then the write alone: how long readers are locked out
        summary.spooled_bytes = spool.bytes_written
        advance = progress("Storing", len(fresh))  # drawn below the bars of the stages it follows
        with Store(config.store.db, config.store.lock_wait_seconds, config.store.memory_limit) as store:
            with store.batch(run, processed.codebook) as writer:
                # Checked again under the write lock (another run may have written since the read above),
                # and recorded in the batch's transaction: a batch that fails leaves no fingerprint either.
                summary.issues += _accept_key(store, pseudonymiser, new_key, has_documents=has_documents(store.con))
                writer.add_issues(summary.issues)
                stages.lap("store")
                for chunk in spool.replay():
                    writer.append(chunk)
                    advance(len(chunk))
                    stages.lap("store")
                    del chunk  # written: the next is read from the spool without this one in memory
                if processed.thresholds is not None and writer.result.documents:
                    store.record_thresholds(processed.thresholds)  # what the review queue measures uncertainty against
            written = writer.result
            summary.issues += written.notes
            summary.already_stored += written.already_stored
            summary.replaced = written.replaced
            summary.documents_stored = written.documents
            summary.segments = written.segments
            summary.questions = written.questions
            summary.codings = written.codings
            summary.entities_by_type = Counter(written.entities_by_type)
            summary.seconds = time.perf_counter() - clock
            stages.lap("store")
            summary.stage_seconds = stages.seconds
            store.update_run_summary(summary.run_id, summary.as_dict())
    return summary


def _stored_state(db: Path, wait_seconds: float) -> tuple[set[str], str | None, dict[str, str]]:
    """What is stored already, the key fingerprint and the terms redacted by hand (as keyed digests),
    read without taking the write lock."""
    if not db.exists():
        return set(), None, {}
    try:
        con = connect(db, read_only=True, wait_seconds=wait_seconds)
    except DatabaseBusy:  # this run means to write: say what a writer says
        raise DatabaseBusy(busy_message(db, wait_seconds, read_only=False)) from None
    with con:
        tables = set(table_names(con))
        known = stored_source_digests(con) if "documents" in tables else set()
        fingerprint = meta_value(con, KEY_FINGERPRINT) if "meta" in tables else None
        redacted = redacted_term_digests(con) if "redacted_terms" in tables else {}
    return known, fingerprint, redacted


def _accept_key(store: Store, pseudonymiser: Pseudonymiser, new_key: bool, has_documents: bool) -> list[IssueRow]:
    """Check this run's key against the database's fingerprint (KeyMismatch) and record it if new."""
    stored = meta_value(store.con, KEY_FINGERPRINT)
    fingerprint = check_key(stored, pseudonymiser, new_key)
    if fingerprint is None:
        return []
    store.record_meta(KEY_FINGERPRINT, fingerprint)
    if stored is not None:
        return [IssueRow("database", None, None, "warning", "the pseudonym key was changed (--new-key): documents "
                         "stored before keep their codes under the old key and are not matched to new ones")]
    if has_documents:
        return [IssueRow("database", None, None, "info", "this database had no key fingerprint (written by an "
                         "earlier version): this run's key is now recorded as its key")]
    return []


@dataclass
class TopicsSummary:
    run_id: str
    strategy: str
    segments: int
    topics: list
    outliers_before: int
    outliers_after: int
    topic_codings: int
    seconds: float


def run_topics(config: Config, embedder=None, progress: ProgressFactory = _no_progress) -> TopicsSummary:
    """Model topics over every segment in `config.store.db` as a run of its own."""
    from pipeline.embeddings import embedder_for
    from pipeline.queries.documents import segment_vectors, topic_segments
    from pipeline.topics import MIN_SEGMENTS, TopicModeller, TopicsUnavailable

    clock = time.perf_counter()
    started = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    # Opening the store brings a database from an older version up to the current schema.
    Store(config.store.db, config.store.lock_wait_seconds, config.store.memory_limit).close()
    with connect(config.store.db, read_only=True) as con:
        segments = topic_segments(con)
        stored = segment_vectors(con, config.coding.embedding_model)
    if len(segments) < MIN_SEGMENTS:  # before loading a model for nothing
        raise TopicsUnavailable(f"topics need at least {MIN_SEGMENTS} segments; the database has {len(segments)}")
    embedder = embedder or embedder_for(config.coding)
    advance = progress("Topics", 1)
    result = TopicModeller(config.topics, embedder).fit_transform(segments, stored)
    advance(1)
    summary = TopicsSummary(new_run_id(), result.strategy, len(segments), result.topics, result.outliers_before,
                            result.outliers_after, len(result.codings), 0.0)
    summary.seconds = time.perf_counter() - clock
    run = RunRecord(summary.run_id, "topics", started, config.to_dict(), package_versions(),
                    {"strategy": result.strategy, "segments": len(segments), "topics": len(result.topics),
                     "outliers_before": result.outliers_before, "outliers_after": result.outliers_after,
                     "topic_codings": len(result.codings), "seconds": round(summary.seconds, 2)})
    with Store(config.store.db, config.store.lock_wait_seconds, config.store.memory_limit) as store:
        store.write_topics(run, result)
    return summary
