"""What every engine is given and hands back; the one method it implements.

An engine runs the per-document stages of `als run` (anonymise, segment, code) over the new
logs of one batch. `process` runs what needs the whole batch (fitting, detection, the merge of
the propagation evidence) and hands back the rest as `Processed.chunks`: documents finished
a chunk (`[run] chunk_logs`) at a time, which run_pipeline spools and then writes, all in one
transaction. An engine never writes, so one that fails in any chunk leaves the database as it was.
"""
from __future__ import annotations

import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Generator

from pipeline.records import IngestIssue, RawLog, SegmentedLog
from pipeline.store import IssueRow

if TYPE_CHECKING:
    from pipeline.anonymise.engine import Anonymiser
    from pipeline.coding.codebook import Codebook

# progress(stage, total) -> advance(n): the CLI draws bars; tests pass nothing.
ProgressFactory = Callable[[str, int], Callable[[int], None]]
# A batch's documents, a chunk at a time: a generator, so the reader can close it early (on a failure).
Chunks = Generator[list[SegmentedLog], None, None]


class EngineUnavailable(RuntimeError):
    """The engine cannot run (package missing, scheduler unreachable, workers disagree): raised before any write."""


class StageClock:
    """Wall seconds between laps, by stage name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._last
        self._last = now


@dataclass(frozen=True)
class Batch:
    """One run's inputs: the roster is learned from all logs, only the fresh ones are processed."""

    logs: list[RawLog]  # every log read (the batch roster and file references come from all of them)
    fresh: list[RawLog]  # the logs not stored yet, in input order
    redacted: dict[str, str]  # terms redacted by hand before (keyed digest -> entity type)
    issues: list[IngestIssue]  # ingest issues, cleaned by the anonymiser's detectors before storing


def no_chunks() -> Chunks:
    """The chunks of a batch with no new document: a generator like the others, so it can be closed."""
    yield from ()


@dataclass
class Processed:
    """What an engine hands to the single writer."""

    # The new documents, anonymised, segmented and coded a chunk at a time as the writer asks for the
    # next, in the order of Batch.fresh; consumed once. Closing it releases what the engine holds for it.
    chunks: Chunks = field(default_factory=no_chunks)
    issues: list[IssueRow] = field(default_factory=list)
    roster_words: dict[str, int] = field(default_factory=dict)
    codebook: Codebook | None = None
    thresholds: dict[str, float] | None = None  # each code's threshold, when the batch was coded


class Engine(ABC):
    """Runs the per-document stages of one batch; `close` frees what the engine holds (a connection)."""

    name = "engine"

    @abstractmethod
    def process(self, batch: Batch, progress: ProgressFactory, clock: StageClock) -> Processed:
        """Fit to the batch, detect and merge over all of `batch.fresh`, clean `batch.issues`; the chunks
        then anonymise, segment and code it as they are read. Writes nothing."""

    def close(self) -> None:
        return None


def fit_batch(anonymiser: Anonymiser, batch: Batch) -> list[IssueRow]:
    """Fit the anonymiser to the batch and clean its issues, in the order every engine must keep.

    The issues' files are named (LabelCleaner.file_ref) before any document is anonymised, as a
    prompt naming such a file is cleaned with its reference: the same order on every worker."""
    anonymiser.fit(batch.logs, batch.redacted)
    return [clean_issue(issue, anonymiser) for issue in batch.issues]


def clean_issue(issue: IngestIssue, anonymiser: Anonymiser) -> IssueRow:
    """An issue as stored: its file by its reference, column and message through the anonymiser's detectors.

    Ingest messages hold no cell contents, but they name files, columns and XLSX sheets, whose
    titles people write: all of them are labels, cleaned here before they are stored or shown."""
    return IssueRow(
        source_ref=anonymiser.labels.file_ref(issue.source_file) or "",  # first: the message may name this file
        row=issue.row,
        column=anonymiser.labels.clean(issue.column),
        severity=issue.severity,
        message=anonymiser.labels.clean_message(issue.message) or "",
    )
