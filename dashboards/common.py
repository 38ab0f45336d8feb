"""What every page shares: where the database is, read-only cached queries, filters, empty states.

The database path comes from the `ALS_DB` environment variable (`als dashboard
--db FILE` sets it), so each page also runs on its own under Streamlit's AppTest.
Every query opens a read-only connection and closes it at once: the Review page
can then write through pipeline.store without a lock held by another page. While
`als run` writes, DuckDB lets no other process read the file: a query retries for
a few seconds (pipeline.store.connect), then the page shows the last answers it
had, from before the run, and says so; a page never read before says a run is writing.
"""
from __future__ import annotations

import os
import sys
from collections import OrderedDict
from pathlib import Path
from typing import Callable

import pandas as pd
import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # pages run as scripts: make the pipeline importable
    sys.path.insert(0, str(ROOT))

from pipeline.config import Config, ConfigError  # noqa: E402
from pipeline.queries import facets  # noqa: E402
from pipeline.queries.filters import Filters  # noqa: E402
from pipeline.store import DatabaseBusy, connect  # noqa: E402
from sign_in import require_sign_in  # noqa: E402

FILL_COMMAND = "als run INPUT_DIR --db {db}"


def db_path() -> Path:
    return Path(os.environ.get("ALS_DB", "als.duckdb"))


def read_only() -> bool:
    """`als dashboard --read-only`: pages show everything and the Review page records nothing."""
    return os.environ.get("ALS_READ_ONLY", "") == "1"


def config() -> Config:
    try:
        return Config.load(os.environ.get("ALS_CONFIG") or None)
    except ConfigError as error:
        st.warning(f"Config not read ({error}); using defaults.")
        return Config()


def _stamp(path: Path) -> float:
    return path.stat().st_mtime if path.exists() else 0.0


@st.cache_data(show_spinner=False, max_entries=256)
def _cached(path: str, stamp: float, name: str, args: tuple, _call: Callable) -> pd.DataFrame:
    # `_call` is not hashed (Streamlit skips leading-underscore arguments): `name` and `args` key it.
    con = connect(path, read_only=True)
    try:
        return _call(con, *args)
    finally:
        con.close()


BUSY_NOTICE_SHOWN = "_busy_notice_shown"
LAST_GOOD_ENTRIES = 512  # answers kept to show while a run writes (a few per page and filter)


@st.cache_resource(show_spinner=False)
def _last_good() -> "OrderedDict[tuple, object]":
    """The last answer to each question, shared by every session: what to show while a run writes.

    DuckDB lets no other process read a file while one writes it. A run holds the lock only for its
    final write (it anonymises and codes first), and a page asked in those seconds shows the figures
    from before the run rather than an error."""
    return OrderedDict()


def query(call: Callable, *args, name: str = ""):
    """`call(con, *args)` on a read-only connection, cached until the database file changes."""
    path = db_path()
    key = (str(path), name or call.__name__, repr(args))  # args may be unhashable (Filters); their repr is not
    last_good = _last_good()
    try:
        answer = _cached(str(path), _stamp(path), key[1], args, call)
    except DatabaseBusy:
        if key in last_good:
            _say_once("A run is writing the database just now: these figures are from before it. "
                      "Reload the page when it has finished to see its logs.")
            return last_good[key]
        st.warning(f"A run is writing `{path}` just now, so it cannot be read. Reload this page in a minute.")
        st.stop()
    last_good[key] = answer
    last_good.move_to_end(key)
    while len(last_good) > LAST_GOOD_ENTRIES:
        last_good.popitem(last=False)
    return answer


def _say_once(message: str) -> None:
    """One notice per page run, however many of its queries fell back (open_page resets the flag)."""
    if not st.session_state.get(BUSY_NOTICE_SHOWN):
        st.info(message)
        st.session_state[BUSY_NOTICE_SHOWN] = True


def open_page(title: str, heading: str | None = None, icon: str | None = None) -> None:
    """Every page's start: its browser title, its heading, and a stop when there is nothing to show yet."""
    st.set_page_config(page_title=title, page_icon=icon, layout="wide")
    st.session_state[BUSY_NOTICE_SHOWN] = False
    require_sign_in()  # before anything is read
    st.title(heading or title)
    require_database()


def require_database() -> None:
    """Stop the page with a clear message when there is nothing to show yet."""
    path = db_path()
    if not path.exists():
        st.info(f"No database at `{path}` yet. Fill one with `{FILL_COMMAND.format(db=path)}` "
                "(or `bash scripts/sample.sh` for the sample), then `als dashboard --db FILE`.")
        st.stop()
    if not query(facets.has_documents):
        st.info(f"The database `{path}` holds no documents yet. Add logs with "
                f"`{FILL_COMMAND.format(db=path)}`.")
        st.stop()


def sidebar_filters(with_sets: bool = True) -> Filters:
    """Family, log type, setting, org type, set and month filters, from what the database holds."""
    def options(column: str) -> list[str]:
        return query(facets.document_values, column)

    from pipeline.labels import value_label

    families = query(facets.code_families)
    labels = code_labels()
    st.sidebar.header("Filters")
    # Stored values stay the filter's values; readers see their labels (pipeline.labels).
    chosen = Filters(
        families=st.sidebar.multiselect("Theme family", families, format_func=labels.family),
        log_types=st.sidebar.multiselect("Log type", options("log_type"),
                                         format_func=lambda v: value_label("log_type", v)),
        settings=st.sidebar.multiselect("Setting", options("setting"), format_func=lambda v: value_label("setting", v)),
        org_types=st.sidebar.multiselect("Organisation type", options("org_type"),
                                         format_func=lambda v: value_label("org_type", v)),
        sets=st.sidebar.multiselect("Set", options("set_id")) if with_sets else [],
    )
    months = options("meeting_month")
    if len(months) > 1:
        start, end = st.sidebar.select_slider("Meeting months", months, value=(months[0], months[-1]))
        chosen.month_from, chosen.month_to = start, end
    return chosen


def codes() -> pd.DataFrame:
    return query(facets.codebook)


def code_labels():
    """Code and family names from the stored codebook (pipeline.labels, shared with the reports)."""
    from pipeline.labels import CodeLabels

    return CodeLabels(codes())


def share_page(title: str, share_query: Callable, empty_message: str):
    """A theme-share page's start: title, sidebar filters, the documents/paragraphs choice, the shares.

    Returns (filters, unit, frame) with `share_query(con, filters, unit)` already run; stops the page
    with `empty_message` when nothing matches."""
    open_page(title)
    filters = sidebar_filters()
    unit = st.radio("Share of", ["documents", "paragraphs"], horizontal=True)
    frame = query(share_query, filters, unit)
    if frame.empty:
        st.info(empty_message)
        st.stop()
    return filters, unit, frame



def show_chart(chart, container=None, **options):
    """A pipeline.charts chart as the reports draw it: its own size (not stretched to the page, which
    would push its legend out of sight) and its own theme; `options` go to st.altair_chart (key,
    on_select...)."""
    return (container or st).altair_chart(chart, width="content", theme=None, **options)
