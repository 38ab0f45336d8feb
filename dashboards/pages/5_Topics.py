"""Inductive topics from a topics run: what the logs talk about beyond the codebook, where and when."""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dashboards/, when a page runs alone
from common import code_labels, open_page, query, show_chart
from pipeline import charts
from pipeline.labels import column_label, labelled
from pipeline.queries import topics as topic_queries
from pipeline.readable import readable

open_page("Topics")
runs = query(topic_queries.topic_runs)
if runs.empty:
    st.info("No topics yet. Model them with `als topics --db FILE` (needs at least 10 paragraphs).")
    st.stop()
started = dict(zip(runs["run_id"], runs["started_at"]))
run_id = st.selectbox("Topics run", runs["run_id"].tolist(),
                      format_func=lambda r: f"{started[r]:%d %b %Y, %H:%M}" if hasattr(started[r], "strftime") else r,
                      help="The newest run first; earlier runs are kept.")
topics = query(topic_queries.topics_of_run, run_id)
modelled = topics[topics.topic_id >= 0]
outliers = int(topics[topics.topic_id == -1]["size"].sum())
st.caption(f"{len(modelled)} topics found by BERTopic in the anonymised paragraphs, each named by its leading "
           f"key phrase; {outliers} paragraphs fitted no topic. Point at a bar for the topic's keywords.")
show_chart(charts.topic_sizes(topics))

left, right = st.columns(2)
meetings = query(topic_queries.topic_meetings, run_id)
if not meetings.empty:
    left.subheader("Over meetings")
    show_chart(charts.topic_grid(meetings, topics, "meeting_number", "Meeting"), left)
sets = query(topic_queries.topic_sets, run_id)
if not sets.empty:
    right.subheader("Per set")
    show_chart(charts.topic_grid(sets, topics, "set_id", "Set"), right)

st.subheader("Each topic, its keywords and the theme it overlaps most")
table = modelled.drop(columns=["topic_id"])
st.dataframe(labelled(table, code_labels()).style.format({column_label("code_share"): "{:.0%}"}), hide_index=True)

st.subheader("Example paragraphs")
names = modelled.set_index("topic_id")["label"]
topic_id = st.selectbox("Topic", names.index.tolist(), format_func=lambda t: names[t])
for row in query(topic_queries.topic_examples, run_id, int(topic_id), 5).itertuples():
    with st.container(border=True):
        st.markdown(readable(row.text))  # placeholders as words, as on the Quotes page
