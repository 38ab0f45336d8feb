"""The lead body's briefing: challenges that recur across organisations, so national materials can change.

Counts come from pipeline.queries.systemic, the same functions (and the same small-cell rule)
as the dashboard's Systemic challenges page. Nothing here names or codes an organisation, and
no breakdown narrower than organisation type or setting is shown.
"""
from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from pipeline import charts
from pipeline.config import Config
from pipeline.labels import CodeLabels, value_label
from pipeline.queries import facets, overview, systemic
from pipeline.queries.filters import Filters
from pipeline.queries.quotes import quote_candidates, vector_model
from pipeline.report.document import Bullets, Figure, Quote, Report, Section, Table, Text
from pipeline.report.quotes import QuoteSelector
from pipeline.report.wording import period_text, plural
from pipeline.tables import NOT_SHOWN, challenge_table, count_text, suppressed_text

CHALLENGE_FAMILY = "challenge"
LEAD_BODY_QUOTES = 3


def build_lead_body_report(con: duckdb.DuckDBPyConnection, config: Config, selector: QuoteSelector) -> Report:
    codes = CodeLabels(facets.codebook(con))
    k = config.dashboard.min_organisations
    rule = systemic.SystemicRule.from_config(config.dashboard)
    everything = Filters()
    summary = overview.programme_summary(con, everything)
    report = Report("Recurring systemic challenges", f"Briefing for the lead body · "
                    f"{period_text(summary['first_month'], summary['last_month'])} · made {dt.date.today():%d %B %Y} "
                    "by ALS Insight from anonymised logs", kind="lead-body")
    challenges = systemic.challenge_summary(con, k, rule, CHALLENGE_FAMILY)
    flagged = challenges[challenges["systemic"] & ~challenges["suppressed"]]
    trend = systemic.challenge_trend(con, k, CHALLENGE_FAMILY)
    report.sections.append(_overview_section(summary, challenges, flagged, codes, k, rule))
    if challenges.empty:
        return report
    report.sections[0].blocks.extend(_trend_blocks(trend[trend["code_id"].isin(flagged["code_id"])], codes, k))
    breakdowns = {by: systemic.challenge_breakdown(con, by, k, CHALLENGE_FAMILY) for by in ("org_type", "setting")}
    model = vector_model(con)
    for row in flagged.itertuples():
        quotes = selector.choose(quote_candidates(con, row.code_id, everything, model), LEAD_BODY_QUOTES)
        report.sections.append(_challenge_section(row, breakdowns, trend, quotes, codes, k))
    report.sections.append(_method_section(k, rule))
    return report


def _overview_section(summary: dict, challenges: pd.DataFrame, flagged: pd.DataFrame, codes: CodeLabels,
                      k: int, rule: systemic.SystemicRule) -> Section:
    section = Section("Summary")
    names = ", ".join(codes.code(c) for c in flagged["code_id"]) or "none"
    section.add(Text(f"{plural(summary['organisations'], 'organisation')} in {plural(summary['sets'], 'set')} wrote "
                     f"{plural(summary['documents'], 'log')}. {len(flagged)} of {len(challenges)} challenges were {rule.describe()}, "
                     f"and count as systemic here: {names}.", "lead"))
    if challenges.empty:
        return section.add(Text("The codebook has no challenge themes."))
    visible = challenges[~challenges["suppressed"]]
    if not visible.empty:
        section.add(Figure(charts.challenge_organisations(challenges, codes),
                           "Organisations raising each challenge (systemic ones highlighted)"))
    table = challenge_table(challenges, codes, k)
    return section.add(Table(table, f"Every challenge theme; counts resting on fewer than {k} organisations are "
                                    "not shown"))


def _challenge_section(row, breakdowns: dict[str, pd.DataFrame], trend: pd.DataFrame, quotes, codes: CodeLabels,
                       k: int) -> Section:
    section = Section(codes.code(row.code_id))
    section.add(Text(f"Raised by {plural(int(row.organisations), 'organisation')} in "
                     f"{plural(int(row.sets), 'set')}, in {plural(int(row.documents), 'log')}. "
                     f"{codes.definitions.get(row.code_id, '')}"))
    groups = []
    for by, label in (("org_type", "Organisation type"), ("setting", "Setting")):
        frame = breakdowns[by]
        frame = frame[frame["code_id"] == row.code_id]
        if frame.empty:
            continue
        # "not shown", not "fewer than k": a second cell may be hidden so the first cannot be subtracted out.
        shown = [f"{value_label(by, g if g != 'not given' else None)}: {count_text(v, s, k, NOT_SHOWN)}"
                 for g, v, s in zip(frame["group"], frame["organisations"], frame["suppressed"])]
        groups.append(f"{label}: " + "; ".join(shown) + ".")
    if groups:
        section.add(Bullets(groups))
    mine = trend[trend["code_id"] == row.code_id].sort_values("meeting_number")
    if not mine.empty:
        section.add(Text("Organisations raising it, by meeting: " + "; ".join(
            f"meeting {int(m)}: {count_text(v, sup, k)}" for m, v, sup in
            zip(mine["meeting_number"], mine["organisations"], mine["suppressed"])) + "."))
    section.blocks += [Quote(q.text, q.attribution) for q in quotes] or [Text("No quotable paragraph.", "note")]
    return section


def _trend_blocks(trend: pd.DataFrame, codes: CodeLabels, k: int) -> list:
    """One chart of the systemic challenges over meetings, when at least two meetings have a count to show."""
    visible = trend[~trend["suppressed"]]
    if visible["meeting_number"].nunique() < 2:
        return [Text(f"Over meetings, most counts rest on fewer than {k} organisations, so no trend is drawn; "
                     "each challenge below lists its meetings.", "note")]
    return [Figure(charts.challenge_trend(trend, codes),
                   f"Organisations raising each systemic challenge, by meeting (a gap: fewer than {k} organisations)")]


def _method_section(k: int, rule: systemic.SystemicRule) -> Section:
    return Section("How to read this briefing", [Bullets([
        f"A challenge counts as systemic when it is {rule.describe()}: one busy set, or one organisation "
        "writing often, does not make a challenge national.",
        f"A count resting on fewer than {k} organisations is not shown (\"{suppressed_text(k)}\", or a gap in a "
        "chart), so that no organisation can be singled out; organisations are never named or coded here.",
        "Where one part of a breakdown is hidden, a second part is hidden too (\"not shown\"), so that the first "
        "cannot be worked out from the total.",
        "A challenge counts in a log when one of its paragraphs carries the theme and no person rejected it.",
        "Quotes are anonymised and trimmed to whole sentences; they come from different members, sets and "
        "meetings where the logs allow.",
    ])])
