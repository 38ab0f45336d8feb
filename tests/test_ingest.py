"""Ingest stage on real files built in tmp_path. All people, places and texts are invented."""
from __future__ import annotations

import datetime as dt

import docx
import pytest

from pipeline.config import ConfigError, IngestConfig
from pipeline.ingest import ingest_paths
from tests.ingest_inputs import (ALIAS_HEADER, AUTHOR, EMAIL, ORG, good_csv, ingest, issues_for, write_csv,
                                 write_docx, write_xlsx)


# --- form exports ----------------------------------------------------------------

def test_csv_aliases_map_to_metadata_and_other_columns_are_fields(tmp_path):
    write_csv(tmp_path / "forms" / "logs.csv", [
        ALIAS_HEADER,
        ["17", "04/05/2021 09:12", AUTHOR, " W.Quarrendon@Brackenfold.example ", ORG, "Set 2", "Meeting 3",
         "04/05/2021", "Time keeper", "Reflective log", "I learned to wait.\r\n\r\nThen to ask.  ",
         "What did you notice?\nWhat else?"],
    ])
    result = ingest(tmp_path)
    assert not [i for i in result.issues if i.severity != "info"]
    [log] = result.logs
    meta = log.metadata
    assert (log.source_file, log.source_row) == ("forms/logs.csv", 2)
    assert meta.submission_id == "17" and meta.log_type == "reflective"
    assert (meta.author_name, meta.author_email, meta.organisation) == (AUTHOR, EMAIL, ORG)
    assert (meta.set_id, meta.meeting_number, meta.meeting_date) == ("Set 2", 3, dt.date(2021, 5, 4))
    assert meta.role == "timekeeper"
    assert [(f.prompt, f.text) for f in log.fields] == [
        ("What I learned", "I learned to wait.\n\nThen to ask."),
        ("Questions that had most impact", "What did you notice?\nWhat else?"),
    ]
    assert len(log.content_sha256) == 64


def test_config_aliases_and_ignored_columns(tmp_path):
    write_csv(tmp_path / "preparation.csv", [
        ["Assessor", "Learning cohort", "Rating", "Completion time", "The issue I want to bring"],
        [AUTHOR, "7", "very good", "2021-05-04 10:00", "Caseload pressure."],
    ])
    result = ingest(tmp_path, column_aliases={"author_name": ["ASSESSOR"], "set_id": ["learning-cohort"]},
                    ignore_columns=["rating"])
    [log] = result.logs
    assert log.metadata.log_type == "preparation"  # from the file name
    assert (log.metadata.author_name, log.metadata.set_id) == (AUTHOR, "Set 7")
    assert [f.prompt for f in log.fields] == ["The issue I want to bring"]


def test_unknown_alias_key_in_config_is_refused(tmp_path):
    with pytest.raises(ConfigError):
        ingest(tmp_path, column_aliases={"author": ["Assessor"]})


def test_xlsx_and_csv_of_the_same_submission_hash_alike_and_are_stored_once(tmp_path):
    header = ["Response ID", "Log type", "Your name", "Meeting no.", "Date of meeting", "Set", "What hindered"]
    write_csv(tmp_path / "a_export.csv", [header, ["42", "observer", AUTHOR, "3", "2021-05-04", "2",
                                                    "Side conversations.\r\nLate start."]])
    write_xlsx(tmp_path / "b_export.xlsx", {"Form1": [
        header, [42, "Observer", AUTHOR, 3.0, dt.datetime(2021, 5, 4, 0, 0), 2, "Side conversations.\nLate start."]]})
    alone_csv = ingest_paths([tmp_path / "a_export.csv"], tmp_path, IngestConfig()).logs[0]
    alone_xlsx = ingest_paths([tmp_path / "b_export.xlsx"], tmp_path, IngestConfig()).logs[0]
    assert alone_xlsx.metadata == alone_csv.metadata
    assert alone_xlsx.metadata.meeting_number == 3 and alone_xlsx.metadata.submission_id == "42"
    assert alone_xlsx.content_sha256 == alone_csv.content_sha256

    result = ingest(tmp_path)
    assert [log.source_file for log in result.logs] == ["a_export.csv"]
    [info] = issues_for(result, "b_export.xlsx")
    assert info.severity == "info" and "a_export.csv row 2" in info.message and info.row == 2


