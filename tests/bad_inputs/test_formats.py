"""Files that open but say less than they seem: each loss is reported in its place, never silent."""
from __future__ import annotations

import struct

import openpyxl

from tests.bad_inputs.batch import PLANTED, PLANTED_TEXT, assert_case, logs_from, with_good_neighbour
from tests.ingest_inputs import ingest, write_csv, write_docx

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole_file(path, streams: list[str]):
    """An OLE compound file as Office writes one: a header sector, then a directory sector naming `streams`.

    Just enough of the format for what ingest looks at (signature, directory entry names); an
    encrypted workbook or document holds "EncryptionInfo" and "EncryptedPackage" streams.
    """
    header = OLE_SIGNATURE + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
    directory = b""
    for name in ["Root Entry", *streams]:
        encoded = (name + "\x00").encode("utf-16-le")
        directory += encoded.ljust(64, b"\x00") + struct.pack("<H", len(encoded)) + b"\x02".ljust(62, b"\x00")
    path.write_bytes(header.ljust(512, b"\x00") + directory.ljust(512, b"\x00") + PLANTED.encode() * 20)
    return path


def test_a_password_protected_workbook_and_document_are_reported_as_encrypted(tmp_path):
    with_good_neighbour(tmp_path)
    for name in ("forms.xlsx", "reflective.docx"):
        ole_file(tmp_path / name, ["\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"])
    result = ingest(tmp_path)
    workbook = assert_case(result, "forms.xlsx", severity="error", says="password-protected (encrypted)")
    document = assert_case(result, "reflective.docx", severity="error", says="password-protected (encrypted)")
    assert "Excel" in workbook.message and "Word" in document.message


def test_an_old_binary_file_named_xlsx_or_docx_is_told_apart_from_an_encrypted_one(tmp_path):
    with_good_neighbour(tmp_path)
    ole_file(tmp_path / "forms.xlsx", ["Workbook", "\x05SummaryInformation"])
    ole_file(tmp_path / "reflective.docx", ["WordDocument", "1Table"])
    result = ingest(tmp_path)
    assert_case(result, "forms.xlsx", severity="error", says="old binary Excel file (97-2003 format)")
    assert_case(result, "reflective.docx", severity="error", says="old binary Word file (97-2003 format)")


def test_a_truncated_workbook_is_an_error_and_the_batch_goes_on(tmp_path):
    with_good_neighbour(tmp_path)
    book = openpyxl.Workbook()
    book.active.append(["Log type", "What helped"])
    book.active.append(["observer", PLANTED_TEXT])
    book.save(tmp_path / "whole.xlsx")
    (tmp_path / "forms.xlsx").write_bytes((tmp_path / "whole.xlsx").read_bytes()[:-200])
    (tmp_path / "whole.xlsx").unlink()
    result = ingest(tmp_path)
    assert_case(result, "forms.xlsx", severity="error", says=".xlsx")


def test_a_formula_with_no_saved_result_is_reported_not_dropped_silently(tmp_path):
    # openpyxl, like many scripts, writes formulas without calculating them.
    with_good_neighbour(tmp_path)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Reflective"
    sheet.append(["Name", "What I learned", "What helped", "Summary"])
    sheet.append([PLANTED, PLANTED_TEXT, "Kept.", '=B2&" and "&C2'])
    book.save(tmp_path / "forms.xlsx")
    result = ingest(tmp_path)
    issue = assert_case(result, "forms.xlsx", severity="warning", says="formula saved without its result",
                        row=2, column="Summary")
    assert issue.message.startswith("sheet 'Reflective'")
    [log] = logs_from(result, "forms.xlsx")
    assert [f.prompt for f in log.fields] == ["What I learned", "What helped"]


def test_a_pipe_delimited_file_is_read_as_a_table(tmp_path):
    with_good_neighbour(tmp_path)
    (tmp_path / "export.csv").write_text(
        f"Log type|Name|Set|What helped|What I learned\nreflective|{PLANTED}|2|The pause.|{PLANTED_TEXT}\n"
        "observer|Someone Else|2|Silence.|Patience.\n", encoding="utf-8")
    result = ingest(tmp_path)
    logs = logs_from(result, "export.csv")
    prompts = ["What helped", "What I learned"]
    assert [(log.metadata.log_type, log.metadata.set_id, [f.prompt for f in log.fields]) for log in logs] == [
        ("reflective", "Set 2", prompts), ("observer", "Set 2", prompts)]
    assert not [i for i in result.issues if i.source_file == "export.csv"]


