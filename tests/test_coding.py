"""The coding stage: codebook validation, each coder on small invented examples, model files, review."""
from __future__ import annotations

import json

import duckdb
import numpy as np
import pytest
from typer.testing import CliRunner

from pipeline.coding.codebook import CodebookError, load_codebook
from pipeline.coding.base import CodingUnit
from pipeline.coding.combined import CombinedCoder
from pipeline.coding.embedding import EmbeddingCoder
from pipeline.coding.questions import QuestionTyper
from pipeline.coding.rules import RuleCoder
from pipeline.coding.trained import ModelFileError, TrainedCoder
from pipeline.coding.evaluate import agreement

SPEC_CODE_IDS = [
    "process.logistics", "process.technology", "process.roles", "process.self_management", "process.questioning",
    "process.group_climate", "challenge.remote_assessment", "challenge.engagement", "challenge.critical_reflection",
    "challenge.systemic_issues", "challenge.assessment_standards", "challenge.workload_wellbeing",
    "challenge.isolation", "learning.individual", "learning.organisational", "learning.inter_organisational",
    "learning.action"]


def test_default_codebook_has_exactly_the_spec_ids(codebook):
    assert codebook.code_ids == SPEC_CODE_IDS
    assert all(code.definition and code.include for code in codebook.codes)
    assert [q.type_id for q in codebook.question_types] == ["thinking", "feeling", "willing"]


