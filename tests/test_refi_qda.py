"""REFI-QDA: the sample programme as a .qdpx project that validates and reads back in another reader,
a round trip through a QDA tool's edits, every bad import refused whole, and .qdc codebooks."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pytest
from lxml import etree

from pipeline.interop.qdpx_export import write_project
from pipeline.interop.qdpx_import import plan_import
from pipeline.interop.refi import PROJECT_NS, RefiError, guid, validate
from pipeline.queries.codings import ACTIVE_CODINGS

pytestmark = pytest.mark.slow
NS = {"q": PROJECT_NS}
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def exported(sample_database, tmp_path):
    """A copy of the sample database and its project, as a QDA tool would receive it."""
    db = tmp_path / "programme.duckdb"
    shutil.copy(sample_database.db, db)
    project = tmp_path / "programme.qdpx"
    with duckdb.connect(str(db), read_only=True) as con:
        counts = write_project(con, project)
    return db, project, counts


def rewrite(project: Path, out: Path, edit) -> Path:
    """Edit project.qde as a QDA tool would and save the project again."""
    with zipfile.ZipFile(project) as source:
        files = {name: source.read(name) for name in source.namelist()}
    root = etree.fromstring(files["project.qde"])
    edit(root, files)
    files["project.qde"] = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    with zipfile.ZipFile(out, "w") as target:
        for name, data in files.items():
            target.writestr(name, data)
    return out


def active(db: Path) -> set[tuple[str, str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return set(con.execute(ACTIVE_CODINGS).fetchall())


def test_the_project_validates_and_reads_back_in_an_independent_reader(exported):
    db, project, counts = exported
    with zipfile.ZipFile(project) as archive:
        validate(archive.read("project.qde"))  # the published REFI-QDA schema, vendored under data_schema/
    with duckdb.connect(str(db), read_only=True) as con:
        documents = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        codes = con.execute("SELECT count(*) FROM codebook").fetchone()[0]
        codings = len(con.execute(ACTIVE_CODINGS).fetchall())
    assert (counts.sources, counts.codes) == (documents, codes)
    # pyqdpx (MIT, on PyPI) reads it without any of our code: same sources, codes and codings.
    reader = subprocess.run([sys.executable, "-c", f"""
from pyqdpx import QDPX
qde = QDPX({str(project)!r}).get_project()
selections = [s for source in qde.sources.values() for s in source.coded_selections.values()]
ours = [s for s in selections if not s.code.parent or not s.code.parent.name.startswith('Topics (')]
texts_ok = all(s.text == source.text_content[s.start:s.end] for source in qde.sources.values()
               for s in source.coded_selections.values())
