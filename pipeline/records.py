"""Plain records passed between stages.

Each stage takes these in and gives these out; no stage reaches into
another's internals. Records before `AnonymisedLog` hold raw personal data
and must never be written anywhere: only the anonymise stage turns them into
records that may be stored.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Sequence

LOG_TYPES = ("observer", "reflective", "preparation")
ORG_TYPES = ("local_authority", "fostering_agency", "charity", "private_provider", "nhs", "other")
SETTINGS = ("adults", "children_families", "both")
ROLES = ("presenter", "observer", "timekeeper", "process_caretaker", "host", "member")


# --- raw side (personal data inside; lives only in memory) -----------------

@dataclass(frozen=True)
class RawField:
    """One free-text answer: the form column header or document heading, and its text."""

    prompt: str
    text: str


@dataclass
class LogMetadata:
    """Validated metadata of one log. Names, email and organisation are personal data."""

    log_type: str
    submission_id: str | None = None
    set_id: str | None = None
    meeting_number: int | None = None
    meeting_date: dt.date | None = None
    author_name: str | None = None
    author_email: str | None = None
    organisation: str | None = None
    org_type: str | None = None
    setting: str | None = None
    role: str | None = None

    def edit_identity(self) -> tuple[str, ...] | None:
        """Who answered which form for which meeting: the same for a form row and its later edit.

        Form exports without a response-id column need this to tell an edit (replace the old row)
        from a second submission. The prompts are left out on purpose: an edit that fills in an
        answer left empty changes which prompts a row has. None when author or meeting is unknown,
        as an edit then cannot be told from another submission."""
        author = self.author_email or self.author_name
        meeting = self.meeting_number if self.meeting_number is not None else self.meeting_date
        if not author or meeting is None:
            return None
        return (self.log_type, " ".join(author.split()).casefold(), (self.set_id or "").casefold(), str(meeting))


@dataclass
class RawLog:
    """One submission as read from its source file, before anonymisation."""

    source_file: str  # path relative to the input directory
    source_row: int | None  # 1-based spreadsheet row (header = row 1); None for documents
    metadata: LogMetadata
    fields: list[RawField]
    content_sha256: str  # sha256 of the canonical content; same submission, same hash

    @property
    def source_ref(self) -> str:
        """The submission id where the source gives one, else the file name."""
        return self.metadata.submission_id or self.source_file


@dataclass(frozen=True)
class IngestIssue:
    """Something skipped or doubtful in the input. Never holds raw text from a cell."""

    source_file: str
    message: str
    row: int | None = None
    column: str | None = None
    severity: str = "error"  # "error": the record was skipped; "warning": kept, but note it

    def describe(self) -> str:
        where = self.source_file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


@dataclass
class IngestResult:
    logs: list[RawLog] = field(default_factory=list)
    issues: list[IngestIssue] = field(default_factory=list)


# --- anonymised side (safe to store) ---------------------------------------

@dataclass(frozen=True)
class EntityRecord:
    """A replaced span, located in the anonymised text of one field. Never the original."""

    field_index: int
    start: int  # offsets of the placeholder in the anonymised field text
    end: int
    entity_type: str  # PERSON, ORG, LOCATION, CONTACT, ID, DATE
    placeholder: str
    detector: str
    score: float


@dataclass(frozen=True)
class AnonField:
    prompt: str
    text: str
    is_question_list: bool


@dataclass
class AnonymisedLog:
    doc_id: str
    source_ref: str
    source_sha256: str
    log_type: str
    set_id: str | None
    meeting_number: int | None
    meeting_month: str | None  # "YYYY-MM": dates are coarsened to month
    member_code: str | None
    org_code: str | None
    org_type: str | None
    setting: str | None
    role: str | None
    fields: list[AnonField]
    entities: list[EntityRecord]


# --- segmented (what the store writes) ------------------------------------

@dataclass(frozen=True)
class Sentence:
    segment_id: str
    sentence_index: int
    text: str


@dataclass(frozen=True)
class Segment:
    """A paragraph of a prose field: the unit that codes are applied to."""

    segment_id: str
    doc_id: str
    field_index: int
    field_prompt: str
    paragraph_index: int
    text: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Question:
    doc_id: str
    question_index: int  # 0-based within the document
    field_prompt: str
    text: str
    question_type: str | None = None
    confidence: float | None = None


@dataclass(frozen=True)
class PlacedEntity:
    """An EntityRecord with the segment it fell in (None inside question lists)."""

    doc_id: str
    segment_id: str | None
    entity_type: str
    placeholder: str
    detector: str
    score: float


@dataclass(frozen=True)
class Coding:
    """A code applied to a segment: suggested by a coder, or decided by a person."""

    segment_id: str
    code_id: str
    method: str       # rule | model | topic | human
    confidence: float | None
    status: str       # suggested | accepted | rejected


@dataclass
class SegmentedLog:
    document: AnonymisedLog
    segments: list[Segment]
    questions: list[Question]
    entities: list[PlacedEntity]
    text: str  # the whole anonymised text: each field's prompt, then its text
    codings: list[Coding] = field(default_factory=list)
    # Sentence embeddings of the anonymised segments (segment_id -> vector), kept so topic runs
    # need not embed again; empty when coding ran without embeddings. float32 arrays, not lists:
    # a list of 384 Python floats takes ~9 KB against 1.5 KB, which at 50,000 logs is gigabytes.
    vectors: dict[str, Sequence[float]] = field(default_factory=dict)
    vector_model: str = ""
