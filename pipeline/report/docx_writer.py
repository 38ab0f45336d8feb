"""A Report as a Word document (python-docx): the same sections, tables and quotes; charts as PNG."""
from __future__ import annotations

import numbers

import io
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

from pipeline import charts
from pipeline.report.document import Bullets, Figure, Quote, Report, Section, Table, Text, format_cell

ACCENT = RGBColor(0x00, 0x72, 0xB2)
MUTED = RGBColor(0x52, 0x60, 0x6D)
FIGURE_WIDTH = Cm(16)
PAGE_WIDTH = Cm(16.6)
TEXT_SHARE = 3.0  # a text column is this many times as wide as a number column


def _styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(10.5)
    for name, size in (("Title", 22), ("Heading 1", 15), ("Heading 2", 12)):
        style = document.styles[name]
        style.font.name, style.font.size, style.font.color.rgb = "Arial", Pt(size), ACCENT
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2.2)


def _table(document, block: Table) -> None:
    if block.caption:
        caption = document.add_paragraph(block.caption)
        caption.runs[0].font.color.rgb, caption.runs[0].font.size = MUTED, Pt(9)
    frame = block.frame
    table = document.add_table(rows=1, cols=len(frame.columns))
    table.style = "Light List Accent 1"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for cell, header in zip(table.rows[0].cells, frame.columns):
        cell.text = str(header)
    for row in frame.itertuples(index=False):
        cells = table.add_row().cells
        for cell, column, value in zip(cells, frame.columns, row):
            cell.text = format_cell(value, column in block.percent_columns)
            if isinstance(value, numbers.Number) and not isinstance(value, bool):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # Text columns (the theme, keywords) get the room; numbers need little.
    text_columns = [i for i, c in enumerate(frame.columns)
                    if not all(isinstance(v, numbers.Number) for v in frame[c].dropna())]
    widths = [TEXT_SHARE if i in text_columns else 1.0 for i in range(len(frame.columns))]
    column_widths = [int(PAGE_WIDTH * weight / sum(widths)) for weight in widths]
    for column, width in zip(table.columns, column_widths):
        column.width = width  # the grid LibreOffice reads; Word reads the cells' widths below
    for row in table.rows:
        for cell, width in zip(row.cells, column_widths):
            cell.width = width
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8.5)
    document.add_paragraph()


def _blocks(document, blocks) -> None:
    for block in blocks:
        if isinstance(block, Text):
            paragraph = document.add_paragraph(block.text)
            if block.style == "lead":
                paragraph.runs[0].font.size = Pt(12)
            elif block.style == "note":
                paragraph.runs[0].font.color.rgb = MUTED
        elif isinstance(block, Bullets):
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Figure):
            document.add_picture(io.BytesIO(charts.to_png(block.chart)), width=FIGURE_WIDTH)
            caption = document.add_paragraph(block.caption)
            caption.runs[0].font.color.rgb, caption.runs[0].font.size = MUTED, Pt(9)
        elif isinstance(block, Quote):
            document.add_paragraph(f"“{block.text}”", style="Quote")
            source = document.add_paragraph(block.attribution)
            source.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            source.runs[0].font.color.rgb, source.runs[0].font.size = MUTED, Pt(9)
        elif isinstance(block, Table):
            _table(document, block)


def _section(document, section: Section, level: int) -> None:
    document.add_heading(section.title, level=level)
    _blocks(document, section.blocks)
    for sub in section.subsections:
        _section(document, sub, level + 1)


def write_docx(report: Report, path: Path) -> Path:
    document = Document()
    _styles(document)
    document.core_properties.title = report.title
    document.core_properties.author = "ALS Insight"
    document.add_heading(report.title, level=0)
    subtitle = document.add_paragraph(report.subtitle)
    subtitle.runs[0].font.color.rgb = MUTED
    for section in report.sections:
        _section(document, section, 1)
    document.save(str(path))
    return path
