"""The spool `als run` keeps finished chunks in until it writes them (pipeline/spool.py).

What a reader sees: the database stays readable while a batch of several chunks is anonymised and
coded, the chunks are written exactly as they were made, and the spool leaves no file behind and
holds no raw personal data.
"""
from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from pipeline.run import run_pipeline
from pipeline.spool import ChunkSpool
from tests.builders import MORE_ROWS, every_row, segmented, write_inputs


def chunk_of(start: int, size: int):
    return [segmented(f"D-{n}", f"S-{n}", f"sha-{n}", f"Paragraph {n}.", ("process.logistics",))
            for n in range(start, start + size)]


def test_chunks_come_back_in_order_and_unchanged(tmp_path):
    chunks = [chunk_of(0, 3), chunk_of(3, 1), chunk_of(4, 5)]
    with ChunkSpool(tmp_path) as spool:
        for chunk in chunks:
            spool.add(chunk)
        assert spool.chunks == 3 and spool.bytes_written > 0
        replayed = list(spool.replay())
    assert [[log.document.doc_id for log in chunk] for chunk in replayed] == \
        [[log.document.doc_id for log in chunk] for chunk in chunks]
    for got, made in zip(replayed, chunks):
        for a, b in zip(got, made):
            assert (a.document, a.segments, a.codings, a.text) == (b.document, b.segments, b.codings, b.text)
            assert a.vectors.keys() == b.vectors.keys()
            assert all(np.array_equal(a.vectors[k], b.vectors[k]) and a.vectors[k].dtype == np.float32
                       for k in a.vectors)


def test_one_chunk_stays_in_memory_and_many_leave_no_file(tmp_path):
    with ChunkSpool(tmp_path / "db") as spool:
        spool.add(chunk_of(0, 2))
        assert spool.bytes_written == 0 and not (tmp_path / "db").exists()  # no disk for a batch of one chunk
        assert [len(chunk) for chunk in spool.replay()] == [2]
    with ChunkSpool(tmp_path) as spool:
        spool.add(chunk_of(0, 2))
        spool.add(chunk_of(2, 2))
        assert spool.bytes_written > 0
        assert list(tmp_path.iterdir()) == []  # on disk, but with no name: gone however the run ends
        assert sum(len(chunk) for chunk in spool.replay()) == 4
    assert list(tmp_path.iterdir()) == []


def database_readable_from_another_process(db: str) -> subprocess.CompletedProcess:
    script = ("import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
              "print(con.execute('SELECT count(*) FROM documents').fetchone()[0])")
    return subprocess.run([sys.executable, "-c", script, db], capture_output=True, text=True, timeout=60)


def test_the_database_stays_readable_while_a_batch_of_many_chunks_is_made(tmp_path, config, anonymiser,
                                                                           monkeypatch):
    """A reader (the dashboard, an export) in another process reads the stored documents while the
    second chunk is coded: before the spool, the batch held the write lock from its second chunk on."""
    from pipeline.coding import CodingStage

    write_inputs(tmp_path / "first", xlsx=False)
    run_pipeline(tmp_path / "first", config, anonymiser=anonymiser)
    config.run.chunk_logs = 1
    seen = []
    transform = CodingStage.transform

    def reading_while_coding(self, logs):
        if len(seen) < 2:
            seen.append(database_readable_from_another_process(config.store.db))
        return transform(self, logs)

    monkeypatch.setattr(CodingStage, "transform", reading_while_coding)
    write_inputs(tmp_path / "more", rows=MORE_ROWS, xlsx=False)
    summary = run_pipeline(tmp_path / "more", config, anonymiser=anonymiser)

    assert summary.documents_stored == 2
    assert [(reader.returncode, reader.stdout.strip()) for reader in seen] == [(0, "2"), (0, "2")], \
        [reader.stderr[-300:] for reader in seen]


def test_the_spool_holds_no_raw_personal_data(tmp_path, config, anonymiser, monkeypatch):
    spooled = []
    replay = ChunkSpool.replay

    def keeping_the_bytes(self):
        self._file.flush()
        self._file.seek(0)
        spooled.append(self._file.read())
        return replay(self)

    monkeypatch.setattr(ChunkSpool, "replay", keeping_the_bytes)
    config.run.chunk_logs = 1
    write_inputs(tmp_path / "more", rows=MORE_ROWS, xlsx=False)
    run_pipeline(tmp_path / "more", config, anonymiser=anonymiser)

    assert len(spooled) == 1 and b"The room was cold" in spooled[0]  # the anonymised logs are there
    for raw in ("Araminta", "Coldwell", "ac@ridgefold.org.uk", "Ridgefold"):
        assert raw.encode("utf-8") not in spooled[0]


def test_a_full_disk_stops_the_run_with_nothing_written_and_no_row_in_the_message(tmp_path, config, anonymiser,
                                                                                   monkeypatch):
    import errno
    import tempfile

    from pipeline.spool import SpoolUnavailable

    write_inputs(tmp_path / "first", xlsx=False)
    run_pipeline(tmp_path / "first", config, anonymiser=anonymiser)
    before = every_row(config.store.db)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", full)
    config.run.chunk_logs = 1
    write_inputs(tmp_path / "more", rows=MORE_ROWS, xlsx=False)
    with pytest.raises(SpoolUnavailable, match="No space left on device") as stopped:
        run_pipeline(tmp_path / "more", config, anonymiser=anonymiser)

    assert "nothing was written" in str(stopped.value)
    assert not any(word in str(stopped.value) for word in ("Araminta", "Coldwell", "room was cold"))
    assert every_row(config.store.db) == before
