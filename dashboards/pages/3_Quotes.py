"""Quotes explorer: anonymised paragraphs by code, set and meeting; search; download as CSV or DOCX."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dashboards/, when a page runs alone
from common import codes, open_page, query, sidebar_filters
from pipeline.formula_safe import protect_frame
from pipeline.queries.themes import quotes

open_page("Quotes", "Quotes explorer")
filters = sidebar_filters()
code_list = codes()
code_id = st.selectbox("Code", ["(any)"] + code_list["code_id"].tolist())
meeting = st.number_input("Meeting number (0 = any)", min_value=0, value=0, step=1)
search = st.text_input("Search the text", placeholder="a word or phrase")
found = query(quotes, filters, None if code_id == "(any)" else code_id, int(meeting) or None, search, 500)
st.caption(f"{len(found)} paragraphs (at most 500 shown). Every quote is anonymised text.")
shown = found[["set_id", "meeting_number", "meeting_month", "log_type", "member_code", "codes", "text"]]
selection = st.dataframe(shown, hide_index=True, on_select="rerun", selection_mode="multi-row")
rows = selection.selection.rows if selection and selection.selection.rows else list(range(len(shown)))
chosen = shown.iloc[rows]


def as_docx(frame) -> bytes:
    from docx import Document

    document = Document()
    document.add_heading("Selected quotes (ALS Insight, anonymised)", level=1)
    for row in frame.itertuples():
        document.add_paragraph(row.text, style="Intense Quote")
        document.add_paragraph(f"{row.member_code} · {row.log_type} · {row.set_id}, meeting {row.meeting_number} "
                               f"({row.meeting_month}) · {row.codes or 'no code'}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


left, right = st.columns(2)
# Formula-safe: a quote starting with = + - @ must not become a live formula in Excel.
left.download_button("Download CSV", protect_frame(chosen).to_csv(index=False).encode("utf-8"), "quotes.csv",
                     "text/csv", disabled=chosen.empty)
right.download_button("Download DOCX", as_docx(chosen) if not chosen.empty else b"", "quotes.docx",
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                      disabled=chosen.empty)
