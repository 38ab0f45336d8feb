"""Every chart, as an Altair specification: the dashboard shows it with st.altair_chart, the reports
render the same specification to SVG (HTML) or PNG (DOCX) with vl-convert, offline.

Each function takes the DataFrame a pipeline.queries function returns and the code labels,
and returns an Altair chart. Colours: the Okabe-Ito palette, which readers with the common
forms of colour blindness can tell apart; sequential scales from light to dark blue.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from pipeline.labels import LOG_TYPE_LABELS, NOT_GIVEN, QUESTION_TYPE_LABELS, CodeLabels

# Okabe-Ito without its yellow (too pale on white for a line), with Tol's wine as an eighth colour.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#882255"]
FONT = "Helvetica, Arial, sans-serif"
WIDTH = 560
# Sets a heatmap labels cell by cell, and sets beyond which a heatmap cannot be read at all (a national
# programme has hundreds): then each theme's spread across sets is drawn instead.
LABELLED_SETS = 8
HEATMAP_SETS = 30
HEATMAP_GUTTER = 270  # px for theme names, the same in every family's block


def _themed(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    # "pad": the chart keeps the size it asks for and its axes and legends come on top. Streamlit would
    # otherwise "fit" a single chart into that size, squeezing the plot to make room for a legend below.
    chart = chart.properties(autosize=alt.AutoSizeParams(type="pad", contains="padding"))
    return chart.configure(font=FONT).configure_axis(labelFontSize=11, titleFontSize=12, labelLimit=320) \
        .configure_legend(labelFontSize=11, titleFontSize=12, labelLimit=320).configure_view(stroke=None)


CELL_SELECTION = "cell"  # the heatmap's click selection: the dashboard reads it as {code_id, set_id}


def themes_by_set(frame: pd.DataFrame, codes: CodeLabels, unit: str = "documents") -> alt.Chart:
    """Heatmap of the share of units carrying each code, per set (one block per family), cells labelled
    with share and n while they fit; beyond HEATMAP_SETS sets, each theme's spread across sets."""
    data = _with_names(frame, codes)
    if max(1, data["set_id"].nunique()) > HEATMAP_SETS:
        return themes_spread_across_sets(data, unit)
    return _themed(alt.vconcat(*(block for _, block in _heatmap_blocks(data, unit)), spacing=14)
                   .resolve_scale(color="shared"))


def themes_by_set_blocks(frame: pd.DataFrame, codes: CodeLabels, unit: str = "documents",
                         clickable: bool = False, column: str = "set_id",
                         column_title: str = "Set") -> list[tuple[str, alt.TopLevelMixin]]:
    """The same heatmap as (family, chart) blocks, each a single layered chart, so the dashboard can draw
    them one under the other with a click selection on each (Streamlit selects in no concatenated chart).
    Every block has the same label gutter and cell width, so the sets line up down the page."""
    data = _with_names(frame, codes)
    return [(family, _themed(block)) for family, block in _heatmap_blocks(data, unit, clickable, column, column_title)]


def _with_names(frame: pd.DataFrame, codes: CodeLabels) -> pd.DataFrame:
    return frame.assign(theme=frame["code_id"].map(codes.code), family=frame["family"].map(codes.family))


def _heatmap_blocks(data: pd.DataFrame, unit: str, clickable: bool = False, column: str = "set_id",
                    column_title: str = "Set"):
    """Theme x `column` (a set, by default; any document attribute as text) blocks, one per family."""
    values = data[column]
    order = [str(v) for v in sorted(values.dropna().unique())] + ([NOT_GIVEN] if values.isna().any() else [])
    data = data.assign(**{column: values.map(lambda v: NOT_GIVEN if pd.isna(v) else str(v))})
    sets = max(1, data[column].nunique())
    data = data.assign(label=[f"{s:.0%} ({c}/{u})" if u else "" for s, c, u in
                              zip(data["share"], data["coded"], data["units"])])
    width = min(WIDTH - 220, 120 * sets) if sets <= LABELLED_SETS else 22 * sets
    pick = alt.selection_point(name=CELL_SELECTION, fields=["code_id", column], on="click", clear="dblclick",
                               empty=True) if clickable else None
    for index, (family, rows) in enumerate(data.groupby("family", sort=False)):
        base = alt.Chart(rows).encode(
            x=alt.X(f"{column}:N", title=None, scale=alt.Scale(domain=order),
                    axis=alt.Axis(labelAngle=0 if sets <= LABELLED_SETS else -45, orient="top",
                                  labelFontWeight="bold")),
            y=alt.Y("theme:N", title=None, sort="ascending",
                    axis=alt.Axis(minExtent=HEATMAP_GUTTER, labelLimit=HEATMAP_GUTTER - 10)))
        legend = alt.Legend(format="%", orient="right", gradientLength=min(150, 26 * rows["theme"].nunique())) \
            if index == 0 else None
        cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
            color=alt.Color("share:Q", title=f"Share of {unit}", scale=alt.Scale(scheme="blues", domain=[0, 1]),
                            legend=legend),
            tooltip=[alt.Tooltip("theme:N", title="Theme"), alt.Tooltip(f"{column}:N", title=column_title),
                     alt.Tooltip("coded:Q", title=f"Coded {unit}"), alt.Tooltip("units:Q", title=f"All {unit}"),
                     alt.Tooltip("share:Q", title="Share", format=".0%")])
        if pick is not None:  # the chosen cell stays dark, the others fade; a double click clears
            cells = cells.encode(opacity=alt.condition(pick, alt.value(1.0), alt.value(0.45))).add_params(pick)
        text = base.mark_text(fontSize=11).encode(
            text="label:N", color=alt.condition("datum.share > 0.5", alt.value("white"), alt.value("#1f2933")))
        layers = (cells, text) if sets <= LABELLED_SETS else (cells,)
        yield family, alt.layer(*layers).properties(title=alt.Title(family, anchor="start", fontSize=12),
                                                    width=width, height=26 * rows["theme"].nunique())


