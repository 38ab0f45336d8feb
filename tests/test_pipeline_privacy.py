"""End to end: planted personal data in every input format reaches no table; failing closed writes nothing."""
from __future__ import annotations

import csv
import re

import docx
import openpyxl
import pytest

from pipeline.anonymise import AnonymiserUnavailable
from pipeline.config import AnonymiseConfig
from pipeline.run import run_pipeline
from tests.builders import all_text_in_db

pytestmark = pytest.mark.slow

HEADER = ["submission_id", "log_type", "set_id", "meeting_number", "meeting_date", "author_name",
          "author_email", "organisation", "org_type", "setting", "role", "What I learned",
          "Questions that had the most impact on me"]

# Invented people, places and numbers; each format carries its own set.
PLANTED = {
    "csv": dict(author="Perpetua Langridge", email="p.langridge@wexcombe.gov.uk",
                org="Wexcombe Metropolitan Borough Council", child="Caspian Thorogood",
                nhs="943 476 5919", phone="07700 900561", ref="WX-381204"),
    "xlsx": dict(author="Oluwaseun Abernethy", email="seun.abernethy@brightwaterfostering.org.uk",
                 org="Brightwater Fostering Partners", child="Marigold Featherstonehaugh",
                 nhs="401 023 2137", phone="0161 496 0732", ref="BFP 770412"),
    "docx": dict(author="Tiberius Okonjo", email="t.okonjo@lanternhousecharity.org.uk",
                 org="Lantern House Charity", child="Esmeralda Quinnell",
                 nhs="450 557 7104", phone="+44 7700 900 914", ref="LH-500271"),
    "md": dict(author="Henrietta Vasquez-Doyle", email="hvd@northmerecare.co.uk",
               org="Northmere Care Services Ltd", child="Florian Achterberg",
               nhs="463 905 0264", phone="(0113) 496 0881", ref="NMC 448120"),
}


def learned(p: dict) -> str:
    first = p["author"].split()[0]
    return (f"{first} presented about {p['child']} (NHS number {p['nhs']}, case {p['ref']}). "
            f"Call {p['phone']} or write to {p['email']}.\n\n"
            f"{p['org']} has its own ASYE forms.")


def questions(p: dict) -> str:
    return f"- What does {p['child'].split()[0]} need from you?\n- How do you feel about it?"


def meta_row(p: dict, sid: str) -> list:
    return [sid, "reflective", "Set Q", 2, "2024-05-14", p["author"], p["email"], p["org"], "charity",
            "adults", "presenter"]


@pytest.fixture
def input_dir(tmp_path):
    root = tmp_path / "inputs"
    root.mkdir()
    p = PLANTED["csv"]
    with open(root / "reflective.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER, meta_row(p, "P-1") + [learned(p), questions(p)]])
    p = PLANTED["xlsx"]
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append(meta_row(p, "P-2") + [learned(p), questions(p)])
    book.save(root / "reflective.xlsx")
    p = PLANTED["docx"]
    document = docx.Document()
    document.add_paragraph("Reflective log", style="Title")
    for key, value in zip(HEADER[1:11], meta_row(p, "P-3")[1:]):
        document.add_paragraph(f"{key}: {value}")
    document.add_heading("What I learned", level=1)
    for paragraph in learned(p).split("\n\n"):
        document.add_paragraph(paragraph)
    document.add_heading("Questions that had the most impact on me", level=1)
    for line in questions(p).splitlines():
        document.add_paragraph(line[2:], style="List Bullet")
    document.save(root / "log.docx")
    p = PLANTED["md"]
    front = "\n".join(f"{k}: \"{v}\"" for k, v in zip(HEADER[:11], meta_row(p, "P-4")))
    (root / "log.md").write_text(f"---\n{front}\n---\n\n## What I learned\n\n{learned(p)}\n\n"
                                 f"## Questions that had the most impact on me\n\n{questions(p)}\n", encoding="utf-8")
    return root


def planted_values() -> list[str]:
    values = []
    for p in PLANTED.values():
        values += [p["author"], p["email"], p["org"], p["child"], p["nhs"], p["phone"], p["ref"]]
        values += p["author"].split() + p["child"].split()
    return values


def test_no_planted_value_reaches_any_table(input_dir, config, anonymiser):
    summary = run_pipeline(input_dir, config, anonymiser=anonymiser)
    assert summary.documents_stored == 4
    stored = all_text_in_db(config.store.db)
    leaked = [v for v in planted_values() if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", stored, re.IGNORECASE)]
    assert leaked == []
    assert "ASYE" in stored  # the text itself is there, only the personal data went


def test_missing_key_writes_nothing(input_dir, config):
    config.anonymise = AnonymiseConfig(key_env="ALS_TEST_UNSET_KEY_VARIABLE", key_file=None)
    with pytest.raises(AnonymiserUnavailable, match="no pseudonym key"):
        run_pipeline(input_dir, config)
    assert not (input_dir.parent / "als.duckdb").exists()


def test_missing_model_writes_nothing(input_dir, config, anonymise_config):
    config.anonymise = AnonymiseConfig(key_file=anonymise_config.key_file, key_env=anonymise_config.key_env,
                                       spacy_model="en_core_web_nonexistent")
    with pytest.raises(AnonymiserUnavailable, match="is not installed"):
        run_pipeline(input_dir, config)
    assert not (input_dir.parent / "als.duckdb").exists()
