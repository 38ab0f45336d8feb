"""Write the bundled sample programme, data/sample/, from scripts/sample_programme.yaml.

    .venv/bin/python scripts/build_sample_data.py [--out DIR]   (DIR: data/, the default, or elsewhere to compare)

Deterministic: running it twice gives byte-identical files (DOCX/XLSX archives
get fixed timestamps). It also writes data/sample_planted_pii.json, the list of
every personal value planted in the sample (outside data/sample/ so that the
pipeline never ingests it), and fails if a listed value is missing from the files.

What the sample exercises, per format:
  forms/observer_log.csv            MS-Forms-like headers and labels, UTF-8; log type from the file name
  forms/reflective_log.xlsx         "Log type" column, real Excel date cells, question cells with bullets/numbers
  forms/reflective_log_copy.csv     a re-export of three XLSX rows (same ids, same text): stored once
  forms/preparation_sheets_excel.csv  Windows Excel CSV (cp1252), snake_case headers, dd/mm/yyyy dates
  docs/*.docx                       handbook templates: Key: value lines, a two-column table, or no metadata
  docs/*.md, docs/*.txt             YAML front matter and ## headings
  manifest.csv                      metadata for the DOCX that has none, and one correction
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
from pathlib import Path

import openpyxl
import yaml
from openpyxl.styles import Alignment, Font

from pipeline.synth import writers
from pipeline.synth.generator import META_KEYS, ROLES
from pipeline.synth.identifiers import is_nhs_number
from pipeline.synth.writers import LOG_TITLE, DocxWriter, front_matter_text, question_lines

ROOT = Path(__file__).resolve().parent.parent
PROGRAMME = yaml.safe_load((ROOT / "scripts" / "sample_programme.yaml").read_text(encoding="utf-8"))
MEMBERS, MEETING_DATES, PROMPTS = PROGRAMME["members"], PROGRAMME["meeting_dates"], PROGRAMME["prompts"]
DOC_OBSERVER_PROMPTS, REFLECTIVE_COPY_IDS = PROGRAMME["doc_observer_prompts"], PROGRAMME["reflective_copy_ids"]
# A field is a list of paragraphs, joined here by a blank line as a form cell holds them; questions stay a list.
LOGS = [dict(log, fields={key: value if key == "questions" else "\n\n".join(value)
                          for key, value in log["fields"].items()}) for log in PROGRAMME["logs"]]
CREATOR = "ALS Insight sample"  # author of every DOCX/XLSX (synth's say "ALS Insight synth")

# Form and Word-template labels, as people choose them from a list (not the canonical snake_case values).
ORG_TYPE_LABEL = {"local_authority": "Local authority", "fostering_agency": "Fostering agency", "charity": "Charity",
                  "private_provider": "Private provider", "nhs": "NHS", "other": "Other"}
SETTING_LABEL = {"adults": "Adults", "children_families": "Children and families", "both": "Both"}


def role_label(role: str) -> str:
    return role.replace("_", " ").capitalize()


def metadata(log: dict) -> dict:
    """The canonical metadata of one log, from its author and the role rotation."""
    member = MEMBERS[log["author"]]
    role = ROLES[(member["position"] - log["meeting"] + 1) % len(ROLES)]
    expected = {"observer": "observer", "preparation": "presenter"}.get(log["type"])
    assert expected in (None, role), f"{log['id']}: {member['name']} was {role} at meeting {log['meeting']}"
    return dict(submission_id=log["id"], log_type=log["type"], set_id=member["set"], meeting_number=log["meeting"],
                meeting_date=MEETING_DATES[member["set"]][log["meeting"] - 1], author_name=member["name"],
                author_email=member["email"], organisation=member["organisation"], org_type=member["org_type"],
                setting=member["setting"], role=role)


def prompts_for(log: dict) -> dict:
    if log["type"] == "observer" and log["out"].startswith("docs/"):
        return DOC_OBSERVER_PROMPTS
    return PROMPTS[log["type"]]


def field_values(log: dict) -> list[tuple[str, str]]:
    """(prompt, text) pairs as a form export holds them: questions one per line."""
    return [(prompt, question_lines(value, log.get("qstyle", "bullet")) if isinstance(value, list) else value)
            for key, prompt in prompts_for(log).items() for value in [log["fields"][key]]]


def submitted_at(log: dict, meta: dict) -> dt.datetime:
    """Plausible form timestamps: preparation sheets a few days before, logs a day or two after."""
    seq = LOGS.index(log)
    days = -4 if log["type"] == "preparation" else 1 + seq % 2
    return dt.datetime.combine(meta["meeting_date"], dt.time(9 + seq % 8, (seq * 17) % 60, (seq * 7) % 60)) \
        + dt.timedelta(days=days)


# ----------------------------------------------------------------------------- writers
class SampleFiles:
    """The sample folder being written, and every string written into each of its files (to find planted values)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.texts: dict[str, list[str]] = {}  # file (relative to the folder) -> every string written into it

    def record(self, rel: str, *values) -> None:
        self.texts.setdefault(rel, []).extend(str(v) for v in values if v is not None)

    def write_csv(self, rel: str, rows: list[list], encoding: str) -> None:
        writers.write_csv(self.folder / rel, rows, encoding)
        for row in rows:
            self.record(rel, *row)


