"""The anonymiser on small real texts: what it removes, what it keeps, how it labels."""
from __future__ import annotations

import re

import pytest

from pipeline.anonymise.roster import organisation_variants
from tests.builders import make_log

pytestmark = pytest.mark.slow


def anonymise(anonymiser, *logs):
    return anonymiser.fit_transform(list(logs))


def text_of(doc) -> str:
    return "\n".join(field.text for field in doc.fields)


def test_roster_names_removed_in_every_form(anonymiser):
    log = make_log({"What I learned": "Ottilie hosted. Brannagh's notes helped; later OTTILIE and ottilie "
                                      "agreed with Ms Brannagh."})
    [doc] = anonymise(anonymiser, log)
    text = text_of(doc)
    assert not re.search(r"ottilie|brannagh", text, re.IGNORECASE)
    assert doc.member_code and text.count(f"[{doc.member_code}]") >= 4


def test_members_named_in_other_logs_become_their_member_code(anonymiser):
    author = make_log({"Notes": "I presented."}, submission_id="T-1")
    other = make_log({"How the set worked": "Ottilie kept time and Idris observed."},
                     author="Idris Pennock-Vale", email="idris@kestrelcare.org.uk", organisation="Kestrel Care Ltd",
                     submission_id="T-2")
    first, second = anonymise(anonymiser, author, other)
    assert f"[{first.member_code}] kept time and [{second.member_code}] observed." in text_of(second)


def test_organisation_short_forms_removed(anonymiser):
    log = make_log({"Challenge": "Fernhollow uses its own forms; FBC panels differ, and LB Fernhollow agreed. "
                                 "Kestrel Care said the same."},
                   organisation="Fernhollow Borough Council")
    other = make_log({"x": "ok"}, author="Idris Pennock", email="idris@kestrelcare.org.uk",
                     organisation="Kestrel Care Ltd", submission_id="T-9")
    doc, _ = anonymise(anonymiser, log, other)
    text = text_of(doc)
    for leaked in ("Fernhollow", "FBC", "Kestrel"):
        assert leaked not in text
    assert "[ORG" in text


def test_london_borough_variants():
    variants = {v for v, _ in organisation_variants("London Borough of Carrowfield")}
    assert {"Carrowfield", "LB Carrowfield", "LBC"} <= variants


def test_contacts_and_identifiers_removed(anonymiser):
    planted = ["jo.quist@brackenmoor.org.uk", "07700 900417", "+44 7700 900 328", "(0113) 496 0555",
               "943 476 5919", "QQ 12 34 56 C", "LS6 2QT", "CF-204817", "BRK 55821", "12/03/2015"]
    log = make_log({"Notes": "Email jo.quist@brackenmoor.org.uk or ring 07700 900417, +44 7700 900 328 or "
                             "(0113) 496 0555. NHS no 943 476 5919, NI QQ 12 34 56 C, postcode LS6 2QT, "
                             "case CF-204817 and file BRK 55821. DOB 12/03/2015."})
    [doc] = anonymise(anonymiser, log)
    text = text_of(doc)
    for value in planted:
        assert value not in text
    types = {e.entity_type for e in doc.entities}
    assert {"CONTACT", "ID", "DATE", "LOCATION"} <= types


def test_keep_terms_and_meeting_dates_survive(anonymiser):
    sentence = ("We met on Teams on Tuesday in March; Social Work England, Skills for Care, Ofsted and BASW "
                "all publish ASYE guidance on the PCF and KSS. The s.47 and the CP plan were discussed.")
    [doc] = anonymise(anonymiser, make_log({"Notes": sentence}))
    text = text_of(doc)
    for term in ("Teams", "Tuesday", "March", "Social Work England", "Skills for Care", "Ofsted", "BASW",
                 "ASYE", "PCF", "KSS", "s.47", "CP plan"):
        assert term in text, term


def test_placeholders_numbered_consistently_within_a_document(anonymiser):
    log = make_log({"Challenge": "My NQSW Wilhelmina Osterbrook is struggling. Osterbrook told me she is "
                                 "tired, and Wilhelmina later said so again. Her colleague Baptiste Marchetti "
                                 "disagreed."})
    [doc] = anonymise(anonymiser, log)
    placeholders = [e.placeholder for e in doc.entities if e.entity_type == "PERSON"]
    assert placeholders.count("[PERSON1]") == 3, placeholders
    assert "[PERSON2]" in placeholders


def test_entities_never_hold_original_text(anonymiser):
    [doc] = anonymise(anonymiser, make_log({"Notes": "Ottilie met Wilhelmina Osterbrook at 07700 900417."}))
    for entity in doc.entities:
        assert "Ottilie" not in repr(entity) and "Osterbrook" not in repr(entity)
        assert doc.fields[entity.field_index].text[entity.start:entity.end] == entity.placeholder


def test_metadata_becomes_codes_and_month(anonymiser):
    [doc] = anonymise(anonymiser, make_log({"Notes": "fine"}))
    assert re.fullmatch(r"M-[0-9A-F]{6}", doc.member_code)
    assert re.fullmatch(r"O-[0-9A-F]{6}", doc.org_code)
    assert doc.meeting_month == "2024-02"


def test_codes_are_keyed(anonymiser):
    from pipeline.anonymise.keys import Pseudonymiser

    other = Pseudonymiser(b"another-key-entirely-0123456789")
    assert other.member_code("o.brannagh@fernhollow.gov.uk", None) != \
        anonymiser.pseudonymiser.member_code("o.brannagh@fernhollow.gov.uk", None)
    # The same person, written differently, keeps one code.
    assert anonymiser.pseudonymiser.member_code(" O.Brannagh@Fernhollow.gov.uk", None) == \
        anonymiser.pseudonymiser.member_code("o.brannagh@fernhollow.gov.uk", None)
