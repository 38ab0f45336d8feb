"""The Dask engine: the per-document stages as tasks on an existing Dask distributed cluster.

One batch is a two-pass map-reduce (docs/scaling.md):
  1. map, on the workers: `detect_document` per document (Presidio, spaCy and the per-document rules);
     the result stays on its worker, and only each document's propagation evidence comes back;
  2. reduce, here: `Propagation.merge` over the evidence in batch order, the one batch-wide step;
     the merged terms go to every worker once;
  3. map, on the workers: `finish_document` per document (propagated terms, replacement,
     segmenting, coding), next to its pass-one result.
The anonymised, coded documents come back here a chunk (`[run] chunk_logs`) at a time, in batch
order, and run_pipeline writes each as it comes, all in one transaction: no worker ever opens the
database, and this process holds one chunk of finished documents, not the batch's.

Dask and `distributed` are imported only here, when `[run] engine = "dask"`; a missing package,
an unreachable scheduler, a cluster without workers or workers with another key stop the run
(EngineUnavailable) before anything is written. Raw documents travel to the workers, scattered
as data, so task descriptions in the workers' logs name them by key and never hold their text.
"""
from __future__ import annotations

import dataclasses
import uuid
from typing import TYPE_CHECKING, Any

from pipeline.engines import worker
from pipeline.engines.base import Batch, Chunks, Engine, EngineUnavailable, Processed, ProgressFactory, StageClock

if TYPE_CHECKING:
    from pipeline.anonymise.keys import Pseudonymiser
    from pipeline.config import Config


def _distributed():
    try:
        import distributed
    except ImportError:
        raise EngineUnavailable("the Dask engine needs the packages dask and distributed: run "
                                "`bash scripts/setup.sh` (or `pip install -e .`)") from None
    return distributed


