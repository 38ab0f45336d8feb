"""Human labels for what the database stores as codes: one mapping for the dashboard and the reports.

Code and family names come from the codebook (a programme's own codebook brings its own
names); the controlled vocabularies (log type, organisation type, setting, role) and the
column names are labelled here. A value without a label is shown as it is, tidied.
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping

import pandas as pd

LOG_TYPE_LABELS = {"observer": "Observer log", "reflective": "Reflective log", "preparation": "Preparation sheet"}
ORG_TYPE_LABELS = {"local_authority": "Local authority", "fostering_agency": "Fostering agency",
                   "charity": "Charity", "private_provider": "Private provider", "nhs": "NHS", "other": "Other"}
SETTING_LABELS = {"adults": "Adults", "children_families": "Children and families", "both": "Adults and children"}
ROLE_LABELS = {"presenter": "Presenter", "observer": "Observer", "timekeeper": "Timekeeper",
               "process_caretaker": "Process caretaker", "host": "Host", "member": "Set member"}
QUESTION_TYPE_LABELS = {"thinking": "Thinking", "feeling": "Feeling", "willing": "Willing"}
NOT_GIVEN = "Not given"
# Cohen's kappa in words (Landis and Koch, 1977): the band whose lower bound it reaches.
KAPPA_BANDS = ((0.81, "almost perfect agreement"), (0.61, "substantial agreement"), (0.41, "moderate agreement"),
               (0.21, "fair agreement"), (0.0, "slight agreement"), (float("-inf"), "less than chance agreement"))
TOO_FEW_REVIEWS = "too few reviews (n={n})"
NOT_MEASURED = "–"  # a share or kappa with nothing to measure it on

VALUE_LABELS: dict[str, Mapping[str, str]] = {
    "log_type": LOG_TYPE_LABELS, "org_type": ORG_TYPE_LABELS, "setting": SETTING_LABELS, "role": ROLE_LABELS,
    "question_type": QUESTION_TYPE_LABELS,
}

COLUMN_LABELS = {
    "code_id": "Code", "name": "Theme", "code": "Theme", "family": "Family", "set_id": "Set",
    "meeting_number": "Meeting", "meeting_month": "Month", "log_type": "Log type", "org_type": "Organisation type",
    "setting": "Setting", "role": "Role", "question_type": "Question type", "coded": "Coded", "units": "Total",
    "share": "Share", "documents": "Logs", "paragraphs": "Paragraphs", "organisations": "Organisations",
    "sets": "Sets", "systemic": "Systemic", "first_share": "First meeting", "last_share": "Last meeting",
    "first_meeting": "From meeting", "last_meeting": "To meeting", "change": "Change", "questions": "Questions",
    "logs": "Logs", "topic_id": "Topic", "label": "Topic", "keywords": "Keywords", "size": "Paragraphs",
    "best_code": "Closest theme", "code_share": "Share carrying it", "group": "Group", "meeting": "Meeting",
    "members": "Members", "text": "Text", "run_id": "Run reference", "command": "Command", "started_at": "Started",
    "finished_at": "Finished",
    "reviews": "Reviews", "accepted": "Accepted", "rejected": "Rejected", "added": "Added",
    "precision": "Precision", "recall": "Recall", "kappa": "Kappa", "verdict": "Agreement",
}

_SEE_CODE = re.compile(r"\(-> ([\w.]+)\)")


def tidy(value: object) -> str:
    """A machine value as words: 'children_families' -> 'Children families'."""
    text = str(value).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def value_label(column: str, value: object) -> str:
    """The label of one stored value of `column` (log_type, org_type, setting, role, question_type)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return NOT_GIVEN
    return VALUE_LABELS.get(column, {}).get(str(value), tidy(value))


def column_label(column: str) -> str:
    return COLUMN_LABELS.get(column, tidy(column))


class CodeLabels:
    """Code and family names from a stored codebook frame (code_id, family, name[, definition])."""

    def __init__(self, codebook: pd.DataFrame, families: Mapping[str, str] | None = None) -> None:
        self.names = dict(zip(codebook["code_id"], codebook["name"]))
        self.family_of = dict(zip(codebook["code_id"], codebook["family"]))
        self.definitions = dict(zip(codebook["code_id"], codebook.get("definition", pd.Series(dtype=str))))
        empty = pd.Series([[]] * len(codebook), index=codebook.index, dtype=object)
        self.includes = {c: list(v) for c, v in zip(codebook["code_id"], codebook.get("include_examples", empty))}
        # An exclude example may point to the code it belongs to instead ("... (-> process.technology)").
        self.excludes = {c: [_SEE_CODE.sub(lambda m: f"(see “{self.code(m.group(1))}”)", e) for e in v]
                         for c, v in zip(codebook["code_id"], codebook.get("exclude_examples", empty))}
        self.families = {family: tidy(family) for family in codebook["family"].unique()}
        self.families.update(families or {})

    def code(self, code_id: str) -> str:
        return self.names.get(code_id, tidy(str(code_id).split(".")[-1]))

    def family(self, family: str) -> str:
        return self.families.get(family, tidy(family))

    def codes_text(self, code_ids: Iterable[str] | str | None, separator: str = ", ") -> str:
        """'process.roles, learning.action' (or a list) as 'Rotating set roles, Actions committed'."""
        if not code_ids:
            return ""
        ids = [c.strip() for c in code_ids.split(",")] if isinstance(code_ids, str) else list(code_ids)
        return separator.join(self.code(c) for c in ids if c)


def labelled(frame: pd.DataFrame, codes: CodeLabels | None = None, keep: Iterable[str] = ()) -> pd.DataFrame:
    """A copy for people to read: values of known columns labelled, code ids as names, columns renamed.

    Columns in `keep` keep their machine names (a chart encoding may need them).
    """
    shown = frame.copy()
    for column in shown.columns:
        if column in VALUE_LABELS:
            shown[column] = shown[column].map(lambda v, c=column: value_label(c, v))
        elif column in ("code_id", "best_code") and codes is not None:
            shown[column] = shown[column].map(lambda v: codes.code(v) if isinstance(v, str) and v else "")
        elif column == "family" and codes is not None:
            shown[column] = shown[column].map(codes.family)
    keep = set(keep)
    names = {c: column_label(c) for c in shown.columns if c not in keep}
    if codes is not None and "code_id" in names:  # the ids are names now: the column is the theme
        if "name" in shown.columns:
            shown, names = shown.drop(columns="code_id"), {c: n for c, n in names.items() if c != "code_id"}
        else:
            names["code_id"] = COLUMN_LABELS["code"]
    return shown.rename(columns=names)


def kappa_words(kappa: float) -> str:
    """A kappa as Landis and Koch's words for it; NOT_MEASURED where it is undefined."""
    if kappa != kappa:  # NaN
        return NOT_MEASURED
    return next(words for bound, words in KAPPA_BANDS if kappa >= bound)
