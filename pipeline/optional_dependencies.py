"""Import a library as if some of its optional dependencies were not installed.

thinc (under spaCy) imports PyTorch when it is installed, and Presidio imports
transformers, for engines this pipeline never uses: the names model is spaCy's
small CPU pipeline, and the sentence model runs on ONNX Runtime. Both libraries
take their no-torch path when the import fails (`try: import torch / except
ImportError`). Hiding the two while spaCy and Presidio are imported saves a run
about 5 s and 300 MB, in the main process and in each spaCy worker it forks.
They are hidden only during the block: whatever imports them later (the PyTorch
backend, topics, training) gets the real packages.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator

# Optional to spaCy and Presidio as this pipeline uses them (see above).
UNUSED_BY_NLP_LIBRARIES = ("torch", "transformers")


@contextmanager
def hidden(*names: str) -> Iterator[None]:
    """Within the block `import name` raises ImportError, unless `name` is imported already."""
    hide = [name for name in names if name not in sys.modules]
    for name in hide:
        sys.modules[name] = None  # the import system's marker for "cannot be imported"
    try:
        yield
    finally:
        for name in hide:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
