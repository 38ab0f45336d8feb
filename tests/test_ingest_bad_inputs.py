"""Bad input is reported with file, row and column, and the rest of the batch still ingests."""
from __future__ import annotations

import pytest

from tests.ingest_inputs import (AUTHOR, EMAIL, ORG, SECRET_PHRASE, good_csv, ingest, issues_for, write_csv,
                                 write_docx, write_xlsx)


def test_empty_files(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "zero.xlsx").write_bytes(b"")
    good_csv(tmp_path / "observer.csv")
    result = ingest(tmp_path)
    assert [log.source_file for log in result.logs] == ["observer.csv"]
    for name in ("empty.csv", "blank.md", "zero.xlsx"):
        [issue] = issues_for(result, name)
        assert issue.severity == "error" and "file is empty" in issue.message


def test_csv_without_recognisable_metadata(tmp_path):
    write_csv(tmp_path / "notes.csv", [["Colour", "Comment"], ["blue", "fine"], ["red", "also fine"]])
    good_csv(tmp_path / "observer.csv")
    result = ingest(tmp_path)
    assert [log.source_file for log in result.logs] == ["observer.csv"]
    [issue] = issues_for(result, "notes.csv")
    assert issue.severity == "error" and "no recognisable metadata" in issue.message


def test_unknown_log_type_skips_only_that_row(tmp_path):
    write_csv(tmp_path / "forms.csv", [
        ["Log type", "Name", "What helped"],
        ["observer", AUTHOR, "Timing."], ["diary entry", AUTHOR, SECRET_PHRASE], ["Reflective", AUTHOR, "Trust."],
    ])
    result = ingest(tmp_path)
    assert [(log.source_row, log.metadata.log_type) for log in result.logs] == [(2, "observer"), (4, "reflective")]
    [issue] = result.issues
    assert (issue.source_file, issue.row, issue.column, issue.severity) == ("forms.csv", 3, "Log type", "error")
    assert "unknown log type" in issue.message


def test_bad_date_and_bad_meeting_number_are_warnings_and_the_log_is_kept(tmp_path):
    write_csv(tmp_path / "observer.csv", [
        ["Name", "Meeting no.", "Date of meeting", "Email", "What helped"],
        [AUTHOR, "the third", "13/13/2021", "not-an-email", "Listening."],
        [AUTHOR, "2.5", "sometime in May", EMAIL, "Breaks."],
    ])
    result = ingest(tmp_path)
    assert len(result.logs) == 2
    assert all(log.metadata.meeting_number is None and log.metadata.meeting_date is None for log in result.logs)
    assert result.logs[0].metadata.author_email is None and result.logs[1].metadata.author_email == EMAIL
    found = {(i.row, i.column, i.severity) for i in result.issues}
    assert found == {(2, "Meeting no.", "warning"), (2, "Date of meeting", "warning"), (2, "Email", "warning"),
                     (3, "Meeting no.", "warning"), (3, "Date of meeting", "warning")}