codable = [c for c in qde.codes.values() if c.is_codable and not (c.parent and c.parent.name.startswith('Topics ('))]
print(len(qde.sources), len(codable), len(ours), texts_ok)
"""], capture_output=True, text=True, check=True)
    assert reader.stdout.split() == [str(documents), str(codes), str(codings), "True"]


def test_a_round_trip_changes_exactly_what_the_tool_changed(exported, tmp_path):
    """Export, add one coding and delete one in the XML as a QDA tool would, import: two decisions."""
    db, project, _ = exported
    before = active(db)
    with duckdb.connect(str(db), read_only=True) as con:
        codes = [c for (c,) in con.execute("SELECT code_id FROM codebook ORDER BY code_id").fetchall()]
    picked = {}

    def edit(root, files):
        source = root.find(".//q:TextSource", NS)
        selections = source.findall("q:PlainTextSelection", NS)
        ours = [s for s in selections if s.find("q:Coding/q:CodeRef", NS).get("targetGUID") in
                {guid("code", c) for c in codes}]
        deleted = ours[0]
        picked["deleted_code"] = next(c for c in codes if guid("code", c) == deleted.find(
            "q:Coding/q:CodeRef", NS).get("targetGUID"))
        start, end = int(ours[1].get("startPosition")), int(ours[1].get("endPosition"))
        carried = {s.find("q:Coding/q:CodeRef", NS).get("targetGUID") for s in ours
                   if (int(s.get("startPosition")), int(s.get("endPosition"))) == (start, end)}
        picked["added_code"] = next(c for c in codes if guid("code", c) not in carried)
        source.remove(deleted)
        # A tool's new selection: its own GUIDs, a few characters inside the paragraph (a drag, not a click).
        added = etree.SubElement(source, f"{{{PROJECT_NS}}}PlainTextSelection",
                                 guid="{11111111-2222-4333-8444-555555555555}", startPosition=str(start + 3),
                                 endPosition=str(end - 2))
        ours[1].addnext(added)
        coding = etree.SubElement(added, f"{{{PROJECT_NS}}}Coding", guid="aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")
        etree.SubElement(coding, f"{{{PROJECT_NS}}}CodeRef", targetGUID=guid("code", picked["added_code"]))

    edited = rewrite(project, tmp_path / "edited.qdpx", edit)
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "import", "qdpx", str(edited), "--db", str(db)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "1 coding(s) added, 1 removed" in " ".join(result.stderr.split())
    after = active(db)
    assert len(before - after) == 1 and len(after - before) == 1
    assert next(iter(before - after))[1] == picked["deleted_code"]
    assert next(iter(after - before))[1] == picked["added_code"]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT status, count(*) FROM codings WHERE method = 'human' GROUP BY ALL "
                           "ORDER BY 1").fetchall() == [("accepted", 1), ("rejected", 1)]


def _drop_first_text(root, files):
    source = root.find(".//q:TextSource", NS)
    files.pop(f"Sources/{source.get('guid')}.txt")


def _offsets_out_of_range(root, files):
    root.find(".//q:PlainTextSelection", NS).set("endPosition", "99999999")


def _unknown_code(root, files):
    family = root.find(".//q:CodeBook/q:Codes/q:Code", NS)
    etree.SubElement(family, f"{{{PROJECT_NS}}}Code", guid="0bad0bad-0bad-4bad-8bad-0bad0bad0bad",
                     name="Made in the tool", isCodable="true")


def _wrong_schema(root, files):
    etree.SubElement(root, f"{{{PROJECT_NS}}}Unheard")


@pytest.mark.parametrize("edit, message", [
    (_wrong_schema, "does not follow the REFI-QDA project schema"),
    (_drop_first_text, "which the project does not hold"),
    (_offsets_out_of_range, "lies outside its text"),
    (_unknown_code, "code(s) the database does not know"),
])
def test_each_bad_import_is_a_clear_error_and_writes_nothing(exported, tmp_path, edit, message):
    db, project, _ = exported
    edited = rewrite(project, tmp_path / "bad.qdpx", edit)
    with duckdb.connect(str(db)) as con:
        rows_before = con.execute("SELECT count(*) FROM codings").fetchone()[0]
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "import", "qdpx", str(edited), "--db", str(db)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    said = " ".join(result.stderr.split())  # the console wraps long lines
    assert message in said and "Nothing was written" in said
    with duckdb.connect(str(db)) as con:
        assert con.execute("SELECT count(*) FROM codings").fetchone()[0] == rows_before


def test_a_zip_that_is_not_a_project_and_a_file_that_is_not_a_zip(exported, tmp_path):
    db, _, _ = exported
    not_project = tmp_path / "photos.qdpx"
    with zipfile.ZipFile(not_project, "w") as archive:
        archive.writestr("holiday.txt", "not a project")
    not_zip = tmp_path / "notes.qdpx"
    not_zip.write_text("plain text")
    with duckdb.connect(str(db), read_only=True) as con:
        with pytest.raises(RefiError, match="has no project.qde"):
            plan_import(con, not_project)
        with pytest.raises(RefiError, match="not a zip archive"):
            plan_import(con, not_zip)


def test_codes_made_in_the_tool_join_the_codebook_only_when_asked(exported, tmp_path):
    db, project, _ = exported

    def add_code_and_use_it(root, files):
        _unknown_code(root, files)
        selection = root.find(".//q:PlainTextSelection", NS)
        coding = etree.SubElement(selection, f"{{{PROJECT_NS}}}Coding", guid="cccccccc-bbbb-4ccc-8ddd-eeeeeeeeeeee")
        etree.SubElement(coding, f"{{{PROJECT_NS}}}CodeRef", targetGUID="0bad0bad-0bad-4bad-8bad-0bad0bad0bad")

    edited = rewrite(project, tmp_path / "new-code.qdpx", add_code_and_use_it)
    with duckdb.connect(str(db), read_only=True) as con:
        plan = plan_import(con, edited, add_codes=True)
        families = {guid("family", f): f for (f,) in con.execute("SELECT DISTINCT family FROM codebook").fetchall()}
    with zipfile.ZipFile(project) as archive:
        first_family = etree.fromstring(archive.read("project.qde")).find(".//q:CodeBook/q:Codes/q:Code", NS)
    # The new code sits under one of our families in the tool, so it joins that family.
    assert [(c.family, c.name) for c in plan.new_codes] == [(families[first_family.get("guid")], "Made in the tool")]
    assert [c.code_id for c in plan.codings if c.status == "accepted"] == [plan.new_codes[0].code_id]


def test_a_selection_across_two_paragraphs_is_reported_never_guessed(exported, tmp_path):
    db, project, _ = exported

    def widen(root, files):
        source = root.find(".//q:TextSource", NS)
        text = files[f"Sources/{source.get('guid')}.txt"].decode()
        selection = source.find("q:PlainTextSelection", NS)
        selection.set("startPosition", "0")
        selection.set("endPosition", str(len(text)))

    edited = rewrite(project, tmp_path / "wide.qdpx", widen)
    with duckdb.connect(str(db), read_only=True) as con:
        plan = plan_import(con, edited)
    assert len(plan.unmatched) == 1 and plan.unmatched[0].why == "lies across paragraphs"
    assert plan.added == 0


def test_a_qdc_codebook_round_trips_and_is_accepted_as_a_codebook(tmp_path):
    from pipeline.coding.codebook import load_codebook
    from pipeline.interop.qdc import write_codebook

    default = load_codebook(None)
    out = tmp_path / "codebook.qdc"
    write_codebook(default, out, "qdc")
    validate(out.read_bytes(), "codebook")
    assert load_codebook(out).codes == default.codes


def test_a_qdc_from_another_tool_reads_by_its_tree(tmp_path):
    from pipeline.coding.codebook import load_codebook

    qdc = tmp_path / "from-a-tool.qdc"
    qdc.write_text("""<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Another tool"><Codes>
  <Code guid="10000000-0000-4000-8000-000000000001" name="Barriers" isCodable="false">
    <Code guid="10000000-0000-4000-8000-000000000002" name="Caseload pressure" isCodable="true">
      <Description>Too many cases to assess well.</Description></Code>
  </Code></Codes></CodeBook>""", encoding="utf-8")
    book = load_codebook(qdc)
    assert [(c.code_id, c.family, c.definition) for c in book.codes] == [
        ("barriers.caseload_pressure", "barriers", "Too many cases to assess well.")]
