"""Each theme's share by meeting number: what rose and what fell, the themes a reader picks in one chart."""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dashboards/, when a page runs alone
from common import code_labels, share_page, show_chart
from pipeline import charts
from pipeline.labels import column_label, labelled
from pipeline.queries.themes import code_by_meeting, rises_and_falls

# Themes drawn when the page opens: the largest movers. More lines than the palette has colours cannot
# be told apart, so the picker stops there.
MOVERS_SHOWN = 5
MOST_THEMES = len(charts.OKABE_ITO)

filters, unit, by_meeting = share_page("Change over meetings", code_by_meeting,
                                       "No documents with a meeting number match these filters.")
labels = code_labels()
changes = rises_and_falls(by_meeting)
picked = st.multiselect("Themes", by_meeting["code_id"].drop_duplicates().tolist(),
                        default=changes["code_id"].head(MOVERS_SHOWN).tolist(), format_func=labels.code,
                        max_selections=MOST_THEMES,
                        help=f"The {MOVERS_SHOWN} that moved most, first to last meeting, to begin with; "
                             f"up to {MOST_THEMES} at once.")
if picked:
    # The same chart as the programme report's "Change over meetings" (pipeline.charts), for the picked themes.
    show_chart(charts.change_over_meetings(by_meeting, labels, unit, themes=picked))
else:
    st.info("Pick one or more themes to draw them.")

st.subheader("What rose and what fell (first to last meeting)")
# Human headers and theme names (pipeline.labels, as in the programme report).
st.dataframe(labelled(changes, labels).style.format(
    {column_label("first_share"): "{:.0%}", column_label("last_share"): "{:.0%}", column_label("change"): "{:+.0%}"}),
    hide_index=True)
