"""Ingest's value rules in isolation: headers, vocabularies, dates, hashing, encodings."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.config import IngestConfig
from pipeline.ingest.canonical import content_sha256, normalise_text
from pipeline.ingest.columns import ColumnMatcher, normalise_header
from pipeline.ingest.dates import parse_meeting_date, parse_meeting_number
from pipeline.ingest.encoding import decode_bytes
from pipeline.ingest.issues import IssueSink
from pipeline.ingest.metadata import normalise_set_id
from pipeline.ingest.vocab import (log_type_from_name, log_type_from_path, parse_log_type, parse_org_type,
                                   parse_role, parse_setting)
from pipeline.records import LogMetadata, RawField


@pytest.mark.parametrize("header,key", [
    ("Meeting no.", "meeting_number"), ("meeting_number", "meeting_number"), ("E-mail", "author_email"),
    ("  YOUR NAME ", "author_name"), ("Role at this meeting", "role"), ("\ufeffsubmission_id", "submission_id"),
    ("Type of organisation", "org_type"), ("Action Learning Set", "set_id"), ("Start time", "ignore"),
    ("What I learned", None), ("Date you felt most challenged", None), ("Date of meeting (dd/mm/yyyy)", "meeting_date"),
    ("Your name [optional]", "author_name"), ("What I learned (about myself)", None),
])
def test_header_matching(header, key):
    assert ColumnMatcher(IngestConfig()).classify(header) == key


def test_configured_aliases_win_and_ignore_wins_over_all():
    matcher = ColumnMatcher(IngestConfig(column_aliases={"author_name": "Assessor", "meeting_date": ["Timestamp"]},
                                         ignore_columns=["Name"]))
    assert matcher.classify("assessor") == "author_name"
    assert matcher.classify("Timestamp") == "meeting_date"
    assert matcher.classify("NAME") == "ignore"
    assert normalise_header("Meeting  no.--(x)") == "meeting no x"


@pytest.mark.parametrize("value,code", [
    ("Reflective", "reflective"), ("Observer log", "observer"), ("preparation sheet", "preparation"),
    ("OBSERVER'S LOG", "observer"), ("reflective_log", "reflective"), ("diary", None), ("observer reflective", None),
])
def test_log_types(value, code):
    assert parse_log_type(value) == code


def test_log_type_from_names():
    assert log_type_from_name("Set2_Observer_logs") == "observer"
    assert log_type_from_name("reflections vs observations") is None
    assert log_type_from_path("reflective/jo.docx") == "reflective"
    assert log_type_from_path("reflective/preparation-jo.docx") == "preparation"
    assert log_type_from_path("misc/jo.docx") is None


@pytest.mark.parametrize("parse,value,code", [
    (parse_org_type, "Local authority", "local_authority"), (parse_org_type, "LA", "local_authority"),
    (parse_org_type, "Local Authority (council)", "local_authority"), (parse_org_type, "Fostering agency",
                                                                        "fostering_agency"),
    (parse_org_type, "IFA", "fostering_agency"), (parse_org_type, "NHS trust", "nhs"),
    (parse_org_type, "Private provider", "private_provider"), (parse_org_type, "voluntary", "charity"),
    (parse_org_type, "Charity", "charity"), (parse_org_type, "somewhere", None),
    (parse_setting, "Children and families", "children_families"), (parse_setting, "Children & families",
                                                                    "children_families"),
    (parse_setting, "children", "children_families"), (parse_setting, "Adults", "adults"),
    (parse_setting, "adult social care", "adults"), (parse_setting, "Both", "both"),
    (parse_setting, "Adults and children", "both"), (parse_setting, "prisons", None),
    (parse_role, "Process caretaker", "process_caretaker"), (parse_role, "Time keeper", "timekeeper"),
    (parse_role, "timekeeper", "timekeeper"), (parse_role, "Presenter", "presenter"), (parse_role, "Set member",
                                                                                       "member"),
    (parse_role, "Observer", "observer"), (parse_role, "host", "host"), (parse_role, "observer and presenter", None),
])
def test_vocabularies(parse, value, code):
    assert parse(value) == code


@pytest.mark.parametrize("value,expected", [
    ("2021-05-04", dt.date(2021, 5, 4)), ("04/05/2021", dt.date(2021, 5, 4)), ("4-5-2021", dt.date(2021, 5, 4)),
    ("4 May 2021", dt.date(2021, 5, 4)), ("4th May 2021", dt.date(2021, 5, 4)),
    ("2021-05-04T10:30:00", dt.date(2021, 5, 4)), (dt.datetime(2021, 5, 4, 10), dt.date(2021, 5, 4)),
    (dt.date(2021, 5, 4), dt.date(2021, 5, 4)), ("31/02/2021", None), ("05/04/21", None), ("soon", None),
    (44320, None),
])
def test_meeting_dates(value, expected):
    assert parse_meeting_date(value) == expected


@pytest.mark.parametrize("value,expected", [
    ("3", 3), (" 3 ", 3), ("3.0", 3), (3.0, 3), (3, 3), ("Meeting 3", 3), ("0", None), ("2.5", None),
    ("three", None), (True, None), (-1, None),
])
def test_meeting_numbers(value, expected):
    assert parse_meeting_number(value) == expected


def test_set_ids_group_across_spellings():
    assert {normalise_set_id(v) for v in ("2", 2.0, "set 2", "Set-2", "ALS 2")} == {"Set 2"}
    assert {normalise_set_id(v) for v in ("k", "Set K", "set k")} == {"Set K"}
    assert normalise_set_id("Settings") == "Settings" and normalise_set_id("Riverside") == "Riverside"


def test_hash_depends_on_validated_content_not_on_line_endings():
    meta = LogMetadata("reflective", meeting_date=dt.date(2021, 5, 4))
    one = content_sha256(meta, [RawField("Q", "a\r\nb  ")])
    assert one == content_sha256(meta, [RawField("Q", "a\nb")])
    assert one != content_sha256(meta, [RawField("Q", "a\n\nb")])
    assert one != content_sha256(LogMetadata("reflective"), [RawField("Q", "a\nb")])
    assert normalise_text("  x \r\n y\r\rz \n\n") == "x\n y\n\nz"


def test_encodings_are_strict_and_reported():
    sink = IssueSink("f.csv")
    assert decode_bytes("café".encode("utf-8"), sink) == "café" and not sink.issues
    assert decode_bytes("café £".encode("cp1252"), sink) == "café £"
    assert [i.severity for i in sink.issues] == ["info"]
    sink = IssueSink("g.csv")
    # cp1251 text with "Ѓ" (byte 0x81, undefined in cp1252) falls through to the guesser, which must say so.
    original = "Ѓорѓе Петровски е роден во Скопје. Ѓавол, ѓубре и ѓердан се зборови."
    text = decode_bytes(original.encode("cp1251"), sink)
    assert text == original
    [issue] = sink.issues
    assert issue.severity == "warning" and "cp1251" in issue.message
