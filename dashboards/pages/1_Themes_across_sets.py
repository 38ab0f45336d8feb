"""Codes x sets heatmap: which themes arise where; select a cell to read its quotes."""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dashboards/, when a page runs alone
from common import code_labels, codes, query, share_page
from pipeline import charts
from pipeline.queries.themes import code_by_set, quotes

filters, unit, grid = share_page("Themes across sets", code_by_set, "No documents match these filters.")
# The same chart as the programme report's "Themes by set" (pipeline.charts).
st.altair_chart(charts.themes_by_set(grid, code_labels(), unit))

st.subheader("Quotes for a cell")
code_list = codes()
code_id = st.selectbox("Code", code_list["code_id"].tolist(),
                       format_func=lambda c: f"{c} ({code_list.set_index('code_id').loc[c, 'name']})")
set_id = st.selectbox("Set", sorted(grid["set_id"].dropna().unique().tolist()))
cell = grid[(grid.code_id == code_id) & (grid.set_id == set_id)]
if not cell.empty:
    st.caption(f"{int(cell.coded.iloc[0])} of {int(cell.units.iloc[0])} {unit} in {set_id} carry {code_id}.")
cell_filters = type(filters)(**{**filters.__dict__, "sets": [set_id]})
found = query(quotes, cell_filters, code_id, None, "", 50)
for row in found.itertuples():
    st.markdown(f"> {row.text}")
    st.caption(f"{row.member_code} · {row.log_type} · meeting {row.meeting_number} ({row.meeting_month}) · {row.codes}")
if found.empty:
    st.write("No paragraphs in this cell.")
