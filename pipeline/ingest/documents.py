"""What DOCX and TXT/Markdown logs have in common: metadata lines, a title, headed answers.

Both readers turn their file into a flat list of `Block`s; this module turns
blocks into metadata and fields, so the two formats follow the same rules:

- `Key: value` lines (and two-column tables) before the first heading are
  metadata when the key is a known metadata name;
- a title ("Reflective log") gives the log type and is never an answer, even
  when the author used a Heading 1 for it instead of the Title style;
- each heading starts a field; paragraphs are separated by a blank line,
  except in question fields, where every line is one question.

`readers.base.DocumentReader` then applies the manifest, validates and hashes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.ingest.canonical import collapse_blank_lines, normalise_prompt, normalise_text
from pipeline.ingest.columns import ColumnMatcher
from pipeline.ingest.metadata import RawMetadata, RawValue, is_blank
from pipeline.ingest.vocab import log_type_from_name
from pipeline.records import RawField

_KEY_VALUE = re.compile(r"\s*[*_]*\s*([A-Za-z][^:\n]{0,48}?)\s*[*_]*\s*:[*_]*\s*(.*?)\s*[*_]*\s*")
_QUESTION = re.compile(r"\bquestions?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    kind: str  # "title", "heading", "paragraph" or "table"
    text: str = ""
    level: int = 1  # heading level (1 for a Markdown "#", a Word "Heading 1")
    rows: tuple[tuple[str, ...], ...] = ()  # table cells, merged cells once


@dataclass
class DocumentParts:
    metadata: RawMetadata = field(default_factory=dict)
    title_hint: str | None = None  # log type given by the document's title
    fields: list[RawField] = field(default_factory=list)
    has_headings: bool = False


class DocumentBuilder:
    """Blocks -> `DocumentParts`. One builder per reader, holding its format's small differences."""

    def __init__(self, matcher: ColumnMatcher, drop_unknown_keys: bool) -> None:
        # Word templates carry labels such as "Supervisor:" that are not ours to keep;
        # plain text before a heading is the author's own and is kept as an answer.
        self.matcher = matcher
        self.drop_unknown_keys = drop_unknown_keys

    def build(self, blocks: list[Block], headingless_prompt: str | None = None) -> DocumentParts:
        parts = DocumentParts()
        blocks = [b for b in blocks if b.kind != "heading" or b.text.strip()]
        for block in blocks:
            if block.kind == "title" and parts.title_hint is None:
                parts.title_hint = log_type_from_name(block.text)
        blocks = self._demote_title_heading(blocks, parts)
        first = next((i for i, b in enumerate(blocks) if b.kind == "heading"), None)
        parts.has_headings = first is not None
        if parts.title_hint is None and first is not None and blocks[first].level == 1:
            parts.title_hint = log_type_from_name(blocks[first].text)  # "# Reflections", kept as a field
        if first is None:
            if headingless_prompt is not None:
                rest = self._read_preamble(blocks, parts.metadata, leading_only=True)
                text = collapse_blank_lines("\n\n".join(rest))
                if text:
                    parts.fields.append(RawField(headingless_prompt, text))
            return parts
        rest = self._read_preamble(blocks[:first], parts.metadata, leading_only=False)
        if rest:
            parts.fields.append(RawField("", collapse_blank_lines("\n\n".join(rest))))
        index = first
        while index < len(blocks):
            prompt = normalise_prompt(blocks[index].text)
            end = next((j for j in range(index + 1, len(blocks)) if blocks[j].kind == "heading"), len(blocks))
            text = _field_text(prompt, blocks[index + 1:end])
            if text:
                parts.fields.append(RawField(prompt, text))
            index = end
        return parts

    def _demote_title_heading(self, blocks: list[Block], parts: DocumentParts) -> list[Block]:
        """A first level-1 heading naming the log type, with nothing but metadata under it, is a title."""
        first = next((i for i, b in enumerate(blocks) if b.kind == "heading"), None)
        if first is None or blocks[first].level != 1:
            return blocks
        hint = log_type_from_name(blocks[first].text)
        end = next((j for j in range(first + 1, len(blocks)) if blocks[j].kind == "heading"), len(blocks))
        if hint is None or not all(self._is_metadata_block(b) for b in blocks[first + 1:end]):
            return blocks
        parts.title_hint = parts.title_hint or hint
        return [*blocks[:first], Block("title", blocks[first].text), *blocks[first + 1:]]

    def _is_metadata_block(self, block: Block) -> bool:
        if block.kind in ("title", "table"):
            return True
        lines = [line for line in block.text.split("\n") if line.strip()]
        return all(self._metadata_line(line) is not None for line in lines)

    def _read_preamble(self, blocks: list[Block], metadata: RawMetadata, leading_only: bool) -> list[str]:
        """Take metadata out of the blocks before the first heading; return the paragraphs left."""
        kept: list[str] = []
        for block in blocks:
            if block.kind == "title":
                continue
            if block.kind == "table":
                if leading_only and kept:
                    kept.extend(cell for row in block.rows for cell in row if cell.strip())
                else:
                    self._read_table(block.rows, metadata)
                continue
            lines = []
            for line in normalise_text(block.text).split("\n"):
                pair = None if (leading_only and (kept or lines)) else self._metadata_line(line)
                if pair is not None:
                    key, raw = pair
                    if key not in metadata or is_blank(metadata[key].value):
                        metadata[key] = raw
                elif not (self.drop_unknown_keys and _looks_like_label(line)) and (lines or line.strip()):
                    lines.append(line)
            text = normalise_text("\n".join(lines))
            if text:
                kept.append(text)
        return kept

    def _metadata_line(self, line: str) -> tuple[str, RawValue] | None:
        match = _KEY_VALUE.fullmatch(line)
        if not match:
            return None
        key = self.matcher.metadata_key(match.group(1))
        return None if key is None else (key, RawValue(match.group(2), normalise_prompt(match.group(1))))

    def _read_table(self, rows: tuple[tuple[str, ...], ...], metadata: RawMetadata) -> None:
        """Key | value rows (or key/value pairs along a row); failing that, a header row of keys."""
        is_key = self.matcher.metadata_key
        header_row = len(rows) >= 2 and len(rows[0]) >= 2 and all(is_key(c) for c in rows[0] if c.strip())
        first_column_keys = all(is_key(row[0]) for row in rows if row and row[0].strip())
        if header_row and not first_column_keys:
            pairs = list(zip(rows[0], rows[1]))
        else:
            pairs = [(row[i], row[i + 1]) for row in rows for i in range(0, len(row) - 1, 2)]
        for label, value in pairs:
            key = self.matcher.metadata_key(label)
            if key and (key not in metadata or is_blank(metadata[key].value)):
                metadata[key] = RawValue(value.strip(), normalise_prompt(label))


def is_question_prompt(prompt: str) -> bool:
    return _QUESTION.search(prompt) is not None


def _field_text(prompt: str, blocks: list[Block]) -> str:
    paragraphs = []
    for block in blocks:
        if block.kind == "table":
            paragraphs.extend(normalise_text(cell) for row in block.rows for cell in row)
        elif block.kind == "paragraph":
            paragraphs.append(normalise_text(block.text))
    paragraphs = [p for p in paragraphs if p]
    if is_question_prompt(prompt):
        return "\n".join(line for p in paragraphs for line in p.split("\n") if line.strip())
    return collapse_blank_lines("\n\n".join(paragraphs))


def _looks_like_label(line: str) -> bool:
    """"Supervisor: A. Person": a short label and a short value, not a sentence with a colon."""
    match = _KEY_VALUE.fullmatch(line)
    return bool(match) and len(match.group(1).split()) <= 4 and len(match.group(2)) <= 80