def observer_csv(files: SampleFiles, logs: list[dict]) -> None:
    rel = "forms/observer_log.csv"
    header = ["ID", "Start time", "Completion time", "Email address", "Your name", "Organisation",
              "Type of organisation", "Practice setting", "Set", "Meeting no.", "Date of meeting", "Role this meeting"]
    rows = [header + list(PROMPTS["observer"].values())]
    for log in logs:
        m = metadata(log)
        done = submitted_at(log, m)
        rows.append([log["id"], f"{done - dt.timedelta(minutes=11, seconds=23):%Y-%m-%d %H:%M:%S}",
                     f"{done:%Y-%m-%d %H:%M:%S}", m["author_email"], m["author_name"], m["organisation"],
                     ORG_TYPE_LABEL[m["org_type"]], SETTING_LABEL[m["setting"]], m["set_id"], m["meeting_number"],
                     m["meeting_date"].isoformat(), role_label(m["role"])] + [text for _, text in field_values(log)])
    files.write_csv(rel, rows, "utf-8")


REFLECTIVE_HEADER = ["Submission ID", "Log type", "Set", "Meeting number", "Meeting date", "Name", "Email",
                     "Organisation", "Org type", "Setting", "Role"] + list(PROMPTS["reflective"].values())


def reflective_row(log: dict) -> list:
    m = metadata(log)
    return [m["submission_id"], m["log_type"], m["set_id"], m["meeting_number"], m["meeting_date"],
            m["author_name"], m["author_email"], m["organisation"], m["org_type"], m["setting"], m["role"]] \
        + [text for _, text in field_values(log)]


