"""Codebooks as REFI-QDA `.qdc` files (and back to YAML or CSV), for NVivo, ATLAS.ti, MAXQDA, QualCoder.

A `.qdc` knows codes, their parent codes and a description each. ALS Insight writes a family as a
parent code that cannot be applied, and puts into each code's description its definition, its
include and exclude examples, and its code id as a bracketed note, so a `.qdc` written here reads
back to the same codebook. A `.qdc` from elsewhere reads as: top-level codes are families, codes
below them (at any depth) are codes, ids made from the names. Keyword patterns live only in YAML
and CSV codebooks: a code read from a `.qdc` keeps the default codebook's patterns when it has the
same id, and has none otherwise (the embedding and trained coders still learn it).
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import duckdb
import yaml

from pipeline.coding.codebook import (CSV_LIST_SEPARATOR, Code, Codebook, CodebookError, DEFAULT_CODEBOOK,
                                      _validate, load_codebook)
from pipeline.interop.refi import CODEBOOK_NS, ORIGIN, RefiError, guid, validate
from pipeline.labels import tidy
from pipeline.queries import facets

_CODE_NOTE = re.compile(r"\[ALS Insight code: ([a-z0-9_.]+)\]")
_FAMILY_NOTE = re.compile(r"\[ALS Insight family: ([a-z0-9_]+)\]")
INCLUDES, EXCLUDES = "Includes:", "Excludes:"


def stored_codebook(con: duckdb.DuckDBPyConnection) -> Codebook:
    """The codebook a database was coded with (names, definitions, examples; patterns from the default
    codebook where the ids match, since the database does not store them)."""
    frame = facets.codebook(con)
    default = {c.code_id: c for c in load_codebook(DEFAULT_CODEBOOK).codes}
    codes = tuple(Code(r.code_id, r.family, r.name, r.definition, tuple(r.include_examples),
                       tuple(r.exclude_examples), *_patterns(default.get(r.code_id)))
                  for r in frame.itertuples(index=False))
    families = {f: tidy(f) for f in frame["family"].unique()}
    families.update({k: v for k, v in load_codebook(DEFAULT_CODEBOOK).families.items() if k in families})
    return Codebook(codes, families, source="database")


def write_codebook(book: Codebook, out: Path, fmt: str) -> int:
    """Write `book` as qdc, yaml or csv (atomically); returns the number of codes."""
    writers = {"qdc": _qdc_bytes, "yaml": _yaml_bytes, "yml": _yaml_bytes, "csv": _csv_bytes}
    if fmt not in writers:
        raise ValueError(f"unknown codebook format {fmt!r}; choose qdc, yaml or csv")
    data = writers[fmt](book)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.write_bytes(data)
    partial.replace(out)
    return len(book.codes)


def _description(code: Code) -> str:
    lines = [code.definition]
    if code.include:
        lines += ["", INCLUDES, *(f"- {e}" for e in code.include)]
    if code.exclude:
        lines += ["", EXCLUDES, *(f"- {e}" for e in code.exclude)]
    return "\n".join(lines + ["", f"[ALS Insight code: {code.code_id}]"])


def _qdc_bytes(book: Codebook) -> bytes:
    from lxml import etree

    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS}, origin=ORIGIN)
    codes = etree.SubElement(root, f"{{{CODEBOOK_NS}}}Codes")
    families = list(dict.fromkeys([*book.families, *(c.family for c in book.codes)]))
    for family in families:
        members = [c for c in book.codes if c.family == family]
        if not members:
            continue
        parent = etree.SubElement(codes, f"{{{CODEBOOK_NS}}}Code", guid=guid("family", family),
                                  name=tidy(family), isCodable="false")
        note = etree.SubElement(parent, f"{{{CODEBOOK_NS}}}Description")
        note.text = f"{book.families.get(family, '')}\n[ALS Insight family: {family}]".lstrip()
        for code in members:
            child = etree.SubElement(parent, f"{{{CODEBOOK_NS}}}Code", guid=guid("code", code.code_id),
                                     name=code.name, isCodable="true")
            etree.SubElement(child, f"{{{CODEBOOK_NS}}}Description").text = _description(code)
    xml = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    validate(xml, "codebook", "the codebook")
    return xml


def _yaml_bytes(book: Codebook) -> bytes:
    data = {"version": 1, "families": dict(book.families), "codes": [
        {"id": c.code_id, "family": c.family, "name": c.name, "definition": c.definition,
         **({"include": list(c.include)} if c.include else {}), **({"exclude": list(c.exclude)} if c.exclude else {}),
         **({"patterns": list(c.patterns)} if c.patterns else {}),
         **({"exclude_patterns": list(c.exclude_patterns)} if c.exclude_patterns else {})} for c in book.codes]}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100).encode("utf-8")


def _csv_bytes(book: Codebook) -> bytes:
    """Names, definitions and examples. Not the keyword patterns: a CSV cell separates its list with
    CSV_LIST_SEPARATOR ("|"), which is also a pattern's "or"; patterns are kept by YAML (and .qdc by id)."""
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "family", "name", "definition", "include", "exclude", "family_description"])
    for c in book.codes:
        writer.writerow([c.code_id, c.family, c.name, c.definition, CSV_LIST_SEPARATOR.join(c.include),
                         CSV_LIST_SEPARATOR.join(c.exclude), book.families.get(c.family, "")])
    return buffer.getvalue().encode("utf-8")


