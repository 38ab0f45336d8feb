"""Form headers, XLSX sheet titles and file names are never stored raw (invented people only)."""
from __future__ import annotations

import re

import duckdb
import pytest

from pipeline.run import run_pipeline
from tests.builders import FORM_HEADER, FORM_ROWS, all_text_in_db
from tests.ingest_inputs import write_csv, write_xlsx

pytestmark = pytest.mark.slow

CLIENT = re.compile(r"rosamund|quillfeather|07700 ?900123|1961", re.IGNORECASE)


def column(db: str, sql: str) -> list:
    with duckdb.connect(db, read_only=True) as con:
        return [row[0] for row in con.execute(sql).fetchall()]


def test_a_header_naming_a_person_and_a_phone_is_stored_cleaned(tmp_path, config, anonymiser):
    header = FORM_HEADER + ["Notes on Rosamund Quillfeather (ring 07700 900123)"]
    rows = [row + ["She was calm today."] for row in FORM_ROWS]
    root = write_csv(tmp_path / "in" / "observer.csv", [header] + rows).parent
    run_pipeline(root, config, anonymiser=anonymiser)
    prompts = set(column(config.store.db, "SELECT DISTINCT field_prompt FROM segments"))
    assert "What hindered the set" in prompts  # an ordinary header is kept as it is
    assert any(p.startswith("Notes on [PERSON]") and "[CONTACT]" in p for p in prompts), prompts
    assert not CLIENT.search(all_text_in_db(config.store.db))


def test_a_sheet_title_never_reaches_an_issue_message(tmp_path, config, anonymiser):
    no_type = [[h for h in FORM_HEADER if h != "log_type"]] + [row[:1] + row[2:] for row in FORM_ROWS]
    write_xlsx(tmp_path / "in" / "logs.xlsx", {"observer": [FORM_HEADER] + FORM_ROWS,
                                               "Rosamund Quillfeather": no_type})
    summary = run_pipeline(tmp_path / "in", config, anonymiser=anonymiser)
    assert summary.documents_stored == 2
    messages = column(config.store.db, "SELECT message FROM ingest_issues")
    assert any("no log type" in m for m in messages), messages  # the message itself is kept
    assert not any(CLIENT.search(m) for m in messages), messages
    assert not any(CLIENT.search(i.message) for i in summary.issues)  # what the terminal shows
    assert not CLIENT.search(all_text_in_db(config.store.db))


def markdown_log(submission_id: str = "") -> str:
    front = {"log_type": "reflective", "set_id": "Set Z", "meeting_number": "2", "meeting_date": "2024-05-14",
             "author_name": "Peregrine Ashdown", "author_email": "p.ashdown@tallowmere.org.uk",
             "organisation": "Tallowmere Trust"}
    if submission_id:
        front["submission_id"] = submission_id
    lines = "\n".join(f'{k}: "{v}"' for k, v in front.items())
    return f"---\n{lines}\n---\n\n## What I learned\n\nThe set slowed me down, which helped.\n"


@pytest.mark.parametrize("name", ["Rosamund_Quillfeather_DOB_12-03-1961.md", "Rosamund Quillfeather notes.md",
                                  "notes/dob 12.03.1961.md"])
def test_a_file_name_with_a_name_or_date_of_birth_becomes_a_stable_keyed_id(tmp_path, config, anonymiser, name):
    root = tmp_path / "in"
    (root / name).parent.mkdir(parents=True)
    (root / name).write_text(markdown_log(), encoding="utf-8")
    (root / "reflective-log-week-2.md").write_text(markdown_log().replace("slowed", "steadied"), encoding="utf-8")
    run_pipeline(root, config, anonymiser=anonymiser)
    refs = sorted(column(config.store.db, "SELECT source_ref FROM documents"))
    assert refs[1] == "reflective-log-week-2.md"  # nothing personal in it: kept
    assert re.fullmatch(r"F-[0-9A-F]{12}\.md", refs[0]), refs
    assert not CLIENT.search(all_text_in_db(config.store.db))
    again = anonymiser.fit([]).labels.file_ref(name)
    assert again == refs[0]  # the same file, the same reference, in every run with this key


def test_ordinary_messages_keep_their_words_and_quoted_labels_are_cleaned(anonymiser):
    labels = anonymiser.fit([]).labels
    for message in ("file is not UTF-8; decoded as cp1252 (Windows/Excel default)",
                    "no headings: each answer must start with a heading (Word style 'Heading 1' or Markdown '#')",
                    "front matter is not valid YAML; file skipped"):
        assert labels.clean_message(message) == message
    cleaned = labels.clean_message("sheet 'Rosamund Quillfeather': no log type column; nothing was read")
    assert cleaned == "sheet '[PERSON]': no log type column; nothing was read"
    assert labels.clean_message("sheet 'notes': ring 07700 900123") == "sheet 'notes': ring [CONTACT]"
