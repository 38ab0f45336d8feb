"""The evaluator's programme report: themes by set and over meetings, learning, questions, what the
codebook did not foresee, quotes, and how it was all made.

Every number comes from a pipeline.queries function that the dashboard also calls, with the
same filters; this module only arranges and words the results.
"""
from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from pipeline import charts
from pipeline.config import Config
from pipeline.labels import CodeLabels, labelled, value_label
from pipeline.queries import facets, overview, questions, themes
from pipeline.queries import topics as topic_queries
from pipeline.queries.filters import Filters
from pipeline.queries.quotes import quote_candidates, vector_model
from pipeline.report.document import Bullets, Figure, Quote, Report, Section, Table, Text
from pipeline.report.methods import methods_section
from pipeline.report.quotes import QuoteSelector
from pipeline.report.wording import family_sentences, names_or_count, percent, period_text, plural, points

LEARNING_FAMILY = "learning"
TABLE_SETS = 8  # a share table has one column per set up to this many sets
UNFORESEEN_SHOWN = 6  # the largest weakly covered topics; the dashboard's Topics page lists them all


def build_evaluator_report(con: duckdb.DuckDBPyConnection, config: Config, filters: Filters,
                           selector: QuoteSelector) -> Report:
    codes = CodeLabels(facets.codebook(con))
    summary = overview.programme_summary(con, filters)
    report = Report("Programme report", _subtitle(summary, filters), kind="evaluator")
    if not summary["documents"]:
        report.sections.append(Section("No logs", [Text("No logs match the chosen sets and months.")]))
        return report
    model = vector_model(con)
    used: set[str] = set()  # paragraph texts already quoted

    def quotes_for(code_id: str):
        # A paragraph quoted for one theme is not quoted again for another (while others are left).
        candidates = quote_candidates(con, code_id, filters, model)
        fresh = candidates[~candidates["text"].isin(used)]
        chosen = selector.choose(fresh if len(fresh) else candidates)
        texts = dict(zip(candidates["segment_id"], candidates["text"]))
        used.update(texts[q.segment_id] for q in chosen)
        return chosen
    report.sections += [
        _summary_section(con, summary),
        _themes_section(con, filters, codes),
        _change_section(con, filters, codes),
        _learning_section(con, filters, codes, quotes_for),
        _questions_section(con, filters),
        _unforeseen_section(con, config, codes, selector),
        _quotes_section(codes, quotes_for),
        methods_section(con, codes, config),
    ]
    return report


def _subtitle(summary: dict, filters: Filters) -> str:
    sets = names_or_count(filters.sets or summary["set_ids"], "set")
    return (f"{sets} · {period_text(summary['first_month'], summary['last_month'])} · "
            f"made {dt.date.today():%d %B %Y} by ALS Insight from anonymised logs")


def _summary_section(con, summary: dict) -> Section:
    by_type = ", ".join(f"{n} {value_label('log_type', t).lower()}{'s' if n != 1 else ''}"
                        for t, n in summary["logs_by_type"].items())
    section = Section("Programme summary")
    section.add(Text(f"{plural(summary['documents'], 'log')} from {plural(summary['sets'], 'set')} over "
                     f"{plural(summary['meetings'], 'meeting')}, written by {plural(summary['members'], 'member')} "
                     f"from {plural(summary['organisations'], 'organisation')} "
                     f"({period_text(summary['first_month'], summary['last_month'])}).", "lead"),
                Bullets([f"Logs: {by_type}.",
                         f"Paragraphs: {summary['paragraphs']:,}, of which {summary['coded_paragraphs']:,} "
                         f"({percent(summary['coded_paragraphs'], summary['paragraphs'])}) carry at least one theme.",
                         f"Sets: {names_or_count(summary['set_ids'], 'set')}."]))
    section.add(Figure(charts.logs_per_meeting(overview.logs_per_meeting(con)), "Logs per meeting, by type"))
    return section


