"""TXT and Markdown logs: optional YAML front matter, then `#` headings starting the answers.

Front matter is loaded with YAML's BaseLoader, which keeps every scalar a
string: the implicit typing of the default loader turns "012" into 10 and
"no" into False, and metadata validation wants what the author typed.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from pipeline.ingest.columns import ColumnMatcher
from pipeline.ingest.documents import Block, DocumentBuilder, DocumentParts
from pipeline.ingest.encoding import read_text
from pipeline.ingest.issues import IssueSink
from pipeline.ingest.metadata import RawMetadata, RawValue, is_blank
from pipeline.ingest.readers.base import DocumentReader, ReadContext
from pipeline.ingest.vocab import log_type_from_name

HEADINGLESS_PROMPT = "Log"
MARKDOWN_SUFFIXES = (".md", ".markdown")
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|(?=[^\W\d_]))(.*?)(?:[ \t]+#+)?[ \t]*")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*")
_BREAK = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


class TextReader(DocumentReader):
    suffixes = (".txt", *MARKDOWN_SUFFIXES)

    def parts(self, path: Path, context: ReadContext) -> DocumentParts | None:
        """The document's parts, or None after an error (unreadable, bad front matter)."""
        matcher, sink = context.matcher, context.sink
        text = read_text(path, sink)
        if text is None:
            return None
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        split = split_front_matter(text, matcher, sink)
        if split is None:
            return None
        front, body, title = split
        if path.suffix.lower() in MARKDOWN_SUFFIXES:
            body = _COMMENT.sub("", body)  # template instructions, invisible when rendered
        parts = DocumentBuilder(matcher, drop_unknown_keys=False).build(
            markdown_blocks(body), headingless_prompt=HEADINGLESS_PROMPT)
        parts.metadata.update({key: value for key, value in front.items() if not is_blank(value.value)})
        if title is not None:
            parts.title_hint = log_type_from_name(title) or parts.title_hint
        if not parts.has_headings and parts.fields:
            sink.info(f"no headings: the whole text was read as one answer with prompt '{HEADINGLESS_PROMPT}' "
                      "(start each answer with a '#' heading to keep answers apart)")
        return parts


def split_front_matter(text: str, matcher: ColumnMatcher,
                       sink: IssueSink) -> tuple[RawMetadata, str, str | None] | None:
    """(metadata, body, title) from a text that may open with `---` front matter; None after an error."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return {}, text, None
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if closing is None:
        sink.error("front matter opened with '---' on line 1 is never closed with '---'; file skipped")
        return None
    try:
        pairs = _front_matter_pairs("\n".join(lines[1:closing]))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        sink.error(f"front matter is not valid YAML{where}; file skipped")
        return None
    if pairs is None:
        sink.error("front matter is not a list of 'key: value' lines; file skipped")
        return None
    metadata: RawMetadata = {}
    first_line: dict[str, int] = {}
    title = None
    for line, key, value in pairs:
        label = str(key)
        meta_key = matcher.metadata_key(label)
        if isinstance(value, (list, dict)):
            if meta_key is not None:
                sink.warning("front matter value is a list or mapping, not a single value; ignored", label)
            continue
        if meta_key is None and label.strip().lower() != "title":
            continue
        seen = meta_key or "title"
        if seen in first_line:  # YAML keeps the last silently; the first is what a reader sees first
            sink.at_row(line).warning(f"front matter gives this again (line {line}; first on line "
                                      f"{first_line[seen]}); the first value is used", label)
            continue
        first_line[seen] = line
        if meta_key is not None:
            metadata[meta_key] = RawValue(value, label)
        else:
            title = value
    return metadata, "\n".join(lines[closing + 1:]), title


def _front_matter_pairs(text: str) -> list[tuple[int, object, object]] | None:
    """(file line, key, value) for each top-level key in order, duplicates kept; None when not a mapping.

    Loaded node by node because a YAML mapping keeps only the last of two equal keys,
    and a second "log_type:" line must be reported, not win silently.
    """
    loader = yaml.BaseLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return []
        if not isinstance(node, yaml.MappingNode):
            return None
        return [(key.start_mark.line + 2, loader.construct_object(key, deep=True),
                 loader.construct_object(value, deep=True)) for key, value in node.value]
    finally:
        loader.dispose()


def markdown_blocks(body: str) -> list[Block]:
    """Headings (ATX `#`, or a single line underlined with === / ---) and blank-line paragraphs."""
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block("paragraph", "\n".join(paragraph)))
            paragraph.clear()

    for line in body.split("\n"):
        heading = _ATX.fullmatch(line)
        underline = _SETEXT.fullmatch(line)
        if heading:
            flush()
            blocks.append(Block("heading", heading.group(2).strip(), level=len(heading.group(1))))
        elif underline and len(paragraph) == 1 and len(underline.group(1)) >= 3:
            blocks.append(Block("heading", paragraph.pop().strip(), level=1 if line.strip()[0] == "=" else 2))
        elif not line.strip() or _BREAK.fullmatch(line):
            flush()
        else:
            paragraph.append(line)
    flush()
    return blocks
