"""Audit a database (and exports) for personal data that should not be there.

Two checks: contact and identifier patterns (emails, UK phones, NHS numbers
with a valid check digit, NI numbers, postcodes, case references) in every
text column and export; and, given the raw inputs, the roster's identities
(author names, emails, organisations and their distinctive short forms).
Hits are reported masked, with where they were found, never in full.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from presidio_analyzer.predefined_recognizers import NhsRecognizer

from pipeline.anonymise.normalise import normalise_text
from pipeline.anonymise.phrases import is_ordinary_word, words
from pipeline.anonymise.recognizers import (
    CaseReferenceRecognizer,
    ConfidentPostcodeRecognizer,
    LenientNinoRecognizer,
    OfflineEmailRecognizer,
    UkPhoneRecognizer,
)
from pipeline.anonymise.roster import organisation_variants
from pipeline.config import IngestConfig
from pipeline.store import connect
from pipeline.queries.text_columns import text_column_values

# Every text column is scanned, our own codes included: a code column that holds anything but
# codes is itself a leak. Submission ids look like case references ("SY-000123") by design, so in
# id columns every pattern but the case reference is sought (and the roster).
ID_COLUMNS = {"source_ref"}
NOT_IN_IDS = {"CASE_REF"}
# Placeholders, member/org/doc/run codes, keyed file references (F-...) and keyed digests (64 hex
# digits, often with a phone-shaped run of digits) are ours: removed before scanning, so only what
# is left around them counts.
OUR_CODES = re.compile(r"\[[A-Z]+\d+\]|\[?\b[MODRHF]-[0-9A-F]{6,}(?:-[0-9]+)*\b\]?|\bR-\d{8}T\d{6}-[0-9A-F]{4}\b"
                       r"|\bH-[0-9a-f]{12}\b|\b[0-9a-f]{64}\b")


@dataclass(frozen=True)
class AuditHit:
    where: str  # "segments.text", "export.jsonl"
    kind: str  # EMAIL, PHONE, NHS, NINO, POSTCODE, CASE_REF, ROSTER_NAME, ROSTER_EMAIL, ROSTER_ORG
    masked: str  # "S****** (8 chars)": enough to find it, not enough to read it

    def __str__(self) -> str:
        return f"{self.where}: {self.kind} {self.masked}"


def mask(value: str) -> str:
    return f"{value[:1]}{'*' * max(len(value) - 1, 3)} ({len(value)} chars)"


class Auditor:
    def __init__(self, identities: dict[str, tuple[str, bool]] | None = None) -> None:
        """`identities`: needle -> (kind, case_sensitive)."""
        # Normalised like the stored text, so a needle written with a zero-width space still matches it.
        self.identities = {normalise_text(needle): found for needle, found in (identities or {}).items()}
        self.recognizers = {
            "EMAIL": OfflineEmailRecognizer(), "PHONE": UkPhoneRecognizer(), "NHS": NhsRecognizer(),
            "NINO": LenientNinoRecognizer(), "POSTCODE": ConfidentPostcodeRecognizer(),
            "CASE_REF": CaseReferenceRecognizer(),
        }
        self._patterns = [(needle, kind, re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)",
                                                     0 if sensitive else re.IGNORECASE))
                          for needle, (kind, sensitive) in self.identities.items()]

    def scan_text(self, where: str, text: str, ids: bool = False) -> list[AuditHit]:
        """Hits in `text`; `ids`: the text is submission ids or file names (no case references sought)."""
        text = OUR_CODES.sub(" ", normalise_text(text))  # a name split by a zero-width space is still found
        hits = []
        for kind, recognizer in self.recognizers.items():
            if ids and kind in NOT_IN_IDS:
                continue
            for result in recognizer.analyze(text, recognizer.supported_entities, None):
                hits.append(AuditHit(where, kind, mask(text[result.start:result.end])))
        for needle, kind, pattern in self._patterns:
            if pattern.search(text):
                hits.append(AuditHit(where, kind, mask(needle)))
        return hits

    def scan_database(self, db_path: str | Path) -> list[AuditHit]:
        con = connect(db_path, read_only=True)
        try:
            hits = []
            for table, column, values in text_column_values(con):
                hits += self.scan_text(f"{table}.{column}", "\n".join(values), ids=column in ID_COLUMNS)
            return hits
        finally:
            con.close()

    def scan_file(self, path: Path) -> list[AuditHit]:
        """An export: JSON lines are scanned value by value (ids without case references); other files whole."""
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError:
            return self.scan_text(path.name, text)
        values: dict[bool, list[str]] = {True: [], False: []}
        for record in records:
            for key, value in _strings(record):
                values[key in ID_COLUMNS].append(value)
        return (self.scan_text(path.name, "\n".join(values[False]))
                + self.scan_text(path.name, "\n".join(values[True]), ids=True))


def _strings(value, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, key)


def roster_identities(input_dir: Path, config: IngestConfig) -> dict[str, tuple[str, bool]]:
    """Needles from the inputs' metadata: full names, emails, organisations, and their
    distinctive parts. Ordinary words ("Will", "Young") are left out: a scan cannot tell
    them from ordinary use, and the anonymiser's own tests cover them."""
    from pipeline.ingest import ingest_directory

    needles: dict[str, tuple[str, bool]] = {}
    for log in ingest_directory(input_dir, config).logs:
        meta = log.metadata
        if meta.author_email:
            needles[meta.author_email] = ("ROSTER_EMAIL", False)
        if meta.author_name:
            needles[meta.author_name] = ("ROSTER_NAME", False)
            for _, _, part in words(meta.author_name):
                if len(part) > 2 and not is_ordinary_word(part):
                    needles[part] = ("ROSTER_NAME", False)
        if meta.organisation:
            needles[meta.organisation] = ("ROSTER_ORG", False)
            for variant, _ in organisation_variants(meta.organisation):
                if len(variant) > 2 and not all(is_ordinary_word(w) for _, _, w in words(variant)):
                    needles[variant] = ("ROSTER_ORG", True)
    return needles


def summarise(hits: Iterable[AuditHit]) -> Counter:
    return Counter((hit.where, hit.kind, hit.masked) for hit in hits)
