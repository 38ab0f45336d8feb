"""Each code's share by meeting number: what rose and what fell."""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dashboards/, when a page runs alone
from common import code_labels, share_page
from pipeline import charts
from pipeline.labels import column_label, labelled
from pipeline.queries.themes import code_by_meeting, rises_and_falls

filters, unit, by_meeting = share_page("Change over meetings", code_by_meeting,
                                       "No documents with a meeting number match these filters.")
# The same chart as the programme report's "Change over meetings" (pipeline.charts).
st.altair_chart(charts.change_over_meetings(by_meeting, code_labels(), unit))

st.subheader("What rose and what fell (first to last meeting)")
changes = rises_and_falls(by_meeting)
# Human headers and theme names (pipeline.labels, as in the programme report).
st.dataframe(labelled(changes, code_labels()).style.format(
    {column_label("first_share"): "{:.0%}", column_label("last_share"): "{:.0%}", column_label("change"): "{:+.0%}"}),
    hide_index=True)
