"""Ingest stage: an input folder of logs -> `RawLog`s and `IngestIssue`s.

One reader per format (`forms`, `xlsx_reader`, `docx_reader`, `text_reader`),
all validating metadata the same way (`metadata`) and hashing the same way
(`canonical`). A bad file or row is reported and skipped: nothing in an input
folder can stop the batch, because one colleague's broken export must not
hold back everybody else's logs.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.config import IngestConfig
from pipeline.ingest.columns import ColumnMatcher
from pipeline.ingest.dedupe import dedupe
from pipeline.ingest.discover import discover, reader_for, relative_name, unsupported_message
from pipeline.ingest.docx_reader import read_docx_file
from pipeline.ingest.documents import finish_document
from pipeline.ingest.forms import read_csv_file
from pipeline.ingest.issues import IssueSink
from pipeline.ingest.manifest import read_manifest
from pipeline.ingest.metadata import RawMetadata
from pipeline.ingest.text_reader import read_text_file
from pipeline.ingest.vocab import log_type_from_path
from pipeline.ingest.xlsx_reader import read_xlsx_file
from pipeline.records import IngestResult, RawLog

__all__ = ["ingest_directory", "ingest_paths"]


def ingest_directory(input_dir: Path, config: IngestConfig) -> IngestResult:
    """Read every supported file under `input_dir` (recursively, sorted, hidden files skipped)."""
    root = Path(input_dir)
    return ingest_paths(discover(root), root, config)


def ingest_paths(paths: list[Path], root: Path, config: IngestConfig) -> IngestResult:
    """Read `paths` (files under `root`); the manifest at `root` applies whether listed or not."""
    root = Path(root)
    matcher = ColumnMatcher(config)  # a bad alias configuration stops here, before anything is read
    result = IngestResult()
    names = {Path(p): relative_name(Path(p), root) for p in paths}
    manifest = _manifest_path(names, root, config.manifest_name)
    documents = [name for path, name in names.items() if path != manifest]
    overrides: dict[str, RawMetadata] = {}
    if manifest is not None:
        manifest_name = relative_name(manifest, root)
        sink = IssueSink(manifest_name, result.issues)
        try:
            overrides = read_manifest(manifest, manifest_name, documents, matcher, sink)
        except Exception as error:
            sink.error(f"manifest could not be read ({type(error).__name__}); manifest ignored")
    logs: list[RawLog] = []
    for path, name in names.items():
        if path == manifest:
            continue
        sink = IssueSink(name, result.issues)
        try:
            logs.extend(_read_file(path, name, overrides.get(name, {}), matcher, sink))
        except Exception as error:  # a reader bug or an odd file: report the file, keep the batch going
            sink.error(f"file could not be read ({type(error).__name__}); nothing from it was kept")
    result.logs, duplicates = dedupe(logs)
    result.issues.extend(duplicates)
    return result


def _read_file(path: Path, name: str, overrides: RawMetadata, matcher: ColumnMatcher,
               sink: IssueSink) -> list[RawLog]:
    kind = reader_for(path)
    hint = log_type_from_path(name)
    if kind == "csv":
        return read_csv_file(path, name, hint, matcher, sink)
    if kind == "xlsx":
        return read_xlsx_file(path, name, hint, matcher, sink)
    if kind in ("docx", "text"):
        parts = read_docx_file(path, matcher, sink) if kind == "docx" else read_text_file(path, matcher, sink)
        if parts is None:
            return []
        log = finish_document(name, parts, overrides, hint, sink)
        return [] if log is None else [log]
    sink.error(unsupported_message(path))
    return []


def _manifest_path(names: dict[Path, str], root: Path, manifest_name: str) -> Path | None:
    """The manifest among the batch's files (name compared case-insensitively), else on disk."""
    wanted = manifest_name.replace("\\", "/").lower()
    for path, name in names.items():
        if name.lower() == wanted:
            return path
    candidate = root / manifest_name
    return candidate if candidate.is_file() else None
