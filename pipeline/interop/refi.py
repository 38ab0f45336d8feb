"""The REFI-QDA standard's fixed parts: namespaces, stable GUIDs, schema validation, safe reading of a
`.qdpx` (a zip holding `project.qde` and `Sources/`).

GUIDs are uuid5 of what they stand for (a document id, a code id, a paragraph and code), so exporting
the same database twice gives the same project, and an import can tell our codes and selections from
ones a person made in their tool.
"""
from __future__ import annotations

import uuid
import zipfile
from functools import lru_cache
from pathlib import Path

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
SCHEMAS = Path(__file__).resolve().parents[2] / "data_schema" / "refi-qda"
PROJECT_FILE = "project.qde"
ORIGIN = "ALS Insight"
# A project larger than this (uncompressed) is refused rather than unpacked: no programme's logs come
# near it, and a zip bomb would.
MAX_UNPACKED_BYTES = 2_000_000_000
_NAMESPACE = uuid.UUID("6f1c3c2e-4d8b-5a6e-9b0f-a15c0de00001")  # ALS Insight's own: fixed forever


class RefiError(ValueError):
    """A file that is not a REFI-QDA project or codebook we can read; the message says which part."""


def guid(kind: str, *parts: object) -> str:
    """A stable GUID for one thing in a project: guid('code', 'process.roles')."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join([kind, *map(str, parts)])))


def qualified(tag: str, namespace: str = PROJECT_NS) -> str:
    return f"{{{namespace}}}{tag}"


@lru_cache(maxsize=2)
def _schema(name: str):
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def validate(xml: bytes, kind: str = "project", where: str = PROJECT_FILE) -> None:
    """Raise RefiError naming the first schema violation (line and message) of a project or codebook."""
    from lxml import etree

    try:
        document = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise RefiError(f"{where} is not well-formed XML: {error}") from None
    schema = _schema("Project.xsd" if kind == "project" else "Codebook.xsd")
    if not schema.validate(document):
        first = schema.error_log[0]
        raise RefiError(f"{where} does not follow the REFI-QDA {kind} schema: line {first.line}: {first.message}")


def read_project(path: str | Path) -> tuple[bytes, dict[str, bytes]]:
    """(project.qde, {zip path: bytes of each file under Sources/}) from a `.qdpx`, checked first."""
    path = Path(path)
    if not path.is_file():
        raise RefiError(f"{path} does not exist")
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise RefiError(f"{path} is not a .qdpx project (not a zip archive)") from None
    with archive:
        names = archive.namelist()
        if PROJECT_FILE not in names:
            raise RefiError(f"{path} is a zip but not a REFI-QDA project: it has no {PROJECT_FILE}")
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise RefiError(f"{path} unpacks to more than {MAX_UNPACKED_BYTES:,} bytes: refused")
        project = archive.read(PROJECT_FILE)
        sources = {name: archive.read(name) for name in names if name.lower().startswith("sources/")
                   and not name.endswith("/")}
    return project, sources
