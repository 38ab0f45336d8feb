"""Systemic challenges for the lead body: challenges recurring across organisations, small cells suppressed."""
from __future__ import annotations

import sys
from pathlib import Path

import altair as alt
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dashboards/, when a page runs alone
from common import config, open_page, query
from pipeline.queries.systemic import challenge_breakdown, challenge_summary, challenge_trend

open_page("Systemic challenges")
settings = config().dashboard
k = settings.min_organisations
st.caption(f"A challenge raised by {settings.systemic_min_organisations} or more organisations is flagged as "
           f"systemic. Counts resting on fewer than {k} organisations are suppressed, so that no organisation "
           "can be picked out.")
summary = query(challenge_summary, k, settings.systemic_min_organisations)
shown = summary.assign(
    organisations=summary["organisations"].astype(object).where(~summary["suppressed"], f"suppressed (<{k})"),
    sets=summary["sets"].astype(object).where(~summary["suppressed"], "suppressed"),
    documents=summary["documents"].astype(object).where(~summary["suppressed"], "suppressed"),
    systemic=summary["systemic"].map({True: "systemic", False: ""}))
st.dataframe(shown[["code_id", "name", "organisations", "sets", "documents", "systemic"]], hide_index=True)

visible = summary[~summary["suppressed"]]
if not visible.empty:
    st.altair_chart(alt.Chart(visible.astype({"organisations": "int64"})).mark_bar().encode(
        x=alt.X("organisations:Q", title="Organisations raising it"), y=alt.Y("code_id:N", sort="-x", title=None, axis=alt.Axis(labelLimit=280)),
        color=alt.Color("systemic:N", title="Systemic")), width="stretch")

st.subheader("By organisation type and setting")
for by, title in (("org_type", "Organisation type"), ("setting", "Setting")):
    table = query(challenge_breakdown, by, k)
    if table.empty:
        continue
    table["organisations"] = table["organisations"].astype(object).where(~table["suppressed"], "suppressed")
    st.markdown(f"**{title}**")
    st.dataframe(table.pivot(index="code_id", columns="group", values="organisations").fillna("—"))

st.subheader("Trend over meetings (organisations raising each challenge)")
trend = query(challenge_trend, k)
visible_trend = trend[~trend["suppressed"]]
if visible_trend.empty:
    st.write("Every meeting's count rests on fewer than k organisations: suppressed.")
else:
    st.altair_chart(alt.Chart(visible_trend.astype({"organisations": "int64"})).mark_line(point=True).encode(
        x=alt.X("meeting_number:O", title="Meeting"), y=alt.Y("organisations:Q"), color="code_id:N"),
        width="stretch")
