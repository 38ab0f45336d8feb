"""The one place the process is told never to reach a model hub.

A run loads only installed models (spaCy for names, a sentence-transformer
for coding and topics); if one is missing it must stop with a message, not
download it. Call `stay_offline()` right before loading a model. It is not
done on import, so that importing a module has no effect on the environment.
"""
from __future__ import annotations

import os
import sys

# Forced on, whatever the shell says: a run must never fetch anything.
OFFLINE_SETTINGS = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
# A default the user may override: the tokenizers library warns, and can hang, when a
# process that already used its threads is forked (spaCy's worker processes fork).
DEFAULT_SETTINGS = {"TOKENIZERS_PARALLELISM": "false"}


def stay_offline() -> None:
    """Set the offline environment for Hugging Face libraries, including ones already imported."""
    os.environ.update(OFFLINE_SETTINGS)
    for name, value in DEFAULT_SETTINGS.items():
        os.environ.setdefault(name, value)
    # huggingface_hub reads HF_HUB_OFFLINE once, when first imported; Presidio imports it
    # (through transformers) long before any model is loaded, so the flag is set there too.
    constants = sys.modules.get("huggingface_hub.constants")
    if constants is not None:
        constants.HF_HUB_OFFLINE = True
