"""Quotes explorer: anonymised paragraphs as readable cards, by theme, set, meeting and search; the
filtered quotes download as CSV or DOCX, exactly as listed."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pandas as pd
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dashboards/, when a page runs alone
from common import code_labels, codes, open_page, query, sidebar_filters
from pipeline.formula_safe import protect_frame
from pipeline.labels import value_label
from pipeline.queries.themes import quotes
from pipeline.readable import readable

PER_PAGE = 10
LIMIT = 500
ANY = "(any)"

open_page("Quotes", "Quotes explorer")
filters = sidebar_filters()
labels = code_labels()
theme, meeting_column, search_column = st.columns([2, 1, 2])
code_id = theme.selectbox("Theme", [ANY] + codes()["code_id"].tolist(),
                          format_func=lambda c: "Any theme" if c == ANY else labels.code(c))
meeting = meeting_column.number_input("Meeting (0 = any)", min_value=0, value=0, step=1)
search = search_column.text_input("Search the text", placeholder="a word or phrase")
plain = st.toggle("Readable placeholders", value=True,
                  help="'[a colleague]', '[an organisation]', '[a place]' instead of [PERSON2], [ORG1] and member "
                       "codes: easier to read aloud or paste. Off: the placeholders as stored.")
found = query(quotes, filters, None if code_id == ANY else code_id, int(meeting) or None, search, LIMIT)


def card_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The quotes as people read them: text first, then where each comes from, themes by name."""
    return pd.DataFrame({
        "Quote": frame["text"].map(readable) if plain else frame["text"],
        "Set": frame["set_id"].fillna("No set"),
        "Meeting": frame["meeting_number"].astype("Int64"),
        "Month": frame["meeting_month"].fillna(""),
        "Log type": frame["log_type"].map(lambda v: value_label("log_type", v)),
        "Prompt": frame["field_prompt"],
        "Themes": frame["codes"].map(lambda c: labels.codes_text(c) if isinstance(c, str) else ""),
    })


cards = card_frame(found)
more = " (the first 500: narrow the filters to see the rest)" if len(found) >= LIMIT else ""
st.caption(f"{len(cards)} quotes{more}. Every quote is anonymised text.")
if cards.empty:
    st.info("No quote matches these filters.")
    st.stop()

pages = (len(cards) - 1) // PER_PAGE + 1
page_number = st.number_input(f"Page (of {pages})", min_value=1, max_value=pages, value=1, step=1) if pages > 1 else 1
def source_line(row: dict) -> str:
    meeting_text = f"meeting {row['Meeting']}" if pd.notna(row["Meeting"]) else "meeting not given"
    return " · ".join(part for part in (row["Set"], meeting_text, row["Log type"], row["Themes"] or "no theme") if part)


for row in cards.iloc[(page_number - 1) * PER_PAGE:page_number * PER_PAGE].to_dict("records"):
    with st.container(border=True):
        st.markdown(row["Quote"])
        st.caption(source_line(row))


def as_docx(frame: pd.DataFrame) -> bytes:
    from docx import Document

    document = Document()
    document.add_heading("Quotes (ALS Insight, anonymised)", level=1)
    for row in frame.to_dict("records"):
        document.add_paragraph(row["Quote"], style="Intense Quote")
        document.add_paragraph(source_line(row))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


left, right = st.columns(2)
# Exactly the quotes listed (every page of them). Formula-safe: a quote starting = + - @ stays text in Excel.
left.download_button(f"Download these {len(cards)} quotes (CSV)",
                     protect_frame(cards).to_csv(index=False).encode("utf-8"), "quotes.csv", "text/csv")
right.download_button(f"Download these {len(cards)} quotes (DOCX)", as_docx(cards), "quotes.docx",
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
