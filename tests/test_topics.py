"""Topics: offline, reproducible, right for small corpora, stored as the data contract says."""
from __future__ import annotations

import socket
from pathlib import Path

import duckdb
import pytest

from pipeline.config import TopicsConfig
from pipeline.topics import TopicModeller, TopicSegment, TopicsUnavailable

pytestmark = pytest.mark.slow

THEMES = {
    "technology": ["The video link failed again and {n} people could not hear the sound.",
                   "Our firewall blocked the platform so half the set joined by phone for meeting {n}.",
                   "Cameras were off and the connection froze {n} times during the round."],
    "paperwork": ["The portfolio forms differ between agencies and {n} sections repeat.",
                  "We compared the final assessment paperwork; {n} criteria were worded differently.",
                  "Each agency grades the portfolio evidence its own way, with {n} separate templates."],
    "workload": ["I carry a full caseload and assess {n} newly qualified workers on top of it.",
                 "After the removal visit she was exhausted; {n} late evenings this week.",
                 "Stress is high: {n} colleagues are off sick and the cases keep coming."],
    "roles": ["I kept time and {n} members took turns as presenter and observer.",
              "Nobody wanted to host, so the process caretaker stepped in for round {n}.",
              "We rotated the roles; the timekeeper stopped us after {n} minutes."],
}


def segments(per_theme: int = 12) -> list[TopicSegment]:
    made = []
    for theme, templates in THEMES.items():
        for i in range(per_theme):
            text = templates[i % 3].format(n=i + 2) + " " + templates[(i + 1) % 3].format(n=i + 3)
            made.append(TopicSegment(f"{theme}-{i}", text, f"Set {1 + i % 2}", 1 + i % 4,
                                     frozenset({"process.technology"} if theme == "technology" else ())))
    return made


def test_topics_load_and_fit_without_any_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted during topic modelling")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    from pipeline.embeddings import Embedder

    result = TopicModeller(TopicsConfig(), Embedder()).fit_transform(segments())
    assert len(result.assignments) == 48


def test_same_segments_give_the_same_topics(embedder):
    first = TopicModeller(TopicsConfig(), embedder).fit_transform(segments())
    second = TopicModeller(TopicsConfig(), embedder).fit_transform(segments())
    assert first.assignments == second.assignments
    assert [t.keywords for t in first.topics] == [t.keywords for t in second.topics]


def test_small_corpus_gets_readable_topics_without_outliers(embedder):
    result = TopicModeller(TopicsConfig(), embedder).fit_transform(segments())
    assert result.strategy == "kmeans" and result.outliers_after == 0
    real = [t for t in result.topics if t.topic_id != -1]
    assert len(real) >= 3 and all(t.size >= 5 for t in real)
    words = {w for t in real for w in t.keywords}
    assert not words & {"set", "the", "and", "person1", "nqsw"}
    technology = next(t for t in real if t.best_code == "process.technology")
    assert technology.code_share >= 0.75
    # The technology topic suggests its code to any of its segments that lack it, at a confidence.
    assert all(c.method == "topic" and 0 <= c.confidence <= 1 for c in result.codings)
    assert {s.key for s in result.per_set} == {"Set 1", "Set 2"}
    assert {int(s.key) for s in result.over_meetings} <= {1, 2, 3, 4}


def test_topics_are_named_by_a_short_distinct_phrase_a_reader_can_say(embedder):
    real = [t for t in TopicModeller(TopicsConfig(), embedder).fit_transform(segments()).topics if t.topic_id != -1]
    labels = [t.label for t in real]
    assert len(set(labels)) == len(labels)  # no two topics read alike
    for topic in real:
        assert " · " not in topic.label and len(topic.label.split()) <= 5, topic.label
        assert topic.label[0].isupper()
        # the label is made of the topic's own keywords, which stay whole for the hover text
        assert topic.label.split(" (")[0].split(" and ")[0].lower() in [k.lower() for k in topic.keywords]


def test_label_phrases_prefer_a_key_phrase_and_never_repeat():
    from pipeline.topics.representation import label_for

    assert label_for(["zoom link", "camera", "hosting"]) == "Zoom link"
    assert label_for(["supervision", "supervisions", "manager"]) == "Supervision and manager"
    assert label_for(["small agencies", "network"], {"Small agencies"}) == "Small agencies (network)"
    assert label_for([]) == ""


def test_an_unknown_keyword_representation_is_refused_when_the_config_is_read():
    from pipeline.config import Config, ConfigError

    with pytest.raises(ConfigError, match="representation must be one of"):
        Config.from_dict({"topics": {"representation": "gpt"}})
    assert TopicsConfig().representation == "keybert_mmr"


def test_too_few_segments_is_a_clear_error(embedder):
    with pytest.raises(TopicsUnavailable, match="at least 10 segments"):
        TopicModeller(TopicsConfig(), embedder).fit_transform(segments()[:5])


