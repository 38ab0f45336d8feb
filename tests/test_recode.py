"""`als recode`: the stored paragraphs coded again under a changed codebook, without re-anonymising."""
from __future__ import annotations

import datetime as dt

import yaml

from pipeline.records import Coding
from pipeline.store import RunRecord, Store, connect

DROPPED = "process.technology"  # "Teams kept dropping" in the small database


def counts(db: str) -> dict:
    with connect(db, read_only=True) as con:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        return {"suggested_dropped": one(f"SELECT count(*) FROM codings WHERE code_id = '{DROPPED}' "
                                         "AND status = 'suggested'"),
                "human": one("SELECT count(*) FROM codings WHERE method = 'human'"),
                "text": one("SELECT string_agg(text, '|' ORDER BY segment_id) FROM segments"),
                "entities": one("SELECT count(*) FROM entities"),
                "recodes": one("SELECT count(*) FROM runs WHERE command = 'recode'"),
                "codebook": {r[0] for r in con.execute("SELECT code_id FROM codebook").fetchall()}}


def codebook_without(code_id: str, path) -> str:
    from pipeline.coding.codebook import DEFAULT_CODEBOOK

    data = yaml.safe_load(DEFAULT_CODEBOOK.read_text(encoding="utf-8"))
    data["codes"] = [c for c in data["codes"] if c["id"] != code_id]
    for code in data["codes"]:
        code["exclude"] = [x for x in code.get("exclude", []) if not (isinstance(x, dict) and x.get("see") == code_id)]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return str(path)


def test_a_recode_replaces_the_coders_suggestions_and_keeps_decisions_and_text(small_db, config, tmp_path):
    from pipeline.recode import recode

    with connect(small_db, read_only=True) as con:
        segment_id = con.execute("SELECT segment_id FROM segments ORDER BY segment_id LIMIT 1").fetchone()[0]
    with Store(small_db) as store:  # a reviewer's decision on the code that is about to leave the codebook
        store.write_codings(RunRecord("review-1", "review", dt.datetime(2025, 1, 1), {}, {}),
                            [Coding(segment_id, DROPPED, "human", None, "accepted")])
    before = counts(small_db)
    assert before["suggested_dropped"] > 0, "the small database should carry the code this test drops"
    config.coding.codebook = codebook_without(DROPPED, tmp_path / "codebook.yaml")
    summary = recode(config)
    after = counts(small_db)
    assert after["suggested_dropped"] == 0 and summary.removed == before["suggested_dropped"]
    assert after["human"] == before["human"] == 1  # the decision stays, and its code with it
    assert DROPPED in after["codebook"] and "process.logistics" in after["codebook"]
    assert (after["text"], after["entities"]) == (before["text"], before["entities"])  # nothing re-anonymised
    assert after["recodes"] == 1 and summary.segments == len(before["text"].split("|"))
