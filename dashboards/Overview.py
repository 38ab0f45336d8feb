"""ALS Insight dashboard: overview. Run with `als dashboard --db FILE` (or ALS_DB=FILE streamlit run ...)."""
from __future__ import annotations

import streamlit as st

from common import db_path, open_page, query, show_chart
from pipeline import charts
from pipeline.labels import labelled
from pipeline.queries import overview

open_page("Overview", "Overview", icon="📘")
st.caption("ALS Insight: the programme at a glance, from anonymised logs.")

counts = query(overview.programme_counts)
columns = st.columns(5)
for column, label in zip(columns, ["documents", "sets", "meetings", "members", "organisations"]):
    column.metric(label.capitalize(), counts[label])

st.caption(f"{counts['paragraphs']} paragraphs, {counts['coded_paragraphs']} with at least one code. "
           f"Database: `{db_path()}`")

st.subheader("Logs per meeting, by type")
per_meeting = query(overview.logs_per_meeting)
show_chart(charts.logs_per_meeting(per_meeting))

left, right = st.columns(2)
with left:
    st.subheader("Data-quality notes")
    issues = query(overview.issue_counts)
    if issues.empty:
        st.success("No input issues recorded.")
    else:
        st.dataframe(labelled(issues), hide_index=True)
        detail = query(overview.issue_details, 50)
        if not detail.empty:
            st.dataframe(labelled(detail), hide_index=True)
with right:
    st.subheader("Runs")
    runs = query(overview.recent_runs, 10)
    st.dataframe(labelled(runs), hide_index=True)
    if not runs.empty:
        st.caption(f"Reading from the latest run: {runs['run_id'][0]} ({runs['command'][0]})")
