"""`als export --format qdpx`: the anonymised, coded programme as a REFI-QDA project.

What a QDA tool receives:
- a plain-text source per document (its anonymised text, UTF-8) under `Sources/`;
- the codebook as codes, each family a parent code that cannot itself be applied, each code's
  definition as its description; the latest topics run as a second tree ("Topics") and a code set;
- every paragraph that carries a code as a selection (character offsets of the paragraph in its
  source), with one coding per code, made by a user named after the method that coded it;
- a case per document carrying its attributes as variables (set, meeting, month, log type,
  organisation type, setting, role, member code).

The source texts are built the same way on import (`project_sources`), so a selection made in the
tool maps back to the paragraph it lies in.
"""
from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.interop.refi import ORIGIN, PROJECT_FILE, PROJECT_NS, guid, validate
from pipeline.labels import VALUE_LABELS, CodeLabels, column_label, value_label
from pipeline.queries import facets
from pipeline.queries import interop as queries

# Variables a case carries: (document column, variable name, REFI type); names are the column labels.
VARIABLES = [(column, column_label(column), "Integer" if column == "meeting_number" else "Text")
             for column in queries.ATTRIBUTES]
METHOD_USERS = {"rule": "ALS Insight keyword rules", "model": "ALS Insight trained model",
                "embedding": "ALS Insight similar paragraphs", "topic": "ALS Insight topics",
                "human": "Reviewer (ALS Insight)"}
TOPICS_PARENT = "Topics (latest run)"


@dataclass
class ParagraphSpan:
    segment_id: str
    doc_id: str
    start: int
    end: int


@dataclass
class ProjectSources:
    """Each document's source text and where each of its paragraphs lies in it."""

    texts: dict[str, str] = field(default_factory=dict)  # doc_id -> text
    spans: dict[str, ParagraphSpan] = field(default_factory=dict)  # segment_id -> span
    appended: int = 0  # paragraphs not found in their document's text, added at its end


def project_sources(documents: pd.DataFrame, paragraphs: pd.DataFrame) -> ProjectSources:
    """Source text = the document's anonymised text; each paragraph located in it (first unused match).
    A paragraph not found (never seen so far) is appended after a blank line rather than dropped."""
    sources = ProjectSources(texts=dict(zip(documents["doc_id"], documents["text"])))
    used: dict[str, set[int]] = {}
    for row in paragraphs.itertuples(index=False):
        text = sources.texts.get(row.doc_id)
        if text is None:
            continue
        taken = used.setdefault(row.doc_id, set())
        start = text.find(row.text)
        while start >= 0 and start in taken:
            start = text.find(row.text, start + 1)
        if start < 0:
            text = f"{text}\n\n{row.text}" if text else row.text
            sources.texts[row.doc_id] = text
            start = len(text) - len(row.text)
            sources.appended += 1
        taken.add(start)
        sources.spans[row.segment_id] = ParagraphSpan(row.segment_id, row.doc_id, start, start + len(row.text))
    return sources


def source_name(row) -> str:
    """'Set A · meeting 3 · Observer log · 4f2a9c1b': what a reader scans for in the tool's list."""
    parts = [row.set_id or "No set", f"meeting {int(row.meeting_number)}" if pd.notna(row.meeting_number) else None,
             value_label("log_type", row.log_type), row.doc_id[:8]]
    return " · ".join(str(p) for p in parts if p)


@dataclass
class ExportCounts:
    sources: int
    codes: int
    selections: int
    codings: int
    topics: int
    appended: int


