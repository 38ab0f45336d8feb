"""The local engine: the whole batch in this process.

Detection runs over the whole batch first (spaCy on both cores for batches of 200+ fields,
AnonymiseConfig.n_process), as the propagation merge needs every document's evidence. Replacement,
segmenting and coding then run a chunk of `chunk_logs` documents at a time, each chunk handed on (to
the run's spool, pipeline/spool.py) and dropped before the next is made, so the run holds one chunk's
texts, codings and vectors, not the whole batch's. Each document's result depends on the batch's
roster and propagation and on itself alone (tests/test_run_chunks.py: one chunk or many, the same rows).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.config import RunConfig
from pipeline.engines.base import Batch, Chunks, Engine, Processed, ProgressFactory, StageClock, fit_batch

if TYPE_CHECKING:
    from pipeline.anonymise.engine import Anonymiser
    from pipeline.anonymise.propagation import DocumentFindings, Propagation
    from pipeline.coding import CodingStage


class LocalEngine(Engine):
    """Models built by run_pipeline (None when the batch holds nothing new to anonymise or code)."""

    name = "local"

    def __init__(self, anonymiser: Anonymiser | None, coding: CodingStage | None,
                 chunk_logs: int = RunConfig.chunk_logs) -> None:
        self.anonymiser = anonymiser
        self.coding = coding
        self.chunk_logs = chunk_logs

    def process(self, batch: Batch, progress: ProgressFactory, clock: StageClock) -> Processed:
        processed = Processed(codebook=self.coding.codebook if self.coding else None,
                              thresholds=self.coding.thresholds() if self.coding else None)
        found: list[DocumentFindings] = []
        propagation = None
        if self.anonymiser is not None:
            processed.issues = fit_batch(self.anonymiser, batch)
            found = self.anonymiser.detect(batch.fresh, progress("Detecting", len(batch.fresh)))
            propagation = self.anonymiser.propagation(found)
            processed.roster_words = self.anonymiser.roster_word_counts
        clock.lap("anonymise")
        processed.chunks = self._chunks(found, propagation, progress, clock) if found else self._no_work(clock)
        return processed

    def _chunks(self, found: list[DocumentFindings], propagation: Propagation, progress: ProgressFactory,
                clock: StageClock) -> Chunks:
        """Replacement, segmenting and coding, `chunk_logs` documents at a time, in batch order."""
        from pipeline.segment import Segmenter  # imports spaCy: only when there is text to segment

        total = len(found)
        anonymised, segmented = progress("Anonymising", total), progress("Segmenting", total)
        coded = progress("Coding", total) if self.coding is not None else None
        segmenter = Segmenter()
        while found:
            part = found[:self.chunk_logs]
            del found[:self.chunk_logs]  # a chunk's normalised raw text and findings go once it is done
            chunk = [self.anonymiser.apply(document, propagation) for document in part]
            del part
            anonymised(len(chunk))
            clock.lap("anonymise")
            chunk = segmenter.transform(chunk)
            segmented(len(chunk))
            clock.lap("segment")
            if self.coding is not None:
                chunk = self.coding.transform(chunk)
                if self.coding.embedder is not None:
                    # The chunk's logs keep their own vectors for the writer; the cache would keep
                    # every chunk's. A text met again in a later chunk is encoded again.
                    self.coding.embedder.forget()
                coded(len(chunk))
                clock.lap("code")
            yield chunk

    def _no_work(self, clock: StageClock) -> Chunks:
        """No new document: no chunk, but the summary names the same stages as a run with work."""
        clock.lap("segment")
        if self.coding is not None:
            clock.lap("code")
        yield from ()
