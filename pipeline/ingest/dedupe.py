"""Duplicates within one batch.

The same submission often arrives twice (the CSV and the XLSX export of one
form, or a file copied into two folders): it is kept once, first in
sorted-file order, so reruns choose the same copy. Two different contents
claiming one submission id cannot both be right, so the later one is refused
and reported rather than guessed at. Ids are scoped by log type: MS Forms
numbers each form's responses 1..N, so observer response 3 and reflective
response 3 are different submissions.

Form rows without a response id are told apart by who answered which form
for which meeting (`LogMetadata.edit_identity`): a second row with the same
identity and other content is the author's later edit, so the later row is
kept and the earlier one dropped, with a warning naming both rows.
"""
from __future__ import annotations

from pipeline.records import IngestIssue, RawLog


def place(log: RawLog) -> str:
    """Where a log came from, as people would look it up: "observer.csv row 4" or the file."""
    return f"{log.source_file} row {log.source_row}" if log.source_row is not None else log.source_file


def dedupe(logs: list[RawLog]) -> tuple[list[RawLog], list[IngestIssue]]:
    """Logs without within-batch duplicates, in their original order, and what was dropped."""
    kept: list[RawLog] = []
    issues: list[IngestIssue] = []
    by_hash: dict[str, RawLog] = {}
    by_id: dict[tuple[str, str], RawLog] = {}
    by_identity: dict[tuple[str, ...], int] = {}  # -> index in `kept`
    for log in logs:
        first = by_hash.get(log.content_sha256)
        if first is not None:
            issues.append(IngestIssue(log.source_file, f"same submission as {place(first)}; stored once",
                                      log.source_row, None, "info"))
            continue
        submission_id = log.metadata.submission_id
        id_key = (log.metadata.log_type, submission_id or "")
        clash = by_id.get(id_key) if submission_id else None
        if clash is not None:
            issues.append(IngestIssue(
                log.source_file,
                f"duplicate submission id with different content: {place(clash)} has the same id; "
                "the first one was kept and this one skipped (correct the id or remove one of them)",
                log.source_row, None, "error"))
            continue
        by_hash[log.content_sha256] = log
        if submission_id:
            by_id[id_key] = log
        identity = _edit_identity(log)
        if identity is not None and identity in by_identity:
            earlier = kept[by_identity[identity]]
            issues.append(IngestIssue(
                log.source_file, f"same author, meeting and log type as {place(earlier)} with other content: "
                "read as an edit, so this later row was kept and the earlier one dropped", log.source_row, None,
                "warning"))
            kept[by_identity[identity]] = log
            continue
        if identity is not None:
            by_identity[identity] = len(kept)
        kept.append(log)
    return kept, issues


def _edit_identity(log: RawLog) -> tuple[str, ...] | None:
    """A form row's edit identity, when it has no response id to go by (documents have no edits)."""
    if log.source_row is None or log.metadata.submission_id:
        return None
    return log.metadata.edit_identity()
