"""`als run --engine dask`: a local cluster of two worker processes stores what one process stores.

Part of the bundled sample (16 logs: two form exports, one with an ingest issue, and four documents) is
run once in this process and once on a `distributed.LocalCluster` of two single-threaded worker
processes, which load their own models from the configuration and whose results are gathered and
written in chunks of five; the two databases are then compared table by table, row for row.
"""
from __future__ import annotations

import json
import shutil
import sys
import types
from pathlib import Path

import duckdb
import pytest

from pipeline.config import Config, ConfigError
from tests.builders import MUST_HOLD_ROWS, same_database, stored_rows
from tests.conftest import SAMPLE_INPUTS

pytestmark = pytest.mark.slow

SUBSET = ("forms/observer_log.csv", "forms/preparation_sheets_excel.csv", "docs/observer_log_set-b_m2.docx",
          "docs/reflective_log_set-a_m4.docx", "docs/set-a_m1_reflective.txt", "docs/set-b_m1_reflective.md")

def same_run_record(expected_db: str, actual_db: str) -> None:
    def record(db):
        with duckdb.connect(db, read_only=True) as con:
            [(command, config, versions, summary)] = con.execute(
                "SELECT command, config, versions, summary FROM runs").fetchall()
        config, summary = json.loads(config), json.loads(summary)
        config.pop("run")  # the engine and its scheduler: what differs on purpose
        config["store"].pop("db")  # each run has a database of its own here
        for timing in ("seconds", "stage_seconds"):
            summary.pop(timing)
        summary.pop("spooled_mb")  # how much waited on disk follows the chunking, which differs here on purpose
        return command, config, json.loads(versions), summary

    assert record(expected_db) == record(actual_db)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("dask-inputs")
    for part in SUBSET:
        source, target = SAMPLE_INPUTS / part, folder / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy(source, target)
    return folder


def coded_config(anonymise_config, db: Path) -> Config:
    settings = Config(anonymise=anonymise_config)
    settings.store.db = str(db)
    settings.coding.model_file = ""  # the packaged coder and question typer, with embeddings, as a run has
    return settings


@pytest.fixture(scope="module")
def single_process_db(tmp_path_factory, inputs, anonymise_config, anonymiser, embedder, codebook) -> str:
    from pipeline.coding import CodingStage, build_coder
    from pipeline.coding.stage import build_typer
    from pipeline.run import run_pipeline

    settings = coded_config(anonymise_config, tmp_path_factory.mktemp("single") / "als.duckdb")
    coding = CodingStage(codebook, build_coder(settings.coding, codebook, embedder),
                         build_typer(settings.coding, codebook, embedder), embedder)
    run_pipeline(inputs, settings, anonymiser=anonymiser, coding=coding)
    return settings.store.db


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    # A spawned worker first runs the parent's __main__ again, from its file; in a whole-suite run an
    # earlier test (the dashboard's AppTest) may have left a page script there. A bare module is run as nothing.
    parent_main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        # Two worker processes of one thread, as `dask worker --nworkers 2 --nthreads 1` starts them.
        local_cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                     dashboard_address=None)
    finally:
        sys.modules["__main__"] = parent_main
    with local_cluster:
        yield local_cluster


@pytest.fixture(scope="module")
def dask_run(tmp_path_factory, inputs, anonymise_config, cluster):
    from pipeline.run import run_pipeline

    settings = coded_config(anonymise_config, tmp_path_factory.mktemp("dask") / "als.duckdb")
    settings.run.engine, settings.run.scheduler = "dask", cluster.scheduler_address
    settings.run.chunk_logs = 5  # pass two gathered and written in chunks; the one process writes one
    steps: dict[str, list[int]] = {}

    def progress(stage: str, total: int):
        steps[stage] = []
        return lambda n=1: steps[stage].append(n)
    return settings, run_pipeline(inputs, settings, progress), steps


def test_a_dask_run_on_two_workers_stores_what_one_process_stores(single_process_db, dask_run):
    settings, summary, steps = dask_run
    assert summary.documents_stored == 16 and summary.stage_seconds["detect"] > 0
    assert steps["Anonymising"] == steps["Storing"] == [5, 5, 5, 1]  # each chunk as it was gathered
    rows = stored_rows(single_process_db)
    assert [table for table in MUST_HOLD_ROWS if not rows[table]] == []  # the comparison compares something
    same_database(single_process_db, settings.store.db)
    same_run_record(single_process_db, settings.store.db)


