"""Fixtures only. Models and the sample database are built once per session (they take seconds)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.config import AnonymiseConfig, Config
from tests.builders import TEST_KEY, write_inputs

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_INPUTS = ROOT / "data" / "sample"


@pytest.fixture(scope="session")
def key_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("key") / "pseudonym.key"
    path.write_text(TEST_KEY)
    return path


@pytest.fixture(scope="session")
def anonymise_config(key_file) -> AnonymiseConfig:
    return AnonymiseConfig(key_file=str(key_file), key_env="ALS_TEST_UNSET_KEY_VARIABLE")


@pytest.fixture(scope="session")
def anonymiser(anonymise_config):
    from pipeline.anonymise import build_anonymiser

    return build_anonymiser(anonymise_config)


@pytest.fixture
def config(tmp_path, anonymise_config) -> Config:
    settings = Config(anonymise=anonymise_config)
    settings.store.db = str(tmp_path / "als.duckdb")
    # Pipeline tests code with rules only (no 7 s model load each); tests/test_coding*.py use embeddings.
    settings.coding.use_embeddings = False
    settings.coding.model_file = ""
    return settings


@pytest.fixture(scope="session")
def embedder():
    from pipeline.embeddings import Embedder

    return Embedder()


@pytest.fixture(scope="session")
def codebook():
    from pipeline.coding.codebook import load_codebook

    return load_codebook()


@pytest.fixture
def small_db(tmp_path, config, anonymiser) -> str:
    """A real database from two small observer logs, in tmp_path."""
    from pipeline.run import run_pipeline

    write_inputs(tmp_path / "in", xlsx=False)
    run_pipeline(tmp_path / "in", config, anonymiser=anonymiser)
    return config.store.db


@dataclass(frozen=True)
class SampleDatabase:
    """The bundled sample programme as `bash scripts/sample.sh` makes it: coded, with topics, exported."""

    db: str
    export: Path
    summary: object  # the RunSummary of `als run`
    topics: object   # the topics run's summary


@pytest.fixture(scope="session")
def sample_database(tmp_path_factory, anonymise_config, anonymiser, embedder, codebook) -> SampleDatabase:
    """Built once per session and shared read-only: a test that writes copies `db` first."""
    from pipeline.coding import CodingStage, build_coder
    from pipeline.coding.stage import build_typer
    from pipeline.export import export
    from pipeline.run import run_pipeline, run_topics

    settings = Config(anonymise=anonymise_config)
    settings.store.db = str(tmp_path_factory.mktemp("sample") / "sample.duckdb")
    settings.coding.model_file = ""  # no model of one's own: the packaged coder and question typer, as a run has
    coding = CodingStage(codebook, build_coder(settings.coding, codebook, embedder),
                         build_typer(settings.coding, codebook, embedder), embedder)
    summary = run_pipeline(SAMPLE_INPUTS, settings, anonymiser=anonymiser, coding=coding)
    topics = run_topics(settings, embedder)
    out = Path(settings.store.db).with_name("export.jsonl")
    export(settings.store.db, "jsonl", out)
    return SampleDatabase(settings.store.db, out, summary, topics)