def _themes_section(con, filters: Filters, codes: CodeLabels) -> Section:
    documents = themes.code_by_set(con, filters, "documents")
    paragraphs = themes.code_by_set(con, filters, "paragraphs")
    section = Section("Themes by set")
    sets = documents["set_id"].nunique()
    if sets > charts.HEATMAP_SETS:
        intro = (f"With {sets} sets, each theme is shown by its spread across them: the grey line runs from the "
                 "lowest set's share of logs to the highest, the box covers the middle half of the sets, the "
                 "tick marks the median set and the diamond all sets together.")
    else:
        intro = ("The share of each set's logs in which a theme appears (darker is more common)"
                 + ("; each cell gives the share and the number of logs." if sets <= charts.LABELLED_SETS else "."))
    section.add(Text(intro),
                Figure(charts.themes_by_set(documents, codes, "logs"), "Share of logs carrying each theme, by set"))
    section.add(*[Text(sentence) for sentence in family_sentences(documents, codes)])
    for frame, unit in ((documents, "logs"), (paragraphs, "paragraphs")):
        table = _share_table(frame, codes)
        section.add(Table(table, f"Share of {unit} carrying each theme, per set and in all",
                          percent_columns=tuple(c for c in table.columns if c not in ("Theme", "Family"))))
    return section


def _share_table(frame: pd.DataFrame, codes: CodeLabels) -> pd.DataFrame:
    """Theme x set shares, with the share over all sets (from the same counts) as the last column; with
    more sets than a page holds, the lowest, median and highest set's share instead of one column each."""
    totals = frame.groupby("code_id")[["coded", "units"]].sum()
    if frame["set_id"].nunique() > TABLE_SETS:
        spread = frame.groupby("code_id")["share"]
        table = pd.DataFrame({"Lowest set": spread.min(), "Median set": spread.median(),
                              "Highest set": spread.max()})
    else:
        table = frame.pivot(index="code_id", columns="set_id", values="share")
    table["All sets"] = totals["coded"] / totals["units"].where(totals["units"] > 0)
    families = frame.drop_duplicates("code_id").set_index("code_id")["family"]
    table.insert(0, "Family", families.reindex(table.index).map(codes.family))
    table.insert(0, "Theme", [codes.code(c) for c in table.index])
    return table.sort_values(["Family", "Theme"]).reset_index(drop=True)


def _change_section(con, filters: Filters, codes: CodeLabels) -> Section:
    by_meeting = themes.code_by_meeting(con, filters, "documents")
    section = Section("Change over meetings")
    if by_meeting.empty or by_meeting["meeting_number"].nunique() < 2:
        return section.add(Text("The logs cover fewer than two numbered meetings: there is no change to show."))
    section.add(Figure(charts.change_over_meetings(by_meeting, codes, "logs"),
                       "Share of logs carrying each theme, by meeting, one panel per family"))
    changes = themes.rises_and_falls(by_meeting)
    rose = changes[changes["change"] >= 0.05].sort_values("change", ascending=False)
    fell = changes[changes["change"] <= -0.05].sort_values("change")
    lines = [f"Rose most: {', '.join(f'{codes.code(c)} ({points(v)})' for c, v in zip(rose.code_id[:3], rose.change[:3]))}."
             if not rose.empty else "No theme rose by 5 points or more.",
             f"Fell most: {', '.join(f'{codes.code(c)} ({points(v)})' for c, v in zip(fell.code_id[:3], fell.change[:3]))}."
             if not fell.empty else "No theme fell by 5 points or more."]
    section.add(Bullets(lines))
    units = by_meeting.drop_duplicates("meeting_number").set_index("meeting_number")["units"]
    first, last = int(changes["first_meeting"].min()), int(changes["last_meeting"].max())
    shown = pd.DataFrame({
        "Theme": changes["code_id"].map(codes.code),
        f"Meeting {first} ({units.get(first, 0)} logs)": changes["first_share"],
        f"Meeting {last} ({units.get(last, 0)} logs)": changes["last_share"],
        "Change": changes["change"].map(points)}).reset_index(drop=True)
    return section.add(Table(shown, "What rose and what fell: share of logs carrying each theme at the first "
                                    "and the last meeting", percent_columns=tuple(shown.columns[1:3])))


