"""The codebook as data: codes, their families, definitions, examples and rule patterns.

The default lives in `data_schema/codebook.yaml`; a programme replaces it with
its own YAML or CSV file (`--codebook FILE`). Every problem in a file is
reported at once, naming the file and the code or row, before anything runs.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DEFAULT_CODEBOOK = Path(__file__).resolve().parents[2] / "data_schema" / "codebook.yaml"
CODE_ID = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
QUESTION_TYPES = ("thinking", "feeling", "willing")
# Several examples or patterns in one CSV cell are separated by this.
CSV_LIST_SEPARATOR = "|"


class CodebookError(ValueError):
    """A codebook file that cannot be used; the message lists every problem found."""


@dataclass(frozen=True)
class Code:
    code_id: str
    family: str
    name: str
    definition: str
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    exclude_patterns: tuple[str, ...] = ()

    def describe(self) -> list[str]:
        """The texts that say what this code is about (for the embedding coder)."""
        return [f"{self.name}: {self.definition}", *self.include]


@dataclass(frozen=True)
class QuestionType:
    type_id: str
    definition: str
    examples: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()


@dataclass(frozen=True)
class PromptHint:
    """Paragraphs written under a prompt matching `prompt` are likely to carry `codes`.

    `implies` names codes the prompt asks for by design: whatever a member writes
    under "Actions I will take" is an action unless it says otherwise.
    """

    prompt: str
    codes: tuple[str, ...]  # code ids, or "family.*"
    implies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Codebook:
    codes: tuple[Code, ...]
    families: dict[str, str] = field(default_factory=dict)
    question_types: tuple[QuestionType, ...] = ()
    source: str = ""
    prompt_hints: tuple[PromptHint, ...] = ()

    def expand(self, code_refs: tuple[str, ...]) -> set[str]:
        """Code ids named by a list of ids and "family.*" wildcards."""
        ids = set()
        for ref in code_refs:
            if ref.endswith(".*"):
                ids |= {c.code_id for c in self.codes if c.family == ref[:-2]}
            elif ref in self.code_ids:
                ids.add(ref)
        return ids

    @property
    def code_ids(self) -> list[str]:
        return [code.code_id for code in self.codes]

    def __len__(self) -> int:
        return len(self.codes)


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Load and validate a YAML, CSV or REFI-QDA .qdc codebook (the default one when `path` is None)."""
    path = Path(path) if path else DEFAULT_CODEBOOK
    if not path.exists():
        raise CodebookError(f"codebook {path} does not exist")
    if path.suffix.lower() == ".csv":
        default = load_codebook(DEFAULT_CODEBOOK)
        codebook = _from_csv(path, default)
    elif path.suffix.lower() in (".yaml", ".yml"):
        codebook = _from_yaml(path)
    elif path.suffix.lower() == ".qdc":  # a REFI-QDA codebook from a QDA tool
        from pipeline.interop.qdc import read_qdc

        codebook = read_qdc(path)
    else:
        raise CodebookError(f"codebook {path}: use a .yaml, .yml, .csv or .qdc (REFI-QDA) file")
    return codebook


