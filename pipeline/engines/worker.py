"""The tasks the Dask engine sends to its workers, and each worker's models.

Plain functions without Dask: a worker imports this module (the package must be installed on
it), builds the anonymiser, the segmenter and the coding stage once per configuration and keeps
them for the process's life (`stages_for`), so a batch of 10,000 documents loads the models once
per worker, not once per task.

The anonymiser is fitted to a batch (its roster, the redacted terms, the issue files) before it
sees any document of it; each task names its batch, and a worker fits again only when the batch
changes. One lock serialises the tasks of a worker: the fitted anonymiser is shared state, and
spaCy and torch gain nothing from a second thread on the same core.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.config import Config
from pipeline.engines.base import Batch, fit_batch
from pipeline.records import RawLog, SegmentedLog
from pipeline.store import IssueRow

if TYPE_CHECKING:
    from pipeline.anonymise.engine import Anonymiser
    from pipeline.anonymise.propagation import DocumentFindings, Propagation, PropagationEvidence
    from pipeline.coding import CodingStage
    from pipeline.segment import Segmenter

_LOCK = threading.RLock()
_STAGES: dict[str, "WorkerStages"] = {}


@dataclass(frozen=True)
class BatchOnWorkers:
    """A Batch as the workers see it: the roster's input, under a token naming this run's batch."""

    token: str
    batch: Batch


@dataclass
class WorkerStages:
    anonymiser: Anonymiser
    segmenter: Segmenter
    coding: CodingStage | None
    fitted_to: str | None = None  # the token of the batch the anonymiser was last fitted to
    issues: list[IssueRow] = field(default_factory=list)  # that batch's cleaned issues

    def fitted(self, on_workers: BatchOnWorkers) -> "WorkerStages":
        if self.fitted_to != on_workers.token:
            self.issues = fit_batch(self.anonymiser, on_workers.batch)
            self.fitted_to = on_workers.token
        return self


@dataclass(frozen=True)
class WorkerFacts:
    """What the driver checks before sending any document: the same key and the same coder everywhere."""

    key_fingerprint: str
    thresholds: dict[str, float] | None


@dataclass
class Detected:
    """Pass one's result for one document; it stays on the worker until pass two reads it there."""

    document: DocumentFindings
    evidence: PropagationEvidence
    roster_words: dict[str, int]


def config_digest(config: Config) -> str:
    """The sections the models are built from: a worker builds again only when one of them changes."""
    sections = {"anonymise": dataclasses.asdict(config.anonymise), "coding": dataclasses.asdict(config.coding)}
    return hashlib.sha256(json.dumps(sections, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def stages_for(config: Config) -> WorkerStages:
    """This process's models for `config`, built on first use (AnonymiserUnavailable, CodingUnavailable)."""
    digest = config_digest(config)
    with _LOCK:
        if digest not in _STAGES:
            from pipeline.anonymise.stage import build_anonymiser
            from pipeline.coding import build_coding_stage
            from pipeline.segment import Segmenter

            # One spaCy process: a Dask worker is a daemon process, which may not start processes of
            # its own, and the cluster's workers are the parallelism (the output is the same).
            anonymiser = build_anonymiser(dataclasses.replace(config.anonymise, n_process=1))
            coding = build_coding_stage(config.coding) if config.coding.enabled else None
            _STAGES[digest] = WorkerStages(anonymiser, Segmenter(), coding)
        return _STAGES[digest]


# -- tasks ---------------------------------------------------------------------


def warm_up(config: Config) -> WorkerFacts:
    """Load this worker's models now (one task per worker, side by side) and say what they are."""
    with _LOCK:
        stages = stages_for(config)
        return WorkerFacts(stages.anonymiser.pseudonymiser.key_fingerprint(),
                           stages.coding.thresholds() if stages.coding else None)


def clean_issues(config: Config, on_workers: BatchOnWorkers) -> list[IssueRow]:
    with _LOCK:
        return list(stages_for(config).fitted(on_workers).issues)


def detect_document(config: Config, on_workers: BatchOnWorkers, log: RawLog) -> Detected:
    """Pass one for one document: its findings, and the evidence it adds to the batch's propagation."""
    with _LOCK:
        anonymiser = stages_for(config).fitted(on_workers).anonymiser
        [document] = anonymiser.detect([log])
        return Detected(document, anonymiser.evidence(document), anonymiser.roster_word_counts)


def contribution(detected: Detected) -> tuple[PropagationEvidence, dict[str, int]]:
    """The small part of pass one the driver gathers for the reduce (the text stays on the worker)."""
    return detected.evidence, detected.roster_words


def finish_document(config: Config, on_workers: BatchOnWorkers, detected: Detected,
                    propagation: Propagation) -> SegmentedLog:
    """Pass two for one document: propagated terms and replacement, then segmenting and coding."""
    with _LOCK:
        stages = stages_for(config).fitted(on_workers)
        anonymised = stages.anonymiser.apply(detected.document, propagation)
        [segmented] = stages.segmenter.transform([anonymised])
        if stages.coding is not None:
            [segmented] = stages.coding.transform([segmented])
            if stages.coding.embedder is not None:
                # The document carries its own vectors back; the cache would keep those of every
                # document this worker coded, run after run.
                stages.coding.embedder.forget()
        return segmented
