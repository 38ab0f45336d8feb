"""What XLSX and DOCX files share before either is opened: each is a zip archive of XML.

A file that is not one is told apart by its first bytes, so the advice fits:
Office saves a password-protected workbook or document inside an OLE compound
file (the container of the old binary .xls/.doc), with a stream named
"EncryptedPackage"; without that stream it is an old binary file renamed. An
archive is opened only when its members' unpacked total is within the limit.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest.issues import IssueSink
from pipeline.ingest.limits import Limits, unzipped_within_limit

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")  # directory entry names are UTF-16


@dataclass(frozen=True)
class OfficeFormat:
    suffix: str  # ".xlsx"
    application: str  # "Excel"
    not_this_format: str  # the advice for a file that is neither zip nor OLE


def office_file_opens(path: Path, office: OfficeFormat, limits: Limits, sink: IssueSink) -> bool:
    """True when `path` is a zip archive within the unpacked limit; else False after an error."""
    with path.open("rb") as handle:
        start = handle.read(len(OLE_SIGNATURE))
        if not start:
            sink.error("file is empty")
            return False
        if start == OLE_SIGNATURE:
            encrypted = ENCRYPTED_STREAM in handle.read()  # within the file size limit, checked before
            sink.error(_ole_message(office, encrypted))
            return False
    if not zipfile.is_zipfile(path):
        sink.error(office.not_this_format)
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            return unzipped_within_limit(archive, limits, sink)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        sink.error(f"file is a damaged zip archive ({type(error).__name__}); re-save it from "
                   f"{office.application} as {office.suffix}")
        return False


def _ole_message(office: OfficeFormat, encrypted: bool) -> str:
    if encrypted:
        return (f"file is password-protected (encrypted), so it cannot be read; open it in {office.application}, "
                f"remove the password (File > Info > Protect) and save it again as {office.suffix}; file skipped")
    return (f"file is an old binary {office.application} file (97-2003 format) named {office.suffix}; "
            f"re-save it from {office.application} as {office.suffix}; file skipped")