def test_xlsx_multi_sheet_with_helper_sheet(tmp_path):
    write_xlsx(tmp_path / "programme.xlsx", {
        "Reflective logs": [["Name", "What I learned"], [AUTHOR, "To slow down."], ["Ansel Pocklington", ""]],
        "Lookups": [["Colour", "Code"], ["red", "1"]],
        "Empty": [],
    })
    result = ingest(tmp_path)
    [log] = result.logs
    assert log.metadata.log_type == "reflective"  # from the sheet name
    warnings = issues_for(result, "programme.xlsx", "warning")
    assert any("'Lookups'" in w.message and "no recognisable metadata" in w.message for w in warnings)
    assert any(w.row == 3 and "'Reflective logs'" in w.message and "no free-text" in w.message for w in warnings)
    assert not issues_for(result, "programme.xlsx", "error")


# --- documents -----------------------------------------------------------------------

def test_docx_key_value_lines_and_headings(tmp_path):
    write_docx(tmp_path / "docs" / "log1.docx", title="Reflective log",
               lines=[f"Name: {AUTHOR}", "Set: 3", "Meeting number: 2", "Date: 4th May 2021",
                      "Supervisor: Someone Else", "Role: Presenter"],
               sections=[("The challenge I brought", ["First paragraph.", "Second paragraph."]),
                         ("What I learned", ["To listen."]), ("Empty heading", [])])
    result = ingest(tmp_path)
    assert not [i for i in result.issues if i.severity != "info"]
    [log] = result.logs
    meta = log.metadata
    assert (meta.log_type, meta.author_name, meta.set_id, meta.meeting_number) == ("reflective", AUTHOR, "Set 3", 2)
    assert (meta.meeting_date, meta.role, log.source_row) == (dt.date(2021, 5, 4), "presenter", None)
    assert [(f.prompt, f.text) for f in log.fields] == [
        ("The challenge I brought", "First paragraph.\n\nSecond paragraph."), ("What I learned", "To listen.")]
    assert all("Supervisor" not in f.text and "Reflective log" != f.prompt for f in log.fields)


def test_docx_two_column_metadata_table(tmp_path):
    write_docx(tmp_path / "prep.docx",
               table=[("Log type", "Preparation sheet"), ("Your name", AUTHOR), ("Email", EMAIL),
                      ("Organisation type", "IFA"), ("Practice setting", "Children & families")],
               sections=[("The issue I want to bring", ["Placement stability."])])
    [log] = ingest(tmp_path).logs
    meta = log.metadata
    assert (meta.log_type, meta.author_name, meta.author_email) == ("preparation", AUTHOR, EMAIL)
    assert (meta.org_type, meta.setting) == ("fostering_agency", "children_families")
    assert [f.prompt for f in log.fields] == ["The issue I want to bring"]


def test_docx_question_field_is_one_question_per_line(tmp_path):
    write_docx(tmp_path / "reflective_q.docx", lines=[f"Name: {AUTHOR}"],
               sections=[("Questions that had most impact on me", ["What would happen if you waited?",
                                                                   "Who else knows?", "How did that feel?"]),
                         ("What I learned", ["Point one.", "Point two."])],
               bullets_in=("Questions that had most impact on me",))
    [log] = ingest(tmp_path).logs
    assert log.fields[0].text == "What would happen if you waited?\nWho else knows?\nHow did that feel?"
    assert log.fields[1].text == "Point one.\n\nPoint two."


def test_markdown_with_front_matter(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "week2.md").write_text(
        "---\nlog_type: Observer log\nauthor: " + AUTHOR + "\nemail: " + EMAIL + "\nset: 1\nmeeting: 012\n"
        "date: 2021-06-01\norg type: Local Authority (council)\nsetting: adults\n---\n"
        "# How the set worked\n\nWell.\n\n\n\nVery well.\n\n## What hindered\nNothing\nat all.\n",
        encoding="utf-8")
    result = ingest(tmp_path)
    assert not result.issues
    [log] = result.logs
    meta = log.metadata
    assert (meta.log_type, meta.author_name, meta.author_email) == ("observer", AUTHOR, EMAIL)
    assert (meta.set_id, meta.meeting_number, meta.meeting_date) == ("Set 1", 12, dt.date(2021, 6, 1))
    assert (meta.org_type, meta.setting) == ("local_authority", "adults")
    assert [(f.prompt, f.text) for f in log.fields] == [
        ("How the set worked", "Well.\n\nVery well."), ("What hindered", "Nothing\nat all.")]