def write_project(con: duckdb.DuckDBPyConnection, out: Path, now: dt.datetime | None = None) -> ExportCounts:
    """Write the project to `out` (a zip), validated against the REFI-QDA schema before it is written."""
    from lxml import etree

    now = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    documents, paragraphs = queries.project_documents(con), queries.project_paragraphs(con)
    codings = queries.project_codings(con)
    codebook = facets.codebook(con)
    labels = CodeLabels(codebook)
    topics_run, topics, assigned = queries.project_topics(con)
    sources = project_sources(documents, paragraphs)

    E = _Builder(etree)
    project = E("Project", name="ALS Insight programme", origin=ORIGIN, creationDateTime=stamp,
                modifiedDateTime=stamp)
    methods = sorted(set(codings["method"].dropna()) | {"human"})
    users = E.sub(project, "Users")
    for method in methods:
        E.sub(users, "User", guid=guid("user", method), name=METHOD_USERS.get(method, f"ALS Insight {method}"),
              id=method)
    codes_element = E.sub(E.sub(project, "CodeBook"), "Codes")
    for family, rows in codebook.groupby("family", sort=False):
        parent = E.sub(codes_element, "Code", guid=guid("family", family), name=labels.family(family),
                       isCodable="false")
        for code in rows.itertuples(index=False):
            child = E.sub(parent, "Code", guid=guid("code", code.code_id), name=code.name, isCodable="true")
            E.text(child, "Description", f"{code.definition} [ALS Insight code id: {code.code_id}]")
    if topics_run is not None and not topics.empty:
        parent = E.sub(codes_element, "Code", guid=guid("topics", topics_run), name=TOPICS_PARENT, isCodable="false")
        E.text(parent, "Description", "Inductive topics found by BERTopic; not part of the codebook, "
                                      "and not read back by `als import qdpx`.")
        for topic in topics.itertuples(index=False):
            child = E.sub(parent, "Code", guid=guid("topic", topics_run, topic.topic_id), name=topic.label,
                          isCodable="true")
            E.text(child, "Description", f"Keywords: {topic.keywords}")
    variables = E.sub(project, "Variables")
    for _, name, kind in VARIABLES:
        E.sub(variables, "Variable", guid=guid("variable", name), name=name, typeOfVariable=kind)
    cases = E.sub(project, "Cases")
    for row in documents.itertuples(index=False):
        case = E.sub(cases, "Case", guid=guid("case", row.doc_id), name=source_name(row))
        for column, name, kind in VARIABLES:
            value = getattr(row, column)
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                continue
            shown = int(value) if kind == "Integer" else value_label(column, value) if column in VALUE_LABELS \
                else str(value)
            holder = E.sub(case, "VariableValue")
            E.sub(holder, "VariableRef", targetGUID=guid("variable", name))
            E.text(holder, "IntegerValue" if kind == "Integer" else "TextValue", str(shown))
        E.sub(case, "SourceRef", targetGUID=guid("source", row.doc_id))

    by_segment: dict[str, list[tuple[str, str, object]]] = {}
    for row in codings.itertuples(index=False):
        by_segment.setdefault(row.segment_id, []).append((guid("code", row.code_id), row.method or "human",
                                                          row.code_id))
    for row in assigned.itertuples(index=False):
        by_segment.setdefault(row.segment_id, []).append((guid("topic", topics_run, int(row.topic_id)), "topic",
                                                          f"topic {int(row.topic_id)}"))
    sources_element = E.sub(project, "Sources")
    selections = coded = 0
    segments_of: dict[str, list[ParagraphSpan]] = {}
    for span in sources.spans.values():
        segments_of.setdefault(span.doc_id, []).append(span)
    for row in documents.itertuples(index=False):
        source_guid = guid("source", row.doc_id)
        source = E.sub(sources_element, "TextSource", guid=source_guid, name=source_name(row),
                       plainTextPath=f"internal://{source_guid}.txt", creationDateTime=stamp)
        for span in sorted(segments_of.get(row.doc_id, []), key=lambda s: s.start):
            # One selection per coding, made by the method's user: how NVivo, MAXQDA and QualCoder
            # exchange them (a selection with several codings is read by some tools as one code only).
            for code_guid, method, key in by_segment.get(span.segment_id, []):
                user = guid("user", method if method in methods else "human")
                selection = E.sub(source, "PlainTextSelection", guid=guid("selection", span.segment_id, key),
                                  name=f"paragraph {span.segment_id[-8:]}", startPosition=str(span.start),
                                  endPosition=str(span.end), creatingUser=user, creationDateTime=stamp)
                coding = E.sub(selection, "Coding", guid=guid("coding", span.segment_id, key), creatingUser=user,
                               creationDateTime=stamp)
                E.sub(coding, "CodeRef", targetGUID=code_guid)
                selections += 1
                coded += 1
    if topics_run is not None and not topics.empty:
        topic_set = E.sub(E.sub(project, "Sets"), "Set", guid=guid("set", topics_run), name=TOPICS_PARENT)
        E.text(topic_set, "Description", f"Topics run {topics_run}")
        for topic in topics.itertuples(index=False):
            E.sub(topic_set, "MemberCode", targetGUID=guid("topic", topics_run, topic.topic_id))
    exported = queries.database_now(con)
    E.text(project, "Description", f"Exported by ALS Insight at {stamp}. Codings made or removed in a QDA tool "
                                   f"come back with `als import qdpx`. "
                                   f"[ALS Insight export: {exported:%Y-%m-%dT%H:%M:%S}]")
    xml = etree.tostring(project, xml_declaration=True, encoding="utf-8", pretty_print=True)
    validate(xml)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(PROJECT_FILE, xml)
        for doc_id, text in sources.texts.items():
            archive.writestr(f"Sources/{guid('source', doc_id)}.txt", text.encode("utf-8"))
    return ExportCounts(len(documents), len(codebook), selections, coded, len(topics), sources.appended)


class _Builder:
    """Elements in the project namespace, attributes in the order given (lxml keeps it)."""

    def __init__(self, etree) -> None:
        self.etree = etree

    def __call__(self, tag: str, **attributes: str):
        return self.etree.Element(f"{{{PROJECT_NS}}}{tag}", nsmap={None: PROJECT_NS}, **attributes)

    def sub(self, parent, tag: str, **attributes: str):
        return self.etree.SubElement(parent, f"{{{PROJECT_NS}}}{tag}", **attributes)

    def text(self, parent, tag: str, value: str):
        element = self.sub(parent, tag)
        element.text = value
        return element