def reflective_xlsx(files: SampleFiles, logs: list[dict]) -> None:
    rel = "forms/reflective_log.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Form1"
    sheet.append(REFLECTIVE_HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for log in logs:
        sheet.append(reflective_row(log))
        files.record(rel, *reflective_row(log))
    files.record(rel, *REFLECTIVE_HEADER)
    for row in sheet.iter_rows(min_row=2):
        row[4].number_format = "dd/mm/yyyy"  # a real date cell, shown the British way
        for cell in row[11:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFGHIJKLMNOP", [12, 12, 8, 10, 12, 22, 34, 36, 16, 18, 18] + [60] * 5):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    writers.save_workbook(book, files.folder / rel, CREATOR)


def reflective_copy_csv(files: SampleFiles, logs: list[dict]) -> None:
    rows = [REFLECTIVE_HEADER]
    for log in logs:
        row = reflective_row(log)
        row[4] = row[4].isoformat()
        rows.append(row)
    files.write_csv("forms/reflective_log_copy.csv", rows, "utf-8-sig")  # with a BOM, as Excel saves "CSV UTF-8"


def preparation_csv(files: SampleFiles, logs: list[dict]) -> None:
    keys = META_KEYS  # the canonical headers, as the synthetic forms have them
    rows = [keys + list(PROMPTS["preparation"].values())]
    for log in logs:
        m = metadata(log)
        m["meeting_date"] = f"{m['meeting_date']:%d/%m/%Y}"
        rows.append([m[k] for k in keys] + [text for _, text in field_values(log)])
    files.write_csv("forms/preparation_sheets_excel.csv", rows, "cp1252")


def doc_metadata_rows(log: dict) -> list[tuple[str, str]]:
    """The metadata block of a Word template, with human labels (and the meeting number as written)."""
    m = metadata(log)
    date = f"{m['meeting_date']:%-d %B %Y}" if log.get("meta") == "kv" else f"{m['meeting_date']:%d/%m/%Y}"
    return [("Set", m["set_id"]), ("Meeting number", str(log.get("doc_meeting", m["meeting_number"]))),
            ("Date of meeting", date), ("Name", m["author_name"]), ("Email", m["author_email"]),
            ("Organisation", m["organisation"]), ("Type of organisation", ORG_TYPE_LABEL[m["org_type"]]),
            ("Setting", SETTING_LABEL[m["setting"]]), ("Role", role_label(m["role"]))]


def write_docx(files: SampleFiles, writer: DocxWriter, log: dict) -> None:
    """A Word template: title, metadata as "Key: value" lines, a two-column table or none, a heading per prompt."""
    rel = log["out"]
    writer.start(LOG_TITLE[log["type"]])
    rows = [] if log["meta"] == "none" else doc_metadata_rows(log)
    if log["meta"] == "kv":
        writer.lines(f"{key}: {value}" for key, value in rows)
    elif log["meta"] == "table":
        writer.table(rows)
    files.record(rel, LOG_TITLE[log["type"]], *[f"{k}: {v}" for k, v in rows])
    for key, prompt in prompts_for(log).items():
        value = log["fields"][key]
        questions = isinstance(value, list)
        writer.section(prompt, value if questions else value.split("\n\n"), bulleted=questions)
        files.record(rel, prompt, *(value if questions else [value]))
    writer.save(files.folder / rel)


def write_text_doc(files: SampleFiles, log: dict) -> None:
    """Markdown or plain text: YAML front matter, then a ## heading per prompt."""
    rel, m = log["out"], metadata(log)
    m.pop("submission_id")  # no form id: the pipeline derives one from the content
    style = "number" if rel.endswith(".txt") else "bullet"  # questions numbered in the .txt, bulleted in the .md
    text = front_matter_text(m, [(prompt, question_lines(value, style) if isinstance(value, list) else value)
                                 for key, prompt in prompts_for(log).items() for value in [log["fields"][key]]])
    writers.write_text(files.folder / rel, text)
    files.record(rel, text)


def manifest(files: SampleFiles, logs: list[dict]) -> None:
    keys = ["set_id", "meeting_number", "meeting_date", "author_name", "author_email", "organisation",
            "org_type", "setting", "role", "log_type"]
    rows = [["file"] + keys]
    for log in logs:
        if log.get("meta") == "none":  # the manifest is the only source of this document's metadata
            m = metadata(log)
            rows.append([log["out"]] + [m[k].isoformat() if k == "meeting_date" else m[k] for k in keys])
        elif "doc_meeting" in log:  # the document says the wrong meeting: the manifest corrects it
            rows.append([log["out"]] + [log["meeting"] if k == "meeting_number" else "" for k in keys])
    files.write_csv("manifest.csv", rows, "utf-8")


# ----------------------------------------------------------------------------- planted personal data
def planted_values() -> list[tuple[str, str, str]]:
    values = []
    for member in MEMBERS.values():
        values += [(member["name"], "PERSON", "set member (author metadata)"),
                   (member["name"].split(" ", 1)[1], "PERSON", "set member's surname (part of the full name)"),
                   (member["email"], "CONTACT", "set member's email (author metadata)"),
                   (member["organisation"], "ORG", "organisation (metadata)")]
    planted = [tuple(entry) for entry in PROGRAMME["planted"]]
    bad = [value for value, kind, _ in planted if kind == "ID" and re.fullmatch(r"\d{3} \d{3} \d{4}", value)
           and not is_nhs_number(value)]
    if bad:
        raise SystemExit(f"NHS numbers without a valid check digit: {bad}")
    return values + planted


def write_planted_pii(files: SampleFiles, path: Path) -> list[dict]:
    entries, missing = [], []
    for value, kind, note in planted_values():
        where = sorted(rel for rel, texts in files.texts.items() if any(value in text for text in texts))
        if not where:
            missing.append(value)
        entries.append({"value": value, "type": kind, "where": "; ".join(where), "note": note})
    if missing:
        raise SystemExit(f"planted values not found in any sample file: {missing}")
    path.write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return entries


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the bundled sample from scripts/sample_programme.yaml.")
    parser.add_argument("--out", type=Path, default=ROOT / "data",
                        help="folder for sample/ and sample_planted_pii.json (default: data/)")
    out = parser.parse_args(argv).out.resolve()
    files, planted_json = SampleFiles(out / "sample"), out / "sample_planted_pii.json"
    if files.folder.exists():
        shutil.rmtree(files.folder)
    (files.folder / "forms").mkdir(parents=True)
    (files.folder / "docs").mkdir()
    by_out = lambda out: [log for log in LOGS if log["out"] == out]  # noqa: E731
    observer_csv(files, by_out("observer_csv"))
    reflective_xlsx(files, by_out("reflective_xlsx"))
    reflective_copy_csv(files, [log for log in LOGS if log["id"] in REFLECTIVE_COPY_IDS])
    preparation_csv(files, by_out("preparation_csv"))
    docx_writer = DocxWriter(CREATOR)
    for log in LOGS:
        if log["out"].endswith(".docx"):
            write_docx(files, docx_writer, log)
        elif log["out"].endswith((".md", ".txt")):
            write_text_doc(files, log)
    manifest(files, LOGS)
    entries = write_planted_pii(files, planted_json)
    shown = lambda path: path.relative_to(ROOT) if path.is_relative_to(ROOT) else path  # noqa: E731
    print(f"wrote {len(LOGS)} logs into {len(files.texts)} files under {shown(files.folder)}/, "
          f"and {len(entries)} planted values into {shown(planted_json)}")


if __name__ == "__main__":
    main()