def test_text_without_headings_is_one_field_with_an_info(tmp_path):
    (tmp_path / "reflective-jo.txt").write_text("Set: 5\n\nWe talked.\nA lot.\n\nThen stopped.", encoding="utf-8")
    result = ingest(tmp_path)
    [log] = result.logs
    assert (log.metadata.log_type, log.metadata.set_id) == ("reflective", "Set 5")
    assert [(f.prompt, f.text) for f in log.fields] == [("Log", "We talked.\nA lot.\n\nThen stopped.")]
    [info] = result.issues
    assert info.severity == "info" and "no headings" in info.message


def test_manifest_gives_and_overrides_document_metadata(tmp_path):
    write_docx(tmp_path / "docs" / "a.docx", lines=["Log type: reflective", "Set: 1", f"Name: {AUTHOR}"],
               sections=[("What I learned", ["Patience."])])
    (tmp_path / "b.md").write_text("# What helped\nThe silence.\n", encoding="utf-8")
    good_csv(tmp_path / "observer.csv")
    write_csv(tmp_path / "manifest.csv", [
        ["File", "Set", "Log type", "Role"],
        ["docs/a.docx", "Set 9", "", "host"],
        ["b.md", "", "observer", ""],
        ["missing.docx", "Set 1", "", ""],
        ["observer.csv", "Set 1", "", ""],
    ])
    result = ingest(tmp_path)
    by_file = {log.source_file: log for log in result.logs}
    assert set(by_file) == {"docs/a.docx", "b.md", "observer.csv"}
    a = by_file["docs/a.docx"].metadata
    assert (a.set_id, a.log_type, a.role, a.author_name) == ("Set 9", "reflective", "host", AUTHOR)
    assert by_file["b.md"].metadata.log_type == "observer"
    assert by_file["observer.csv"].metadata.set_id == "Set 4"  # forms are not touched by the manifest
    warnings = issues_for(result, "manifest.csv", "warning")
    assert [(w.row, w.column) for w in warnings] == [(4, "File"), (5, "File")]
    assert "does not exist" in warnings[0].message and "only to documents" in warnings[1].message


# --- encodings -------------------------------------------------------------------------

def test_cp1252_csv_is_decoded_with_an_info(tmp_path):
    write_csv(tmp_path / "reflective.csv", [
        ["Name", "What I learned"], ["Renée Fairbrother", "The £40 budget was café money."]], encoding="cp1252")
    result = ingest(tmp_path)
    [log] = result.logs
    assert log.metadata.author_name == "Renée Fairbrother"
    assert log.fields[0].text == "The £40 budget was café money."
    [info] = result.issues
    assert info.severity == "info" and "cp1252" in info.message and info.source_file == "reflective.csv"


def test_utf8_bom_header_is_recognised(tmp_path):
    write_csv(tmp_path / "export.csv", [["submission_id", "log_type", "What I learned"], ["S-1", "reflective", "x"]],
              encoding="utf-8-sig")
    result = ingest(tmp_path)
    [log] = result.logs
    assert log.metadata.submission_id == "S-1"
    assert not result.issues


def test_utf16_text_file(tmp_path):
    (tmp_path / "reflective.txt").write_text("# What I learned\nNaïve hopes.\n", encoding="utf-16")
    [log] = ingest(tmp_path).logs
    assert log.fields[0].text == "Naïve hopes."


# --- structure details -------------------------------------------------------------------

