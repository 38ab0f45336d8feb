"""Names split by invisible characters are caught, and the stored text is the normalised text."""
from __future__ import annotations

import csv
import re

import pytest

from pipeline.anonymise.normalise import normalise_text
from pipeline.run import run_pipeline
from tests.builders import FORM_HEADER, all_text_in_db, make_log

# Invented; each hides the same client's name behind a different invisible character.
SPLITTERS = {"zero-width space": "\u200b", "zero-width non-joiner": "\u200c", "zero-width joiner": "\u200d",
             "word joiner": "\u2060", "byte-order mark": "\ufeff", "soft hyphen": "\u00ad",
             "right-to-left override": "\u202e", "left-to-right isolate": "\u2066", "pop directional": "\u2069"}


@pytest.mark.parametrize("char", SPLITTERS.values(), ids=SPLITTERS.keys())
def test_invisible_characters_are_removed(char):
    assert normalise_text(f"Ros{char}amund Quill{char}feather") == "Rosamund Quillfeather"


def test_compatibility_forms_are_folded():
    assert normalise_text("Ｒｏｓａｍｕｎｄ ﬁled it") == "Rosamund filed it"


@pytest.mark.slow
@pytest.mark.parametrize("char", ["\u200b", "\u00ad", "\u202e"], ids=["zero-width", "soft-hyphen", "bidi"])
def test_a_split_name_is_caught_by_the_anonymiser(anonymiser, char):
    text = (f"I presented about my client Ros{char}amund Quill{char}feather today. Otti{char}lie kept time "
            f"and Bran{char}nagh took notes. Ros{char}amund Quill{char}feather has been waiting since March.")
    [doc] = anonymiser.fit_transform([make_log({"What I learned": text})])  # author: Ottilie Brannagh
    stored = "\n".join(f.text for f in doc.fields)
    assert char not in stored
    assert not re.search("rosamund|quillfeather|ros.amund|otti.?lie|bran.?nagh", stored, re.IGNORECASE), stored


@pytest.mark.slow
def test_no_split_name_survives_in_documents_segments_or_sentences(tmp_path, config, anonymiser):
    root = tmp_path / "inputs"
    root.mkdir()
    body = ("We talked about Ros\u200bamund Quill\u00adfeather and her hous\u200bing.\n\n"
            "Later Ros\u2060amund Quill\u200bfeather rang the office again; Pere\u200bgrine took notes.")
    row = ["Z-1", "observer", "Set Z", "1", "2024-01-09", "Peregrine Ashdown", "p.ashdown@tallowmere.org.uk",
           "Tallowmere Trust", "charity", "adults", "observer", body]
    with open(root / "observer.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([FORM_HEADER, row])
    assert run_pipeline(root, config, anonymiser=anonymiser).documents_stored == 1
    stored = all_text_in_db(config.store.db)
    assert not re.search("rosamund|quillfeather|ros.amund|quill.feather|pere.?grine", stored, re.IGNORECASE)
    assert not any(c in stored for c in "\u200b\u00ad\u2060")
    assert "housing" in stored