def test_xlsx_that_is_not_a_workbook(tmp_path):
    (tmp_path / "renamed.xlsx").write_text("Name,What helped\nx,y\n", encoding="utf-8")
    (tmp_path / "corrupt.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    good_csv(tmp_path / "observer.csv")
    result = ingest(tmp_path)
    assert [log.source_file for log in result.logs] == ["observer.csv"]
    for name in ("renamed.xlsx", "corrupt.xlsx"):
        [issue] = issues_for(result, name)
        assert issue.severity == "error" and ".xlsx" in issue.message


def test_docx_without_headings_and_invalid_docx(tmp_path):
    write_docx(tmp_path / "flat.docx", lines=["Log type: reflective", "Just some text.", "More text."])
    (tmp_path / "fake.docx").write_text("not a zip", encoding="utf-8")
    good_csv(tmp_path / "observer.csv")
    result = ingest(tmp_path)
    assert [log.source_file for log in result.logs] == ["observer.csv"]
    [flat] = issues_for(result, "flat.docx")
    assert flat.severity == "error" and flat.message.startswith("no headings: each answer must start with a heading")
    [fake] = issues_for(result, "fake.docx")
    assert fake.severity == "error" and "Word document" in fake.message


def test_markdown_with_broken_yaml(tmp_path):
    (tmp_path / "broken.md").write_text("---\nlog_type: reflective\nname: [unclosed\nset: 2\n---\n# A\ntext\n",
                                        encoding="utf-8")
    (tmp_path / "list.md").write_text("---\n- a\n- b\n---\n# A\ntext\n", encoding="utf-8")
    good_csv(tmp_path / "observer.csv")
    result = ingest(tmp_path)
    assert [log.source_file for log in result.logs] == ["observer.csv"]
    [broken] = issues_for(result, "broken.md")
    assert broken.severity == "error" and "not valid YAML at line 4" in broken.message
    [listed] = issues_for(result, "list.md")
    assert listed.severity == "error" and "front matter" in listed.message


def test_duplicate_submission_id_with_different_content(tmp_path):
    write_csv(tmp_path / "one.csv", [["ID", "Log type", "What helped"], ["R-7", "observer", "Order."]])
    write_csv(tmp_path / "two.csv", [["ID", "Log type", "What helped"], ["R-8", "observer", "Calm."],
                                     ["R-7", "observer", SECRET_PHRASE]])
    result = ingest(tmp_path)
    assert [(log.source_file, log.source_row) for log in result.logs] == [("one.csv", 2), ("two.csv", 2)]
    [issue] = result.issues
    assert (issue.source_file, issue.row, issue.severity) == ("two.csv", 3, "error")
    assert "duplicate submission id with different content" in issue.message and "one.csv row 2" in issue.message


@pytest.mark.parametrize("name,advice", [("log.pdf", ".docx or .txt"), ("log.doc", ".docx"), ("old.xls", ".xlsx"),
                                         ("picture.png", None)])
def test_unsupported_format(tmp_path, name, advice):
    (tmp_path / name).write_bytes(b"\x00\x01binary")
    good_csv(tmp_path / "observer.csv")
    result = ingest(tmp_path)
    assert len(result.logs) == 1
    [issue] = issues_for(result, name)
    assert issue.severity == "error" and "unsupported format" in issue.message and ".xlsx, .docx" in issue.message
    if advice:
        assert f"re-save it as {advice}" in issue.message


def test_hidden_and_lock_files_are_skipped(tmp_path):
    good_csv(tmp_path / "observer.csv")
    (tmp_path / "~$draft.docx").write_bytes(b"lock")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.pdf").write_bytes(b"x")
    result = ingest(tmp_path)
    assert len(result.logs) == 1 and not result.issues


def test_a_reader_crash_is_reported_with_its_type_and_the_batch_goes_on(tmp_path, monkeypatch):
    from pipeline.ingest.readers.xlsx_reader import XlsxReader

    def explode(*args, **kwargs):
        raise RuntimeError(SECRET_PHRASE)

    monkeypatch.setattr(XlsxReader, "read", explode)
    write_xlsx(tmp_path / "reflective.xlsx", {"S": [["Name", "What I learned"], [AUTHOR, "x"]]})
    good_csv(tmp_path / "observer.csv")
    result = ingest(tmp_path)
    assert len(result.logs) == 1
    [issue] = issues_for(result, "reflective.xlsx")
    assert issue.severity == "error" and "RuntimeError" in issue.message and SECRET_PHRASE not in issue.message


def test_no_issue_message_quotes_personal_data_or_free_text(tmp_path):
    planted = [AUTHOR, EMAIL, SECRET_PHRASE, ORG]
    header = ["ID", "Log type", "Your name", "Email address", "Organisation", "Meeting", "Date", "Role", "Setting",
              "Org type", "Reflection"]
    write_csv(tmp_path / "forms.csv", [
        header,
        ["X-1", "observer", AUTHOR, EMAIL, ORG, SECRET_PHRASE, SECRET_PHRASE, SECRET_PHRASE, SECRET_PHRASE,
         SECRET_PHRASE, SECRET_PHRASE],
        ["X-2", AUTHOR, AUTHOR, AUTHOR, ORG, "1", "2021-01-01", "host", "adults", "nhs", SECRET_PHRASE],
        ["X-1", "observer", AUTHOR, f"{AUTHOR} at home", ORG, "1", "2021-01-01", "", "", "", "Other words."],
        ["X-3", "observer", AUTHOR, EMAIL, ORG, "", "", "", "", "", ""],
    ])
    write_csv(tmp_path / "copy.csv", [header, ["X-1", "observer", AUTHOR, EMAIL, ORG, SECRET_PHRASE, SECRET_PHRASE,
                                               SECRET_PHRASE, SECRET_PHRASE, SECRET_PHRASE, SECRET_PHRASE]])
    (tmp_path / "bad.md").write_text(f"---\nname: {AUTHOR}\nemail: [{EMAIL}\n---\n# {SECRET_PHRASE}\n",
                                     encoding="utf-8")
    write_csv(tmp_path / "manifest.csv", [["file", "Name"], [f"{AUTHOR}.docx", AUTHOR]])
    result = ingest(tmp_path)
    assert len(result.issues) >= 8
    for issue in result.issues:
        for secret in planted:
            assert secret.lower() not in issue.describe().lower(), issue