def test_docx_heading_used_as_title_content_controls_and_tables_in_a_field(tmp_path):
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_heading("Observer log", level=1)  # a title written as Heading 1, metadata under it
    document.add_paragraph(f"Name: {AUTHOR}")
    document.add_heading("How the set worked", level=2)
    paragraph = document.add_paragraph("Typed before the control, ")
    control, content, run, text = (OxmlElement(tag) for tag in ("w:sdt", "w:sdtContent", "w:r", "w:t"))
    text.text = "typed inside it."
    run.append(text), content.append(run), control.append(content)
    paragraph._p.append(control)
    grid = document.add_table(rows=2, cols=2)
    grid.cell(0, 0).text, grid.cell(0, 1).text = "Helped", "Hindered"
    grid.cell(1, 0).merge(grid.cell(1, 1)).text = "Both at once"
    document.save(tmp_path / "set3.docx")
    [log] = ingest(tmp_path).logs
    assert (log.metadata.log_type, log.metadata.author_name) == ("observer", AUTHOR)
    assert [(f.prompt, f.text) for f in log.fields] == [
        ("How the set worked", "Typed before the control, typed inside it.\n\nHelped\n\nHindered\n\nBoth at once")]


def test_docx_metadata_table_with_a_header_row(tmp_path):
    document = docx.Document()
    grid = document.add_table(rows=2, cols=3)
    for column, (key, value) in enumerate([("Log type", "Reflective"), ("Set", "B"), ("Meeting", "4")]):
        grid.cell(0, column).text, grid.cell(1, column).text = key, value
    document.add_heading("What I learned", level=1)
    document.add_paragraph("Plenty.")
    document.save(tmp_path / "r.docx")
    [log] = ingest(tmp_path).logs
    assert (log.metadata.log_type, log.metadata.set_id, log.metadata.meeting_number) == ("reflective", "Set B", 4)


def test_markdown_title_bold_keys_comments_and_question_lists(tmp_path):
    (tmp_path / "log.md").write_text(
        "# Reflective log\n\n**Name:** " + AUTHOR + "\nMeeting: 2\n\n## What I learned\n"
        "<!-- write about what you learned -->\nStuff\n\n## Questions that helped me\n\n- Why now?\n\n- Who says?\n"
        "\nTaken back\n----------\nTo the team.\n", encoding="utf-8")
    [log] = ingest(tmp_path).logs
    assert (log.metadata.log_type, log.metadata.author_name, log.metadata.meeting_number) == (
        "reflective", AUTHOR, 2)
    assert [(f.prompt, f.text) for f in log.fields] == [
        ("What I learned", "Stuff"), ("Questions that helped me", "- Why now?\n- Who says?"),
        ("Taken back", "To the team.")]


def test_text_before_the_first_heading_is_kept_as_an_unnamed_field(tmp_path):
    (tmp_path / "observer.txt").write_text("Set: 1\nA word first.\n\n# How it went\nFine.\n", encoding="utf-8")
    [log] = ingest(tmp_path).logs
    assert log.metadata.set_id == "Set 1"
    assert [(f.prompt, f.text) for f in log.fields] == [("", "A word first."), ("How it went", "Fine.")]


def test_semicolon_csv_with_multiline_cells_reports_excel_row_numbers(tmp_path):
    (tmp_path / "export.csv").write_text(
        'Log type;Name;Email;What helped\nobserver;anonymous;anonymous;"multi\nline"\n\nnonsense;x;y;text\n',
        encoding="utf-8")
    result = ingest(tmp_path)
    [log] = result.logs
    assert log.fields[0].text == "multi\nline" and log.metadata.author_email is None
    [issue] = result.issues
    assert (issue.row, issue.column, issue.severity) == (4, "Log type", "error")


def test_row_without_answers_and_missing_log_type_source(tmp_path):
    write_csv(tmp_path / "observer.csv", [["Name", "What helped", "Score"], [AUTHOR, "", "5"], [AUTHOR, "Yes", "4"]])
    write_csv(tmp_path / "misc.csv", [["Name", "What helped"], [AUTHOR, "Lots"]])
    result = ingest(tmp_path)
    assert [(log.source_file, log.source_row) for log in result.logs] == [("observer.csv", 3)]
    assert [f.prompt for f in result.logs[0].fields] == ["What helped"]  # numbers are not free text
    [empty_row] = issues_for(result, "observer.csv")
    assert (empty_row.row, empty_row.severity) == (2, "warning")
    [misc] = issues_for(result, "misc.csv")
    assert misc.severity == "error" and "no log type column" in misc.message
