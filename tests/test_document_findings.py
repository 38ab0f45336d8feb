"""What pass one hands to pass two, packed (pipeline/anonymise/propagation.py DocumentFindings).

A batch holds every document's findings until its chunk is anonymised, so they are kept as arrays;
what comes back must be exactly what was found, or a span would be replaced wrongly or not at all.
"""
from __future__ import annotations

import pickle
import weakref

from pipeline.anonymise.placeholders import Finding
from pipeline.anonymise.propagation import DocumentFindings
from tests.builders import make_log

FIRST, SECOND = "Met with Ivo Quennell about the hearing.", "Call 07700 900123 or write to the Old Mill."


def findings_of_every_kind(log) -> list[Finding]:
    first, second = (field.text for field in log.fields)
    ivo = first.index("Ivo Quennell")
    return [
        Finding(0, ivo, ivo + 12, "PERSON", "ner", 0.853, "Ivo Quennell"),
        Finding(0, ivo, ivo + 3, "PERSON", "roster", 1.0, "Ivo", member_code="M-0A1B2C"),
        Finding(1, 5, 18, "CONTACT", "pattern", 0.4 + 0.2, second[5:18]),  # a score with no short decimal
        Finding(1, second.index("Old Mill"), len(second) - 1, "LOCATION", "gazetteer", 0.7, "Old Mill"),
        # A surface that is not the text at its offsets (the shaper may widen one): kept as it was.
        Finding(0, 0, 3, "ORG", "learned", 0.61, "Met Office"),
    ]


def test_findings_come_back_as_they_were_found():
    log = make_log({"What happened?": FIRST, "Contacts": SECOND})
    found = findings_of_every_kind(log)
    packed = DocumentFindings(log, found)
    assert packed.findings == found
    assert [type(f.score) for f in packed.findings] == [float] * len(found)
    assert DocumentFindings(log, []).findings == []


def test_packed_findings_travel_to_workers_and_never_print_their_text():
    log = make_log({"What happened?": FIRST, "Contacts": SECOND})
    packed = DocumentFindings(log, findings_of_every_kind(log))
    travelled = pickle.loads(pickle.dumps(packed))
    assert travelled.findings == packed.findings and travelled == packed
    assert "Quennell" not in repr(packed) and "Met Office" not in repr(packed)


def test_packing_takes_a_fraction_of_the_objects_memory():
    import tracemalloc

    sentence = "Ivo Quennell rang the Old Mill team. "
    log = make_log({"What happened?": sentence * 40})
    text = log.fields[0].text
    rows = [(0, start, start + 12, "PERSON", "ner", 0.85 + k / 1000, None)
            for k, start in enumerate(range(0, len(text), len(sentence)))]
    tracemalloc.start()
    try:
        as_objects = [Finding(field, start, end, kind, detector, score, text[start:end], member)
                      for field, start, end, kind, detector, score, member in rows]
        objects_bytes = tracemalloc.get_traced_memory()[0]
        packed = DocumentFindings(log, as_objects)
        packed_bytes = tracemalloc.get_traced_memory()[0] - objects_bytes
    finally:
        tracemalloc.stop()
    assert packed.findings == as_objects
    assert packed_bytes < objects_bytes / 3, (packed_bytes, objects_bytes)
    found_first = weakref.ref(as_objects[0])
    del as_objects
    assert found_first() is None, "the packed document still holds the Finding objects"