def read_qdc(path: Path) -> Codebook:
    """A `.qdc` as a codebook, validated against the REFI-QDA schema and then as every codebook is."""
    from lxml import etree

    try:
        xml = path.read_bytes()
        validate(xml, "codebook", str(path))
    except RefiError as error:
        raise CodebookError(f"codebook {error}") from None
    root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    default = load_codebook(DEFAULT_CODEBOOK)
    known = {c.code_id: c for c in default.codes}
    ns = {"c": CODEBOOK_NS}
    families: dict[str, str] = {}
    codes: list[Code] = []
    for top in root.iterfind("c:Codes/c:Code", ns):
        top_text = _text(top, ns)
        found = _FAMILY_NOTE.search(top_text)
        family = found.group(1) if found else _slug(top.get("name", "")) or "imported"
        families[family] = _FAMILY_NOTE.sub("", top_text).strip() or top.get("name", family)
        members = [top] if top.get("isCodable") == "true" and not list(top.iterfind("c:Code", ns)) else \
            [c for c in top.iterdescendants(f"{{{CODEBOOK_NS}}}Code") if c.get("isCodable") == "true"]
        for element in members:
            codes.append(_code_from(element, family, _text(element, ns), known))
    book = Codebook(tuple(codes), families, default.question_types, str(path), default.prompt_hints)
    _validate(book, path, [], [f"code “{c.name}”" for c in codes])
    return book


def _code_from(element, family: str, text: str, known: dict[str, Code]) -> Code:
    found = _CODE_NOTE.search(text)
    code_id = found.group(1) if found else f"{family}.{_slug(element.get('name', ''))}"
    body = _CODE_NOTE.sub("", text).strip()
    definition, include, exclude = body, [], []
    if INCLUDES in body or EXCLUDES in body:
        head = re.split(rf"\n\s*(?:{INCLUDES}|{EXCLUDES})", body, maxsplit=1)[0]
        definition = head.strip()
        section = None
        for line in body[len(head):].splitlines():
            stripped = line.strip()
            if stripped in (INCLUDES, EXCLUDES):
                section = include if stripped == INCLUDES else exclude
            elif stripped.startswith("- ") and section is not None:
                section.append(stripped[2:].strip())
    name = element.get("name", "").strip()
    return Code(code_id, family, name, definition or name, tuple(include), tuple(exclude),
                *_patterns(known.get(code_id)))


def _patterns(code: Code | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (code.patterns, code.exclude_patterns) if code else ((), ())


def _text(element, ns) -> str:
    description = element.find("c:Description", ns)
    return (description.text or "") if description is not None else ""


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return slug if slug[:1].isalpha() else f"c_{slug}" if slug else ""
