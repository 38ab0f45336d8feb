"""Codes x sets heatmap: which themes arise where; select a cell to read its quotes."""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dashboards/, when a page runs alone
from common import code_labels, codes, query, share_page
from pipeline import charts
from pipeline.labels import value_label
from pipeline.queries.themes import code_by_set, quotes
from pipeline.readable import readable

filters, unit, grid = share_page("Themes across sets", code_by_set, "No documents match these filters.")
# The same chart as the programme report's "Themes by set" (pipeline.charts).
st.altair_chart(charts.themes_by_set(grid, code_labels(), unit))

st.subheader("Quotes for a cell")
labels = code_labels()
pick_theme, pick_set = st.columns([2, 1])
code_id = pick_theme.selectbox("Theme", codes()["code_id"].tolist(), format_func=labels.code)
set_id = pick_set.selectbox("Set", sorted(grid["set_id"].dropna().unique().tolist()))
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
