"""Package names loaded on first use (PEP 562), so a light submodule does not drag in heavy ones.

    __getattr__, __dir__ = lazy_exports(__name__, {"CodingStage": "stage", ...})

Importing `pipeline.coding.codebook` then loads no scikit-learn, and `pipeline.anonymise.markup`
no Presidio, while `from pipeline.coding import CodingStage` still works.
"""
from __future__ import annotations

import importlib
import sys
from typing import Callable


def lazy_exports(package: str, homes: dict[str, str]) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """A module `__getattr__` and `__dir__` for `package` that import `package.<homes[name]>` on first use."""
    def __getattr__(name: str):
        if name not in homes:
            try:  # a submodule not imported yet (pipeline.anonymise.stage, as mock.patch looks it up)
                return importlib.import_module(f"{package}.{name}")
            except ModuleNotFoundError:
                raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(f"{package}.{homes[name]}"), name)
        setattr(sys.modules[package], name, value)  # later look-ups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted([*vars(sys.modules[package]), *homes])

    return __getattr__, __dir__