def themes_spread_across_sets(data: pd.DataFrame, unit: str) -> alt.Chart:
    """Per theme, the spread of its share across sets: a line from the lowest to the highest set, a box over
    the middle half of the sets, a tick at the median, a diamond for all sets together. Summarised in
    pandas first, so the chart carries one row per theme however many sets there are."""
    grouped = data.groupby(["family", "theme"])
    spread = grouped["share"].quantile([0.0, 0.25, 0.5, 0.75, 1.0]).unstack()
    spread.columns = ["lowest", "q1", "median", "q3", "highest"]
    totals = grouped[["coded", "units"]].sum()
    spread["overall"] = totals["coded"] / totals["units"].where(totals["units"] > 0)
    spread["sets"] = grouped["set_id"].nunique()
    spread = spread.reset_index()
    y = alt.Y("theme:N", title=None, sort="ascending")
    axis = alt.X("lowest:Q", title=f"Share of each set's {unit}", axis=alt.Axis(format="%"),
                 scale=alt.Scale(domain=[0, 1]))
    tooltip = [alt.Tooltip("theme:N", title="Theme"), alt.Tooltip("sets:Q", title="Sets"),
               alt.Tooltip("lowest:Q", format=".0%", title="Lowest set"),
               alt.Tooltip("median:Q", format=".0%", title="Median set"),
               alt.Tooltip("highest:Q", format=".0%", title="Highest set"),
               alt.Tooltip("overall:Q", format=".0%", title="All sets")]
    base = alt.Chart().encode(y=y, tooltip=tooltip)
    layers = (base.mark_rule(color="#9aa5b1").encode(x=axis, x2="highest:Q"),
              base.mark_bar(color=OKABE_ITO[4], size=14).encode(x="q1:Q", x2="q3:Q"),
              base.mark_tick(color=OKABE_ITO[0], thickness=2, size=14).encode(x="median:Q"),
              base.mark_point(shape="diamond", filled=True, color=OKABE_ITO[5], size=60).encode(x="overall:Q"))
    blocks = [alt.layer(*layers, data=rows).properties(
        title=alt.Title(family, anchor="start", fontSize=12), width=WIDTH - 200, height=26 * len(rows))
        for family, rows in spread.groupby("family", sort=False)]
    return _themed(alt.vconcat(*blocks, spacing=14))


def change_over_meetings(frame: pd.DataFrame, codes: CodeLabels, unit: str = "documents",
                         themes: list[str] | None = None) -> alt.Chart:
    """Each code's share of units by meeting, every meeting labelled with its n. With `themes` (code ids),
    one chart of those; without, one panel per code family."""
    data = _with_names(frame, codes)
    if themes is not None:
        data = data[data["code_id"].isin(themes)]
    meetings = data.drop_duplicates("meeting_number").sort_values("meeting_number")
    label_of = {m: f"{int(m)} (n={int(u)})" for m, u in zip(meetings["meeting_number"], meetings["units"])}
    data = data.assign(meeting=data["meeting_number"].map(label_of))
    lines = alt.Chart(data).mark_line(point=True, strokeWidth=2).encode(
        x=alt.X("meeting:N", title=f"Meeting (n = {unit} that meeting)", sort=list(label_of.values()),
                axis=alt.Axis(labelAngle=0)),
        y=alt.Y("share:Q", title=f"Share of {unit}", axis=alt.Axis(format="%")),
        color=alt.Color("theme:N", title="Theme", scale=alt.Scale(range=OKABE_ITO)),
        tooltip=[alt.Tooltip("theme:N", title="Theme"), alt.Tooltip("meeting_number:O", title="Meeting"),
                 alt.Tooltip("coded:Q", title=f"Coded {unit}"), alt.Tooltip("units:Q", title=f"All {unit}"),
                 alt.Tooltip("share:Q", title="Share", format=".0%")],
    ).properties(width=WIDTH, height=170 if themes is None else 300)
    if themes is not None:
        return _themed(lines)
    charts = [lines.transform_filter(alt.datum.family == family).properties(title=family)
              for family in data["family"].drop_duplicates()]
    chart = alt.vconcat(*charts).resolve_scale(color="independent") if charts else lines
    return _themed(chart)


