"""Property tests (Hypothesis): any text in -> no planted identifier out, and never an unnamed crash.

Settings: a fixed seed-free database of examples is not kept (`database=None`), so every run draws
fresh examples; `max_examples` is modest because each anonymiser example runs real Presidio + spaCy.
"""
from __future__ import annotations

import csv
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.config import IngestConfig
from pipeline.ingest import ingest_directory
from tests.builders import make_log

# Identifiers a log must never keep, in the forms people write them (all fictional: drama-range phone
# numbers, NHS Digital's documented test-style numbers with a valid check digit, a reserved domain).
IDENTIFIERS = ["jo.quist@brackenmoor.example.org", "07700 900417", "+44 7700 900328", "943 476 5919",
               "JK 12 34 56 C", "LS1 4DY", "CF-204817"]
# Text around them: letters, digits, punctuation, line breaks, accented letters, and the invisible
# characters a copy and paste brings (zero-width space, soft hyphen, bidi marks).
FILLER = st.text(alphabet=st.sampled_from(list(string.ascii_letters + string.digits + " .,;:!?()-'\n")
                                          + list("éüñç\u200b\u00ad\u202e\u2066")), max_size=80)
PROPERTY_SETTINGS = settings(max_examples=40, deadline=None, database=None,
                             suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.mark.slow
@PROPERTY_SETTINGS
@given(before=FILLER, after=FILLER, identifier=st.sampled_from(IDENTIFIERS))
def test_no_planted_identifier_survives_any_surrounding_text(anonymiser, before, after, identifier):
    log = make_log({"What I learned": f"{before} {identifier} {after}"}, submission_id="P-1")
    [doc] = anonymiser.fit_transform([log])
    text = "\n".join(field.text for field in doc.fields)
    assert identifier not in text
    assert identifier.replace(" ", "") not in text.replace(" ", "")


CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=CELL, cell=CELL, log_type=st.sampled_from(["observer", "Reflective log", "", "??", "prep"]))
def test_ingest_takes_any_cell_and_header_without_an_unnamed_crash(tmp_path_factory, header, cell, log_type):
    root = tmp_path_factory.mktemp("prop")
    marker = "zqxjmarker"  # planted in the free text: no issue message may quote it
    with open(root / "forms.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["Submission ID", "Log type", "Your name", "Set", "Meeting no.", header or "Notes"],
                                      ["S-1", log_type, "Ansel Pocklington", "Set 4", "2", f"{cell} {marker}"]])
    result = ingest_directory(root, IngestConfig())
    for issue in result.issues:
        assert issue.source_file == "forms.csv" and issue.message
        assert marker not in issue.message and (not cell.strip() or cell.strip() not in issue.message
                                                or len(cell.strip()) < 4)
    # The row is stored, or an issue says what happened to row 2 (a header that is a metadata alias,
    # e.g. "AUTHOR:NAME", takes the text as metadata and leaves a row without answers: a warning).
    assert result.logs or any(issue.row == 2 for issue in result.issues)
