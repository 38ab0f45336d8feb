"""Review suggested codings: accept, reject or add a code; decisions are stored by pipeline.store.

Under `als dashboard --read-only` the queue is shown and every button is disabled: nothing is written.
"""
from __future__ import annotations

import sys
from pathlib import Path

import datetime as dt

import pandas as pd
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # dashboards/, when a page runs alone
from common import code_labels, codes, config, db_path, open_page, query, read_only
from pipeline.records import Coding
from pipeline.provenance import new_run_id, package_versions
from pipeline.queries.active_review import STRATEGIES, review_queue
from pipeline.queries.agreement import agreement_by_code
from pipeline.queries.review_queue import count_pending, count_reviewed
from pipeline.readable import readable
from pipeline.store import RunRecord, Store
from pipeline.trust import CAPTION, trust_table

open_page("Review", "Review suggested codings")
LOCKED = read_only()
SETTINGS = config().review
if LOCKED:
    st.info("This dashboard runs read-only (`als dashboard --read-only`): the queue is shown, but decisions "
            "cannot be recorded here. Review with `als review export` and `als review import` instead.")
code_list = codes()
labels = code_labels()


def show_trust() -> None:
    """Per theme, how far the suggestions agree with people's decisions (the table `als evaluate --db`
    prints and the methods appendix holds)."""
    st.subheader("How far to trust the suggestions")
    table = trust_table(query(agreement_by_code, SETTINGS.min_reviews), labels)
    if int(pd.to_numeric(table["Reviews"]).sum()) == 0:
        st.info("No suggestion has been reviewed yet: each decision here adds to this table.")
        return
    st.caption(CAPTION.format(min_reviews=SETTINGS.min_reviews))
    # Every theme in view (35 px a row, as Streamlit draws them), counts and shares aligned as numbers.
    words = ("Theme", "Agreement")
    columns = {c: st.column_config.TextColumn(alignment="right") for c in table.columns if c not in words}
    columns["Agreement"] = st.column_config.TextColumn(width=200)
    st.dataframe(table, hide_index=True, height=35 * (len(table) + 1) + 3, column_config=columns)


ANY = "(any)"
ORDERS = {"uncertain": "Least certain first (closest to the theme's threshold)",
          "disagree": "Where the coders disagree first",
          "random": "In random order (for comparison)"}
assert set(ORDERS) == set(STRATEGIES)
pick, theme = st.columns(2)
strategy = pick.selectbox("Order", list(ORDERS), index=list(ORDERS).index(SETTINGS.strategy),
                          format_func=ORDERS.get,
                          help="Least certain and disagreeing suggestions teach the coder most; both take the "
                               "themes with fewest reviews first. `als review export --strategy` lists the same.")
code_filter = theme.selectbox("Theme", [ANY] + code_list["code_id"].tolist(),
                              format_func=lambda c: "Any theme" if c == ANY else labels.code(c))
low, high = st.slider("Confidence", 0.0, 1.0, (0.0, 1.0), 0.05)
SHOWN = 200
chosen_code = None if code_filter == ANY else code_filter
pending = query(review_queue, strategy, SHOWN, SETTINGS.seed, chosen_code, low, high)
waiting = query(count_pending, chosen_code, low, high)
reviewed = query(count_reviewed, chosen_code)
if waiting + reviewed:
    st.progress(reviewed / (waiting + reviewed),
                text=f"{reviewed} decisions made · {waiting} suggestions waiting{' for this theme' if chosen_code else ''}"
                     + (f" (the first {SHOWN} in this order are queued here)" if waiting > SHOWN else ""))
if strategy == "disagree" and not pending.empty and not (pending["votes"] < pending["coders"]).any():
    st.caption("No coder disagrees with another on what is waiting here (only one coder suggested themes on these "
               "paragraphs), so the least certain come first.")
if pending.empty:
    st.success("Nothing left to review with these filters.")
    show_trust()
    st.stop()


def record(decisions: list[Coding]) -> None:
    if LOCKED:  # the buttons are disabled; this keeps a stale click from writing too
        return
    run = RunRecord(new_run_id(), "review", dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
                    {"source": "dashboard"}, package_versions(), {"decisions": len(decisions)})
    with Store(db_path()) as store:
        store.write_codings(run, decisions)
    st.cache_data.clear()


position = min(st.session_state.get("review_position", 0), len(pending) - 1)
item = pending.iloc[position]
SUGGESTED_BY = {"rule": "a keyword rule", "model": "the automatic coder", "embedding": "similar reviewed paragraphs",
                "topic": "its topic"}
suggested_by = " and ".join(SUGGESTED_BY.get(m, m) for m in str(item.method).split(","))
st.markdown(f"**{labels.code(item.code_id)}** · {labels.family(labels.family_of.get(item.code_id, ''))} · "
            f"suggested by {suggested_by} (confidence {item.confidence})")
definition = labels.definitions.get(item.code_id)
if isinstance(definition, str) and definition.strip():
    st.caption(f"What this theme means: {definition.strip()}")
includes, excludes = labels.includes.get(item.code_id, []), labels.excludes.get(item.code_id, [])
if includes or excludes:
    with st.expander("The codebook's examples of this theme"):
        covers, not_covered = st.columns(2)
        covers.markdown("**It covers**\n" + "\n".join(f"- {example}" for example in includes[:5]))
        not_covered.markdown("**It does not cover**\n" + ("\n".join(f"- {example}" for example in excludes[:5])
                                                         or "- (no examples in the codebook)"))
st.markdown(f"> {readable(item.text)}")
st.caption(f"{item.set_id or 'No set'} · meeting {item.meeting_number if item.meeting_number == item.meeting_number else '?'}"
           f" · {item.field_prompt}")
accept, reject, skip = st.columns(3)
# Keyboard: Y accepts, N rejects, S skips (Streamlit keeps C and R for itself).
if accept.button("Accept", key="accept", type="primary", disabled=LOCKED, shortcut="Y"):
    record([Coding(item.segment_id, item.code_id, "human", 1.0, "accepted")])
    st.rerun()
if reject.button("Reject", key="reject", disabled=LOCKED, shortcut="N"):
    record([Coding(item.segment_id, item.code_id, "human", 1.0, "rejected")])
    st.rerun()
if skip.button("Skip", key="skip", shortcut="S"):
    st.session_state["review_position"] = (position + 1) % len(pending)
    st.rerun()
added = st.selectbox("Add a theme to this paragraph", ["(none)"] + code_list["code_id"].tolist(), key="add_code",
                     format_func=lambda c: "(none)" if c == "(none)" else labels.code(c), disabled=LOCKED)
if st.button("Add theme", key="add", disabled=LOCKED) and added != "(none)":
    record([Coding(item.segment_id, added, "human", 1.0, "accepted")])
    st.rerun()
show_trust()
