"""Inductive topics from the latest topics run: keywords, sizes, over meetings, per set, examples."""
from __future__ import annotations

import sys
from pathlib import Path

import altair as alt
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dashboards/, when a page runs alone
from common import code_labels, open_page, query
from pipeline.labels import column_label, labelled
from pipeline.queries import topics as topic_queries

open_page("Topics")
runs = query(topic_queries.topic_runs)
if runs.empty:
    st.info("No topics yet. Model them with `als topics --db FILE` (needs at least 10 paragraphs).")
    st.stop()
run_id = st.selectbox("Topics run", runs["run_id"].tolist(), help="The newest run first; earlier runs are kept.")
topics = query(topic_queries.topics_of_run, run_id)
outliers = topics[topics.topic_id == -1]["size"].sum()
st.caption(f"{len(topics[topics.topic_id >= 0])} topics; {int(outliers)} paragraphs left as outliers (topic -1).")
st.dataframe(labelled(topics.rename(columns={"topic_id": "Topic no."}), code_labels()).style.format(
    {column_label("code_share"): "{:.0%}"}), hide_index=True)
st.altair_chart(alt.Chart(topics[topics.topic_id >= 0]).mark_bar().encode(
    x=alt.X("size:Q", title="Paragraphs"), y=alt.Y("label:N", sort="-x", title=None),
    tooltip=["topic_id", "keywords", "best_code"]), width="stretch")

left, right = st.columns(2)
meetings = query(topic_queries.topic_meetings, run_id)
if not meetings.empty:
    left.subheader("Over meetings")
    left.altair_chart(alt.Chart(meetings).mark_line(point=True).encode(
        x="meeting_number:O", y="segments:Q", color="topic_id:N"), width="stretch")
sets = query(topic_queries.topic_sets, run_id)
if not sets.empty:
    right.subheader("Per set")
    right.altair_chart(alt.Chart(sets).mark_rect().encode(
        x="set_id:N", y="topic_id:O", color=alt.Color("segments:Q", scale=alt.Scale(scheme="greens")),
        tooltip=["topic_id", "set_id", "segments"]), width="stretch")

st.subheader("Example paragraphs")
topic_id = st.selectbox("Topic", topics[topics.topic_id >= 0]["topic_id"].tolist(),
                        format_func=lambda t: f"{t}: {topics.set_index('topic_id').loc[t, 'label']}")
examples = query(topic_queries.topic_examples, run_id, int(topic_id), 5)
for row in examples.itertuples():
    st.markdown(f"> {row.text}")
