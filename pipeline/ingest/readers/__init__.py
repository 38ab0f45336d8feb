"""The readers, registered by suffix: which `Reader` reads a file, and what is said when none does.

To read a new format, add a `Reader` subclass in a module of its own and list
it in `READERS`; its `suffixes` register it. The order of `READERS` is the
order the "supported" list in an unsupported-format issue gives.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.ingest.readers.base import DocumentReader, ReadContext, Reader
from pipeline.ingest.readers.csv_reader import CsvReader
from pipeline.ingest.readers.docx_reader import DocxReader
from pipeline.ingest.readers.text_reader import TextReader
from pipeline.ingest.readers.xlsx_reader import XlsxReader

__all__ = ["READERS", "DocumentReader", "ReadContext", "Reader", "reader_for", "unsupported_message"]

READERS: tuple[type[Reader], ...] = (CsvReader, XlsxReader, DocxReader, TextReader)
_BY_SUFFIX: dict[str, Reader] = {suffix: reader() for reader in READERS for suffix in reader.suffixes}
# Formats people have and could re-save as one of ours, with what to re-save them as.
_RESAVE_AS = {
    ".xls": ".xlsx", ".xlsm": ".xlsx", ".xlsb": ".xlsx", ".ods": ".xlsx", ".numbers": ".xlsx", ".tsv": ".csv",
    ".doc": ".docx", ".docm": ".docx", ".dot": ".docx", ".dotx": ".docx", ".odt": ".docx", ".rtf": ".docx",
    ".pages": ".docx", ".pdf": ".docx or .txt", ".htm": ".docx or .txt", ".html": ".docx or .txt",
}


def reader_for(path: Path) -> Reader | None:
    """The reader registered for the file's suffix (case ignored), or None."""
    return _BY_SUFFIX.get(path.suffix.lower())


def unsupported_message(path: Path) -> str:
    suffix = path.suffix.lower()
    supported = ", ".join(_BY_SUFFIX)
    what = f"'{suffix}' files are" if suffix else "files without an extension are"
    advice = f"; re-save it as {_RESAVE_AS[suffix]}" if suffix in _RESAVE_AS else ""
    return f"unsupported format: {what} not read (supported: {supported}){advice}; file skipped"
