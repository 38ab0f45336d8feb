"""What is not a regular file in the folder, or not a folder at all: refused unopened, the batch goes on."""
from __future__ import annotations

import os
import threading

import pytest

from pipeline.config import IngestConfig
from pipeline.ingest import ingest_directory
from tests.bad_inputs.batch import (GOOD, PLANTED, PLANTED_TEXT, assert_case, assert_nothing_planted, logs_from,
                                    with_good_neighbour)
from tests.ingest_inputs import ingest, write_csv

needs_posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and symlinks as on Linux/macOS")


def planted_csv(path):
    return write_csv(path, [["Log type", "Name", "What helped"], ["reflective", PLANTED, PLANTED_TEXT]])


@needs_posix
def test_a_named_pipe_called_csv_is_not_opened(tmp_path):
    with_good_neighbour(tmp_path)
    os.mkfifo(tmp_path / "export.csv")  # opening it would wait for a writer forever
    outcome = {}
    reader = threading.Thread(target=lambda: outcome.update(result=ingest(tmp_path)), daemon=True)
    reader.start()
    reader.join(timeout=20)
    assert "result" in outcome, "ingest hung on a named pipe"
    assert_case(outcome["result"], "export.csv", severity="error", says="is not a regular file")


@needs_posix
@pytest.mark.parametrize("link,target", [("logs.csv", "private.csv"), ("more", "")])
def test_a_link_out_of_the_folder_is_not_followed(tmp_path, link, target):
    # A file link would make any file on the machine a log; a folder link is not entered either.
    inputs, elsewhere = with_good_neighbour(tmp_path / "inputs"), tmp_path / "elsewhere"
    planted_csv(elsewhere / "private.csv")
    (inputs / link).symlink_to(elsewhere / target)
    result = ingest(inputs)
    assert_case(result, link, severity="error", says="link to something outside the input folder")
    assert [log.source_file for log in result.logs] == [GOOD]


@needs_posix
def test_a_link_to_a_file_inside_the_folder_is_read_once_under_the_file_s_own_name(tmp_path):
    inputs = with_good_neighbour(tmp_path)
    (inputs / "again.csv").symlink_to(inputs / GOOD)
    result = ingest(inputs)
    assert_case(result, "again.csv", severity="info", says="links are not followed")
    assert [log.source_file for log in result.logs] == [GOOD]


@needs_posix
def test_a_manifest_linked_from_outside_is_not_read(tmp_path):
    inputs, elsewhere = with_good_neighbour(tmp_path / "inputs"), tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "list.csv").write_text(f"file,Name\nnotes.md,{PLANTED}\n", encoding="utf-8")
    (inputs / "manifest.csv").symlink_to(elsewhere / "list.csv")
    (inputs / "notes.md").write_text("---\nlog_type: reflective\n---\n# What I learned\nPatience.\n",
                                     encoding="utf-8")
    result = ingest(inputs)
    assert_case(result, "manifest.csv", severity="error", says="link to something outside the input folder")
    [notes] = logs_from(result, "notes.md")
    assert notes.metadata.author_name is None


def test_a_file_given_instead_of_a_folder_is_read(tmp_path):
    with_good_neighbour(tmp_path)
    planted_csv(tmp_path / "other.csv")
    result = ingest_directory(tmp_path / GOOD, IngestConfig())
    assert [log.source_file for log in result.logs] == [GOOD] and not result.issues


def test_a_folder_that_does_not_exist_is_one_clear_error(tmp_path):
    result = ingest_directory(tmp_path / "missing", IngestConfig())
    [issue] = result.issues
    assert issue.severity == "error" and "does not exist" in issue.message and not result.logs


def test_a_file_over_the_size_limit_is_not_opened(tmp_path):
    with_good_neighbour(tmp_path)
    write_csv(tmp_path / "huge.csv", [["Log type", "Name", "What helped"],
                                      *[["reflective", PLANTED, PLANTED_TEXT]] * 2000])
    result = ingest(tmp_path, max_file_mb=0.05)
    issue = assert_case(result, "huge.csv", severity="error", says="over the limit of 0.05 MB")
    assert "max_file_mb" in issue.message and [log.source_file for log in result.logs] == [GOOD]
    assert_nothing_planted(result)
