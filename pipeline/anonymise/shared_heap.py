"""The heap spaCy's worker processes share with this one, kept shared while they run.

spaCy's `n_process` workers are forked: they start on this process's pages, copy-on-write. Python's
cyclic garbage collector writes into the header of every object it traverses, so each full
collection here or in a worker turns the shared pages of the loaded models and the batch's texts
into private copies, one per process, for as long as detection runs. `gc.freeze()` moves the
objects that exist before the fork out of the collector's reach (the documented remedy,
docs.python.org/3/library/gc.html#gc.freeze); objects made later are collected as usual, and the
frozen ones go back to the collector when the workers have finished.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def frozen_heap(forking: bool) -> Iterator[None]:
    """Freeze what exists now while forked workers run (`forking`), then hand it back to the collector."""
    if not forking:
        yield
        return
    gc.collect()  # what is garbage now is collected once, not frozen with the rest
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
