"""Themes by any document attribute, and which themes come together: the analysis workbook's tables."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dashboards/, when a page runs alone
from common import code_labels, config, db_path, open_page, query, show_chart, sidebar_filters
from pipeline import charts
from pipeline.labels import VALUE_LABELS, column_label, value_label
from pipeline.queries import crosstabs
from pipeline.queries.themes import SHARE_ATTRIBUTES, code_by_attribute
from pipeline.tables import suppressed_text

open_page("Themes by attribute")
filters = sidebar_filters()
labels = code_labels()
k = config().dashboard.min_organisations
by_column, unit_column = st.columns([2, 1])
by = by_column.selectbox("Break themes down by", SHARE_ATTRIBUTES, format_func=column_label,
                         index=SHARE_ATTRIBUTES.index("log_type"))
unit = unit_column.radio("Share of", ["documents", "paragraphs"], horizontal=True)
frame = query(code_by_attribute, filters, unit, by)
if frame.empty:
    st.info("No documents match these filters.")
    st.stop()
if by in VALUE_LABELS:  # stored values read as labels ("Observer log"), as everywhere
    frame[by] = frame[by].map(lambda v: value_label(by, v) if v is not None and v == v else None)
st.caption(f"Each cell: the share of {unit} with that {column_label(by).lower()} carrying the theme, and how many "
           "of how many. The same numbers as the analysis workbook's sheet.")
if frame[by].nunique() > charts.HEATMAP_SETS:  # hundreds of sets or months: each theme's spread instead
    show_chart(charts.themes_by_set(frame.rename(columns={by: "set_id"}), labels, unit))
else:
    for _, block in charts.themes_by_set_blocks(frame, labels, unit, column=by, column_title=column_label(by)):
        show_chart(block)

st.subheader("Which themes come together")
pair_unit = st.radio("Together in the same", ["paragraphs", "documents"], horizontal=True,
                     format_func=lambda u: "paragraph" if u == "paragraphs" else "log")
pairs = query(crosstabs.co_occurrence, pair_unit)
pairs["units"] = pairs["units"].astype("Int64").mask(pairs["organisations"] < k)  # the one small-cell rule
st.caption(f"Each cell: the {pair_unit.replace('documents', 'logs')} carrying both themes. A blank cell: none, "
           f"or {suppressed_text(k)} organisations behind it ([dashboard] min_organisations).")
if pairs["units"].notna().any():
    show_chart(charts.co_occurrence(pairs, labels, pair_unit.replace("documents", "logs")))
else:
    st.write(f"Every pair of themes rests on {suppressed_text(k)} organisations.")

st.subheader("Take the tables away")


@st.cache_data(show_spinner="Building the workbook…", max_entries=4)
def workbook_bytes(path: str, stamp: float, k: int) -> bytes:
    from pipeline.analysis_tables import write_workbook
    from pipeline.store import connect

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "analysis.xlsx"
        with connect(path, read_only=True) as con:
            write_workbook(con, out, k)
        return out.read_bytes()


if st.button("Prepare the analysis workbook (XLSX)"):
    st.download_button("Download the analysis workbook", workbook_bytes(str(db_path()), db_path().stat().st_mtime, k),
                       file_name="als-analysis.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       help="Every theme by every attribute, co-occurrence, topics by set; small cells withheld. "
                            "The same as `als export --format xlsx`.")
