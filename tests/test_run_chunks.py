"""`als run` in chunks (`[run] chunk_logs`): the rows one chunk stores, and nothing at all when any chunk fails.

After the batch-wide detection and propagation merge, documents are anonymised, segmented, coded and
written a chunk at a time inside the batch's one transaction (pipeline/engines/local.py,
pipeline/store_batch.py). The bundled sample is run with the sentence model, the packaged coder and
the question model on, in one chunk and in chunks of one and two logs, and the databases are compared
table by table; a failure raised while the second chunk is made must leave the database as it was.
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.config import Config
from pipeline.records import Coding
from pipeline.run import run_pipeline
from pipeline.store import RunRecord, Store
from tests.builders import MORE_ROWS, MUST_HOLD_ROWS, every_row, same_database, segmented, stored_rows, write_inputs
from tests.conftest import SAMPLE_INPUTS

pytestmark = pytest.mark.slow

ONE_CHUNK = 1000  # more logs than the sample holds


def coded_settings(anonymise_config, db: Path, chunk_logs: int) -> Config:
    settings = Config(anonymise=anonymise_config)
    settings.store.db = str(db)
    settings.coding.model_file = ""  # the packaged coder and question typer, with embeddings, as a run has
    settings.run.chunk_logs = chunk_logs
    return settings


def coding_stage(settings: Config, codebook, embedder):
    from pipeline.coding import CodingStage, build_coder
    from pipeline.coding.stage import build_typer

    return CodingStage(codebook, build_coder(settings.coding, codebook, embedder),
                       build_typer(settings.coding, codebook, embedder), embedder)


class Bars:
    """A progress factory that remembers each bar's total and what it was advanced by."""

    def __init__(self) -> None:
        self.totals: dict[str, int] = {}
        self.steps: dict[str, list[int]] = {}

    def __call__(self, stage: str, total: int):
        self.totals[stage], self.steps[stage] = total, []
        return lambda n=1: self.steps[stage].append(n)


def timeless(summary) -> dict:
    counts = summary.as_dict()
    stages = counts.pop("stage_seconds")
    counts.pop("seconds")
    counts.pop("spooled_mb")  # a batch of one chunk stays in memory
    return {**counts, "stages": sorted(stages)}


@pytest.fixture(scope="module")
def one_chunk(tmp_path_factory, anonymise_config, anonymiser, embedder, codebook):
    settings = coded_settings(anonymise_config, tmp_path_factory.mktemp("one-chunk") / "als.duckdb", ONE_CHUNK)
    return settings.store.db, run_pipeline(SAMPLE_INPUTS, settings, anonymiser=anonymiser,
                                           coding=coding_stage(settings, codebook, embedder))


