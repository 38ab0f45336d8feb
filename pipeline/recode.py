"""`als recode`: code the stored paragraphs and questions again, under the codebook of the config.

After a codebook change (or a newly trained model) the lead body re-codes the whole archive. The
stored text is already anonymised, so nothing is read from the inputs and nothing is anonymised
again: the coder reads the segments table, reuses the paragraph vectors the runs stored (the same
embedding model gives the same vectors), and one transaction replaces every coder's suggestion.
People's decisions and topic-sourced suggestions stay as they are.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.coding import CodingStage, build_coding_stage
from pipeline.config import Config
from pipeline.provenance import new_run_id, package_versions
from pipeline.queries.documents import coding_units, segment_vectors
from pipeline.store import RunRecord, Store, connect


@dataclass
class RecodeSummary:
    run_id: str
    segments: int = 0
    questions: int = 0
    suggestions: int = 0
    removed: int = 0
    vectors_reused: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {**dataclasses.asdict(self), "seconds": round(self.seconds, 2)}


def recode(config: Config, coding: CodingStage | None = None) -> RecodeSummary:
    """Re-code `config.store.db` with `config.coding` (its codebook and model file)."""
    clock = time.perf_counter()
    started = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    db = Path(config.store.db)
    if not db.exists():
        raise FileNotFoundError(f"database {db} does not exist")
    coding = coding or build_coding_stage(config.coding)  # a bad codebook or missing model stops here
    with connect(db, read_only=True, wait_seconds=config.store.lock_wait_seconds) as con:
        segments, questions = coding_units(con)
        stored = segment_vectors(con, coding.embedder.name) if coding.embedder else {}
    summary = RecodeSummary(new_run_id(), len(segments), len(questions))
    if coding.embedder is not None:
        known = [(text, stored[sid]) for sid, text, _ in segments if sid in stored]
        coding.embedder.remember([text for text, _ in known], [vector for _, vector in known])
        summary.vectors_reused = len(known)
    codings = [c for found in coding.suggested_codings(segments).values() for c in found]
    types = coding.typer.predict([text for _, _, text in questions])
    retyped = [(doc_id, index, kind, float(confidence))
               for (doc_id, index, _), (kind, confidence) in zip(questions, types)]
    summary.suggestions = len(codings)
    run = RunRecord(summary.run_id, "recode", started, config.to_dict(), package_versions())
    with Store(db, config.store.lock_wait_seconds, config.store.memory_limit) as store:
        summary.removed = store.replace_suggestions(run, coding.codebook, codings, retyped)
        store.record_thresholds(coding.thresholds())
        summary.seconds = time.perf_counter() - clock
        store.update_run_summary(summary.run_id, summary.as_dict())
    return summary