class DaskEngine(Engine):
    name = "dask"

    def __init__(self, client: Any, config: Config, pseudonymiser: Pseudonymiser) -> None:
        self.client = client
        self.config = config
        self.pseudonymiser = pseudonymiser

    @classmethod
    def connect(cls, config: Config, pseudonymiser: Pseudonymiser) -> "DaskEngine":
        """A client of the scheduler at `[run] scheduler`, with at least one worker, or EngineUnavailable."""
        address = config.run.scheduler.strip()
        if not address:
            raise EngineUnavailable("the Dask engine needs the scheduler's address: --scheduler tcp://HOST:8786 "
                                    "(or [run] scheduler in als.toml)")
        distributed = _distributed()
        timeout = config.run.connect_timeout_seconds
        try:
            client = distributed.Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as error:
            raise EngineUnavailable(f"cannot reach the Dask scheduler at {address} within {timeout:g} s "
                                    f"({type(error).__name__})") from None
        try:
            client.wait_for_workers(1, timeout=timeout)
        except (OSError, TimeoutError):
            client.close()
            raise EngineUnavailable(f"the Dask scheduler at {address} has no worker (waited {timeout:g} s)") from None
        return cls(client, config, pseudonymiser)

    def close(self) -> None:
        self.client.close()

    def process(self, batch: Batch, progress: ProgressFactory, clock: StageClock) -> Processed:
        if not batch.fresh and not batch.issues:
            return Processed()
        try:
            return self._process(batch, progress, clock)
        except self._cluster_failures() as error:
            raise _cluster_failed(error) from None

    def _cluster_failures(self) -> tuple[type[BaseException], ...]:
        distributed = _distributed()
        return distributed.KilledWorker, distributed.comm.CommClosedError, OSError, TimeoutError

    def _process(self, batch: Batch, progress: ProgressFactory, clock: StageClock) -> Processed:
        client, config = self.client, self.config
        facts = self._warm_up()
        clock.lap("load")
        # The workers fit to the batch's metadata alone: the roster and file references need no text,
        # so each document's text goes only to the worker that processes it.
        roster_view = dataclasses.replace(batch, logs=[dataclasses.replace(log, fields=[]) for log in batch.logs])
        [on_workers] = client.scatter([worker.BatchOnWorkers(uuid.uuid4().hex, roster_view)], broadcast=True)
        issues = client.submit(worker.clean_issues, config, on_workers, pure=False)
        logs = client.scatter(list(batch.fresh)) if batch.fresh else []  # new issues alone: no document
        detected = client.map(worker.detect_document, [config] * len(logs), [on_workers] * len(logs), logs,
                              pure=False)
        self._follow(detected, progress("Detecting", len(detected)))
        contributions = client.gather(client.map(worker.contribution, detected, pure=False))
        clock.lap("detect")
        propagation = _merge([evidence for evidence, _ in contributions])
        [merged] = client.scatter([propagation], broadcast=True)
        clock.lap("propagate")
        # Pass two is submitted whole, so the workers never wait on the writer; its results are
        # gathered a chunk at a time, in batch order (`_gathered`).
        finished = client.map(worker.finish_document, [config] * len(detected), [on_workers] * len(detected),
                              detected, [merged] * len(detected), pure=False)
        return Processed(chunks=self._gathered(finished, [logs, detected], [on_workers, merged, issues], progress,
                                               clock),
                         issues=issues.result(),
                         roster_words=_summed([counts for _, counts in contributions]),
                         # as the local engine: a batch with nothing new replaces no codebook
                         codebook=self._codebook() if batch.fresh else None,
                         thresholds=facts.thresholds if batch.fresh else None)

    def _gathered(self, finished: list, inputs: list[list], batch_wide: list, progress: ProgressFactory,
                  clock: StageClock) -> Chunks:
        """Pass two's documents, `[run] chunk_logs` at a time in batch order. A chunk's futures (and the
        pass-one results and raw documents they were made from, `inputs`) are released on the cluster
        once the chunk is here; what is left, with the batch-wide data, when the reader stops."""
        size = self.config.run.chunk_logs
        advance = progress("Anonymising", len(finished))
        try:
            for start in range(0, len(finished), size):
                part = finished[start:start + size]
                try:
                    chunk = self.client.gather(part)
                except self._cluster_failures() as error:
                    raise _cluster_failed(error) from None
                self.client.cancel(part + [future for held in inputs for future in held[start:start + size]])
                advance(len(chunk))
                clock.lap("apply")
                yield chunk
        finally:
            self.client.cancel(batch_wide + finished + [future for held in inputs for future in held])

    def _warm_up(self) -> worker.WorkerFacts:
        """Every worker loads its models side by side; all must hold this machine's key and one coder."""
        addresses = list(self.client.scheduler_info()["workers"])
        futures = [self.client.submit(worker.warm_up, self.config, workers=[address], allow_other_workers=False,
                                      pure=False) for address in addresses]
        facts = self.client.gather(futures)
        if any(f.key_fingerprint != self.pseudonymiser.key_fingerprint() for f in facts):
            raise EngineUnavailable("a Dask worker holds another pseudonym key than this machine: give every "
                                    "worker the same key (ALS_PSEUDONYM_KEY or [anonymise] key_file)")
        if any(f.thresholds != facts[0].thresholds for f in facts):
            raise EngineUnavailable("the Dask workers code with different models: install the same coder "
                                    "(and [coding] model_file) on every worker")
        return facts[0]

    def _codebook(self):
        if not self.config.coding.enabled:
            return None
        from pipeline.coding import load_stage_codebook

        return load_stage_codebook(self.config.coding)

    def _follow(self, futures: list, advance) -> None:
        for _ in _distributed().as_completed(futures, loop=self.client.loop):
            advance(1)


def _cluster_failed(error: BaseException) -> EngineUnavailable:
    return EngineUnavailable(f"the Dask cluster failed during the run ({type(error).__name__}); "
                             "nothing was written")


def _merge(evidence: list):
    from pipeline.anonymise.propagation import Propagation

    return Propagation.merge(evidence)


def _summed(counts: list[dict[str, int]]) -> dict[str, int]:
    """The batch's roster-word decisions: each document's counts added up (RosterWordCounts order)."""
    decided = [c for c in counts if c]
    if not decided:
        return {}
    return {decision: sum(c.get(decision, 0) for c in decided) for decision in decided[0]}
