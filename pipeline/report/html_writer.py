"""A Report as one self-contained HTML file: styles inline, charts as inline SVG, no network at all."""
from __future__ import annotations

import numbers

from pathlib import Path

import jinja2

from pipeline import charts
from pipeline.report.document import Bullets, Figure, Quote, Report, Section, Table, Text, format_cell

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _block(block) -> dict:
    if isinstance(block, Text):
        return {"kind": "text", "text": block.text, "style": block.style}
    if isinstance(block, Bullets):
        return {"kind": "bullets", "entries": block.items}
    if isinstance(block, Figure):
        svg = charts.to_svg(block.chart)
        return {"kind": "figure", "svg": svg[svg.find("<svg"):], "caption": block.caption}
    if isinstance(block, Quote):
        return {"kind": "quote", "text": block.text, "attribution": block.attribution}
    if isinstance(block, Table):
        rows = [[(format_cell(value, column in block.percent_columns), _numeric(value))
                 for column, value in zip(block.frame.columns, row)] for row in block.frame.itertuples(index=False)]
        numeric = [bool(rows) and all(cell[1] for cell in column) for column in zip(*rows)] if rows else []
        return {"kind": "table", "caption": block.caption, "rows": rows,
                "header": [(str(c), n) for c, n in zip(block.frame.columns, numeric or [False] * len(block.frame.columns))]}
    raise TypeError(f"unknown block {type(block).__name__}")


def _numeric(value) -> bool:
    """Numbers are right-aligned (and so are their headers, when a whole column is numbers)."""
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def _section(section: Section) -> dict:
    return {"title": section.title, "blocks": [_block(b) for b in section.blocks],
            "subsections": [_section(s) for s in section.subsections]}


def render_html(report: Report) -> str:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                     trim_blocks=True, lstrip_blocks=True)
    context = {"title": report.title, "subtitle": report.subtitle, "sections": [_section(s) for s in report.sections]}
    return environment.get_template("report.html.j2").render(report=context)


def write_html(report: Report, path: Path) -> Path:
    path.write_text(render_html(report), encoding="utf-8")
    return path