def _learning_section(con, filters: Filters, codes: CodeLabels, quotes_for) -> Section:
    documents = themes.code_by_set(con, Filters(**{**filters.__dict__, "families": [LEARNING_FAMILY]}), "documents")
    section = Section("Learning outcomes")
    section.add(Text("What members learned for themselves, took into their organisations and shared across "
                     "organisations, and the actions they committed to, each with the quotes that stand for it "
                     "best."))
    for code_id, rows in documents.groupby("code_id", sort=True):
        coded, units = int(rows["coded"].sum()), int(rows["units"].sum())
        sub = Section(codes.code(code_id), [Text(f"In {coded:,} of {units:,} logs ({percent(coded, units)}). "
                                                 f"{codes.definitions.get(code_id, '')}", "note")])
        sub.blocks += [Quote(q.text, q.attribution) for q in quotes_for(code_id)] or [Text("No quotable paragraph.")]
        section.subsections.append(sub)
    return section


def _questions_section(con, filters: Filters) -> Section:
    frame = questions.question_types_by_meeting(con, filters)
    section = Section("Questions asked")
    if frame.empty:
        return section.add(Text("No questions with a type were recorded in these logs."))
    totals = frame.groupby("question_type")["questions"].sum()
    overall = ", ".join(f"{value_label('question_type', t).lower()} {percent(n, totals.sum())}"
                        for t, n in totals.items())
    section.add(Text(f"{int(totals.sum()):,} questions that members noted as having most impact: {overall}."),
                Figure(charts.question_types(frame), "Thinking, feeling and willing questions, by meeting"))
    table = frame.pivot(index="meeting_number", columns="question_type", values="questions").fillna(0).astype(int)
    table.columns = [value_label("question_type", c) for c in table.columns]
    return section.add(Table(table.reset_index().rename(columns={"meeting_number": "Meeting"}),
                             "Questions by type and meeting"))


def _unforeseen_section(con, config: Config, codes: CodeLabels, selector: QuoteSelector) -> Section:
    section = Section("What the codebook did not foresee")
    run_id = topic_queries.latest_topics_run(con)
    if run_id is None:
        return section.add(Text("No topics run yet (`als topics --db FILE`)."))
    found = topic_queries.topics_of_run(con, run_id)
    limit = config.report.unforeseen_topic_share
    weak = found[(found["topic_id"] >= 0) & (found["code_share"].fillna(0) < limit)]
    weak = weak.sort_values(["size", "topic_id"], ascending=[False, True]).head(UNFORESEEN_SHOWN)
    section.add(Text(f"Topics found in the paragraphs without the codebook (BERTopic, run {run_id}) whose "
                     f"closest theme covers fewer than {limit:.0%} of their paragraphs, largest first: "
                     "candidates for new codes."))
    if weak.empty:
        return section.add(Text("Every topic is mostly covered by one theme of the codebook."))
    table = labelled(weak[["label", "keywords", "size", "best_code", "code_share"]], codes)
    section.add(Table(table, "Topics the codebook covers weakly", percent_columns=("Share carrying it",)))
    for topic in weak.itertuples():
        examples = topic_queries.topic_examples(con, run_id, int(topic.topic_id), 10)
        candidates = examples.assign(member_code=None, org_code=None, set_id=None, meeting_number=None,
                                     log_type="", vector=None)
        chosen = selector.choose(candidates, 1)
        if chosen:
            section.add(Quote(chosen[0].text, f"Topic: {topic.label}"))
    return section


def _quotes_section(codes: CodeLabels, quotes_for) -> Section:
    section = Section("Quotes by theme")
    section.add(Text("For each theme, the paragraphs nearest its centre that together span different members, "
                     "sets and meetings; trimmed to whole sentences, with people, organisations and places "
                     "shown as [a colleague], [an organisation] and [a place]."))
    for code_id in sorted(codes.names, key=lambda c: (codes.family_of[c], codes.code(c))):
        if codes.family_of[code_id] == LEARNING_FAMILY:
            continue  # quoted under learning outcomes
        chosen = quotes_for(code_id)
        sub = Section(f"{codes.code(code_id)} ({codes.family(codes.family_of[code_id]).lower()})")
        sub.blocks += [Quote(q.text, q.attribution) for q in chosen] or [Text("No quotable paragraph.", "note")]
        section.subsections.append(sub)
    return section
