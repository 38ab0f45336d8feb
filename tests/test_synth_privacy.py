"""200 synthetic logs through the whole pipeline: what survives of the planted personal data.

Spans are checked in place (gold text aligned with stored text, as in
pipeline.anonymise.evaluate), not by searching for their words anywhere: the corpus
uses ordinary words as names ("Will", "Reading") that also occur as words.
"""
from __future__ import annotations

import duckdb
import pytest

from pipeline.anonymise.evaluate import PrivacyScore, load_gold, plain
from pipeline.run import run_pipeline
from pipeline.synth import generate
from tests.builders import all_text_in_db

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def synthetic_run(tmp_path_factory, anonymise_config, anonymiser):
    from pipeline.config import Config

    root = tmp_path_factory.mktemp("synthetic")
    result = generate(200, 11, root)
    config = Config(anonymise=anonymise_config)
    config.store.db = str(root / "synthetic.duckdb")
    config.coding.enabled = False  # this test is about privacy only
    summary = run_pipeline(result.inputs_dir, config, anonymiser=anonymiser)
    return result, summary, config.store.db


def stored_fields(db) -> dict[tuple[str, str], str]:
    """(source_ref, prompt) -> stored anonymised text of that field (paragraphs, or questions)."""
    con = duckdb.connect(db, read_only=True)
    try:
        rows = con.execute(
            "SELECT d.source_ref, s.field_prompt, string_agg(s.text, '\n\n' ORDER BY s.paragraph_index) "
            "FROM segments s JOIN documents d USING (doc_id) GROUP BY ALL "
            "UNION ALL SELECT d.source_ref, q.field_prompt, string_agg(q.text, '\n' ORDER BY q.question_index) "
            "FROM questions q JOIN documents d USING (doc_id) GROUP BY ALL").fetchall()
    finally:
        con.close()
    return {(ref, prompt): text for ref, prompt, text in rows}


def test_every_synthetic_log_is_stored(synthetic_run):
    _, summary, _ = synthetic_run
    assert summary.documents_stored == 200


def test_no_planted_span_survives_in_place(synthetic_run):
    result, _, db = synthetic_run
    stored = stored_fields(db)
    score = PrivacyScore()
    for ref, record in load_gold(result.gold_path).items():
        for field in record["fields"]:
            parts = [p["text"] for p in field.get("paragraphs", [])] or [q["text"] for q in field.get("questions", [])]
            score.add(("\n\n" if field.get("paragraphs") else "\n").join(parts), stored[(ref, field["prompt"])])
    assert sum(score.total.values()) > 5000
    # No planted value of any kind may survive in place.
    assert score.caught == score.total, (score.missed_kinds, [text for _, text, _ in score.misses][:10])


def test_no_metadata_identity_anywhere_in_the_database(synthetic_run):
    result, _, db = synthetic_run
    text = all_text_in_db(db).casefold()
    for record in load_gold(result.gold_path).values():
        for value in (record["author_name"], record["author_email"], record["organisation"]):
            assert plain(value).casefold() not in text
