"""A run killed with SIGKILL at any point leaves the database as it was; the re-run then stores
exactly what a clean run stores (issue 14).

`als run` is a real subprocess on a synthetic programme; it is killed at three seeded random
points of a clean run's duration (from model loading to the final commit), then run again.
ALS_KILL_TEST_LOGS sets the size (80 by default, to keep CI short; ALS_KILL_TEST_LOGS=300 for the full probe).
"""
from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.builders import TEST_KEY

pytestmark = pytest.mark.slow
LOGS = int(os.environ.get("ALS_KILL_TEST_LOGS", "80"))
KILL_POINTS = 3
CONTENT = {
    "documents": "SELECT doc_id, source_ref, log_type, set_id, meeting_number, meeting_month, member_code, org_code, "
                 "text FROM documents ORDER BY doc_id",
    "segments": "SELECT segment_id, doc_id, field_prompt, text FROM segments ORDER BY segment_id",
    "sentences": "SELECT segment_id, sentence_index, text FROM sentences ORDER BY ALL",
    "questions": "SELECT doc_id, question_index, text, question_type FROM questions ORDER BY ALL",
    "entities": "SELECT doc_id, segment_id, entity_type, placeholder, detector FROM entities ORDER BY ALL",
    "codings": "SELECT segment_id, code_id, method, status FROM codings ORDER BY ALL",
}


@pytest.fixture(scope="module")
def programme(tmp_path_factory):
    from pipeline.synth import generate

    root = tmp_path_factory.mktemp("kill")
    result = generate(LOGS, 3, root / "synthetic")
    key = root / "key"
    key.write_text(TEST_KEY)
    config = root / "als.toml"
    # Rules-only coding and no topics: the test is about the writes, and stays quick.
    config.write_text(f'[anonymise]\nkey_file = "{key}"\n[coding]\nuse_embeddings = false\nmodel_file = ""\n'
                      "[topics]\nenabled = false\n")
    return result.inputs_dir, config


def als_run(inputs: Path, db: Path, config: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(inputs), "--db", str(db),
                             "--config", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={k: v for k, v in os.environ.items() if k != "ALS_PSEUDONYM_KEY"},
                            start_new_session=True)  # its own process group: the kill reaches spaCy's workers


def content(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {table: con.execute(query).fetchall() for table, query in CONTENT.items()}


def test_a_run_killed_at_any_point_loses_nothing_and_mixes_nothing(programme, tmp_path):
    inputs, config = programme
    clean_db = tmp_path / "clean.duckdb"
    started = time.perf_counter()
    clean = als_run(inputs, clean_db, config)
    assert clean.wait(timeout=900) == 0, clean.stderr.read().decode(errors="replace")[-2000:]
    duration = time.perf_counter() - started
    expected = content(clean_db)
    assert len(expected["documents"]) >= LOGS * 0.9

    rng = random.Random(14)
    for point in sorted(rng.uniform(0.15, 0.97) for _ in range(KILL_POINTS)):
        db = tmp_path / f"killed-{point:.2f}.duckdb"
        victim = als_run(inputs, db, config)
        time.sleep(point * duration)
        finished_first = victim.poll() is not None
        # The whole group, as a job scheduler or an out-of-memory kill takes it: killing the parent
        # alone would leave spaCy's worker processes waiting for it forever.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(victim.pid, signal.SIGKILL)
        victim.wait(timeout=60)
        if db.exists():  # what a kill leaves is either nothing or whole earlier transactions
            with duckdb.connect(str(db), read_only=True) as con:
                tables = {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
                if "runs" in tables:
                    runs = con.execute("SELECT count(*) FROM runs WHERE command = 'run'").fetchone()[0]
                    documents = con.execute("SELECT count(*) FROM documents").fetchone()[0]
                    assert (runs, documents) in ((0, 0), (1, len(expected["documents"]))), (point, runs, documents)
        again = als_run(inputs, db, config)
        assert again.wait(timeout=900) == 0, again.stderr.read().decode(errors="replace")[-2000:]
        assert content(db) == expected, f"killed at {point:.0%} of a clean run (finished first: {finished_first})"