@pytest.mark.parametrize("change", [
    "UPDATE entities SET placeholder = placeholder || 'x' WHERE rowid = (SELECT min(rowid) FROM entities)",
    "UPDATE segment_embeddings SET vector = list_transform(vector, lambda x: x + 1e-5) "
    "WHERE rowid = (SELECT min(rowid) FROM segment_embeddings)",
    "DELETE FROM codings WHERE rowid = (SELECT max(rowid) FROM codings)",
])
def test_the_comparison_sees_one_changed_row(tmp_path, dask_run, change):
    settings, _, _ = dask_run
    changed = tmp_path / "changed.duckdb"
    shutil.copy(settings.store.db, changed)
    with duckdb.connect(str(changed)) as con:
        con.execute(change)
    with pytest.raises(AssertionError):
        same_database(settings.store.db, str(changed))


def test_a_dask_rerun_stores_nothing_twice_and_cleans_the_issues_on_a_worker(tmp_path, inputs, dask_run):
    from pipeline.run import run_pipeline

    settings, first, _ = dask_run
    copy = settings.with_overrides(store__db=str(tmp_path / "again.duckdb"))  # the compared database stays as run
    shutil.copy(settings.store.db, copy.store.db)
    again = run_pipeline(inputs, copy)
    assert (again.documents_stored, again.already_stored) == (0, first.documents_stored)
    assert again.issues == first.issues and again.issues  # the ingest issue, cleaned as before


def test_the_dask_engine_without_a_scheduler_address_says_so(tmp_path, inputs, anonymise_config):
    from pipeline.engines import EngineUnavailable
    from pipeline.run import run_pipeline

    settings = coded_config(anonymise_config, tmp_path / "als.duckdb")
    settings.run.engine = "dask"
    with pytest.raises(EngineUnavailable, match="--scheduler"):
        run_pipeline(inputs, settings)
    assert not Path(settings.store.db).exists()


def test_an_unreachable_scheduler_stops_the_run_before_anything_is_written(tmp_path, inputs, anonymise_config):
    from pipeline.engines import EngineUnavailable
    from pipeline.run import run_pipeline

    settings = coded_config(anonymise_config, tmp_path / "als.duckdb")
    settings.run.engine, settings.run.scheduler = "dask", "tcp://127.0.0.1:9"  # the discard port: nobody listens
    settings.run.connect_timeout_seconds = 1
    with pytest.raises(EngineUnavailable, match="cannot reach the Dask scheduler"):
        run_pipeline(inputs, settings)
    assert not Path(settings.store.db).exists()


def test_without_distributed_installed_the_run_names_the_package(tmp_path, inputs, anonymise_config, monkeypatch):
    from pipeline.engines import EngineUnavailable
    from pipeline.run import run_pipeline

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    settings = coded_config(anonymise_config, tmp_path / "als.duckdb")
    settings.run.engine, settings.run.scheduler = "dask", "tcp://127.0.0.1:9"
    with pytest.raises(EngineUnavailable, match="dask and distributed"):
        run_pipeline(inputs, settings)
    assert not Path(settings.store.db).exists()


def test_an_unknown_engine_is_a_config_error():
    with pytest.raises(ConfigError, match="engine"):
        Config().with_overrides(run__engine="dusk")
    with pytest.raises(ConfigError, match="engine"):
        Config.from_dict({"run": {"engine": "spark"}})


def test_als_run_on_an_unreachable_scheduler_exits_3_with_nothing_written(tmp_path, inputs, key_file):
    from typer.testing import CliRunner

    from pipeline.cli import app

    db = tmp_path / "als.duckdb"
    settings = tmp_path / "als.toml"
    settings.write_text("[run]\nconnect_timeout_seconds = 1\n")
    result = CliRunner().invoke(app, ["run", str(inputs), "--db", str(db), "--key-file", str(key_file),
                                      "--config", str(settings), "--engine", "dask",
                                      "--scheduler", "tcp://127.0.0.1:9"])
    said = " ".join(result.output.split())
    assert result.exit_code == 3 and "Stopped before writing anything: cannot reach the Dask scheduler" in said
    assert "Traceback" not in result.output and not db.exists()
