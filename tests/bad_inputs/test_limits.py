"""Size limits ([ingest] max_file_mb, max_field_chars, max_unzipped_mb): the smallest part is refused, not the batch."""
from __future__ import annotations

import time
import tracemalloc
import zipfile

import openpyxl

from tests.bad_inputs.batch import PLANTED, PLANTED_TEXT, assert_case, logs_from, with_good_neighbour
from tests.ingest_inputs import ingest, write_csv, write_docx, write_xlsx

LONG_ANSWER = (PLANTED_TEXT + ". ") * 4000  # 148,000 characters: over the default limit and csv's own


def test_a_csv_answer_over_the_field_limit_is_left_out_and_the_row_kept(tmp_path):
    with_good_neighbour(tmp_path)
    write_csv(tmp_path / "reflective.csv", [["Name", "What I learned", "What helped"],
                                            [PLANTED, LONG_ANSWER, "Short and kept."]])
    result = ingest(tmp_path)
    issue = assert_case(result, "reflective.csv", severity="warning", says="over the limit of 100,000",
                        row=2, column="What I learned")
    assert "max_field_chars" in issue.message
    [log] = logs_from(result, "reflective.csv")
    assert [(f.prompt, f.text) for f in log.fields] == [("What helped", "Short and kept.")]


def test_a_three_megabyte_markdown_answer_is_left_out_and_the_log_kept(tmp_path):
    # Over spaCy's 1,000,000-character limit (E088), which stopped the whole run.
    with_good_neighbour(tmp_path)
    long = "\n\n".join([PLANTED_TEXT * 100] * 1000)
    (tmp_path / "reflective.md").write_text(f"---\nname: {PLANTED}\n---\n# What I learned\n{long}\n\n"
                                            "# What helped\nThe round of questions.\n", encoding="utf-8")
    result = ingest(tmp_path)
    assert_case(result, "reflective.md", severity="warning", says="over the limit of 100,000",
                column="What I learned")
    [log] = logs_from(result, "reflective.md")
    assert [f.prompt for f in log.fields] == ["What helped"]


def test_a_document_whose_only_answer_is_too_long_is_skipped_with_an_error(tmp_path):
    with_good_neighbour(tmp_path)
    (tmp_path / "reflective.txt").write_text(LONG_ANSWER, encoding="utf-8")
    result = ingest(tmp_path)
    assert_case(result, "reflective.txt", severity="error", says="every answer is over the length limit")
    assert {log.source_file for log in result.logs} == {"observer.csv"}


def test_the_field_limit_applies_to_xlsx_and_docx_answers(tmp_path):
    with_good_neighbour(tmp_path)
    write_xlsx(tmp_path / "forms.xlsx", {"Reflective": [["Name", "What I learned", "What helped"],
                                                        [PLANTED, PLANTED_TEXT * 50, "Kept."]]})
    write_docx(tmp_path / "observer.docx", sections=[("What I noticed", [PLANTED_TEXT * 50]),
                                                     ("What helped", ["Kept too."])])
    result = ingest(tmp_path, max_field_chars=1000)
    assert_case(result, "forms.xlsx", severity="warning", says="over the limit of 1,000", row=2,
                column="What I learned")
    assert_case(result, "observer.docx", severity="warning", says="over the limit of 1,000",
                column="What I noticed")
    kept = {log.source_file: [f.text for f in log.fields] for log in result.logs}
    assert kept["forms.xlsx"] == ["Kept."] and kept["observer.docx"] == ["Kept too."]


def xlsx_bomb(path, inflated_mb: int):
    """A real workbook whose sheet holds one inline-string cell of `inflated_mb` MB, deflated to ~1/1000."""
    write_xlsx(path.with_suffix(".plain.xlsx"), {"Reflective": [["Name", "What I learned"], ["x", "y"]]})
    with zipfile.ZipFile(path.with_suffix(".plain.xlsx")) as plain, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for member in plain.infolist():
            if member.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(member, plain.read(member))
        with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                        b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is>'
                        b'</c><c r="B1" t="inlineStr"><is><t>What I learned</t></is></c></row><row r="2">'
                        b'<c r="B2" t="inlineStr"><is><t>')
            chunk = b"A" * (1 << 20)
            for _ in range(inflated_mb):
                sheet.write(chunk)
            sheet.write(b"</t></is></c></row></sheetData></worksheet>")
    path.with_suffix(".plain.xlsx").unlink()
    return path


