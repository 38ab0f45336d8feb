"""The bundled sample programme: every log lands, and none of its planted personal data does."""
from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb

import pytest

from tests.builders import all_text_in_db

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"


@pytest.fixture(scope="module")
def sample_run(sample_database):
    """The session's sample database, built once as `bash scripts/sample.sh` builds it."""
    return sample_database.summary, sample_database.db, sample_database.export


def test_every_sample_log_is_stored_once(sample_run):
    summary, _, export_path = sample_run
    assert summary.documents_stored == 37
    assert [i.severity for i in summary.issues].count("error") == 0
    docs = [json.loads(line) for line in export_path.read_text(encoding="utf-8").splitlines()]
    assert {d["set_id"] for d in docs} == {"Set A", "Set B"}
    assert {d["log_type"] for d in docs} == {"observer", "reflective", "preparation"}
    assert {d["meeting_number"] for d in docs} == {1, 2, 3, 4}


def test_no_planted_value_survives_in_database_or_export(sample_run):
    _, db, export_path = sample_run
    planted = json.loads((ROOT / "data" / "sample_planted_pii.json").read_text(encoding="utf-8"))
    haystacks = {"database": all_text_in_db(db), "export": export_path.read_text(encoding="utf-8")}
    leaks = [(where, item["type"], item["value"]) for item in planted for where, hay in haystacks.items()
             if re.search(rf"(?<!\w){re.escape(item['value'])}(?!\w)", hay, re.IGNORECASE)]
    assert leaks == []


def test_export_matches_the_published_json_schema(sample_run):
    import jsonschema

    _, _, export_path = sample_run
    schema = json.loads((ROOT / "data_schema" / "export.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for line in export_path.read_text(encoding="utf-8").splitlines():
        errors = sorted(validator.iter_errors(json.loads(line)), key=str)
        assert errors == [], errors[0].message if errors else ""


def test_schema_sql_and_contract_tables_agree(sample_run):
    import duckdb

    _, db, _ = sample_run
    con = duckdb.connect(db, read_only=True)
    columns = {(t, c) for t, c in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns").fetchall()}
    con.close()
    contract = {
        "documents": "doc_id source_ref source_sha256 log_type set_id meeting_number meeting_month member_code "
                     "org_code org_type setting role ingested_at run_id",
        "segments": "segment_id doc_id field_prompt paragraph_index sentence_index text",
        "entities": "doc_id segment_id entity_type placeholder detector score",
        "codebook": "code_id family name definition",
        "codings": "segment_id code_id method confidence status run_id",
        "topics": "run_id topic_id label keywords size",
        "segment_topics": "segment_id run_id topic_id probability",
        "questions": "doc_id question_index text question_type confidence",
        "runs": "run_id started_at finished_at config versions",
        "ingest_issues": "run_id source_ref row column message",
    }
    missing = [(t, c) for t, names in contract.items() for c in names.split() if (t, c) not in columns]
    assert missing == []


def test_sample_is_coded_and_its_vectors_are_kept_for_topics(sample_run):
    summary, db, _ = sample_run
    con = duckdb.connect(db, read_only=True)
    try:
        segments = con.execute("SELECT count(*) FROM segments").fetchone()[0]
        vectors = con.execute("SELECT count(*), min(len(vector)) FROM segment_embeddings").fetchone()
        # Topic-sourced codings come from the topics run that follows, not from `als run`'s summary.
        codes = con.execute("SELECT count(DISTINCT code_id), count(*) FILTER (WHERE method <> 'topic') "
                            "FROM codings").fetchone()
        typed = con.execute("SELECT count(*) FROM questions WHERE question_type IS NULL").fetchone()[0]
    finally:
        con.close()
    assert vectors == (segments, 384)
    assert summary.codings == codes[1] and codes[0] >= 10
    assert typed == 0


def test_audit_finds_nothing_in_the_sample_database(sample_run):
    """Vectors, topics and codings included: the audit reads every text column and flags nothing."""
    from pipeline.audit import Auditor, roster_identities
    from pipeline.config import IngestConfig

    _, db, export_path = sample_run
    auditor = Auditor(roster_identities(SAMPLE, IngestConfig()))
    assert [str(hit) for hit in auditor.scan_database(db) + auditor.scan_file(export_path)] == []
