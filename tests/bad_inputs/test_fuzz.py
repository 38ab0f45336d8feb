"""Seeded random messy files: ingest never crashes on them and no issue quotes them.

Not Hypothesis (not installed here): a fixed seed, so a failure names the same
example on every run. Each file mixes the pieces real exports break on (quotes,
delimiters, line ends, byte order marks, NUL, zero-width and right-to-left
marks, front matter, headings) with the planted name and text.
"""
from __future__ import annotations

import random

import pytest

from tests.bad_inputs.batch import GOOD, PLANTED, PLANTED_TEXT, assert_nothing_planted, with_good_neighbour
from tests.ingest_inputs import ingest

PIECES = ['"', '""', ",", ";", "\t", "|", "\n", "\r\n", "\r", "\ufeff", "\u200b", "\u202e", "---\n", "# ",
          "## What helped\n", "Log type", "observer", "reflective", "Name", "Set", "Meeting", "log_type: ", ": ",
          "\\", "'", "=SUM(A1)", "é", "£", "\U0001f600", " ", "  ", "...\n", "[", "{", "!!python/name:os.system",
          "&", "<", PLANTED, PLANTED_TEXT]
SUFFIXES = (".csv", ".md", ".txt")
ENCODINGS = ("utf-8", "utf-16", "cp1252", "latin-1", "utf-16-le")
EXAMPLES_PER_BATCH, BATCHES = 100, 6


def messy_bytes(rng: random.Random) -> bytes:
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 80)))
    if rng.random() < 0.1:  # rarely: a NUL makes the file binary, and the readers stop at once
        text += "\x00"
    if rng.random() < 0.5:  # often a plausible start, so the readers go past their first checks
        text = rng.choice(["Log type,Name,What helped\n", "---\nlog_type: reflective\n---\n# What I learned\n",
                           "Log type;Name;What helped\n"]) + text
    encoding = rng.choice(ENCODINGS)
    return text.encode(encoding, errors="replace")


@pytest.mark.parametrize("batch", range(BATCHES))
def test_random_messy_files_never_crash_ingest_and_are_never_quoted(tmp_path, batch):
    rng = random.Random(1400 + batch)
    with_good_neighbour(tmp_path)
    for number in range(EXAMPLES_PER_BATCH):
        (tmp_path / f"example-{number:02d}{rng.choice(SUFFIXES)}").write_bytes(messy_bytes(rng))
    result = ingest(tmp_path)
    crashed = [i.describe() for i in result.issues if "could not be read (" in i.message]
    assert not crashed
    assert GOOD in {log.source_file for log in result.logs}
    assert_nothing_planted(result, in_columns=False)  # the planted text lands in headers too
