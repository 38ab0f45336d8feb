"""Finished chunks held on disk until the writer takes them, so a large batch locks the database briefly.

DuckDB lets no other process read a file while one process writes it. Writing each chunk into the
batch's transaction as it was made kept readers (the dashboard, exports) out for the whole anonymising
and coding of a large batch, most of an hour at 50,000 logs. `als run` instead puts each finished
chunk here and opens the database once the last is made; the writer then replays them in order, so
the rows, and what the writer decides across chunks, are exactly those of writing them as they came.

The spool is an anonymous temporary file in the database's folder: the same disk and the same
protection as the database, whose rows it holds and nothing more (anonymised documents, their
segments, codings and vectors; no raw text ever reaches a finished chunk). On Linux it never has a
name (O_TMPFILE), elsewhere it is unlinked as it is made, so it is gone when the run ends however it
ends, a killed run included. A batch of one chunk is kept in memory and touches no disk.

The chunks are pickled: the records are nested dataclasses with numpy vectors, and the file is only
ever read by the process that wrote it, through the handle it opened, so nothing another process
wrote is unpickled.
"""
from __future__ import annotations

import pickle
import tempfile
from pathlib import Path
from typing import IO, Iterator

from pipeline.records import SegmentedLog


class SpoolUnavailable(RuntimeError):
    """The finished chunks could not be put on disk (the folder is full or not writable): nothing is written."""


class ChunkSpool:
    """Chunks in, the same chunks out in the same order (`replay`); at most one held in memory."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.chunks = 0
        self.bytes_written = 0
        self._held: list[SegmentedLog] | None = None  # a lone first chunk stays in memory
        self._file: IO[bytes] | None = None

    def add(self, chunk: list[SegmentedLog]) -> None:
        if self.chunks == 0:
            self._held = chunk
        else:
            try:
                if self._file is None:  # a second chunk: from now on every chunk goes to disk, the first too
                    self.directory.mkdir(parents=True, exist_ok=True)
                    self._file = tempfile.TemporaryFile(dir=self.directory, prefix=".als-spool-")
                    self._dump(self._held)
                    self._held = None
                self._dump(chunk)
            except OSError as error:  # the reason only (e.g. "No space left on device"), never the rows
                raise SpoolUnavailable(
                    f"the finished logs could not be held on disk in {self.directory} until the write "
                    f"({error.strerror or type(error).__name__}, after {self.bytes_written / 1e6:.0f} MB); nothing "
                    "was written: free space there, or run smaller batches") from None
        self.chunks += 1

    def _dump(self, chunk: list[SegmentedLog]) -> None:
        pickle.dump(chunk, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.bytes_written = self._file.tell()

    def replay(self) -> Iterator[list[SegmentedLog]]:
        """The chunks in the order they were added, each read back only when it is asked for."""
        if self._file is None:
            if self._held is not None:
                held, self._held = self._held, None
                yield held
            return
        self._file.flush()
        self._file.seek(0)
        for _ in range(self.chunks):
            yield pickle.load(self._file)

    def close(self) -> None:
        self._held = None
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> "ChunkSpool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
