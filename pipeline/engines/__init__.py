"""Where `als run` does its per-document work: one small module per engine behind `Engine.process`.

`local` runs the batch in this process; `dask` runs it as tasks on a Dask distributed cluster
(docs/scaling.md). Either way run_pipeline alone writes the result, in one transaction.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.engines.base import Batch, Engine, EngineUnavailable, Processed, ProgressFactory, StageClock

if TYPE_CHECKING:
    from pipeline.anonymise.keys import Pseudonymiser
    from pipeline.config import Config

__all__ = ["Batch", "Engine", "EngineUnavailable", "Processed", "ProgressFactory", "StageClock", "remote_engine"]


def remote_engine(config: Config, pseudonymiser: Pseudonymiser) -> Engine | None:
    """The engine `[run] engine` names when it runs elsewhere, connected now (before any work); None for local.

    The local engine is built later by run_pipeline, once it knows whether the batch needs models."""
    if config.run.engine == "local":
        return None
    if config.run.engine == "dask":
        from pipeline.engines.dask import DaskEngine  # imports distributed: only for this engine

        return DaskEngine.connect(config, pseudonymiser)
    raise EngineUnavailable(f"unknown engine {config.run.engine!r}")
