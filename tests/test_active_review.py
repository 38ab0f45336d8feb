"""Active review and trust, on small real databases with invented paragraphs: which suggestion the
queue offers first, what `als train --db` learns from, and the per-theme agreement readers see."""
from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.labels import CodeLabels
from pipeline.queries.active_review import rank_candidates, review_queue
from pipeline.queries.agreement import agreement_by_code, kappa
from pipeline.queries.facets import codebook as stored_codebook
from pipeline.queries.review_queue import reviewed_paragraphs
from pipeline.trust import agreement_view
from tests.builders import ISOLATION, LOGISTICS, ROLES, review_database as build


def queue(db, strategy, n=None, seed=42) -> list[tuple[str, str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        frame = review_queue(con, strategy, n, seed)
    return list(zip(frame["segment_id"], frame["code_id"]))


def test_uncertain_offers_the_suggestion_nearest_its_codes_threshold_first(tmp_path):
    db = tmp_path / "q.duckdb"
    # Roles' threshold is 0.3: its 0.35 is nearer its threshold than logistics' 0.6 is to 0.5.
    ids = build(db, [(0, ROLES, "model", 0.95), (1, LOGISTICS, "model", 0.6), (2, ROLES, "model", 0.35)],
                thresholds={ROLES: 0.3, LOGISTICS: 0.5})
    assert queue(db, "uncertain")[0] == (ids[2], ROLES)
    # Without recorded thresholds (an older database) every code's is the coder's default, 0.5.
    db2 = tmp_path / "old.duckdb"
    ids2 = build(db2, [(0, ROLES, "model", 0.95), (1, LOGISTICS, "model", 0.52), (2, ROLES, "model", 0.7)])
    assert queue(db2, "uncertain") == [(ids2[1], LOGISTICS), (ids2[2], ROLES), (ids2[0], ROLES)]


def test_the_queue_goes_to_the_theme_with_fewest_reviews_first(tmp_path):
    db = tmp_path / "q.duckdb"
    ids = build(db, [(0, ROLES, "model", 0.51), (1, ROLES, "model", 0.52), (2, LOGISTICS, "model", 0.9),
                     (3, ROLES, "model", 0.8), (4, ROLES, "model", 0.85)],
                decisions=[(3, ROLES, "accepted"), (4, ROLES, "rejected")])
    # Roles has two reviews, logistics none: logistics' only (and most certain) suggestion comes first.
    assert queue(db, "uncertain", n=2) == [(ids[2], LOGISTICS), (ids[0], ROLES)]


def test_disagree_offers_what_one_coder_suggested_and_another_did_not(tmp_path):
    db = tmp_path / "q.duckdb"
    # Paragraph 1: the codebook coder and the topics both coded it, and differ; paragraph 0: one coder only.
    ids = build(db, [(0, ROLES, "model", 0.5), (1, LOGISTICS, "model", 0.9), (1, LOGISTICS, "topic", 0.4),
                     (1, ISOLATION, "topic", 0.42)])
    first = queue(db, "disagree", n=1)
    assert first == [(ids[1], ISOLATION)]
    assert queue(db, "uncertain", n=1) == [(ids[0], ROLES)]


def test_random_is_the_same_for_the_same_seed_and_sheet_and_page_list_the_same(tmp_path):
    from pipeline.cli import app

    db = tmp_path / "q.duckdb"
    build(db, [(i % 6, code, "model", 0.5 + i / 40) for i, code in enumerate([ROLES, LOGISTICS, ISOLATION] * 4)])
    assert queue(db, "random", seed=7) == queue(db, "random", seed=7)
    # The page queues 200, the sheet 100 by default: the shorter queue is the start of the longer one.
    for strategy in ("uncertain", "disagree", "random"):
        assert queue(db, strategy, n=3, seed=7) == queue(db, strategy, seed=7)[:3]
    assert sorted(queue(db, "random", seed=7)) == sorted(queue(db, "uncertain"))  # the same items, reordered
    sheet = tmp_path / "sheet.csv"
    result = CliRunner().invoke(app, ["review", "export", "--db", str(db), "--out", str(sheet),
                                      "--strategy", "uncertain", "--n", "4"])
    assert result.exit_code == 0, result.output
    listed = pd.read_csv(sheet, dtype=str)
    assert list(zip(listed["segment_id"], listed["code_id"])) == queue(db, "uncertain", n=4)
    refused = CliRunner().invoke(app, ["review", "export", "--db", str(db), "--strategy", "cleverest"])
    assert refused.exit_code == 2 and "uncertain, disagree, random" in refused.output


def test_rank_candidates_refuses_an_unknown_strategy():
    with pytest.raises(ValueError, match="uncertain, disagree, random"):
        rank_candidates(pd.DataFrame(columns=["segment_id", "code_id"]), "newest")


def test_training_labels_from_the_database_are_every_decision(tmp_path):
    db = tmp_path / "q.duckdb"
    ids = build(db, [(0, ROLES, "model", 0.6), (0, LOGISTICS, "model", 0.7), (1, LOGISTICS, "model", 0.8),
                     (2, ROLES, "model", 0.9)],
                decisions=[(0, ROLES, "rejected"), (1, ISOLATION, "accepted"), (1, LOGISTICS, "accepted")])
    with duckdb.connect(str(db), read_only=True) as con:
        labelled = {p.doc_ref: p.codes for p in reviewed_paragraphs(con)}
    # Paragraph 0: roles rejected (negative), logistics undecided (its suggestion stands: positive);
    # paragraph 1: logistics accepted, isolation added; paragraph 2 nobody reviewed: not a training example.
    assert labelled == {ids[0]: {LOGISTICS}, ids[1]: {LOGISTICS, ISOLATION}}


def test_kappa_of_a_known_table():
    # 20 both yes, 5 machine only, 10 human only, 15 both no: observed 0.7, by chance 0.5.
    assert kappa(20, 5, 10, 15) == pytest.approx(0.4)
    assert kappa(3, 0, 0, 0) != kappa(3, 0, 0, 0)  # both always said yes: undefined, not 1


def test_agreement_per_code_counts_each_decision_once(tmp_path):
    from sklearn.metrics import cohen_kappa_score

    db = tmp_path / "q.duckdb"
    build(db, [(0, ROLES, "model", 0.6), (1, ROLES, "model", 0.7), (2, ROLES, "model", 0.8),
               (3, ROLES, "model", 0.9), (5, ROLES, "model", 0.9)],
          decisions=[(0, ROLES, "accepted"), (1, ROLES, "accepted"), (2, ROLES, "rejected"), (4, ROLES, "accepted"),
                     (5, LOGISTICS, "rejected")])
    with duckdb.connect(str(db), read_only=True) as con:
        row = agreement_by_code(con, min_reviews=1).set_index("code_id").loc[ROLES]
    # Reviewed paragraphs 0, 1, 2, 4, 5: two accepted, one rejected, one added (4), and on paragraph 5
    # roles is suggested but undecided (pending, left out). Paragraph 3 nobody reviewed.
    assert (row.reviews, row.accepted, row.rejected, row.added, row.agreed_absent, row.pending) == (4, 2, 1, 1, 0, 1)
    assert row.precision == pytest.approx(2 / 3) and row.recall == pytest.approx(2 / 3)
    assert row.kappa == pytest.approx(cohen_kappa_score([1, 1, 1, 0], [1, 1, 0, 1]))


def test_a_theme_with_too_few_reviews_is_marked_everywhere_agreement_is_shown(tmp_path, monkeypatch):
    from pipeline.cli import app
    from pipeline.config import Config
    from pipeline.report.document import Table
    from pipeline.report.methods import methods_section

    db = tmp_path / "q.duckdb"
    build(db, [(i, ROLES, "model", 0.6) for i in range(4)] + [(0, LOGISTICS, "model", 0.7)],
          decisions=[(0, ROLES, "accepted"), (1, ROLES, "accepted"), (2, ROLES, "rejected"), (3, ROLES, "accepted"),
                     (4, ROLES, "accepted"), (5, ROLES, "rejected"),
                     (0, LOGISTICS, "rejected"), (1, LOGISTICS, "accepted"), (2, LOGISTICS, "accepted")])
    settings = Config()
    settings.review.min_reviews = 5
    with duckdb.connect(str(db), read_only=True) as con:
        codes = CodeLabels(stored_codebook(con))
        view = agreement_view(con, codes, 5).set_index("Theme")
        section = methods_section(con, codes, settings)
    roles, logistics, isolation = (view.loc[codes.code(c)] for c in (ROLES, LOGISTICS, ISOLATION))
    # Roles: 3 accepted, 1 rejected, 1 added, 1 rejected where not suggested: kappa (4/6 - 20/36) / (16/36).
    assert (roles["Reviews"], roles["Precision"], roles["Recall"], roles["Kappa"], roles["Agreement"]) == \
        ("6", "0.75", "0.75", "0.25", "fair agreement")
    assert (logistics["Reviews"], logistics["Kappa"], logistics["Agreement"]) == ("3", "–", "too few reviews (n=3)")
    assert isolation["Agreement"] == "too few reviews (n=0)"  # a theme nobody reviewed keeps its row
    appendix = next(block.frame for block in section.blocks if isinstance(block, Table) and "Reviews" in block.frame)
    # The appendix holds the same numbers, as numbers (a report aligns and sizes them): two decimals, or not measured.
    from pipeline.report.document import format_cell

    as_shown = appendix.set_index("Theme").apply(lambda column: column.map(
        lambda v: "–" if v != v else (f"{v:.2f}" if isinstance(v, float) else format_cell(v, False))))
    pd.testing.assert_frame_equal(as_shown, view[as_shown.columns])
    config_file = tmp_path / "als.toml"
    config_file.write_text("[review]\nmin_reviews = 5\n")
    from pipeline.cli.common import console

    monkeypatch.setattr(console, "width", 200)  # a wide terminal: each cell on one line
    printed = CliRunner().invoke(app, ["evaluate", "--db", str(db), "--config", str(config_file)])
    assert printed.exit_code == 0, printed.output
    assert "too few reviews (n=3)" in printed.output and "fair agreement" in printed.output
