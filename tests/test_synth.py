"""pipeline.synth: deterministic, inputs consistent with the gold file, every hard family of personal data planted.

Fast (no models): corpora of 50-300 logs. The family classifier below is deliberately independent of the
generator's own bookkeeping: it looks only at gold.jsonl.
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import docx
import pytest

from pipeline.anonymise.markup import MARK  # the {{TYPE:text}} markup
from pipeline.synth import SynthResult, generate
from pipeline.synth.identifiers import is_nhs_number, nhs_check_digit

META = ["submission_id", "log_type", "set_id", "meeting_number", "meeting_date", "author_name", "author_email",
        "organisation", "org_type", "setting", "role"]
PROMPTS = {
    "observer": ["How the set worked today", "What helped the set", "What hindered the set",
                 "Feedback I gave to the set"],
    "reflective": ["The challenge I brought or worked on", "Questions that had the most impact on me",
                   "What I learned", "Actions I will take", "What I will take back to my organisation"],
    "preparation": ["The issue I want to bring", "Why it matters", "What I have tried so far",
                    "What I want from the set"],
}
CODE_IDS = {"process.logistics", "process.technology", "process.roles", "process.self_management",
            "process.questioning", "process.group_climate", "challenge.remote_assessment", "challenge.engagement",
            "challenge.critical_reflection", "challenge.systemic_issues", "challenge.assessment_standards",
            "challenge.workload_wellbeing", "challenge.isolation", "learning.individual",
            "learning.organisational", "learning.inter_organisational", "learning.action"}
WORD_NAMES = {"Hope", "Will", "Rose", "Grace", "Joy", "Mark", "Bill", "Dawn", "Summer", "Faith", "Sky", "Ivy",
              "Brook", "Cherry", "Hazel", "Bryony", "Robin", "Jade"}
WORD_PLACES = {"Bath", "Reading", "Sale", "Hull", "Wells", "March", "Deal", "Street"}
KEEP_TERMS = ["Social Work England", "Skills for Care", "Ofsted", "BASW", "Department for Education", "ASYE", "PCF",
              "KSS", "Teams", "Zoom", "Webex", "s.47", "CIN", "CP plan", "LAC review", "DoLS", "team manager"]
PHONE_FORMATS = {  # one pattern per format that must be planted
    "mobile spaced": r"07700 900\d{3}", "mobile unspaced": r"07700900\d{3}", "+44 mobile": r"\+44 7700 900\d{3}",
    "+44 (0) mobile": r"\+44 \(0\)7700 900\d{3}", "bracketed area code": r"\(0\d{2,4}\) \d{3,4} ?\d{3,4}",
    "landline": r"0(113|161|20|1632) \d{3,4} ?\d{3,4}"}


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def gold(result: SynthResult) -> list[dict]:
    return [json.loads(line) for line in result.gold_path.read_text(encoding="utf-8").splitlines()]


def strip(text: str) -> str:
    return MARK.sub(r"\2", text)


def spans(records: list[dict]):
    """(record, type, text, marked text around it) for every marked span."""
    for record in records:
        for field in record["fields"]:
            for item in field.get("paragraphs", []) + field.get("questions", []):
                for match in MARK.finditer(item["text"]):
                    yield record, match.group(1), match.group(2), item["text"], match.end()


def read_inputs(inputs: Path) -> dict[str, tuple[dict, dict[str, str]]]:
    """submission_id -> (metadata, {prompt: text}) from the CSVs, DOCX and Markdown files, as a reader sees them:
    paragraphs joined by a blank line, questions one per line without bullets or numbers."""
    logs = {}
    for path in sorted((inputs / "forms").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                fields = {k: re.sub(r"(?m)^(- |\d+\. )", "", v) if "question" in k.lower() else v
                          for k, v in row.items() if k not in META}
                logs[row["submission_id"]] = ({k: row[k] for k in META}, fields)
    for path in sorted((inputs / "docs").glob("*.docx")):
        meta, fields, prompt = {}, {}, None
        for paragraph in docx.Document(str(path)).paragraphs:
            style = paragraph.style.name
            if style.startswith("Heading"):
                prompt, fields[paragraph.text] = paragraph.text, []
            elif prompt is None and ": " in paragraph.text and style != "Title":
                key, value = paragraph.text.split(": ", 1)
                meta[key] = value
            elif prompt is not None:
                fields[prompt].append((paragraph.text, style))
        logs[meta["submission_id"]] = (meta, {p: ("\n" if any(s == "List Bullet" for _, s in items) else "\n\n").join(
            t for t, _ in items) for p, items in fields.items()})
    for path in sorted((inputs / "docs").glob("*.md")):
        head, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
        meta = dict(line.split(": ", 1) for line in head.splitlines()[1:])
        parts = re.split(r"(?m)^## (.+)$", body)
        fields = {parts[i]: re.sub(r"(?m)^- ", "", parts[i + 1].strip("\n")) for i in range(1, len(parts), 2)}
        logs[meta["submission_id"]] = (meta, fields)
    return logs


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> SynthResult:
    return generate(300, 11, tmp_path_factory.mktemp("synth300"), docs_share=0.2)


def test_same_seed_gives_byte_identical_files(tmp_path):
    generate(60, 5, tmp_path / "a")
    generate(60, 5, tmp_path / "b")
    first, second = files(tmp_path / "a"), files(tmp_path / "b")
    assert first == second
    assert {"gold.jsonl", "inputs/forms/observer.csv", "inputs/forms/reflective.csv",
            "inputs/forms/preparation.csv"} <= set(first)
    assert any(name.endswith(".docx") for name in first) and any(name.endswith(".md") for name in first)


def test_different_seed_gives_different_corpus(tmp_path):
    generate(60, 5, tmp_path / "a")
    generate(60, 6, tmp_path / "b")
    first, second = files(tmp_path / "a"), files(tmp_path / "b")
    assert first["gold.jsonl"] != second["gold.jsonl"]
    assert first["inputs/forms/reflective.csv"] != second["inputs/forms/reflective.csv"]


def test_n_logs_gives_that_many_gold_records_and_inputs(tmp_path):
    result = generate(50, 3, tmp_path)
    records = gold(result)
    assert result.logs == len(records) == 50
    csv_rows = 0
    for path in (result.inputs_dir / "forms").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            csv_rows += sum(1 for _ in csv.DictReader(handle))
    docs = list((result.inputs_dir / "docs").iterdir())
    assert csv_rows + len(docs) == 50 and len(docs) == 5  # docs_share 0.1
    assert {p.suffix for p in docs} == {".docx", ".md"}
    ids = [r["submission_id"] for r in records]
    assert len(set(ids)) == 50 and all(re.fullmatch(r"SY-\d{6}", i) for i in ids)
    assert set(read_inputs(result.inputs_dir)) == set(ids)
    assert result.planted == sum(1 for _, kind, *_ in spans(records) if kind != "KEEP")
    types = Counter(r["log_type"] for r in records)
    assert types["observer"] == types["preparation"] == 10 and types["reflective"] == 30


def test_gold_has_the_evaluation_shape(corpus):
    for record in gold(corpus):
        assert list(record) == META + ["fields"]
        assert isinstance(record["meeting_number"], int) and 1 <= record["meeting_number"] <= 8
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", record["meeting_date"])
        assert [f["prompt"] for f in record["fields"]] == PROMPTS[record["log_type"]]
        for field in record["fields"]:
            if "question" in field["prompt"].lower():
                assert set(field) == {"prompt", "questions"} and 2 <= len(field["questions"]) <= 4
                assert all(q["type"] in ("thinking", "feeling", "willing") for q in field["questions"])
            else:
                assert set(field) == {"prompt", "paragraphs"} and 1 <= len(field["paragraphs"]) <= 3
                for paragraph in field["paragraphs"]:
                    assert set(paragraph["codes"]) <= CODE_IDS
                    text = MARK.sub(lambda m: "X." if m.group(2).endswith(".") and m.end() == len(m.string)
                                    else "X", paragraph["text"])  # a paragraph may end "... Mr V."
                    sentences = re.findall(r"[.?!]['\")]*(?= |$)", text)
                    assert 1 <= len(sentences) <= 4, paragraph["text"]
    assert {kind for _, kind, *_ in spans(gold(corpus))} == {"PERSON", "ORG", "LOCATION", "CONTACT", "ID", "DATE",
                                                            "KEEP"}


def test_inputs_hold_the_gold_text_without_markup(corpus):
    inputs = read_inputs(corpus.inputs_dir)
    for record in gold(corpus):
        meta, fields = inputs[record["submission_id"]]
        assert {k: str(v) for k, v in meta.items()} == {k: str(record[k]) for k in META}
        for field in record["fields"]:
            text = fields[field["prompt"]]
            items = field.get("paragraphs") or field["questions"]
            assert text == ("\n" if "questions" in field else "\n\n").join(strip(i["text"]) for i in items)
            assert "{{" not in text and "}}" not in text
    for record, kind, text, *_ in spans(gold(corpus)):  # the brief's check, span by span
        assert text and text in "\n".join(inputs[record["submission_id"]][1].values()), (kind, text)


def test_planted_nhs_numbers_pass_the_modulus_11_check(corpus):
    numbers = [text for _, kind, text, *_ in spans(gold(corpus))
               if kind == "ID" and re.fullmatch(r"\d{3}[ -]?\d{3}[ -]?\d{4}", text)]
    styles = {re.sub(r"\d", "9", n) for n in numbers}
    assert styles == {"999 999 9999", "9999999999", "999-999-9999"}
    assert all(is_nhs_number(number) for number in numbers)


def test_the_check_digit_agrees_with_published_examples():
    assert is_nhs_number("943 476 5919") and is_nhs_number("401-023-2137")  # NHS Digital's example numbers
    assert not is_nhs_number("943 476 5918") and not is_nhs_number("94347659190")
    assert nhs_check_digit("000000006") is None  # remainder 10: no valid number starts with these nine digits


def classify(records: list[dict]) -> tuple[Counter, set[str]]:
    """(spans per hard family, every family checked), judged from the gold text alone."""
    checked: set[str] = set()
    first_names = {(r["set_id"], r["author_name"].split()[0]) for r in records}
    found: Counter = Counter()
    for record, kind, text, context, end in spans(records):
        after = context[end:end + 8]
        checks = {
            "PERSON": {"member first name": (record["set_id"], text) in first_names, "full name": " " in text,
                       "possessive": after.startswith("'s"), "lower-case": text == text.lower(),
                       "ALL-CAPS": text == text.upper() and not re.fullmatch(r"(\w\.)+", text),
                       "hyphenated": "-" in text, "apostrophe": "'" in text, "diacritics": not text.isascii(),
                       "ordinary-word name": text.split()[0] in WORD_NAMES,
                       "title": bool(re.match(r"(Mr|Mrs|Ms|Miss|Dr) \S", text)),
                       "initials": bool(re.fullmatch(r"\w\.\w\.", text))},
            "ORG": {"council": bool(re.search(r"Council$|^London Borough of ", text)),
                    "org short form or acronym": bool(re.fullmatch(r"[A-Z]{2,6}|LB \w+|\w+", text)),
                    "school": bool(re.search(r"School$|Academy$", text)),
                    "hospital": bool(re.search(r"Hospital$|Infirmary$", text)),
                    "NHS trust": bool(re.search(r"NHS (Foundation )?Trust$", text)),
                    "fostering agency": bool(re.search(r"Fostering|Family Placements", text)),
                    "charity": bool(re.search(
                        r"(?<!NHS )(?<!Foundation )Trust$|Advocacy$|Family Support$|Carers Centre$", text)),
                    "team": text.endswith("Team")},
            "LOCATION": {"word place": text in WORD_PLACES, "street address": bool(re.match(r"\d+ \w", text)),
                         "estate": after.startswith(" estate"),
                         "postcode": bool(re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}", text))},
            "CONTACT": {"email": "@" in text, **{f"phone: {name}": bool(re.fullmatch(pattern, text))
                                                 for name, pattern in PHONE_FORMATS.items()}},
            "ID": {"NI number": bool(re.fullmatch(r"[A-Z]{2} ?\d\d ?\d\d ?\d\d ?[A-D]", text)),
                   "case reference": bool(re.fullmatch(r"REF/\d{4}/\d{4}|[A-Z]{2}-\d{6}|[A-Z]{3}[ /]\d+(/\d+)?", text)),
                   "SWE registration": bool(re.fullmatch(r"SW\d{6}", text)),
                   "NHS number": bool(re.fullmatch(r"\d{3}[ -]?\d{3}[ -]?\d{4}", text))},
            "DATE": {"DOB dd/mm/yyyy": bool(re.fullmatch(r"\d\d/\d\d/\d{4}", text)),
                     "DOB d Month yyyy": bool(re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", text)),
                     "DOB ISO": bool(re.fullmatch(r"\d{4}-\d\d-\d\d", text))},
            "KEEP": {f"keep: {term}": text == term for term in KEEP_TERMS},
        }[kind]
        found.update(family for family, hit in checks.items() if hit)
        checked.update(checks)
        if kind == "KEEP" and re.fullmatch(r"(Mon|Tues|Wednes|Thurs|Fri)day", text):
            found["keep: weekday"] += 1
        if kind == "KEEP" and text == "March":
            found["keep: March (the month)"] += 1
    return found, checked


def test_every_hard_family_is_planted(corpus):
    records = gold(corpus)
    found, checked = classify(records)
    planted = sum(1 for _, kind, *_ in spans(records) if kind != "KEEP")
    for family in ["keep: weekday", "keep: March (the month)"] + sorted(checked):
        assert found[family] >= 1, family
    pii_families = sorted(f for f in checked if not f.startswith("keep:"))
    assert len(pii_families) == 37
    for family in pii_families:
        minimum = 0.003 if family.startswith(("phone:", "DOB")) else 0.015  # formats of one family
        assert found[family] >= minimum * planted, (family, found[family], planted)


def test_the_pipeline_reads_the_inputs_as_the_gold_file_says(tmp_path):
    from pipeline.config import IngestConfig
    from pipeline.ingest import ingest_directory

    result = generate(50, 8, tmp_path, docs_share=0.3)
    ingested = ingest_directory(result.inputs_dir, IngestConfig())
    assert not ingested.issues and len(ingested.logs) == 50
    by_id = {r["submission_id"]: r for r in gold(result)}
    for log in ingested.logs:
        record = by_id[log.metadata.submission_id]
        assert {k: str(getattr(log.metadata, k)) for k in META} == {k: str(record[k]) for k in META}
        assert [f.prompt for f in log.fields] == [f["prompt"] for f in record["fields"]]
        for raw, field in zip(log.fields, record["fields"]):
            if "paragraphs" in field:
                assert raw.text == "\n\n".join(strip(p["text"]) for p in field["paragraphs"])


def test_realistic_density_plants_about_as_much_as_real_logs_hold(tmp_path):
    dense = generate(120, 3, tmp_path / "dense")
    realistic = generate(120, 3, tmp_path / "realistic", density="realistic")
    per_log = realistic.planted / realistic.logs
    assert 3 <= per_log <= 10 and dense.planted / dense.logs > 3 * per_log, (per_log, dense.planted / dense.logs)
    with pytest.raises(ValueError, match="density"):
        generate(5, 3, tmp_path / "bad", density="sparse")