def test_yaml_codebook_problems_are_all_reported(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("""
families: {process: How the set works}
codes:
  - {id: process.one, family: process, name: One, definition: First}
  - {id: process.one, family: process, name: Again, definition: Second}
  - {id: outcome.two, family: outcome, name: Two, definition: Third}
  - {id: process.three, family: process, name: Three, definition: ""}
  - {id: process.four, family: process, name: Four, definition: Fourth, patterns: ["(unclosed"]}
""")
    with pytest.raises(CodebookError) as error:
        load_codebook(path)
    message = str(error.value)
    assert "bad.yaml" in message and "4 problem" in message
    assert "duplicate id" in message and "unknown family 'outcome'" in message
    assert "empty definition" in message and "not a valid regular expression" in message


def test_csv_codebook_replaces_the_default(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("id,family,family_description,name,definition,include,patterns\n"
                    "wellbeing.sleep,wellbeing,Staff wellbeing,Sleep,Tiredness and rest,I slept badly|I am tired,"
                    "tired|sleep\\w*\n"
                    "process.roles,process,,Roles,Set roles,,timekeeper\n", encoding="utf-8")
    codebook = load_codebook(path)
    assert codebook.code_ids == ["wellbeing.sleep", "process.roles"]
    scores = RuleCoder(codebook).score([CodingUnit("I was so tired after the visit.")])
    assert scores[0, 0] >= 0.5 and scores[0, 1] == 0


def test_csv_codebook_with_a_duplicate_names_the_row(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("id,family,name,definition\nprocess.a,process,A,x\nprocess.a,process,B,y\n")
    with pytest.raises(CodebookError, match="row 3 .*duplicate id"):
        load_codebook(path)


def test_rule_coder_patterns_negation_and_vetoes(codebook):
    coder = RuleCoder(codebook)
    column = codebook.code_ids.index
    scores = coder.score([CodingUnit("I took the process caretaker role and kept time."),
                          CodingUnit("Before the next meeting I will book a joint visit with her manager."),
                          CodingUnit("Maybe at some point I would like to look at it.")])
    assert scores[0, column("process.roles")] >= 0.75
    assert scores[1, column("learning.action")] >= 0.5
    assert scores[2, column("learning.action")] == 0  # vague intention: vetoed
    plain, negated = coder.score([CodingUnit("The meeting was rescheduled."),
                                  CodingUnit("The meeting was not rescheduled.")])[:, column("process.logistics")]
    assert 0 < negated < plain


@pytest.mark.slow
def test_embedding_coder_ranks_the_code_a_paraphrase_is_about(codebook, embedder):
    coder = EmbeddingCoder(codebook, embedder)
    texts = ["Nobody else in my tiny charity does this job, so there is no one I can talk it through with.",
             "The sound kept cutting out and two people could not get past the firewall."]
    scores = coder.score([CodingUnit(t) for t in texts])
    assert codebook.code_ids[int(scores[0].argmax())] == "challenge.isolation"
    assert codebook.code_ids[int(scores[1].argmax())] == "process.technology"


@pytest.mark.slow
def test_prompt_hints_weight_the_codes_a_field_is_for(codebook, embedder):
    coder = CombinedCoder(codebook, RuleCoder(codebook), EmbeddingCoder(codebook, embedder))
    text = "Email the team manager on Monday and book the joint visit."
    under_actions, elsewhere = coder.score([CodingUnit(text, "Actions I will take"), CodingUnit(text, "Notes")])
    action = codebook.code_ids.index("learning.action")
    assert under_actions[action] > elsewhere[action]


def test_a_prompt_implies_its_code_unless_the_paragraph_vetoes_it(codebook):
    coder = CombinedCoder(codebook, RuleCoder(codebook), None)
    action = codebook.code_ids.index("learning.action")
    plain = "Ring the team manager about her protected days."
    vague = "Maybe at some point look at the paperwork again."
    scores = coder.score([CodingUnit(plain, "Actions I will take"), CodingUnit(vague, "Actions I will take"),
                          CodingUnit(plain, "Why it matters")])
    assert scores[0, action] >= 0.5  # the field asks for actions: suggested without any action words
    assert scores[1, action] < 0.5   # every sentence is a vague intention: the code's exclude pattern vetoes it
    assert scores[2, action] < 0.5   # the same words under another prompt imply nothing


def test_a_hint_implying_an_unknown_code_is_reported(tmp_path):
    path = tmp_path / "codes.yaml"
    path.write_text("""
families: {process: How the set works}
codes:
  - {id: process.roles, family: process, name: Roles, definition: Set roles}
prompt_hints:
  - {prompt: roles, codes: [process.roles], implies: [process.hosting]}
""")
    with pytest.raises(CodebookError, match=r"prompt hint #1: unknown code\(s\) process.hosting"):
        load_codebook(path)


LABELLED = [("I kept time and she was process caretaker.", {"process.roles"}),
            ("He hosted and I observed the round.", {"process.roles"}),
            ("We swapped our handbooks with the other agencies.", {"learning.inter_organisational"}),
            ("The agencies shared their induction resources.", {"learning.inter_organisational"}),
            ("Connection dropped and cameras were off.", {"process.technology"}),
            ("The platform blocked half of us.", {"process.technology"})] * 3


@pytest.mark.slow
def test_trained_model_file_holds_no_text_and_reloads(codebook, embedder, tmp_path):
    base = CombinedCoder(codebook, RuleCoder(codebook), EmbeddingCoder(codebook, embedder))
    units = [CodingUnit(text) for text, _ in LABELLED]
    labels = np.array([[c in codes for c in codebook.code_ids] for _, codes in LABELLED], dtype=int)
    coder = TrainedCoder(codebook, embedder, base).fit(units, labels)
    path = coder.save(tmp_path / "model.npz")
    raw = path.read_bytes()
    for word in ("handbooks", "caretaker", "Connection", "induction", "cameras"):
        assert word.encode() not in raw
    reloaded = TrainedCoder(codebook, embedder, base).load(path)
    assert (reloaded.predict(units) == coder.predict(units)).all()
    assert coder.trained[codebook.code_ids.index("process.roles")]


@pytest.mark.slow
def test_model_file_for_another_codebook_is_refused(codebook, embedder, tmp_path):
    base = CombinedCoder(codebook, RuleCoder(codebook), None)
    coder = TrainedCoder(codebook, embedder, base)
    coder.weights, coder.intercepts = np.zeros((len(codebook), 5)), np.zeros(len(codebook))
    path = coder.save(tmp_path / "model.npz")
    smaller = load_codebook(codebook.source)
    smaller = type(smaller)(smaller.codes[:3], smaller.families, smaller.question_types, smaller.source)
    with pytest.raises(ModelFileError, match="different codebook"):
        TrainedCoder(smaller, embedder, CombinedCoder(smaller, RuleCoder(smaller), None)).load(path)


def test_question_types(codebook):
    typer_ = QuestionTyper(codebook, None)
    types = [t for t, _ in typer_.predict(["What evidence do you have that it is working?",
                                            "How did you feel when the panel said no?",
                                            "What will you do before we next meet?",
                                            "What do you think she was scared of?",
                                            "Who else knows the family?"])]
    assert types == ["thinking", "feeling", "willing", "feeling", "thinking"]


def test_agreement_figures():
    gold = np.array([[1, 0], [1, 0], [0, 1], [0, 0]])
    predicted = np.array([[1, 0], [0, 0], [0, 1], [0, 1]])
    report = agreement(predicted, gold, ["a.x", "a.y"])
    assert report.micro_f1 == pytest.approx(2 * 2 / (3 + 3))
    assert [round(c.f1, 3) for c in report.per_code] == [0.667, 0.667]
    assert -1 <= report.kappa <= 1


def test_review_round_trip_changes_status_and_exported_codes(small_db, tmp_path):
    from pipeline.cli import app
    from pipeline.export import export

    runner = CliRunner()
    sheet = tmp_path / "review.csv"
    result = runner.invoke(app, ["review", "export", "--db", small_db, "--out", str(sheet)])
    assert result.exit_code == 0, result.output
    import pandas as pd
    frame = pd.read_csv(sheet, dtype=str).fillna("")
    assert len(frame) > 0 and (frame["decision"] == "").all()
    rejected = frame.iloc[0]
    frame.loc[0, "decision"] = "reject"
    added = {"segment_id": rejected["segment_id"], "code_id": "challenge.isolation", "decision": "add"}
    frame = pd.concat([frame, pd.DataFrame([added])], ignore_index=True)
    frame.to_csv(sheet, index=False)
    result = runner.invoke(app, ["review", "import", str(sheet), "--db", small_db])
    assert result.exit_code == 0, result.output
    con = duckdb.connect(small_db, read_only=True)
    statuses = dict(((r[0], r[1]), r[2]) for r in con.execute(
        "SELECT segment_id, code_id, status FROM codings WHERE method = 'human'").fetchall())
    suggested = con.execute("SELECT count(*) FROM codings WHERE method <> 'human' AND segment_id = ? AND code_id = ?",
                            [rejected["segment_id"], rejected["code_id"]]).fetchone()[0]
    con.close()
    assert statuses[(rejected["segment_id"], rejected["code_id"])] == "rejected"
    assert statuses[(rejected["segment_id"], "challenge.isolation")] == "accepted"
    assert suggested == 1  # the suggestion is kept as history
    out = tmp_path / "export.jsonl"
    export(small_db, "jsonl", out)
    segments = {s["segment_id"]: s["codes"] for line in out.read_text().splitlines()
                for s in json.loads(line)["segments"]}
    codes = segments[rejected["segment_id"]]
    assert rejected["code_id"] not in codes and "challenge.isolation" in codes


def test_review_import_with_a_bad_row_writes_nothing(small_db, tmp_path):
    from pipeline.cli import app

    sheet = tmp_path / "review.csv"
    sheet.write_text("segment_id,code_id,decision\nnope,process.roles,accept\n")
    result = CliRunner().invoke(app, ["review", "import", str(sheet), "--db", small_db])
    assert result.exit_code == 2 and "row 2, column segment_id" in result.output
    con = duckdb.connect(small_db, read_only=True)
    assert con.execute("SELECT count(*) FROM codings WHERE method = 'human'").fetchone()[0] == 0
    con.close()


def test_a_broken_codebook_stops_the_run_before_writing(tmp_path, key_file):
    from pipeline.cli import app

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "log.md").write_text("# What I learned\n\nA paragraph.\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("codes: [{id: x.y, family: nope, name: X, definition: ''}]\n")
    db = tmp_path / "out.duckdb"
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--db", str(db), "--key-file", str(key_file),
                                      "--codebook", str(bad)])
    assert result.exit_code == 3 and "unknown family" in result.output
    assert not db.exists()


# Invented questions, three "sets" of the same three kinds, worded differently in each set.
INVENTED_QUESTIONS = [
    ("a", "What evidence is there that the plan is working?", "thinking"),
    ("a", "How did the refusal leave you feeling?", "feeling"),
    ("a", "What will you do before we meet again?", "willing"),
    ("a", "Which records would show the pattern?", "thinking"),
    ("b", "What facts do you have about the missed visits?", "thinking"),
    ("b", "What was that like for you, sitting in that room?", "feeling"),
    ("b", "Who will you speak to first this week?", "willing"),
    ("b", "What is frightening you most about the review?", "feeling"),
    ("c", "What information is missing from the chronology?", "thinking"),
    ("c", "How are you coping with all of this?", "feeling"),
    ("c", "What are you prepared to commit to by Friday?", "willing"),
    ("c", "What is your first step tomorrow morning?", "willing"),
]


def _question_file(tmp_path):
    path = tmp_path / "questions.jsonl"
    path.write_text("".join(json.dumps({"text": t, "question_type": q, "group": g}) + "\n"
                            for g, t, q in INVENTED_QUESTIONS), encoding="utf-8")
    return path


@pytest.mark.slow
def test_question_model_trains_saves_without_text_and_reloads(codebook, embedder, tmp_path, capsys):
    from pipeline.coding.question_model import QuestionModel, QuestionModelError
    from pipeline.coding.train_questions import main

    out = tmp_path / "questions.npz"
    main([str(_question_file(tmp_path)), "--out", str(out)])
    printed = capsys.readouterr().out
    assert "pooled: 12 questions" in printed and "weights only" in printed
    raw = out.read_bytes()
    for word in ("chronology", "frightening", "refusal", "Friday"):
        assert word.encode() not in raw
    typer_ = QuestionTyper(codebook, embedder, QuestionModel.load(out, embedder, codebook))
    assert typer_.model.C in (1.0, 3.0, 10.0, 30.0)  # chosen by inner leave-one-set-out
    types = [t for t, _ in typer_.predict([q for _, q, _ in INVENTED_QUESTIONS])]
    assert np.mean([t == q for t, (_, _, q) in zip(types, INVENTED_QUESTIONS)]) >= 0.9
    other = type(codebook)(codebook.codes, codebook.families, codebook.question_types[:2], codebook.source)
    with pytest.raises(QuestionModelError, match="other question types"):
        QuestionModel.load(out, embedder, other)


def test_question_placeholders_read_as_a_pronoun_in_training_and_at_run_time():
    from pipeline.coding.questions import embedding_text

    # The labelled corpus marks "[PERSON]", a run writes "[PERSON1]": the embedder must see one text.
    assert embedding_text("What does [PERSON] expect of you?") == embedding_text("What does [PERSON1] expect of you?")
    assert embedding_text("Who at [ORG2] knows [M-1A2B3C4D]?") == "Who at them knows them?"
    assert embedding_text("What [sic] do you mean?") == "What [sic] do you mean?"


def test_question_model_of_an_older_format_is_refused_with_the_command_to_refit(codebook, tmp_path):
    from pipeline.coding.question_model import QuestionModel, QuestionModelError

    old = tmp_path / "old.npz"
    np.savez(old, weights=np.zeros((3, 4)), intercepts=np.zeros(3),
             meta=np.array(json.dumps({"format": "als-insight-question-model/1"})))
    with pytest.raises(QuestionModelError, match="format.*train_questions"):
        QuestionModel.load(old, None, codebook)


def test_question_model_chooses_C_by_inner_log_loss():
    from pipeline.coding.question_model import C_GRID, QuestionModel

    rng = np.random.default_rng(1)
    labels = np.repeat(["thinking", "feeling", "willing"], 12)
    features = np.vstack([rng.normal(np.eye(3)[k] * 6, 0.5, (12, 3)) for k in range(3)])
    groups = np.tile(["a", "b", "c"], 12)
    model = QuestionModel(["thinking", "feeling", "willing"]).fit(features, labels.tolist(), groups.tolist())
    # Every C types every held-out question right, so accuracy would tie and take the smallest;
    # the log-loss takes the C surest of the right types.
    assert model.C == C_GRID[-1]


def test_question_model_never_predicts_a_type_it_was_not_shown():
    from pipeline.coding.question_model import QuestionModel

    rng = np.random.default_rng(0)
    features = np.vstack([rng.normal(0, 1, (6, 4)) + 3, rng.normal(0, 1, (6, 4)) - 3])
    model = QuestionModel(["thinking", "feeling", "willing"], C=1.0).fit(features, ["thinking"] * 6 + ["willing"] * 6)
    probabilities = model.predict_proba(features)
    assert (probabilities.argmax(axis=1) == np.array([0] * 6 + [2] * 6)).all()
    assert probabilities[:, 1].max() < 1e-6


@pytest.mark.slow
def test_packaged_models_code_out_of_the_box_and_yield_to_a_users_own(codebook, embedder, tmp_path):
    from pipeline.coding.stage import build_coder, build_typer
    from pipeline.config import CodingConfig

    config = CodingConfig(model_file=str(tmp_path / "none-yet.npz"))
    coder = build_coder(config, codebook, embedder)
    assert isinstance(coder, TrainedCoder) and coder.training_size > 0
    assert build_typer(config, codebook, embedder).model is not None
    untrained = CodingConfig(model_file="", packaged_model=False, question_model="")
    assert isinstance(build_coder(untrained, codebook, embedder), CombinedCoder)
    assert build_typer(untrained, codebook, embedder).model is None
    smaller = type(codebook)(codebook.codes[:3], codebook.families, codebook.question_types, codebook.source)
    assert isinstance(build_coder(config, smaller, embedder), CombinedCoder)  # the package's fits one codebook
    base = CombinedCoder(codebook, RuleCoder(codebook), None)
    own = TrainedCoder(codebook, embedder, base)
    own.weights, own.intercepts = np.zeros((len(codebook), 5)), np.zeros(len(codebook))
    own.save(config.model_file)
    assert build_coder(config, codebook, embedder).training_size == 0
