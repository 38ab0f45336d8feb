"""A report as plain blocks, so the HTML and the DOCX writers say exactly the same things.

A builder (evaluator.py, lead_body.py) turns query results into a Report; a writer
(html_writer.py, docx_writer.py) renders it. Neither writer decides any content.
"""
from __future__ import annotations

import numbers

from dataclasses import dataclass, field
from typing import Union

import altair as alt
import pandas as pd


@dataclass
class Text:
    text: str
    style: str = "body"  # body | lead | note


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Table:
    frame: pd.DataFrame  # already labelled for people: headers and values as shown
    caption: str = ""
    percent_columns: tuple[str, ...] = ()  # shown as whole percentages


@dataclass
class Figure:
    chart: alt.TopLevelMixin
    caption: str  # also the alternative text


@dataclass
class Quote:
    text: str
    attribution: str  # set, meeting, log type: never a member or organisation


Block = Union[Text, Bullets, Table, Figure, Quote]


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)

    def add(self, *blocks: Block) -> "Section":
        self.blocks.extend(blocks)
        return self


@dataclass
class Report:
    title: str
    subtitle: str
    sections: list[Section] = field(default_factory=list)
    kind: str = "report"  # evaluator | lead-body: names the output files

    def all_text(self) -> str:
        """Every word the report shows (for the audit scan and the tests)."""
        parts = [self.title, self.subtitle]

        def walk(section: Section) -> None:
            parts.append(section.title)
            for block in section.blocks:
                if isinstance(block, Text):
                    parts.append(block.text)
                elif isinstance(block, Bullets):
                    parts.extend(block.items)
                elif isinstance(block, Table):
                    parts.append(block.caption)
                    parts.extend(str(c) for c in block.frame.columns)
                    parts.extend(format_cell(value, column in block.percent_columns)
                                 for row in block.frame.itertuples(index=False)
                                 for column, value in zip(block.frame.columns, row))
                elif isinstance(block, Figure):
                    parts.append(block.caption)
                elif isinstance(block, Quote):
                    parts.extend([block.text, block.attribution])
            for sub in section.subsections:
                walk(sub)

        for section in self.sections:
            walk(section)
        return "\n".join(parts)


def format_cell(value, percent: bool) -> str:
    """How a table cell is written in both formats."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return "–"
    if percent and isinstance(value, numbers.Number):
        return f"{value:.0%}"
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{int(value):,}" if value.is_integer() else f"{value:.2f}"
    return str(value)
