"""Reports the users hand on: the evaluator's programme report and the lead body's briefing.

`make_report` opens the database read-only, builds the report from pipeline.queries, scans
every word of it with the audit (fail closed: nothing is written when anything is found) and
writes HTML and/or DOCX atomically (a temporary file renamed into place).
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import Config
from pipeline.queries import facets
from pipeline.queries.filters import Filters

FORMATS = ("html", "docx")
FILE_STEMS = {"evaluator": "programme-report", "lead-body": "lead-body-briefing"}


class ReportError(Exception):
    """The report cannot be made (no database, a bad option) or must not be written (the audit found something)."""


@dataclass(frozen=True)
class MadeReport:
    kind: str
    paths: list[Path]
    sections: list[str]


def build(kind: str, con, config: Config, filters: Filters | None = None, auditor=None):
    """The Report for `kind` ('evaluator' or 'lead-body') from an open connection; `auditor` vets the quotes."""
    from pipeline.audit import Auditor
    from pipeline.report.evaluator import build_evaluator_report
    from pipeline.report.lead_body import build_lead_body_report
    from pipeline.report.quotes import QuoteSelector

    selector = QuoteSelector(config.report, auditor or Auditor({}))
    if kind == "evaluator":
        return build_evaluator_report(con, config, filters or Filters(), selector)
    if kind == "lead-body":
        return build_lead_body_report(con, config, selector)
    raise ReportError(f"unknown report '{kind}' (evaluator or lead-body)")


def make_report(kind: str, db: Path, out_dir: Path, config: Config, filters: Filters | None = None,
                formats: tuple[str, ...] = FORMATS, identities: dict | None = None) -> MadeReport:
    import duckdb

    from pipeline.audit import Auditor

    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ReportError(f"unknown format(s) {', '.join(unknown) or '(none)'}: choose from {', '.join(FORMATS)}")
    if not Path(db).exists():
        raise ReportError(f"database {db} does not exist: fill it with `als run INPUT_DIR --db {db}` first")
    auditor = Auditor(identities or {})  # one scan for the quotes and for the finished report
    with duckdb.connect(str(db), read_only=True) as con:
        report = build(kind, con, config, filters, auditor)
        set_ids = facets.document_values(con, "set_id")
    hits = auditor.scan_text("report", _without_set_names(report.all_text(), set_ids, auditor))
    if hits:
        raise ReportError("the report was not written: the audit found possible personal data in it ("
                          + "; ".join(sorted({str(h) for h in hits})) + ")")
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [_write_atomically(report, out_dir / f"{FILE_STEMS[kind]}.{fmt}", fmt) for fmt in formats]
    return MadeReport(kind, paths, [s.title for s in report.sections])


def _without_set_names(text: str, set_ids: list[str], auditor) -> str:
    """The text with the programme's own set names taken out before the scan: a set called "NW-104" is
    shaped like a case reference, but it is the programme's label, not a person's. A set name that is
    itself an email, phone or other identifier stays in, and stops the report."""
    harmless = [s for s in set_ids if all(hit.kind == "CASE_REF" for hit in auditor.scan_text("set", s))]
    for name in sorted(harmless, key=len, reverse=True):
        text = text.replace(name, " ")
    return text


def _write_atomically(report, target: Path, fmt: str) -> Path:
    from pipeline.report.docx_writer import write_docx
    from pipeline.report.html_writer import write_html

    handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=f".{fmt}", dir=target.parent)
    os.close(handle)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; a report is a file to hand on
    try:
        (write_html if fmt == "html" else write_docx)(report, Path(temporary))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
