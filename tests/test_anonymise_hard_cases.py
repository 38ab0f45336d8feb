"""Each family of hard cases, with invented examples: what must go, and what must stay."""
from __future__ import annotations

import re

import pytest

from tests.builders import make_log

pytestmark = pytest.mark.slow


def anonymise_texts(anonymiser, *texts: str) -> list[str]:
    logs = [make_log({"What I learned": text}, submission_id=f"H-{i}", author="Quentin Abara",
                     email=f"qa{i}@example.org.uk", organisation="Halloway Trust") for i, text in enumerate(texts)]
    return [doc.fields[0].text for doc in anonymiser.fit_transform(logs)]


def gone(word: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is None


@pytest.mark.parametrize("text, names", [
    ("Oksana kept time and Idris hosted.", ["Oksana", "Idris"]),                      # first names alone
    ("I spoke to declan about it after the set.", ["declan"]),                         # lower case
    ("BRANDON moved placement again in the spring.", ["BRANDON"]),                     # all capitals
    ("Amara's mum rang the duty line twice.", ["Amara"]),                              # possessive
    ("My NQSW Tayla-Rose Pemberton-Hughes started in May.", ["Tayla-Rose", "Pemberton-Hughes"]),  # hyphens
    ("Her foster carer, Mrs O'Leary, has been brilliant.", ["O'Leary"]),               # apostrophe, title
    ("The referral came from Zofia Wójcik at the school.", ["Zofia", "Wójcik"]),       # diacritics
    ("Mr V. would not let us in, so Dr Okafor rang.", ["Mr V.", "Okafor"]),            # titles, initials
    ("J.T. and DF said the plan was fine.", ["J.T.", "DF"]),                           # initials
])
def test_person_names(anonymiser, text, names):
    [out] = anonymise_texts(anonymiser, text)
    for name in names:
        assert gone(name, out), (name, out)


def test_ordinary_words_as_names_and_as_words(anonymiser):
    [out] = anonymise_texts(anonymiser, "I told Faith that Joy had done well. I have faith in the process "
                                        "and it was a joy to watch.")
    assert "[PERSON" in out and "Faith" not in out and "Joy had" not in out
    assert "faith in the process" in out and "a joy to watch" in out


def test_name_found_once_is_removed_across_the_batch(anonymiser):
    first, second = anonymise_texts(anonymiser, "Our NQSW Persephone Vantongeren joined in March.",
                                    "Later persephone said she felt ready; Vantongeren's logs improved.")
    for word in ("Persephone", "Vantongeren"):
        assert gone(word, first) and gone(word, second), (first, second)


@pytest.mark.parametrize("text, places", [
    ("She lives in Reading and works in Sale, near Bath.", ["Reading", "Sale", "Bath"]),
    ("The family moved from Wells to Kingston upon Hull.", ["Wells", "Kingston upon Hull"]),
    ("He visits 17 Quarry Bank Road on the Eastfield estate, LS6 2QT.", ["Quarry Bank", "LS6 2QT", "17"]),
    ("The carers, Mr and Mrs Hale in March, asked for respite.", ["March"]),
])
def test_places(anonymiser, text, places):
    [out] = anonymise_texts(anonymiser, text)
    for place in places:
        assert gone(place, out), (place, out)


def test_reading_and_march_as_words_are_kept(anonymiser):
    [out] = anonymise_texts(anonymiser, "Reading her logs in March, I felt the reading list helped.")
    assert out.startswith("Reading her logs in March")


@pytest.mark.parametrize("text, orgs", [
    ("The panel at NCC and the LBTH team disagreed.", ["NCC", "LBTH"]),
    ("Our NQSW came from Thornleigh Primary School via St Bede's Hospital.", ["Thornleigh", "St Bede"]),
])
def test_organisations(anonymiser, text, orgs):
    [out] = anonymise_texts(anonymiser, text)
    for org in orgs:
        assert gone(org, out), (org, out)


@pytest.mark.parametrize("value", ["07700 900123", "07700900123", "+44 7700 900123", "+44 (0)7700 900123",
                                   "(0113) 496 0123", "0113 496 0123", "020 7946 0123", "01632 960456"])
def test_phone_formats(anonymiser, value):
    [out] = anonymise_texts(anonymiser, f"Ring me on {value} after four.")
    assert re.sub(r"\D", "", value)[-6:] not in re.sub(r"\D", "", out), out


@pytest.mark.parametrize("value", ["943 476 5919", "9434765919", "943-476-5919", "AB 12 34 56 C", "AB123456C",
                                   "QQ 12 34 56 D", "FP-330411", "KLX 55821", "REF/2023/0456", "SW123456"])
def test_identifiers(anonymiser, value):
    [out] = anonymise_texts(anonymiser, f"Her number is {value} on the file.")
    assert value not in out and "[ID" in out, out


@pytest.mark.parametrize("text, value", [("DOB 12/03/2015.", "12/03/2015"), ("He was born 4 June 2016.", "4 June 2016"),
                                         ("Date of birth: 2015-01-02.", "2015-01-02")])
def test_dates_of_birth_but_not_meeting_dates(anonymiser, text, value):
    [out] = anonymise_texts(anonymiser, text + " We meet on Tuesday 4 June and again in July.")
    assert value not in out and "[DATE" in out
    assert "Tuesday 4 June" in out and "July" in out


def test_keep_terms_platforms_bodies_and_social_work_terms(anonymiser):
    text = ("Skills for Care, Social Work England, Ofsted and the Department for Education all shape the ASYE; "
            "we met on Google Meet, then Teams and Webex. The s.47, the CIN plan, the LAC review and a DoLS "
            "authorisation came up with the team manager and the practice educator.")
    [out] = anonymise_texts(anonymiser, text)
    assert out == text


@pytest.mark.parametrize("text, names", [
    ("I copied maria in and heard nothing back.", ["maria"]),                          # written-capitalised name
    ("Then clive lowe said he would chase the panel.", ["clive", "lowe"]),             # lower-case full name
    ("The manager discharged AOIFE GREEN on the Friday.", ["AOIFE", "GREEN"]),         # capitals, common surname
    ("Please ring jack on 07700 900456 before the review.", ["jack"]),                # the holder of a contact
    ("I watched her speak up for Christian Okonkwo-Brandt at the panel.", ["Christian"]),  # NER took the surname
])
def test_names_found_by_how_they_are_written(anonymiser, text, names):
    [out] = anonymise_texts(anonymiser, text)
    for name in names:
        assert gone(name, out), (name, out)


def test_unknown_capitalised_words_are_proper_nouns(anonymiser):
    """The gazetteer recognizer alone (no NER) takes words no list knows when they are capitalised."""
    recognizer = next(r for r in anonymiser.engines.analyzer.registry.recognizers if r.name == "gazetteer")
    text = ("Three agencies were involved: Quendlewick, the school and health. We meet at the Old Mill, "
            "Harrowbeck, before a move to Skerrinloe. We used genograms and the Signs of Safety tools.")
    artifacts = anonymiser.engines.analyzer.nlp_engine.process_text(text, "en")
    found = {text[r.start:r.end] for r in recognizer.analyze(text, [], artifacts)}
    assert {"Quendlewick", "Harrowbeck", "Skerrinloe"} <= found
    assert not found & {"Three", "Old", "Mill", "Signs", "Safety", "genograms", "We"}


def test_bodies_found_in_the_batch_lose_their_initials_everywhere(anonymiser):
    first, second = anonymise_texts(anonymiser, "The referral came from Hollinside Trust last week.",
                                    "We met on Teams because HT only allows that, and everyone got in.")
    assert gone("Hollinside", first) and gone("HT", second), (first, second)
    assert "Teams" in second


def test_body_names_that_start_like_people(anonymiser):
    [out] = anonymise_texts(anonymiser, "Wilson Primary School wants a joint session. Quillbury on Sea Health "
                                        "and Care NHS Foundation Trust sent the referral.")
    for word in ("Wilson", "Quillbury", "Sea"):
        assert gone(word, out), (word, out)


def test_lower_case_possessive_of_a_name_found_in_the_batch(anonymiser):
    first, second = anonymise_texts(anonymiser, "I am assessing Christian Okonkwo-Brandt this year.",
                                    "I do not feel I know christian's practice at all.")
    assert gone("christian", second), second
    assert "practice at all" in second


def test_members_emails_go_in_any_case_and_beside_punctuation_in_a_large_roster(anonymiser):
    # Forty members, so the email lookup works from the roster's shapes, not one pattern per email.
    logs = [make_log({"What I learned": f"Nothing to add from member {i}."}, submission_id=f"E-{i}",
                     author=f"Member Number{i}", email=f"m.number{i}@council{i % 7}.gov.uk",
                     organisation="Halloway Trust") for i in range(40)]
    logs.append(make_log({"What I learned": "Write to M.Number17@Council3.GOV.UK (or <m.number3@council3.gov.uk>)."},
                         submission_id="E-x", author="Quentin Abara", email="qa@example.org.uk",
                         organisation="Halloway Trust"))
    out = anonymiser.fit_transform(logs)[-1].fields[0].text
    assert "number17" not in out.casefold() and "number3" not in out.casefold(), out
    assert out.startswith("Write to ") and "@" not in out, out
