"""Word logs (the handbook's templates, filled in) as `Block`s for `documents.DocumentBuilder`.

Text is taken from the XML rather than `Paragraph.text` because filled-in
templates keep answers inside content controls (`w:sdt`), which python-docx
skips; deleted tracked changes and field codes are left out, as Word shows
them. Styles decide structure: "Heading n" (or a style based on one, or an
outline level) starts an answer; "Title"/"Subtitle" only name the log.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from pipeline.ingest.documents import Block, DocumentBuilder, DocumentParts
from pipeline.ingest.readers.base import DocumentReader, ReadContext
from pipeline.ingest.readers.office_files import OfficeFormat, office_file_opens

_TEXT_XPATH = (".//w:r[not(ancestor::w:txbxContent)]/*"
               "[self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:noBreakHyphen]")
_LEVEL = re.compile(r"(\d+)\s*$")
_TITLE_STYLES = {"title", "subtitle"}
WORD_DOCUMENT = OfficeFormat(".docx", "Word",
                             "file is not a Word document (.docx); if it is an old .doc or another format, "
                             "re-save it from Word as .docx")


class DocxReader(DocumentReader):
    suffixes = (".docx",)

    def parts(self, path: Path, context: ReadContext) -> DocumentParts | None:
        """The document's parts, or None after an error (not a .docx, or no headings)."""
        sink = context.sink
        if not office_file_opens(path, WORD_DOCUMENT, context.limits, sink):
            return None
        try:
            document = docx.Document(str(path))
        except Exception as error:
            sink.error(f"file could not be opened as a Word document ({type(error).__name__}); "
                       "re-save it from Word as .docx")
            return None
        blocks = list(_blocks(document.element.body, document))
        parts = DocumentBuilder(context.matcher, drop_unknown_keys=True).build(blocks)
        if not parts.has_headings:
            sink.error("no headings: each answer must start with a heading (Word style 'Heading 1' or "
                       "'Heading 2'), so the answers cannot be told apart; file skipped")
            return None
        return parts


def _blocks(container: Any, document: Document) -> list[Block]:
    """Paragraphs and tables in reading order, looking inside block-level content controls."""
    blocks: list[Block] = []
    for child in _unwrapped(container):
        if child.tag == qn("w:p"):
            blocks.append(_paragraph_block(Paragraph(child, document), child))
        elif child.tag == qn("w:tbl"):
            blocks.append(Block("table", rows=_table_rows(child, document)))
    return blocks


def _unwrapped(element: Any) -> Iterator[Any]:
    """Direct children, with block-level content controls (w:sdt) opened up in place."""
    for child in element.iterchildren():
        if child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _unwrapped(content)
        else:
            yield child


def _paragraph_block(paragraph: Paragraph, element: Any) -> Block:
    text = _paragraph_text(element)
    names = _style_names(paragraph)
    if names and names[0].lower() in _TITLE_STYLES:
        return Block("title", text)
    for name in names:
        if name.lower().startswith("heading"):
            match = _LEVEL.search(name)
            return Block("heading", text, level=int(match.group(1)) if match else 1)
    outline = element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    if outline is not None and outline.get(qn("w:val"), "9").isdigit() and int(outline.get(qn("w:val"))) < 9:
        return Block("heading", text, level=int(outline.get(qn("w:val"))) + 1)
    return Block("paragraph", text)


def _paragraph_text(element: Any) -> str:
    pieces = []
    for node in element.xpath(_TEXT_XPATH):
        if node.tag == qn("w:t"):
            pieces.append(node.text or "")
        elif node.tag == qn("w:tab"):
            pieces.append("\t")
        elif node.tag == qn("w:noBreakHyphen"):
            pieces.append("-")
        else:
            pieces.append("\n")
    return "".join(pieces)


def _style_names(paragraph: Paragraph) -> list[str]:
    """The paragraph's style name and those it is based on (custom heading styles inherit)."""
    names = []
    try:
        style = paragraph.style
    except Exception:  # a style id missing from styles.xml: treat as plain text
        return names
    while style is not None and len(names) < 6:
        if style.name:
            names.append(style.name)
        style = style.base_style
    return names


def _table_rows(table: Any, document: Document) -> tuple[tuple[str, ...], ...]:
    """Cell texts row by row; a merged cell counted once; nested tables flattened into their cell."""
    rows = []
    for tr in _children(table, "w:tr"):
        cells = []
        for tc in _children(tr, "w:tc"):
            merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            if merge is not None and merge.get(qn("w:val")) != "restart":
                continue  # continuation of a vertically merged cell: its text is in the first one
            cells.append(_cell_text(tc, document))
        rows.append(tuple(cells))
    return tuple(rows)


def _children(element: Any, tag: str) -> list[Any]:
    """Direct children with `tag`, including those wrapped in content controls."""
    return [child for child in _unwrapped(element) if child.tag == qn(tag)]


def _cell_text(tc: Any, document: Document) -> str:
    texts = []
    for block in _blocks(tc, document):
        if block.kind == "table":
            texts.extend(cell for row in block.rows for cell in row if cell.strip())
        else:
            texts.append(block.text)
    return "\n".join(texts).strip()
