"""Codes x sets heatmap: which themes arise where; select a cell to read its quotes."""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dashboards/, when a page runs alone
from common import code_labels, codes, query, share_page, show_chart
from pipeline import charts
from pipeline.labels import value_label
from pipeline.queries.themes import code_by_set, quotes
from pipeline.readable import readable

PICKED_THEME, PICKED_SET = "cell_theme", "cell_set"


def picked_from_chart(chart_key: str) -> None:
    """A click on a heatmap cell sets the two pickers below, which then show the cell's quotes."""
    state = st.session_state.get(chart_key)
    chosen = (state.selection.get(charts.CELL_SELECTION) if state else None) or []
    if chosen:
        st.session_state[PICKED_THEME] = chosen[0]["code_id"]
        st.session_state[PICKED_SET] = chosen[0]["set_id"]


filters, unit, grid = share_page("Themes across sets", code_by_set, "No documents match these filters.")
labels = code_labels()
set_ids = sorted(grid["set_id"].dropna().unique().tolist())
if len(set_ids) > charts.HEATMAP_SETS:  # too many sets for cells: each theme's spread (pipeline.charts)
    show_chart(charts.themes_by_set(grid, labels, unit))
else:
    st.caption("Each cell: the share of a set's " + unit + " carrying the theme, and how many of how many. "
               "Click a cell to read its quotes below; double-click to clear.")
    # The programme report's "Themes by set", one family's block at a time: a click selects a cell.
    for family, block in charts.themes_by_set_blocks(grid, labels, unit, clickable=True):
        key = f"heatmap-{family}"
        show_chart(block, on_select=lambda key=key: picked_from_chart(key), key=key,
                   selection_mode=charts.CELL_SELECTION)

st.subheader("Quotes for a cell")
code_ids = codes()["code_id"].tolist()
if st.session_state.get(PICKED_THEME) not in code_ids:
    st.session_state.pop(PICKED_THEME, None)
if st.session_state.get(PICKED_SET) not in set_ids:
    st.session_state.pop(PICKED_SET, None)
pick_theme, pick_set = st.columns([2, 1])
code_id = pick_theme.selectbox("Theme", code_ids, format_func=labels.code, key=PICKED_THEME)
set_id = pick_set.selectbox("Set", set_ids, key=PICKED_SET)
cell = grid[(grid.code_id == code_id) & (grid.set_id == set_id)]
if not cell.empty:
    st.caption(f"{int(cell.coded.iloc[0])} of {int(cell.units.iloc[0])} {unit} in {set_id} carry "
               f"“{labels.code(code_id)}”.")
cell_filters = type(filters)(**{**filters.__dict__, "sets": [set_id]})
found = query(quotes, cell_filters, code_id, None, "", 50)
for row in found.itertuples():
    with st.container(border=True):
        st.markdown(readable(row.text))  # placeholders as words, as on the Quotes page
        st.caption(f"{value_label('log_type', row.log_type)} · meeting {row.meeting_number} · "
                   f"{labels.codes_text(row.codes) or 'no theme'}")
if found.empty:
    st.write("No paragraphs in this cell.")
