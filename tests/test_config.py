from __future__ import annotations

import pytest

from pipeline.config import Config, ConfigError


def test_defaults_without_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = Config.load()
    assert config.store.db == "als.duckdb" and config.anonymise.key_env == "ALS_PSEUDONYM_KEY"


def test_toml_values_and_overrides(tmp_path):
    path = tmp_path / "als.toml"
    path.write_text('[store]\ndb = "x.duckdb"\n[ingest]\ncolumn_aliases = {author_name = ["Assessor"]}\n')
    config = Config.load(path).with_overrides(store__db="y.duckdb", anonymise__key_file=None)
    assert config.store.db == "y.duckdb"
    assert config.ingest.column_aliases == {"author_name": ["Assessor"]}
    assert config.to_dict()["store"]["db"] == "y.duckdb"


@pytest.mark.parametrize("text, fragment", [
    ("[stor]\ndb = 'x'\n", "unknown section"),
    ("[store]\ndatabase = 'x'\n", "unknown key"),
    ("[store\n", "not valid TOML"),
    ("[run]\nchunk_logs = 0\n", "chunk_logs must be a whole number of at least 1"),
    ("[run]\nchunk_logs = 2.5\n", "chunk_logs must be a whole number of at least 1"),
    ("[run]\nchunk_logs = '500'\n", "chunk_logs must be a whole number of at least 1"),
])
def test_bad_config_is_named(tmp_path, text, fragment):
    path = tmp_path / "als.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=fragment):
        Config.load(path)


def test_chunk_logs_is_a_run_setting(tmp_path):
    path = tmp_path / "als.toml"
    path.write_text("[run]\nchunk_logs = 250\n")
    assert Config().run.chunk_logs == 1000 and Config.load(path).run.chunk_logs == 250
    with pytest.raises(ConfigError, match="chunk_logs"):
        Config().with_overrides(run__chunk_logs=-1)


@pytest.mark.parametrize("value", ["lots", "256", "-1GB", 256])
def test_a_memory_limit_that_is_not_a_size_is_named(tmp_path, value):
    path = tmp_path / "als.toml"
    path.write_text(f"[store]\nmemory_limit = {value!r}\n".replace("'", '"'))
    with pytest.raises(ConfigError, match="memory_limit must be a size"):
        Config.load(path)
