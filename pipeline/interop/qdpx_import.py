"""`als import qdpx`: what evaluators coded or uncoded in their QDA tool, back as human decisions.

The project is checked whole before anything is decided: a zip that is not a project, XML outside
the REFI-QDA schema, a source whose text file is missing, a selection outside its source's text, or a
code the database does not know (unless `add_codes`) stops the import with a message and nothing is
written. Then, for every source that is one of ours with its text unchanged:
- a code on a selection lying inside one paragraph, which that paragraph does not carry now, is
  added: a `human` row, `accepted`;
- a code the paragraph carried at export time whose selection is gone is removed: a `human` row,
  `rejected` (only for codings made before the export, which the file records);
- a selection that lies across paragraphs or outside every one is reported (source, offsets),
  never guessed; so is a source whose text the tool changed.
Topic codes and family codes (which cannot be applied) are not read back.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from pipeline.coding.codebook import Code
from pipeline.interop.qdpx_export import TOPICS_PARENT, ParagraphSpan, project_sources
from pipeline.interop.refi import PROJECT_NS, RefiError, guid, read_project, validate
from pipeline.queries import facets
from pipeline.queries import interop as queries
from pipeline.records import Coding

# The export's note, by the database's clock (the clock of codings.created_at).
_EXPORT_STAMP = re.compile(r"\[ALS Insight export: (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\]")
NS = {"q": PROJECT_NS}


@dataclass
class Unmatched:
    source: str
    start: int
    end: int
    why: str


@dataclass
class ImportPlan:
    codings: list[Coding] = field(default_factory=list)
    new_codes: list[Code] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    changed_sources: list[str] = field(default_factory=list)
    foreign_sources: list[str] = field(default_factory=list)  # sources made in the tool: not ours
    exported_at: dt.datetime | None = None

    @property
    def added(self) -> int:
        return sum(c.status == "accepted" for c in self.codings)

    @property
    def removed(self) -> int:
        return sum(c.status == "rejected" for c in self.codings)


def plan_import(con: duckdb.DuckDBPyConnection, path: str | Path, add_codes: bool = False) -> ImportPlan:
    """Read and check the project, and work out the decisions; writes nothing."""
    from lxml import etree

    xml, files = read_project(path)
    validate(xml)
    root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    plan = ImportPlan(exported_at=_exported_at(root))

    codebook = facets.codebook(con)
    ours = {guid("code", c): c for c in codebook["code_id"]}
    families = {guid("family", f): f for f in codebook["family"].unique()}
    code_of_guid, plan.new_codes = _codes(root, ours, families, add_codes)

    documents, paragraphs = queries.project_documents(con), queries.project_paragraphs(con)
    sources = project_sources(documents, paragraphs)
    doc_of_guid = {guid("source", d): d for d in documents["doc_id"]}
    spans_of: dict[str, list[ParagraphSpan]] = {}
    for span in sources.spans.values():
        spans_of.setdefault(span.doc_id, []).append(span)

    present: set[tuple[str, str]] = set()
    read_docs: set[str] = set()
    for source in root.iterfind(".//q:Sources/q:TextSource", NS):
        name = source.get("name") or source.get("guid")
        text = _source_text(source, files, name)
        doc_id = doc_of_guid.get(source.get("guid"))
        selections = list(source.iterfind("q:PlainTextSelection", NS))
        for selection in selections:
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            if not 0 <= start <= end <= len(text):
                raise RefiError(f"source “{name}”: a selection at {start}–{end} lies outside its text "
                                f"(0–{len(text)} characters)")
        if doc_id is None:
            plan.foreign_sources.append(name)
            continue
        if text != sources.texts[doc_id]:
            plan.changed_sources.append(name)
            plan.unmatched += [Unmatched(name, int(s.get("startPosition")), int(s.get("endPosition")),
                                         "the source's text was changed in the tool") for s in selections
                               if _applied_codes(s, code_of_guid)]
            continue
        read_docs.add(doc_id)
        for selection in selections:
            codes = _applied_codes(selection, code_of_guid)
            if not codes:
                continue
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            inside = [s for s in spans_of.get(doc_id, []) if _within(text, start, end, s)]
            if len(inside) != 1:
                plan.unmatched.append(Unmatched(name, start, end, "lies across paragraphs" if inside or
                                                _overlaps_several(start, end, spans_of.get(doc_id, []))
                                                else "lies outside every paragraph"))
                continue
            present.update((inside[0].segment_id, code) for code in codes)

    active = queries.project_codings(con)
    now_active = set(zip(active["segment_id"], active["code_id"]))
    doc_of_segment = {s.segment_id: s.doc_id for s in sources.spans.values()}
    for segment_id, code_id in sorted(present - now_active):
        plan.codings.append(Coding(segment_id, code_id, "human", 1.0, "accepted"))
    if plan.exported_at is not None:
        before_export = {(r.segment_id, r.code_id) for r in active.itertuples(index=False)
                         if r.created_at is not None and r.created_at <= plan.exported_at}
        for segment_id, code_id in sorted(before_export - present):
            if doc_of_segment.get(segment_id) in read_docs:
                plan.codings.append(Coding(segment_id, code_id, "human", 1.0, "rejected"))
    return plan


def _exported_at(root) -> dt.datetime | None:
    """When ALS Insight wrote the project (its own note in the project description), if the tool kept it."""
    description = root.find("q:Description", NS)
    found = _EXPORT_STAMP.search(description.text or "") if description is not None else None
    if not found:
        return None
    return dt.datetime.strptime(found.group(1), "%Y-%m-%dT%H:%M:%S")


def _codes(root, ours: dict[str, str], families: dict[str, str], add_codes: bool) -> tuple[dict[str, str], list[Code]]:
    """Code GUID -> code id for every code a selection may carry; unknown codable codes refused or added."""
    mapping = dict(ours)
    new_codes: list[Code] = []
    unknown = []
    for element in root.iterfind(".//q:CodeBook//q:Code", NS):
        code_guid = element.get("guid")
        if code_guid in ours or element.get("isCodable") != "true" or _is_topic(element):
            continue
        parent = element.getparent()
        family = families.get(parent.get("guid"), "imported") if parent.tag.endswith("Code") else "imported"
        description = element.find("q:Description", NS)
        unknown.append((code_guid, element.get("name") or code_guid, family,
                        (description.text or "").strip() if description is not None else ""))
    if unknown and not add_codes:
        names = ", ".join(f"“{name}”" for _, name, _, _ in unknown[:5])
        raise RefiError(f"the project has {len(unknown)} code(s) the database does not know ({names}"
                        f"{'…' if len(unknown) > 5 else ''}); add them with --add-codes, or remove them in the tool")
    taken = set(ours.values())
    for code_guid, name, family, definition in unknown:
        code_id = _new_code_id(family, name, taken)
        taken.add(code_id)
        mapping[code_guid] = code_id
        new_codes.append(Code(code_id, family, name, definition or f"Added in a QDA tool ({name})."))
    return mapping, new_codes


def _is_topic(element) -> bool:
    """A code under the exported topics tree (its parent is the code named TOPICS_PARENT)."""
    parent = element.getparent()
    return parent is not None and parent.tag.endswith("Code") and parent.get("name") == TOPICS_PARENT


def _new_code_id(family: str, name: str, taken: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:40] or "code"
    code_id, n = f"{family}.{slug}", 2
    while code_id in taken:
        code_id, n = f"{family}.{slug}_{n}", n + 1
    return code_id


def _source_text(source, files: dict[str, bytes], name: str) -> str:
    inline = source.find("q:PlainTextContent", NS)
    if inline is not None:
        return inline.text or ""
    path = source.get("plainTextPath") or ""
    member = "Sources/" + path.removeprefix("internal://") if path.startswith("internal://") else None
    data = files.get(member) if member else None
    if data is None:  # tools differ in the case of the folder name
        data = next((v for k, v in files.items() if member and k.lower() == member.lower()), None)
    if data is None:
        raise RefiError(f"source “{name}” names its text {path or '(no path)'}, which the project does not hold")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RefiError(f"source “{name}”: its text file is not UTF-8") from None


def _applied_codes(selection, code_of_guid: dict[str, str]) -> list[str]:
    refs = [c.get("targetGUID") for c in selection.iterfind("q:Coding/q:CodeRef", NS)]
    return [code_of_guid[r] for r in refs if r in code_of_guid]


def _within(text: str, start: int, end: int, span: ParagraphSpan) -> bool:
    """The selection, without the white space a click-and-drag picks up at its edges, lies in the span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start < end and span.start <= start and end <= span.end


def _overlaps_several(start: int, end: int, spans: list[ParagraphSpan]) -> bool:
    return sum(1 for s in spans if s.start < end and start < s.end) > 1