def _from_yaml(path: Path) -> Codebook:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise CodebookError(f"codebook {path} is not valid YAML: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("codes"), list):
        raise CodebookError(f"codebook {path}: expected a mapping with a 'codes' list")
    families = {str(k): str(v or "") for k, v in (data.get("families") or {}).items()}
    problems: list[str] = []
    codes = []
    for number, entry in enumerate(data["codes"], start=1):
        if not isinstance(entry, dict):
            problems.append(f"code #{number}: expected a mapping, got {type(entry).__name__}")
            continue
        excludes = tuple(e.get("text", "") + (f" (-> {e['see']})" if e.get("see") else "")
                         if isinstance(e, dict) else str(e) for e in entry.get("exclude") or [])
        codes.append(Code(
            code_id=str(entry.get("id") or "").strip(), family=str(entry.get("family") or "").strip(),
            name=str(entry.get("name") or "").strip(), definition=str(entry.get("definition") or "").strip(),
            include=_strings(entry.get("include")), exclude=excludes,
            patterns=_strings(entry.get("patterns")), exclude_patterns=_strings(entry.get("exclude_patterns"))))
    question_types = tuple(
        QuestionType(str(q.get("id") or "").strip(), str(q.get("definition") or "").strip(),
                      _strings(q.get("examples")), _strings(q.get("patterns")))
        for q in data.get("question_types") or [] if isinstance(q, dict))
    hints = tuple(PromptHint(str(h.get("prompt") or ""), _strings(h.get("codes")), _strings(h.get("implies")))
                  for h in data.get("prompt_hints") or [] if isinstance(h, dict))
    codebook = Codebook(tuple(codes), families, question_types, str(path), hints)
    _validate(codebook, path, problems, [f"code #{i}" for i in range(1, len(codes) + 1)])
    return codebook


def _from_csv(path: Path, default: Codebook) -> Codebook:
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except (UnicodeDecodeError, csv.Error) as error:
        raise CodebookError(f"codebook {path} cannot be read as UTF-8 CSV: {error}") from None
    required = {"id", "family", "name", "definition"}
    header = set(rows[0]) if rows else set()
    if not rows or not required <= header:
        raise CodebookError(f"codebook {path}: needs the columns {sorted(required)}; found {sorted(header)}")
    families = dict(default.families)
    for row in rows:  # a family described in the file is declared by it
        if (row.get("family_description") or "").strip():
            families[row["family"].strip()] = row["family_description"].strip()

    def cell_list(row: dict, column: str) -> tuple[str, ...]:
        return tuple(p.strip() for p in (row.get(column) or "").split(CSV_LIST_SEPARATOR) if p.strip())

    codes = tuple(Code(row["id"].strip(), row["family"].strip(), row["name"].strip(),
                       (row["definition"] or "").strip(), cell_list(row, "include"), cell_list(row, "exclude"),
                       cell_list(row, "patterns"), cell_list(row, "exclude_patterns")) for row in rows)
    # The default prompt hints apply as far as the file keeps the codes they name.
    codebook = Codebook(codes, families, default.question_types, str(path), default.prompt_hints)
    _validate(codebook, path, [], [f"row {i}" for i in range(2, len(codes) + 2)])
    return codebook


def _strings(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if str(v).strip())


def _validate(codebook: Codebook, path: Path, problems: list[str], where: list[str]) -> None:
    seen: dict[str, str] = {}
    for place, code in zip(where, codebook.codes):
        label = f"{place} ({code.code_id or 'no id'})"
        if not code.code_id:
            problems.append(f"{label}: missing id")
        elif not CODE_ID.match(code.code_id):
            problems.append(f"{label}: id must look like 'family.name' in lower case")
        elif code.code_id in seen:
            problems.append(f"{label}: duplicate id, first defined at {seen[code.code_id]}")
        else:
            seen[code.code_id] = place
        if code.family not in codebook.families:
            problems.append(f"{label}: unknown family '{code.family}' (known: {', '.join(sorted(codebook.families))})")
        elif code.code_id and not code.code_id.startswith(code.family + "."):
            problems.append(f"{label}: id should start with its family '{code.family}.'")
        if not code.name:
            problems.append(f"{label}: empty name")
        if not code.definition:
            problems.append(f"{label}: empty definition")
        for pattern in code.patterns + code.exclude_patterns:
            _check_pattern(pattern, label, problems)
    if not codebook.codes:
        problems.append("no codes")
    types = [q.type_id for q in codebook.question_types]
    if codebook.question_types and sorted(types) != sorted(QUESTION_TYPES):
        problems.append(f"question_types must be exactly {', '.join(QUESTION_TYPES)}; found {', '.join(types)}")
    for question_type in codebook.question_types:
        for pattern in question_type.patterns:
            _check_pattern(pattern, f"question type {question_type.type_id}", problems)
    for number, hint in enumerate(codebook.prompt_hints, start=1):
        _check_pattern(hint.prompt, f"prompt hint #{number}", problems)
        # A CSV or .qdc codebook inherits the default hints: codes it dropped are simply not hinted.
        unknown = [ref for ref in hint.codes + hint.implies if not codebook.expand((ref,))]
        if unknown and path.suffix.lower() not in (".csv", ".qdc"):
            problems.append(f"prompt hint #{number}: unknown code(s) {', '.join(unknown)}")
    if problems:
        raise CodebookError(f"codebook {path} has {len(problems)} problem(s):\n  - " + "\n  - ".join(problems))


def _check_pattern(pattern: str, label: str, problems: list[str]) -> None:
    try:
        re.compile(pattern)
    except re.error as error:
        problems.append(f"{label}: pattern {pattern!r} is not a valid regular expression ({error})")