def test_an_xlsx_zip_bomb_is_refused_at_once_with_little_memory(tmp_path):
    inputs = with_good_neighbour(tmp_path / "inputs")
    bomb = xlsx_bomb(inputs / "reflective.xlsx", 400)
    assert bomb.stat().st_size < 600_000  # ~410 KB on disk, 400 MB unpacked
    tracemalloc.start()
    started = time.perf_counter()
    result = ingest(inputs)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    issue = assert_case(result, "reflective.xlsx", severity="error", says="over the limit of 200 MB")
    assert "unpacks to 400.0" in issue.message and "max_unzipped_mb" in issue.message
    assert seconds < 5 and peak < 20 * 1024 * 1024, (seconds, peak)


def test_a_docx_unpacking_past_the_limit_is_not_opened(tmp_path):
    with_good_neighbour(tmp_path)
    path = write_docx(tmp_path / "reflective.docx", sections=[("What I learned", [PLANTED_TEXT])])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/padding.bin", b"\x00" * (3 << 20))
    result = ingest(tmp_path, max_unzipped_mb=1)
    assert_case(result, "reflective.docx", severity="error", says="over the limit of 1 MB")
    assert {log.source_file for log in result.logs} == {"observer.csv"}


def test_a_header_over_the_field_limit_leaves_out_its_column_only(tmp_path):
    with_good_neighbour(tmp_path)
    write_csv(tmp_path / "reflective.csv", [["Name", PLANTED_TEXT * 40, "What helped"],
                                            [PLANTED, "Under the long header.", "Kept."]])
    result = ingest(tmp_path, max_field_chars=1000)
    assert_case(result, "reflective.csv", severity="warning", says="header is 1,400 characters", row=1,
                column="column 2")
    [log] = logs_from(result, "reflective.csv")
    assert [(f.prompt, f.text) for f in log.fields] == [("What helped", "Kept.")]


def test_a_sheet_whose_range_runs_to_the_last_cell_is_read_at_once(tmp_path):
    # One cell at XFD1048576: every row was padded to 16,384 columns, a million times (hours, gigabytes).
    with_good_neighbour(tmp_path)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Reflective"
    sheet.append(["Name", "What I learned", *[None] * 10, "Late question"])
    sheet.append([PLANTED, "Read.", *[None] * 10, "Also read."])
    sheet.cell(row=1_048_576, column=16_384, value=PLANTED_TEXT)
    book.save(tmp_path / "forms.xlsx")
    started = time.perf_counter()
    result = ingest(tmp_path)
    assert time.perf_counter() - started < 10
    issue = assert_case(result, "forms.xlsx", severity="info", says="used range runs to column XFD")
    assert "columns after BY were not read" in issue.message
    [log] = logs_from(result, "forms.xlsx")
    assert [f.text for f in log.fields] == ["Read.", "Also read."]


def test_a_metadata_value_over_the_limit_is_left_empty_and_the_log_kept(tmp_path):
    with_good_neighbour(tmp_path)
    write_csv(tmp_path / "reflective.csv", [["Name", "Set", "What helped"], [PLANTED * 40, "2", "Kept."]])
    (tmp_path / "reflective.md").write_text(f"---\nname: {PLANTED * 40}\nset: 3\n---\n# What helped\nAlso kept.\n",
                                            encoding="utf-8")
    result = ingest(tmp_path, max_field_chars=1000)
    assert_case(result, "reflective.csv", severity="warning", says="value is 1,040 characters", row=2,
                column="Name")
    assert_case(result, "reflective.md", severity="warning", says="value is 1,040 characters", column="name")
    kept = {log.source_file: (log.metadata.author_name, log.metadata.set_id) for log in result.logs}
    assert kept["reflective.csv"] == (None, "Set 2") and kept["reflective.md"] == (None, "Set 3")
