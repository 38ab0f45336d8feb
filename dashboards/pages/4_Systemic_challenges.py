"""Systemic challenges for the lead body: challenges recurring across organisations, small cells suppressed."""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dashboards/, when a page runs alone
from common import code_labels, config, open_page, query
from pipeline import charts
from pipeline.labels import value_label
from pipeline.queries.systemic import SystemicRule, challenge_breakdown, challenge_summary, challenge_trend

open_page("Systemic challenges")
settings = config().dashboard
k = settings.min_organisations
rule = SystemicRule.from_config(settings)
st.caption(f"A challenge is flagged as systemic when it is {rule.describe()}. Counts resting on fewer than {k} "
           "organisations are suppressed, so that no organisation can be picked out.")
summary = query(challenge_summary, k, rule)
shown = summary.assign(
    organisations=summary["organisations"].astype(object).where(~summary["suppressed"], f"suppressed (<{k})"),
    sets=summary["sets"].astype(object).where(~summary["suppressed"], "suppressed"),
    documents=summary["documents"].astype(object).where(~summary["suppressed"], "suppressed"),
    share=[f"{v:.0%}" if not hidden else "suppressed" for v, hidden in zip(summary["share"], summary["suppressed"])],
    systemic=summary["systemic"].map({True: "systemic", False: ""}))
st.dataframe(shown[["name", "organisations", "share", "sets", "documents", "systemic"]].rename(columns={
    "name": "Challenge", "organisations": "Organisations", "share": "Share of organisations", "sets": "Sets",
    "documents": "Logs", "systemic": "Systemic"}), hide_index=True)

if (~summary["suppressed"]).any():  # the briefing's chart (pipeline.charts): suppressed rows left out
    st.altair_chart(charts.challenge_organisations(summary, code_labels()))

st.subheader("By organisation type and setting")
for by, title in (("org_type", "Organisation type"), ("setting", "Setting")):
    table = query(challenge_breakdown, by, k)
    if table.empty:
        continue
    table["organisations"] = table["organisations"].astype(object).where(~table["suppressed"], "suppressed")
    st.markdown(f"**{title}**")
    names = code_labels()
    table = table.assign(Challenge=table["code_id"].map(names.code),
                         group=table["group"].map(lambda v, c=by: value_label(c, v) if v != "not given" else "Not given"))
    st.dataframe(table.pivot(index="Challenge", columns="group", values="organisations").fillna("—")
                 .rename_axis(columns=None))

st.subheader("Trend over meetings (organisations raising each challenge)")
trend = query(challenge_trend, k)
if trend[~trend["suppressed"]].empty:
    st.write("Every meeting's count rests on fewer than k organisations: suppressed.")
else:  # a suppressed meeting is a gap in the line, not a line drawn across it
    st.altair_chart(charts.challenge_trend(trend, code_labels()))
