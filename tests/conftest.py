"""Shared fixtures: models are loaded once per session (they take seconds, not milliseconds)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from pipeline.config import AnonymiseConfig, Config
from pipeline.records import LogMetadata, RawField, RawLog

TEST_KEY = "test-key-0123456789abcdef-not-secret"


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


def make_log(text_by_prompt: dict[str, str], *, author="Ottilie Brannagh", email="o.brannagh@fernhollow.gov.uk",
             organisation="Fernhollow Borough Council", set_id="Set K", meeting=1, log_type="reflective",
             submission_id="T-1", source_file="forms/test.csv", row=2) -> RawLog:
    meta = LogMetadata(log_type, submission_id, set_id, meeting, dt.date(2024, 2, 13), author, email,
                       organisation, "local_authority", "adults", "presenter")
    fields = [RawField(prompt, text) for prompt, text in text_by_prompt.items()]
    digest = str(abs(hash((submission_id, tuple(text_by_prompt.items()))))).rjust(64, "0")
    return RawLog(source_file, row, meta, fields, digest)


def all_text_in_db(db_path: str | Path) -> str:
    """Every text value of every table: what a privacy scan must search."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        chunks = []
        columns = con.execute("SELECT table_name, column_name FROM information_schema.columns "
                              "WHERE data_type LIKE 'VARCHAR%' OR data_type = 'JSON'"
                              ).fetchall()
        for table, column in columns:
            for (value,) in con.execute(f'SELECT CAST("{column}" AS VARCHAR) FROM "{table}"').fetchall():
                if value:
                    chunks.append(value)
        return "\n".join(chunks)
    finally:
        con.close()


@pytest.fixture
def small_db(tmp_path, config, anonymiser) -> str:
    """A real database from two small observer logs (tests/test_store.py's inputs), in tmp_path."""
    from pipeline.run import run_pipeline
    from tests.test_store import write_inputs

    write_inputs(tmp_path / "in", xlsx=False)
    run_pipeline(tmp_path / "in", config, anonymiser=anonymiser)
    return config.store.db
