"""Labelled paragraphs and questions from a JSONL file, for `als train` and `als evaluate`.

Two shapes are read, one object per line:
- documents, as the development corpus holds them: {"submission_id", "set_id",
  "fields": [{"prompt", "paragraphs": [{"text", "codes"}], "questions": [{"text", "type"}]}]};
- single units: {"text": ..., "codes": [...]} or {"text": ..., "question_type": ...},
  optionally with "prompt", "set_id" and "group".
Text marked up as {{PERSON:...}} is read with the marked span replaced by a
placeholder ([PERSON]), as the anonymiser would leave it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pipeline.anonymise.markup import MARK



class LabelsError(ValueError):
    """A labels file that cannot be read; names the file and line."""


@dataclass(frozen=True)
class LabelledParagraph:
    text: str
    codes: frozenset[str]
    group: str  # the set (or document) it came from: cross-validation never splits a group
    doc_ref: str = ""
    prompt: str = ""
    marked_up: bool = False  # True when personal data was marked (and so replaced) in the file


@dataclass(frozen=True)
class LabelledQuestion:
    text: str
    question_type: str
    group: str
    doc_ref: str = ""
    question_index: int = 0
    marked_up: bool = False


def placeholder_text(text: str) -> str:
    return MARK.sub(lambda m: f"[{m.group(1)}]" if m.group(1) != "KEEP" else m.group(2), text)


def read_labels(path: str | Path) -> tuple[list[LabelledParagraph], list[LabelledQuestion]]:
    path = Path(path)
    if not path.exists():
        raise LabelsError(f"labels file {path} does not exist")
    paragraphs: list[LabelledParagraph] = []
    questions: list[LabelledQuestion] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise LabelsError(f"{path} line {number}: not valid JSON ({error.msg})") from None
            if not isinstance(record, dict):
                raise LabelsError(f"{path} line {number}: expected a JSON object")
            if "fields" in record:
                _read_document(record, paragraphs, questions)
            elif "text" in record and ("codes" in record or "question_type" in record):
                _read_unit(record, number, paragraphs, questions)
            else:
                raise LabelsError(f"{path} line {number}: expected 'fields', or 'text' with 'codes' "
                                  "or 'question_type'")
    return paragraphs, questions


def _read_document(record: dict, paragraphs: list, questions: list) -> None:
    ref = str(record.get("submission_id") or record.get("source_ref") or "")
    group = str(record.get("set_id") or ref)
    index = 0
    for field in record["fields"]:
        for paragraph in field.get("paragraphs") or []:
            paragraphs.append(LabelledParagraph(placeholder_text(paragraph["text"]),
                                                frozenset(paragraph.get("codes") or []), group, ref,
                                                str(field.get("prompt") or ""), "{{" in paragraph["text"]))
        for question in field.get("questions") or []:
            questions.append(LabelledQuestion(placeholder_text(question["text"]), question.get("type", ""),
                                              group, ref, index, "{{" in question["text"]))
            index += 1


def _read_unit(record: dict, number: int, paragraphs: list, questions: list) -> None:
    group = str(record.get("group") or record.get("set_id") or f"line-{number}")
    text = placeholder_text(str(record["text"]))
    if "codes" in record:
        paragraphs.append(LabelledParagraph(text, frozenset(record["codes"] or []), group, "",
                                            str(record.get("prompt") or ""), "{{" in record["text"]))
    else:
        questions.append(LabelledQuestion(text, str(record["question_type"]), group, "", 0, "{{" in record["text"]))
