"""Short labels that are stored beside the text: form headers, file names, issue messages.

A header can ask about a named person ("Notes on Rosamund Quillfeather, 07700 900123"), a
file can be named after a client and their date of birth, an XLSX sheet title reaches an
issue message. Each label goes through the same detectors as a field (NER, the UK
recognizers, the batch roster). A header or message keeps its words, with what was found
replaced by an unnumbered placeholder ("[PERSON]"); a file name in which anything is found
is replaced as a whole by a stable keyed id plus its extension ("F-1A2B3C4D5E6F.docx"), so
that the same file has the same reference in documents and issues, and in every run.
"""
from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Callable

from pipeline.anonymise.keys import Pseudonymiser
from pipeline.anonymise.normalise import normalise_text
from pipeline.anonymise.phrases import is_ordinary_word
from pipeline.anonymise.placeholders import GUESSING_DETECTORS, Finding, resolve_overlaps

# Separators people use in file names instead of spaces: read as spaces, so "Rosamund_Quillfeather" is two words.
FILE_NAME_SEPARATORS = re.compile(r"[_/\\]+")
EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")
CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+\b")
QUOTED = re.compile(r"'([^']*)'")

FindInLabel = Callable[[str], list[Finding]]


class LabelCleaner:
    """Cleans the labels of one batch; each distinct label is analysed once."""

    def __init__(self, find: FindInLabel, pseudonymiser: Pseudonymiser) -> None:
        self._find = find
        self._pseudonymiser = pseudonymiser
        self._labels: dict[str | tuple[str, str], str] = {}
        self._files: dict[str, str] = {}

    def clean(self, text: str | None) -> str | None:
        """The label with whatever the detectors find replaced by its type ("[PERSON]", "[CONTACT]")."""
        if not text:
            return text
        text = self._with_file_refs(normalise_text(text))
        if text not in self._labels:
            self._labels[text] = _replaced(text, self._find(text))
        return self._labels[text]

    def clean_message(self, text: str | None) -> str | None:
        """An issue message: the program's own words around quoted labels ("sheet '...'") and file names.

        Patterns and the roster are sought everywhere; NER and the gazetteers, which read "Windows/Excel"
        as a body, only inside quotes, where the labels people wrote are. Files are named by reference."""
        if not text:
            return text
        text = self._with_file_refs(normalise_text(text))
        key = ("message", text)
        if key not in self._labels:
            quoted = [m.span(1) for m in QUOTED.finditer(text)]
            findings = [f for f in self._find(text) if f.detector not in GUESSING_DETECTORS
                        or any(start <= f.start and f.end <= end for start, end in quoted)]
            self._labels[key] = _replaced(text, findings)
        return self._labels[key]

    def file_ref(self, path: str | None) -> str | None:
        """The file's name if nothing personal is found in it, else a stable keyed id with its extension."""
        if not path:
            return path
        path = normalise_text(path)
        if path not in self._files:
            readable = FILE_NAME_SEPARATORS.sub(" ", EXTENSION.sub("", path))
            if any(_names_something(finding) for finding in self._find(readable)):
                extension = EXTENSION.search(path)
                digest = self._pseudonymiser.digest("file", path)[:12].upper()
                self._files[path] = f"F-{digest}{extension.group(0).lower() if extension else ''}"
            else:
                self._files[path] = path
        return self._files[path]

    def _with_file_refs(self, text: str) -> str:
        """A message naming a file ("same submission as forms/x.csv row 3") names it by its reference."""
        for path in sorted(self._files, key=len, reverse=True):
            if path != self._files[path] and path in text:
                text = text.replace(path, self._files[path])
        return text


def _replaced(text: str, findings: list[Finding]) -> str:
    for finding in sorted(resolve_overlaps(findings, [text]), key=lambda f: f.start, reverse=True):
        text = text[:finding.start] + f"[{finding.entity_type}]" + text[finding.end:]
    return text


def _names_something(finding: Finding) -> bool:
    """A pattern or roster match in a file name counts; a guess only if it holds a capitalised rare word.

    NER reads codes such as "docs D1-M1-02" as names; a name in a file name is written with capitals
    ("Rosamund_Quillfeather"), and a lower-case one is a roster or gazetteer matter, not NER's."""
    return finding.detector not in GUESSING_DETECTORS or any(
        not is_ordinary_word(word) for word in CAPITALISED_WORD.findall(finding.surface))
