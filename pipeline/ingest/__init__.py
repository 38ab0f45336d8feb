"""Ingest stage: an input folder of logs -> `RawLog`s and `IngestIssue`s.

One reader per format, registered by suffix (`readers`), each given the file
and a `ReadContext`; all validate metadata the same way (`metadata`) and hash
the same way (`canonical`). A bad file or row is reported and skipped: nothing
in an input folder can stop the batch, because one colleague's broken export
must not hold back everybody else's logs.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.config import IngestConfig
from pipeline.ingest.columns import ColumnMatcher
from pipeline.ingest.context import ReadContext
from pipeline.ingest.dedupe import dedupe
from pipeline.ingest.discover import discover, regular_file_size, relative_name
from pipeline.ingest.issues import IssueSink
from pipeline.ingest.limits import Limits, file_within_limit
from pipeline.ingest.manifest import read_manifest
from pipeline.ingest.metadata import RawMetadata
from pipeline.ingest.readers import reader_for, unsupported_message
from pipeline.ingest.vocab import log_type_from_path
from pipeline.records import IngestResult, RawLog

__all__ = ["ingest_directory", "ingest_paths"]


def ingest_directory(input_dir: Path, config: IngestConfig) -> IngestResult:
    """Read every supported file under `input_dir` (recursively, sorted, hidden files skipped).

    Given one file instead of a folder, read that file (its folder's manifest applies)."""
    root = Path(input_dir)
    if not root.exists() and not root.is_symlink():
        result = IngestResult()
        IssueSink(root.as_posix(), result.issues).error("input folder or file does not exist; nothing was read")
        return result
    if not root.is_dir():
        return ingest_paths([root], root.parent, config)
    return ingest_paths(discover(root), root, config)


def ingest_paths(paths: list[Path], root: Path, config: IngestConfig) -> IngestResult:
    """Read `paths` (files under `root`); the manifest at `root` applies whether listed or not."""
    root = Path(root)
    matcher = ColumnMatcher(config)  # a bad alias configuration stops here, before anything is read
    limits = Limits.from_config(config)
    result = IngestResult()
    names = {Path(p): relative_name(Path(p), root) for p in paths}
    manifest = _manifest_path(names, root, config.manifest_name)
    if manifest is not None:
        names.setdefault(manifest, relative_name(manifest, root))
    names = {path: name for path, name in names.items() 
             if _may_open(path, root, limits, IssueSink(name, result.issues))}
    if manifest not in names:
        manifest = None
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
            context = ReadContext(name, log_type_from_path(name), matcher, sink, overrides.get(name, {}), limits)
            logs.extend(_read_file(path, context))
        except Exception as error:  # a reader bug or an odd file: report the file, keep the batch going
            sink.error(f"file could not be read ({type(error).__name__}); nothing from it was kept")
    result.logs, duplicates = dedupe(logs)
    result.issues.extend(duplicates)
    return result


def _may_open(path: Path, root: Path, limits: Limits, sink: IssueSink) -> bool:
    """A regular file (no link, pipe or device) within the file size limit; else reported and left out."""
    size = regular_file_size(path, root, sink)
    return size is not None and file_within_limit(size, limits, sink)


def _read_file(path: Path, context: ReadContext) -> list[RawLog]:
    reader = reader_for(path)
    if reader is None:
        context.sink.error(unsupported_message(path))
        return []
    return reader.read(path, context)


def _manifest_path(names: dict[Path, str], root: Path, manifest_name: str) -> Path | None:
    """The manifest among the batch's files (name compared case-insensitively), else on disk (not yet checked)."""
    wanted = manifest_name.replace("\\", "/").lower()
    for path, name in names.items():
        if name.lower() == wanted:
            return path
    candidate = root / manifest_name
    return candidate if candidate.exists() or candidate.is_symlink() else None
