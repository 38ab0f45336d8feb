"""Hostile inputs the probe found handled cleanly, kept so: nothing executed, expanded or fetched."""
from __future__ import annotations

import zipfile

import openpyxl

from tests.bad_inputs.batch import PLANTED, PLANTED_TEXT, assert_case, logs_from, with_good_neighbour
from tests.ingest_inputs import ingest, write_docx


def docx_with_doctype(path, doctype: str, reference: str):
    """A real Word document whose body declares `doctype` and holds `reference` as its one answer."""
    plain = write_docx(path.with_suffix(".plain.docx"), sections=[("What I learned", ["ANSWER"])])
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "word/document.xml":
                data = data.decode().replace("?>", "?>" + doctype, 1).replace("ANSWER", reference).encode()
            target.writestr(member, data)
    plain.unlink()
    return path


def test_an_external_entity_in_a_docx_is_not_fetched(tmp_path):
    inputs = with_good_neighbour(tmp_path / "inputs")
    secret = tmp_path / "secret.txt"
    secret.write_text(PLANTED_TEXT, encoding="utf-8")
    docx_with_doctype(inputs / "reflective.docx", f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>',
                      "&x;")
    result = ingest(inputs)
    assert_case(result, "reflective.docx", severity="warning", says="no answer text")
    assert not any(PLANTED_TEXT in f.text for log in result.logs for f in log.fields)


def test_nested_entities_in_a_docx_are_refused_not_expanded(tmp_path):
    with_good_neighbour(tmp_path)
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    docx_with_doctype(tmp_path / "reflective.docx", f"<!DOCTYPE w:document [{entities}]>", "&j;")
    result = ingest(tmp_path)  # &j; would be 10,000,000,000 characters
    assert_case(result, "reflective.docx", severity="error", says="could not be opened as a Word document")


def test_yaml_tags_in_front_matter_are_not_executed(tmp_path):
    with_good_neighbour(tmp_path)
    planted = tmp_path / "planted-by-yaml"
    (tmp_path / "notes.md").write_text(
        f"---\nlog_type: reflective\nname: !!python/object/apply:os.system [\"touch {planted}\"]\n"
        f"set: !!python/name:os.getcwd\n---\n# What I learned\n{PLANTED}\n", encoding="utf-8")
    result = ingest(tmp_path)
    assert not planted.exists()
    assert_case(result, "notes.md", severity="warning", says="list or mapping", column="name")


def test_a_text_file_holding_nul_bytes_is_refused(tmp_path):
    with_good_neighbour(tmp_path)
    (tmp_path / "reflective.txt").write_bytes(b"\x00\x01\x02" + PLANTED.encode() + b"\x00" * 7)
    result = ingest(tmp_path)
    assert_case(result, "reflective.txt", severity="error", says="NUL characters")


def test_a_header_row_repeated_mid_file_costs_that_row_only(tmp_path):
    # Two exports pasted into one file: the second header reads as a row with an unknown log type.
    with_good_neighbour(tmp_path)
    header = "Log type,Name,What helped\n"
    (tmp_path / "forms.csv").write_text(f"{header}observer,{PLANTED},Timing.\n{header}reflective,{PLANTED},Trust.\n",
                                        encoding="utf-8")
    result = ingest(tmp_path)
    assert_case(result, "forms.csv", severity="error", says="unknown log type", row=3, column="Log type")
    assert [log.source_row for log in logs_from(result, "forms.csv")] == [2, 4]


def test_mixed_line_endings_and_an_excel_sep_hint_read_every_row(tmp_path):
    with_good_neighbour(tmp_path)
    (tmp_path / "forms.csv").write_bytes(b"sep=|\r\nLog type|What helped\r\nobserver|One.\nreflective|Two.\r"
                                         b"preparation|Three.\r\n")
    result = ingest(tmp_path)
    assert [log.metadata.log_type for log in logs_from(result, "forms.csv")] == ["observer", "reflective",
                                                                                "preparation"]
    assert not [i for i in result.issues if i.source_file == "forms.csv"]


def test_a_workbook_with_a_header_and_no_rows_is_a_warning_as_in_a_csv(tmp_path):
    with_good_neighbour(tmp_path)
    book = openpyxl.Workbook()
    book.active.title = "Observer"
    book.active.append(["Name", "What helped"])
    book.save(tmp_path / "forms.xlsx")
    result = ingest(tmp_path)
    assert not logs_from(result, "forms.xlsx")
    assert_case(result, "forms.xlsx", severity="warning", says="sheet has a header row but no submissions")
