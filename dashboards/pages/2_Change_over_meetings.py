"""Each code's share by meeting number: what rose and what fell."""
from __future__ import annotations

import sys
from pathlib import Path

import altair as alt
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dashboards/, when a page runs alone
from common import open_page, query, sidebar_filters
from pipeline.queries.themes import code_by_meeting, rises_and_falls

open_page("Change over meetings")
filters = sidebar_filters()
unit = st.radio("Share of", ["documents", "paragraphs"], horizontal=True)
by_meeting = query(code_by_meeting, filters, unit)
if by_meeting.empty:
    st.info("No documents with a meeting number match these filters.")
    st.stop()
st.altair_chart(alt.Chart(by_meeting).mark_line(point=True).encode(
    x=alt.X("meeting_number:O", title="Meeting"), y=alt.Y("share:Q", title=f"Share of {unit}", axis=alt.Axis(format="%")),
    color=alt.Color("code_id:N", legend=None), tooltip=["code_id", "meeting_number", "coded", "units"],
).properties(height=120, width=220).facet(facet=alt.Facet("code_id:N", title=None), columns=4))

st.subheader("What rose and what fell (first to last meeting)")
changes = rises_and_falls(by_meeting)
st.dataframe(changes.style.format({"first_share": "{:.0%}", "last_share": "{:.0%}", "change": "{:+.0%}"}),
             hide_index=True)
