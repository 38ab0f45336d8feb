"""Detection on spaCy's forked workers runs with the heap frozen, and hands it back (shared_heap.py)."""
from __future__ import annotations

import gc

import pytest

from pipeline.anonymise.shared_heap import frozen_heap
from tests.builders import make_log


def test_the_heap_is_frozen_only_while_workers_run_and_always_handed_back():
    with frozen_heap(False):
        assert gc.get_freeze_count() == 0
    with frozen_heap(True):
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    with pytest.raises(KeyError):
        with frozen_heap(True):
            raise KeyError("a failing detection")
    assert gc.get_freeze_count() == 0, "a failure left objects out of the collector's reach for good"


@pytest.mark.slow
def test_detection_on_two_workers_finds_what_one_process_finds(anonymiser, monkeypatch):
    logs = [make_log({"What happened?": f"Session {n}: Wilhelmina Oakcroft asked about the Ferrier Road team.",
                      "Next time": f"Bring case {n} and ring 07700 900{n:03d}."}, submission_id=f"T-{n}")
            for n in range(110)]  # 220 fields: past the batch size at which the workers start
    anonymiser.fit(logs)
    monkeypatch.setattr(anonymiser, "_workers", lambda units: 1)
    alone = [document.findings for document in anonymiser.detect(logs)]
    monkeypatch.setattr(anonymiser, "_workers", lambda units: 2)
    forked = [document.findings for document in anonymiser.detect(logs)]
    assert forked == alone and any(alone)
    assert gc.get_freeze_count() == 0