def question_types(frame: pd.DataFrame) -> alt.Chart:
    """Stacked shares of thinking, feeling and willing questions per meeting."""
    data = frame.assign(kind=frame["question_type"].map(lambda t: QUESTION_TYPE_LABELS.get(t, t)))
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("meeting_number:O", title="Meeting", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("share:Q", title="Share of questions", axis=alt.Axis(format="%"), stack="normalize"),
        color=alt.Color("kind:N", title="Question type", scale=alt.Scale(range=OKABE_ITO[:3]),
                        sort=list(QUESTION_TYPE_LABELS.values())),
        tooltip=[alt.Tooltip("meeting_number:O", title="Meeting"), alt.Tooltip("kind:N", title="Type"),
                 alt.Tooltip("questions:Q", title="Questions"), alt.Tooltip("share:Q", format=".0%")],
    ).properties(width=min(WIDTH, 80 * max(1, data["meeting_number"].nunique())), height=200)
    return _themed(chart)


def logs_per_meeting(frame: pd.DataFrame) -> alt.Chart:
    data = frame.assign(kind=frame["log_type"].map(lambda t: LOG_TYPE_LABELS.get(t, t)))
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("meeting:N", title="Meeting", sort=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("logs:Q", title="Logs", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("kind:N", title="Log type", scale=alt.Scale(range=OKABE_ITO)),
        tooltip=[alt.Tooltip("meeting:N", title="Meeting"), alt.Tooltip("kind:N", title="Log type"),
                 alt.Tooltip("logs:Q", title="Logs")]).properties(width=WIDTH, height=200)
    return _themed(chart)


def challenge_organisations(summary: pd.DataFrame, codes: CodeLabels) -> alt.Chart:
    """Organisations raising each challenge (suppressed rows left out), systemic ones coloured."""
    visible = summary[~summary["suppressed"]].copy()
    visible["organisations"] = visible["organisations"].astype("int64")
    visible["theme"] = visible["code_id"].map(codes.code)
    visible["flag"] = visible["systemic"].map({True: "Systemic", False: "Not systemic"})
    chart = alt.Chart(visible).mark_bar().encode(
        x=alt.X("organisations:Q", title="Organisations raising it", axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("theme:N", title=None, sort="-x", axis=alt.Axis(labelOverlap=False, labelLimit=320)),
        color=alt.Color("flag:N", title=None, scale=alt.Scale(domain=["Systemic", "Not systemic"],
                                                               range=[OKABE_ITO[5], "#9aa5b1"])),
        tooltip=[alt.Tooltip("theme:N", title="Challenge"), alt.Tooltip("organisations:Q", title="Organisations"),
                 alt.Tooltip("sets:Q", title="Sets"), alt.Tooltip("documents:Q", title="Logs")],
    ).properties(width=WIDTH - 160, height=alt.Step(26))  # a step per bar: every label has room
    return _themed(chart)


def challenge_trend(trend: pd.DataFrame, codes: CodeLabels) -> alt.Chart:
    """Organisations raising each challenge per meeting; a suppressed meeting is a gap, not a line across it."""
    data = trend.sort_values(["code_id", "meeting_number"]).assign(
        theme=lambda f: f["code_id"].map(codes.code),
        organisations=lambda f: f["organisations"].astype("float"))  # missing stays missing: a gap
    chart = alt.Chart(data).mark_line(point=True, strokeWidth=2).encode(
        x=alt.X("meeting_number:O", title="Meeting", sort="ascending", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("organisations:Q", title="Organisations", axis=alt.Axis(tickMinStep=1, format="d")),
        # below the chart, two to a row: a legend beside a short chart is cut after its sixth entry
        color=alt.Color("theme:N", title="Challenge", scale=alt.Scale(range=OKABE_ITO),
                        legend=alt.Legend(orient="bottom", columns=2, symbolLimit=0)),
        tooltip=[alt.Tooltip("theme:N", title="Challenge"), alt.Tooltip("meeting_number:O", title="Meeting"),
                 alt.Tooltip("organisations:Q", title="Organisations")],
    ).properties(width=WIDTH, height=200)
    return _themed(chart)


def to_svg(chart: alt.TopLevelMixin) -> str:
    """The chart as an SVG document (for HTML), rendered offline."""
    import vl_convert

    return vl_convert.vegalite_to_svg(chart.to_dict())


def to_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    """The chart as PNG bytes (for DOCX), rendered offline at `scale` times its pixel size."""
    import vl_convert

    return vl_convert.vegalite_to_png(chart.to_dict(), scale=scale)


def topic_sizes(topics: pd.DataFrame) -> alt.Chart:
    """Paragraphs per topic, labelled by its short phrase, keywords on hover (outliers left out)."""
    data = topics[topics["topic_id"] >= 0]
    chart = alt.Chart(data).mark_bar(color=OKABE_ITO[0]).encode(
        x=alt.X("size:Q", title="Paragraphs", axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y("label:N", sort="-x", title=None),
        tooltip=[alt.Tooltip("label:N", title="Topic"), alt.Tooltip("keywords:N", title="Keywords"),
                 alt.Tooltip("size:Q", title="Paragraphs")],
    ).properties(width=WIDTH - 160, height=alt.Step(24))
    return _themed(chart)


def topic_grid(counts: pd.DataFrame, topics: pd.DataFrame, column: str, title: str) -> alt.Chart:
    """Paragraphs per topic and meeting (or set) as a labelled heatmap: more topics than a palette has
    colours cannot be told apart as lines."""
    names = topics.set_index("topic_id")["label"]
    data = counts.assign(label=counts["topic_id"].map(names), key=counts[column].astype(str))
    order = [str(k) for k in sorted(counts[column].dropna().unique())]
    base = alt.Chart(data).encode(
        x=alt.X("key:N", title=title, sort=order, axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("label:N", title=None, sort=list(names[names.index >= 0])))
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("segments:Q", title="Paragraphs", scale=alt.Scale(scheme="blues"), legend=None),
        tooltip=[alt.Tooltip("label:N", title="Topic"), alt.Tooltip("key:N", title=title),
                 alt.Tooltip("segments:Q", title="Paragraphs")])
    dark = f"datum.segments > {0.55 * max(1, int(data['segments'].max()))}"  # white on the darker blues
    text = base.mark_text(fontSize=11).encode(
        text="segments:Q", color=alt.condition(dark, alt.value("white"), alt.value("#1f2933")))
    return _themed(alt.layer(cells, text).properties(width=min(WIDTH - 260, 60 * len(order)),
                                                     height=alt.Step(24)))


def co_occurrence(pairs: pd.DataFrame, codes: CodeLabels, unit: str = "paragraphs") -> alt.Chart:
    """Theme x theme: units carrying both, labelled; the diagonal (a theme with itself) left out so the
    pairs carry the colour. `pairs`: queries.crosstabs.co_occurrence, small cells already withheld (NA)."""
    data = pairs[pairs["code_a"] != pairs["code_b"]].assign(
        a=lambda f: f["code_a"].map(codes.code), b=lambda f: f["code_b"].map(codes.code))
    order = sorted(set(data["a"]) | set(data["b"]))  # every theme keeps its row, even with its cells withheld
    data = data[data["units"].notna()].assign(units=lambda f: f["units"].astype("int64"))  # withheld: a blank
    base = alt.Chart(data).encode(
        x=alt.X("b:N", title=None, sort=order, axis=alt.Axis(labelAngle=-40, orient="top", labelLimit=200)),
        y=alt.Y("a:N", title=None, sort=order, axis=alt.Axis(labelLimit=260)))
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("units:Q", title=f"{unit.capitalize()} with both", scale=alt.Scale(scheme="blues")),
        tooltip=[alt.Tooltip("a:N", title="Theme"), alt.Tooltip("b:N", title="With"),
                 alt.Tooltip("units:Q", title=unit.capitalize()), alt.Tooltip("organisations:Q", title="Organisations")])
    text = base.mark_text(fontSize=10).encode(text="units:Q", color=alt.condition(
        f"datum.units > {0.55 * max(1, float(data['units'].max() or 1))}", alt.value("white"), alt.value("#1f2933")))
    return _themed(alt.layer(cells, text).properties(width=alt.Step(30), height=alt.Step(24)))
