"""The local engine: the whole batch in this process, as `als run` has always done it.

spaCy runs on both cores for batches of 200+ fields (AnonymiseConfig.n_process); the coder and
the sentence model see the whole batch at once.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.engines.base import Batch, Engine, Processed, ProgressFactory, StageClock, fit_batch
from pipeline.segment import Segmenter

if TYPE_CHECKING:
    from pipeline.anonymise.engine import Anonymiser
    from pipeline.coding import CodingStage


class LocalEngine(Engine):
    """Models built by run_pipeline (None when the batch holds nothing new to anonymise or code)."""

    name = "local"

    def __init__(self, anonymiser: Anonymiser | None, coding: CodingStage | None) -> None:
        self.anonymiser = anonymiser
        self.coding = coding

    def process(self, batch: Batch, progress: ProgressFactory, clock: StageClock) -> Processed:
        processed = Processed(codebook=self.coding.codebook if self.coding else None,
                              thresholds=self.coding.thresholds() if self.coding else None)
        anonymised = []
        if self.anonymiser is not None:
            processed.issues = fit_batch(self.anonymiser, batch)
            anonymised = self.anonymiser.transform(batch.fresh, progress("Anonymising", len(batch.fresh)))
            processed.roster_words = self.anonymiser.roster_word_counts
        clock.lap("anonymise")
        advance = progress("Segmenting", 1)
        if anonymised:  # Segmenter() imports spaCy: only when there is text to segment
            processed.logs = Segmenter().transform(anonymised)
        advance(1)
        clock.lap("segment")
        if self.coding is not None:
            advance = progress("Coding", 1)
            processed.logs = self.coding.transform(processed.logs)
            advance(1)
            clock.lap("code")
        return processed