@pytest.mark.parametrize("chunk_logs", [1, 2])
def test_chunks_store_the_rows_and_summary_one_chunk_stores(tmp_path, one_chunk, chunk_logs, anonymise_config,
                                                            anonymiser, embedder, codebook, monkeypatch):
    expected_db, expected = one_chunk
    settings = coded_settings(anonymise_config, tmp_path / "als.duckdb", chunk_logs)
    forgotten = []
    forget = embedder.forget
    monkeypatch.setattr(embedder, "forget", lambda: (forgotten.append(1), forget())[1])
    bars = Bars()
    summary = run_pipeline(SAMPLE_INPUTS, settings, bars, anonymiser=anonymiser,
                           coding=coding_stage(settings, codebook, embedder))

    rows = stored_rows(expected_db)
    assert [table for table in MUST_HOLD_ROWS if not rows[table]] == []  # the comparison compares something
    same_database(expected_db, settings.store.db)
    assert timeless(summary) == timeless(expected)
    assert expected.spooled_bytes == 0 and summary.spooled_bytes > 0
    new = summary.documents_stored
    chunks = -(-new // chunk_logs)
    assert new > 2 * chunk_logs and len(forgotten) == chunks  # each chunk's cached vectors dropped after it
    for stage in ("Anonymising", "Segmenting", "Coding", "Storing"):  # each bar advanced once per chunk, to its end
        assert bars.totals[stage] == new and sum(bars.steps[stage]) == new and len(bars.steps[stage]) == chunks
    assert sum(bars.steps["Detecting"]) == new  # the batch-wide pass, document by document


# -- a failing chunk ---------------------------------------------------------------

def fails_on_second_call(original, message):
    calls = []

    def wrapped(self, logs):
        calls.append(len(logs))
        if len(calls) == 2:
            raise RuntimeError(message)
        return original(self, logs)
    return wrapped


@pytest.mark.parametrize("failing", ["coder", "segmenter"])
@pytest.mark.parametrize("stored_before", [True, False], ids=["stored-before", "new-database"])
def test_a_failure_in_the_second_chunk_leaves_the_database_as_it_was(tmp_path, config, anonymiser, monkeypatch,
                                                                     failing, stored_before):
    from pipeline.coding import CodingStage
    from pipeline.segment import Segmenter
    from pipeline.store_batch import BatchWriter

    config.run.chunk_logs = 1
    if stored_before:
        write_inputs(tmp_path / "first", xlsx=False)
        run_pipeline(tmp_path / "first", config, anonymiser=anonymiser)
        before = every_row(config.store.db)
        assert before["documents"] and before["meta"]  # stored, under a recorded key
    write_inputs(tmp_path / "more", rows=MORE_ROWS, xlsx=False)
    owner = CodingStage if failing == "coder" else Segmenter
    monkeypatch.setattr(owner, "transform", fails_on_second_call(owner.transform, f"the {failing} failed"))
    appended = []
    append = BatchWriter.append
    monkeypatch.setattr(BatchWriter, "append", lambda self, logs: (appended.append(len(logs)), append(self, logs))[1])

    with pytest.raises(RuntimeError, match=f"the {failing} failed"):
        run_pipeline(tmp_path / "more", config, anonymiser=anonymiser)

    assert appended == []  # the chunks wait in the spool: none reached the database
    if stored_before:
        assert every_row(config.store.db) == before
    else:  # the database was never opened for writing: no file, so no row of any table, not even the key's
        assert not Path(config.store.db).exists()


# -- what the writer decides across chunks -------------------------------------------

# In input order: the same content twice, new content under a stored id and under an id stored
# earlier in the batch, an edit of a stored form row, and two versions of a new form row (which
# ingest would not let through: one list stores both and counts one replaced, as its replacement
# ran before either was written; the writer keeps to that across chunks).
BATCH = [
    segmented("D-2", "S-2", "sha-2", "We ran out of time.", ("process.logistics",)),
    segmented("D-2", "S-2", "sha-2", "We ran out of time.", ("process.logistics",)),
    segmented("D-3", "S-1", "sha-3", "Other words under a stored id."),
    segmented("D-4", "S-4", "sha-4", "Nobody wanted to host."),
    segmented("D-5", "S-4", "sha-5", "Somebody else hosted."),
    segmented("D-7", "R-EDITED", "sha-7", "The room was cold.", ("process.logistics",)),
    segmented("D-8", "R-NEW", "sha-8", "First version."),
    segmented("D-9", "R-NEW", "sha-9", "Second version."),
]


def store_earlier_versions(db: Path) -> None:
    run = RunRecord("R-BEFORE", "run", dt.datetime(2024, 3, 1), {}, {})
    with Store(db) as store:
        store.write_batch(run, [segmented("D-1", "S-1", "sha-1", "Teams kept dropping."),
                                segmented("D-6", "R-EDITED", "sha-6", "The room was cold.")], [])
        review = RunRecord("R-REVIEW", "review", dt.datetime(2024, 3, 2), {}, {})
        store.write_codings(review, [Coding("D-6-0-0", "process.logistics", "human", 1.0, "accepted")])


def test_duplicates_and_edits_across_chunks_are_decided_as_in_one_list(tmp_path):
    one_list, chunked = tmp_path / "one.duckdb", tmp_path / "chunked.duckdb"
    store_earlier_versions(one_list)
    shutil.copy(one_list, chunked)
    run = RunRecord("R-BATCH", "run", dt.datetime(2024, 4, 1), {}, {})
    with Store(one_list) as store:
        expected = store.write_batch(run, BATCH, [])
    with Store(chunked) as store:
        with store.batch(run) as writer:
            for log in BATCH:
                writer.append([log])
    assert writer.result == expected
    assert (expected.documents, expected.already_stored, expected.replaced) == (5, 1, 2)
    assert [(note.source_ref, note.severity) for note in expected.notes] == [
        ("S-1", "error"), ("S-4", "error"), ("R-EDITED", "info"), ("R-NEW", "info")]
    same_database(str(one_list), str(chunked))
    with duckdb.connect(str(chunked), read_only=True) as con:
        assert con.execute("SELECT segment_id, method, status FROM codings WHERE method = 'human'").fetchall() == [
            ("D-7-0-0", "human", "accepted")]  # the review decision moved to the edit, in its chunk


# -- what the open transaction holds -------------------------------------------

def test_written_chunks_are_not_held_in_memory_until_the_commit(tmp_path):
    """A chunk's Arrow rows go once it is written: a view registered for the insert would be kept by the
    open transaction until the commit, so a large batch held every chunk's rows a second time."""
    import pyarrow as pa

    run = RunRecord("R-BIG", "run", dt.datetime(2024, 4, 1), {}, {})
    chunk_bytes, held = 0, []
    with Store(tmp_path / "big.duckdb") as store:
        with store.batch(run) as writer:
            for chunk in range(5):
                logs = [segmented(f"D-{chunk}-{n}", f"S-{chunk}-{n}", f"sha-{chunk}-{n}", f"{chunk} {n} " + "x" * 4000)
                        for n in range(100)]
                chunk_bytes = sum(len(log.text) for log in logs) * 2  # the document's text and its paragraph's
                writer.append(logs)
                held.append(pa.total_allocated_bytes())
    assert writer.result.documents == 500
    assert max(held) < chunk_bytes / 4, f"Arrow memory after each chunk: {held} (a chunk is {chunk_bytes} bytes)"


def test_the_writer_caps_duckdb_memory(tmp_path):
    with Store(tmp_path / "capped.duckdb") as store:
        capped = store.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
    with Store(tmp_path / "default.duckdb", memory_limit="") as store:
        default = store.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
    assert capped.startswith("244.1 MiB") and capped != default  # 256MB, as DuckDB prints it