def test_topic_runs_are_stored_as_the_contract_says(config, sample_database, embedder):
    import shutil

    from pipeline.run import run_topics

    shutil.copy(sample_database.db, config.store.db)  # the session's sample, copied: this test writes
    con = duckdb.connect(config.store.db)
    con.execute("DROP TABLE segment_embeddings")  # as a database written by an earlier version has it
    con.close()
    first = run_topics(config, embedder)
    second = run_topics(config.with_overrides(topics__nr_topics=4), embedder)
    con = duckdb.connect(config.store.db, read_only=True)
    try:
        columns = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                             "WHERE table_name = 'topics'").fetchall()}
        assert {"run_id", "topic_id", "label", "keywords", "size"} <= columns
        segments_total = con.execute("SELECT count(*) FROM segments").fetchone()[0]
        for run in (first, second):
            assigned = con.execute("SELECT count(DISTINCT segment_id) FROM segment_topics WHERE run_id = ?",
                                   [run.run_id]).fetchone()[0]
            assert assigned == segments_total
            sizes = con.execute("SELECT sum(size) FROM topics WHERE run_id = ?", [run.run_id]).fetchone()[0]
            assert sizes == segments_total
        # The sample database arrives with one topics run of its own.
        assert con.execute("SELECT count(*) FROM runs WHERE command = 'topics'").fetchone()[0] == 3
        assert con.execute("SELECT count(*) FROM topics WHERE run_id = ? AND topic_id >= 0",
                           [second.run_id]).fetchone()[0] == 4
        assert con.execute("SELECT count(*) FROM topic_meetings WHERE run_id = ?", [first.run_id]).fetchone()[0] > 0
        assert con.execute("SELECT count(*) FROM topic_sets WHERE run_id = ?", [first.run_id]).fetchone()[0] > 0
        methods = {r[0] for r in con.execute("SELECT DISTINCT method FROM codings").fetchall()}
        assert methods <= {"rule", "model", "topic", "human"}
    finally:
        con.close()


def test_the_clustering_strategy_is_chosen_by_corpus_size():
    from pipeline.topics.clustering import LARGE_CORPUS, HdbscanClustering, KMeansClustering, strategy_for

    assert isinstance(strategy_for(LARGE_CORPUS - 1, TopicsConfig()), KMeansClustering)
    assert isinstance(strategy_for(LARGE_CORPUS, TopicsConfig()), HdbscanClustering)
    assert {KMeansClustering.name, HdbscanClustering.name} == {"kmeans", "hdbscan"}  # stored with each run


def test_segments_without_a_set_or_meeting_are_modelled_but_left_out_of_those_tables(embedder):
    # TXT and Markdown logs often give neither; BERTopic's topics_per_class wanted every document.
    made = [s if i % 3 else TopicSegment(s.segment_id, s.text, None, None, s.codes)
            for i, s in enumerate(segments())]
    unfiled = {s.segment_id for s in made if s.set_id is None}
    result = TopicModeller(TopicsConfig(), embedder).fit_transform(made)
    assert {a.segment_id for a in result.assignments} == {s.segment_id for s in made}
    assert {s.key for s in result.per_set} == {"Set 1", "Set 2"}
    assert {int(s.key) for s in result.over_meetings} <= {1, 2, 3, 4}
    filed = [s for s in made if s.segment_id not in unfiled]
    assert sum(s.segments for s in result.per_set) == len(filed)
    assert sum(s.segments for s in result.over_meetings) == len(filed)


def test_a_run_where_some_logs_give_no_set_or_meeting_gets_topics(tmp_path, config, anonymiser, embedder):
    # As `als run` then `als topics` do it: half the Markdown logs give neither a set nor a meeting.
    from pipeline.run import run_pipeline, run_topics

    inputs = tmp_path / "in"
    inputs.mkdir()
    for theme, templates in THEMES.items():
        for i in range(4):
            filed = f"Set: {i % 2 + 1}\nMeeting: {i}\n\n" if i % 2 else ""
            (inputs / f"reflective-{theme}-{i}.md").write_text(
                f"{filed}# What I learned\n{templates[i % 3].format(n=i + 2)}\n\n"
                f"# What helped\n{templates[(i + 1) % 3].format(n=i + 3)}\n", encoding="utf-8")
    run_pipeline(inputs, config, anonymiser=anonymiser)
    run = run_topics(config, embedder)
    with duckdb.connect(config.store.db, read_only=True) as con:
        segments_total = con.execute("SELECT count(*) FROM segments").fetchone()[0]
        assigned = con.execute("SELECT count(*) FROM segment_topics WHERE run_id = ?", [run.run_id]).fetchone()[0]
        per_set = dict(con.execute("SELECT set_id, sum(segments) FROM topic_sets WHERE run_id = ? GROUP BY set_id",
                                   [run.run_id]).fetchall())
    assert segments_total >= 16 and assigned == segments_total
    assert set(per_set) == {"Set 2"} and 0 < per_set["Set 2"] < segments_total
