"""The analysis workbook (`als export --format xlsx`) and Parquet tables (`--format parquet`).

One workbook, a sheet per table: themes by set, meeting, month, log type, organisation type,
setting and role (coded paragraphs and logs, totals, shares); theme co-occurrence on paragraphs and
on logs; topics by set. Each sheet states the small-cell rule it applies: a count resting on fewer
than k organisations ([dashboard] min_organisations) is replaced by "fewer than k", as on the
dashboard's systemic page. Cells are formula-safe. The Parquet folder holds the same tables
unsuppressed beside every database table an analyst needs, for people who work in code with the
database's own safeguards (it holds what the database holds, and nothing more).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.formula_safe import protect_frame
from pipeline.labels import NOT_GIVEN, VALUE_LABELS, CodeLabels, column_label, value_label
from pipeline.queries import crosstabs, facets
from pipeline.queries.analyst_tables import copy_tables_to_parquet
from pipeline.queries import topics as topic_queries
from pipeline.queries.themes import SHARE_ATTRIBUTES
from pipeline.tables import suppressed_text

BREAKDOWNS = [(by, column_label(by)) for by in SHARE_ATTRIBUTES]  # the dashboard's "Themes by attribute" too
SHEET_COLUMNS = {"coded_paragraphs": "Coded paragraphs", "paragraphs": "All paragraphs",
                 "paragraph_share": "Share of paragraphs", "coded_documents": "Coded logs", "documents": "All logs",
                 "document_share": "Share of logs", "organisations": "Organisations"}


def breakdown(con: duckdb.DuckDBPyConnection, by: str, codes: CodeLabels, k: int) -> pd.DataFrame:
    """Themes by one attribute for people: names, labelled values, counts under k organisations withheld."""
    frame = crosstabs.codes_by(con, by)
    hidden = frame["organisations"] < k
    shown = pd.DataFrame({"Theme": frame["code_id"].map(codes.code), "Family": frame["family"].map(codes.family),
                          column_label(by): frame[by].map(lambda v: _value(by, v))})
    for column, heading in SHEET_COLUMNS.items():
        values = frame[column].astype(object)
        if column.startswith("coded") or column.endswith("share") or column == "organisations":
            values = values.where(~hidden, suppressed_text(k))  # the totals are the attribute's, not the cell's
        shown[heading] = values
    return shown


def co_occurrence_matrix(con: duckdb.DuckDBPyConnection, unit: str, codes: CodeLabels, k: int) -> pd.DataFrame:
    """Theme x theme: units carrying both (the diagonal: carrying the theme), small cells withheld."""
    pairs = crosstabs.co_occurrence(con, unit)
    pairs = pairs.assign(shown=pairs["units"].astype(object).where(pairs["organisations"] >= k, suppressed_text(k)))
    order = [codes.code(c) for c in codes.names]  # the codebook's order
    matrix = pairs.assign(a=pairs["code_a"].map(codes.code), b=pairs["code_b"].map(codes.code)).pivot(
        index="a", columns="b", values="shown")
    return matrix.reindex(index=order, columns=order).fillna(0).rename_axis(index="Theme", columns=None).reset_index()


def topics_by_set(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    run_id = topic_queries.latest_topics_run(con)
    if run_id is None:
        return pd.DataFrame({"Topic": []})
    topics = topic_queries.topics_of_run(con, run_id).set_index("topic_id")["label"]
    sets = topic_queries.topic_sets(con, run_id)
    table = sets.assign(Topic=sets["topic_id"].map(topics)).pivot(index="Topic", columns="set_id", values="segments")
    return table.fillna(0).astype("int64").rename_axis(columns=None).reset_index()


def sheets(con: duckdb.DuckDBPyConnection, k: int) -> dict[str, pd.DataFrame]:
    """Every sheet, by name, in workbook order (the read-me first)."""
    codes = CodeLabels(facets.codebook(con))
    tables = {f"Themes by {label.lower()}": breakdown(con, by, codes, k) for by, label in BREAKDOWNS}
    tables["Co-occurrence, paragraphs"] = co_occurrence_matrix(con, "paragraphs", codes, k)
    tables["Co-occurrence, logs"] = co_occurrence_matrix(con, "documents", codes, k)
    tables["Topics by set"] = topics_by_set(con)
    read_me = pd.DataFrame({"Sheet": list(tables), "What it holds": [_about(name) for name in tables]})
    rule = (f"A count resting on fewer than {k} organisations is shown as “{suppressed_text(k)}” "
            "(set by [dashboard] min_organisations), so that no organisation can be picked out. Totals are "
            "the attribute's and are shown. Text never starts a formula: a leading = + - @ is quoted.")
    read_me = pd.concat([read_me, pd.DataFrame({"Sheet": ["Small cells", "Written"],
                                                "What it holds": [rule, f"{dt.datetime.now():%d %B %Y %H:%M}"]})])
    return {"Read me": read_me, **tables}


def write_workbook(con: duckdb.DuckDBPyConnection, out: Path, k: int = 3) -> list[str]:
    """The workbook at `out` (one sheet per table); returns the sheet names."""
    made = sheets(con, k)
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        for name, frame in made.items():
            protect_frame(frame.copy()).to_excel(writer, sheet_name=name[:31], index=False)
            _widths(writer.sheets[name[:31]], frame)
    return list(made)


def write_parquet(con: duckdb.DuckDBPyConnection, folder: Path) -> list[str]:
    """Every table for analysts (database tables, then the analysis tables unsuppressed) as Parquet files."""
    written = copy_tables_to_parquet(con, folder)
    for by, _ in BREAKDOWNS:
        crosstabs.codes_by(con, by).to_parquet(folder / f"themes_by_{by}.parquet", index=False)
        written.append(f"themes_by_{by}")
    for unit in ("paragraphs", "documents"):
        crosstabs.co_occurrence(con, unit).to_parquet(folder / f"co_occurrence_{unit}.parquet", index=False)
        written.append(f"co_occurrence_{unit}")
    return written


def _value(column: str, value) -> object:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return NOT_GIVEN
    if column == "meeting_number":
        return int(value)
    return value_label(column, value) if column in VALUE_LABELS else value


def _about(name: str) -> str:
    if name.startswith("Themes by"):
        return (f"{name}: per theme and value, coded paragraphs and logs, all paragraphs and logs with that value, "
                "the shares, and the organisations behind the coded logs.")
    if name.startswith("Co-occurrence"):
        unit = "paragraph" if "paragraphs" in name else "log"
        return f"Theme by theme: {unit}s carrying both themes; the diagonal, {unit}s carrying the theme."
    return "Paragraphs per topic (latest topics run) and set."


def _widths(sheet, frame: pd.DataFrame) -> None:
    """Columns wide enough to read (openpyxl leaves every column 8 characters wide)."""
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(frame.columns, start=1):
        longest = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)])
        sheet.column_dimensions[get_column_letter(index)].width = min(80, max(10, longest + 2))
