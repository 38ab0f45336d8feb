"""Which files of an input folder are looked at, in which order, and which are refused unopened.

Order is sorted by path so that "keep the first" rules (duplicates) pick the
same copy on every run and every machine. Hidden files, Office lock files
("~$report.docx", left behind while a document is open) and OS litter are
skipped silently: they are never logs, and reporting them would bury the
issues that matter.

Only regular files are opened: a named pipe called "x.csv" would block the
read forever, and a device never ends. Symbolic links are never followed. A
link out of the folder could make any file on the machine a "log"; a link to a
file inside it adds nothing, as that file is read in its own right, and would
only make the same log arrive twice under two names.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from pipeline.ingest.issues import IssueSink

_LITTER = {"thumbs.db", "desktop.ini", "__macosx"}


def is_skipped(name: str) -> bool:
    return name.startswith((".", "~$")) or name.lower() in _LITTER


def discover(root: Path) -> list[Path]:
    """Every non-hidden file under `root`, sorted by relative path; links to folders are listed, not entered."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not is_skipped(d))
        found.extend(Path(folder) / name for name in files if not is_skipped(name))
        found.extend(Path(folder) / name for name in dirs if os.path.islink(Path(folder) / name))
    return sorted(found, key=lambda path: path.relative_to(root).parts)


def regular_file_size(path: Path, root: Path, sink: IssueSink) -> int | None:
    """The size of `path` when it is a regular file and no link; else None after reporting why it is skipped."""
    try:
        status = os.lstat(path)
    except OSError as error:
        sink.error(f"file could not be looked at ({type(error).__name__}); file skipped")
        return None
    if stat.S_ISLNK(status.st_mode):
        if _inside(path, root):
            sink.info("is a link to something inside the input folder; links are not followed "
                      "(a file it points to is read under its own name)")
        else:
            sink.error("is a link to something outside the input folder; links are not followed; skipped")
        return None
    if not stat.S_ISREG(status.st_mode):
        sink.error("is not a regular file (a folder, named pipe, device or socket); not opened; skipped")
        return None
    return status.st_size


def relative_name(path: Path, root: Path) -> str:
    """The path as issues and records name it: relative to the input folder, forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _inside(link: Path, root: Path) -> bool:
    try:
        target = link.resolve(strict=False)
        return target.is_relative_to(Path(root).resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False
