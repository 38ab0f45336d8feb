"""Which files of an input folder are looked at, and in which order (`readers` says which it can read).

Order is sorted by path so that "keep the first" rules (duplicates) pick the
same copy on every run and every machine. Hidden files, Office lock files
("~$report.docx", left behind while a document is open) and OS litter are
skipped silently: they are never logs, and reporting them would bury the
issues that matter.
"""
from __future__ import annotations

import os
from pathlib import Path

_LITTER = {"thumbs.db", "desktop.ini", "__macosx"}


def is_skipped(name: str) -> bool:
    return name.startswith((".", "~$")) or name.lower() in _LITTER


def discover(root: Path) -> list[Path]:
    """Every non-hidden file under `root`, sorted by relative path."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not is_skipped(d))
        found.extend(Path(folder) / name for name in files if not is_skipped(name))
    return sorted(found, key=lambda path: path.relative_to(root).parts)


def relative_name(path: Path, root: Path) -> str:
    """The path as issues and records name it: relative to the input folder, forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
