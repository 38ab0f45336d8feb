"""Systemic challenges for the lead body: challenges recurring across organisations, small cells suppressed."""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dashboards/, when a page runs alone
from common import code_labels, config, open_page, query, show_chart
from pipeline import charts
from pipeline.queries.systemic import SystemicRule, challenge_breakdown, challenge_summary, challenge_trend
from pipeline.tables import NOT_SHOWN, breakdown_table, challenge_table



def right_aligned(table, *words: str) -> dict:
    """Counts are text here (a suppressed cell is words), but read as numbers: right-aligned."""
    return {c: st.column_config.TextColumn(alignment="right") for c in table.columns if c not in words}


open_page("Systemic challenges")
settings = config().dashboard
k = settings.min_organisations
rule = SystemicRule.from_config(settings)
st.caption(f"A challenge is flagged as systemic when it is {rule.describe()}. Counts resting on fewer than {k} "
           "organisations are suppressed, so that no organisation can be picked out.")
summary = query(challenge_summary, k, rule)
names = code_labels()
# The lead-body briefing's table (pipeline.tables): the same words in the same cells.
table = challenge_table(summary, names, k)
st.dataframe(table, hide_index=True, column_config=right_aligned(table, "Challenge", "Systemic"))

if (~summary["suppressed"]).any():  # the briefing's chart (pipeline.charts): suppressed rows left out
    show_chart(charts.challenge_organisations(summary, names))

st.subheader("By organisation type and setting")
st.caption(f"Organisations raising each challenge. “{NOT_SHOWN}”: fewer than {k}, or hidden so that another "
           "hidden cell cannot be worked out from the total.")
for by, title in (("org_type", "Organisation type"), ("setting", "Setting")):
    table = query(challenge_breakdown, by, k)
    if not table.empty:
        st.markdown(f"**{title}**")
        shown = breakdown_table(table, by, names, k)
        st.dataframe(shown, column_config=right_aligned(shown))

st.subheader("Trend over meetings (organisations raising each challenge)")
trend = query(challenge_trend, k)
if trend[~trend["suppressed"]].empty:
    st.write(f"Every meeting's count rests on fewer than {k} organisations, so no trend is drawn.")
else:  # a suppressed meeting is a gap in the line, not a line drawn across it
    show_chart(charts.challenge_trend(trend, names))
