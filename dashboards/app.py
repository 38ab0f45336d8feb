"""ALS Insight dashboard: overview. Run with `als dashboard --db FILE` (or ALS_DB=FILE streamlit run ...)."""
from __future__ import annotations

import altair as alt
import streamlit as st

from common import db_path, open_page, sql

open_page("ALS Insight", "ALS Insight: overview", icon="📘")

counts = sql("""SELECT count(*) AS documents, count(DISTINCT set_id) AS sets,
                       count(DISTINCT meeting_number) AS meetings, count(DISTINCT member_code) AS members,
                       count(DISTINCT org_code) AS organisations FROM documents""").iloc[0]
columns = st.columns(5)
for column, label in zip(columns, ["documents", "sets", "meetings", "members", "organisations"]):
    column.metric(label.capitalize(), int(counts[label]))

paragraphs = sql("SELECT count(*) AS n FROM segments")["n"][0]
coded = sql("SELECT count(DISTINCT segment_id) AS n FROM codings WHERE status <> 'rejected'")["n"][0]
st.caption(f"{paragraphs} paragraphs, {coded} with at least one code. Database: `{db_path()}`")

st.subheader("Logs per meeting, by type")
per_meeting = sql("""SELECT coalesce(CAST(meeting_number AS VARCHAR), 'unknown') AS meeting, log_type,
                            count(*) AS logs FROM documents GROUP BY ALL ORDER BY ALL""")
st.altair_chart(alt.Chart(per_meeting).mark_bar().encode(
    x=alt.X("meeting:N", title="Meeting", sort=None), y=alt.Y("logs:Q", title="Logs"),
    color=alt.Color("log_type:N", title="Log type"), tooltip=["meeting", "log_type", "logs"]),
    width="stretch")

left, right = st.columns(2)
with left:
    st.subheader("Data-quality notes")
    issues = sql("""SELECT severity, count(*) AS issues FROM ingest_issues GROUP BY severity
                    ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END""")
    if issues.empty:
        st.success("No input issues recorded.")
    else:
        st.dataframe(issues, hide_index=True)
        detail = sql("""SELECT severity, source_ref AS file, "row", "column", message FROM ingest_issues
                        WHERE severity <> 'info' ORDER BY run_id DESC LIMIT 50""")
        if not detail.empty:
            st.dataframe(detail, hide_index=True)
with right:
    st.subheader("Runs")
    runs = sql("""SELECT run_id, command, started_at, finished_at FROM runs ORDER BY started_at DESC LIMIT 10""")
    st.dataframe(runs, hide_index=True)
    if not runs.empty:
        st.caption(f"Reading from the latest run: {runs['run_id'][0]} ({runs['command'][0]})")