def test_a_front_matter_key_given_twice_is_reported_and_the_first_value_used(tmp_path):
    with_good_neighbour(tmp_path)
    (tmp_path / "notes.md").write_text(f"---\nlog_type: reflective\nname: {PLANTED}\nlog_type: observer\n---\n"
                                       f"# What I learned\n{PLANTED_TEXT}\n", encoding="utf-8")
    (tmp_path / "other.md").write_text("---\nLog type: preparation\nKind of log: observer\n---\n# Questions\nWhy?\n",
                                       encoding="utf-8")
    result = ingest(tmp_path)
    issue = assert_case(result, "notes.md", severity="warning", says="front matter gives this again", row=4,
                        column="log_type")
    assert "first on line 2" in issue.message
    assert_case(result, "other.md", severity="warning", says="front matter gives this again", row=3,
                column="Kind of log")
    types = {log.source_file: log.metadata.log_type for log in result.logs}
    assert types["notes.md"] == "reflective" and types["other.md"] == "preparation"


def test_a_csv_with_no_log_type_and_no_telling_name_is_an_error(tmp_path):
    with_good_neighbour(tmp_path)
    write_csv(tmp_path / "export.csv", [["Name", "Set", "What helped"], [PLANTED, "2", PLANTED_TEXT]])
    write_csv(tmp_path / "notes.csv", [["Colour", "Comment"], ["blue", PLANTED_TEXT]])
    result = ingest(tmp_path)
    assert_case(result, "export.csv", severity="error", says="no log type column")
    assert_case(result, "notes.csv", severity="error", says="no recognisable metadata column")
    assert {log.source_file for log in result.logs} == {"observer.csv"}


def test_random_bytes_named_docx_and_xlsx_are_errors(tmp_path):
    with_good_neighbour(tmp_path)
    (tmp_path / "reflective.docx").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "forms.xlsx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    result = ingest(tmp_path)
    assert_case(result, "reflective.docx", severity="error", says="not a Word document")
    assert_case(result, "forms.xlsx", severity="error", says=".xlsx")


def test_a_docx_without_headings_is_reported_without_quoting_its_title(tmp_path):
    with_good_neighbour(tmp_path)
    write_docx(tmp_path / "flat.docx", title=PLANTED, lines=[PLANTED_TEXT])
    result = ingest(tmp_path)
    assert_case(result, "flat.docx", severity="error", says="no headings")


def test_utf16_without_a_byte_order_mark_is_decoded_and_said(tmp_path):
    with_good_neighbour(tmp_path)
    text = f"Log type,Name,What helped\nreflective,{PLANTED},Café talk.\n"
    (tmp_path / "le.csv").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "be.csv").write_bytes(text.replace("reflective", "observer").encode("utf-16-be"))
    result = ingest(tmp_path)
    assert_case(result, "le.csv", severity="info", says="UTF-16 without a byte order mark; decoded as utf-16-le")
    assert_case(result, "be.csv", severity="info", says="decoded as utf-16-be")
    texts = {log.source_file: log.fields[0].text for log in result.logs}
    assert texts["le.csv"] == texts["be.csv"] == "Café talk."


def test_a_utf8_file_with_a_foreign_byte_is_refused_with_its_line(tmp_path):
    with_good_neighbour(tmp_path)
    (tmp_path / "reflective.csv").write_bytes(
        f"Name,What I learned\n{PLANTED},Café – naïve\n{PLANTED},{PLANTED_TEXT} \x81\x9d\n".encode("utf-8")
        .replace(b"\xc2\x81\xc2\x9d", b"\x81\x9d"))
    result = ingest(tmp_path)
    issue = assert_case(result, "reflective.csv", severity="error", says="line 3 holds a byte that is not UTF-8",
                        row=3)
    assert "0x81" in issue.message


def test_an_unclosed_quote_costs_its_row_only_and_is_reported(tmp_path):
    # Read leniently, the open quote made rows 3 and 4 part of row 2's answer, without a word.
    with_good_neighbour(tmp_path)
    (tmp_path / "reflective.csv").write_text(
        f'Name,What I learned,What helped\n{PLANTED},"{PLANTED_TEXT},Kept?\n'
        'Another Person,"Two lines,\nproperly closed",Listening.\nA Third,Timing.,Breaks.\n', encoding="utf-8")
    result = ingest(tmp_path)
    assert_case(result, "reflective.csv", severity="error", says="never closed", row=2, column="What I learned")
    rows = [(log.source_row, [f.text for f in log.fields]) for log in logs_from(result, "reflective.csv")]
    assert rows == [(3, ["Two lines,\nproperly closed", "Listening."]), (4, ["Timing.", "Breaks."])]


def test_an_unclosed_quote_in_the_manifest_costs_that_row(tmp_path):
    with_good_neighbour(tmp_path)
    (tmp_path / "manifest.csv").write_text(f'file,Name,Set\na.md,"{PLANTED},2\nb.md,Someone,3\n', encoding="utf-8")
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(f"---\nlog_type: reflective\n---\n# What I learned\n{name}\n", encoding="utf-8")
    result = ingest(tmp_path)
    assert_case(result, "manifest.csv", severity="error", says="never closed", row=2, column="Name")
    sets = {log.source_file: log.metadata.set_id for log in result.logs}
    assert sets["a.md"] is None and sets["b.md"] == "Set 3"
