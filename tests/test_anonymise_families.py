"""The families of personal data that leaked on writers the rules had never seen, with invented examples.

Each case plants a person, body, place or reference in the shape another writer used, and checks
it is gone while the ordinary words beside it stay. Nothing here comes from the development corpus."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from pipeline.records import LogMetadata, RawField, RawLog

pytestmark = pytest.mark.slow

# A set of three invented members: two of the first names are ordinary words in lower case.
MEMBERS = [("Grace Underhill", "g.underhill@pellbrook.gov.uk", "Pellbrook Council"),
           ("Rosalind Mortlake", "r.mortlake@ashdene-care.org.uk", "Ashdene Care"),
           ("Katherine Wolstenholme", "k.wolstenholme@ferriby.nhs.uk", "Ferriby Health Trust")]


def run(anonymiser, *texts: str, members=MEMBERS) -> list[str]:
    logs = []
    for i, text in enumerate(texts):
        name, email, org = members[i % len(members)]
        meta = LogMetadata("reflective", f"F-{i}", "Set Q", 2, dt.date(2024, 3, 5), name, email, org)
        logs.append(RawLog("forms/f.csv", i + 2, meta, [RawField("What happened", text)], f"digest-{i}"))
    return [doc.fields[0].text for doc in anonymiser.fit_transform(logs)]


def gone(word: str, text: str) -> bool:
    return re.search(rf"(?<![\w/-]){re.escape(word)}(?![\w/-])", text) is None


def stays(phrase: str, text: str) -> bool:
    return phrase in text


@pytest.mark.parametrize("text, planted, ordinary", [
    # a member's first name that is a word, in lower case, after or before a person cue
    ("thanks grace for sending the link before we started.", ["grace"], ["for sending the link"]),
    ("grace (NQSW) - 4 months in and still finding her feet.", ["grace"], ["still finding her feet"]),
    ("grace isn't a bad manager, she just has no time.", ["grace"], ["a bad manager"]),
    # the same word as a word stays where the learned detector is sure of it (with "and humour" after it,
    # it is not: "with grace and <name>" is how people are listed, and recall comes first)
    ("She handled the challenge with grace.", [], ["with grace."]),
    # a short form of a member's first name, from the nicknames table or clipped
    ("Kate kept time and Ros presented her case.", ["Kate", "Ros"], ["kept time", "presented her case"]),
    # a first name in apposition with a role
    ("Hope - NQSW in the hospital team - joined late.", ["Hope"], ["NQSW in the hospital team"]),
    ("I will ask Verity (our CEO) about the budget.", ["Verity"], ["about the budget"]),
    # initials signing off a paragraph, and a framework written the same way that stays
    ("See you all next month – JT", ["JT"], ["See you all next month"]),
    ("Mapped every action to the domains – PCF", [], ["– PCF"]),
    # a council's initials in lower case
    ("I spoke to the pcc asye lead about the portfolio.", ["pcc"], ["asye lead"]),
    # a place that is an ordinary word, listed with a found place, or naming a team
    ("Our homes in Pellbrook and Sale are short of carers.", ["Pellbrook", "Sale"], ["short of carers"]),
    ("Caseloads moved from Pellbrook to Wells in the spring.", ["Pellbrook", "Wells"], ["in the spring"]),
    ("Our Reading team took the overflow.", ["Reading"], ["team took the overflow"]),
    # a title goes with the name it stands before
    ("Professor Idowu Carrick-Small spoke at the event.", ["Professor", "Idowu"], ["spoke at the event"]),
    ("Councillor Brannigan Oyelaran visited the hub.", ["Councillor", "Oyelaran"], ["visited the hub"]),
    # a kept word that is a first name, before a surname
    ("We will take it to our service manager May Okonjo before the next set.", ["May", "Okonjo"],
     ["service manager", "before the next set"]),
    # web addresses name a body
    ("Their guidance is at www.pellbrook-fostering.org.uk/asye for anyone.", ["www.pellbrook-fostering.org.uk/asye"],
     ["for anyone"]),
])
def test_each_family_goes_and_the_words_around_it_stay(anonymiser, text, planted, ordinary):
    [out] = run(anonymiser, text)
    for word in planted:
        assert gone(word, out), (word, out)
    for phrase in ordinary:
        assert stays(phrase, out), (phrase, out)


@pytest.mark.parametrize("reference", ["AB/21/0388", "CMP-21-0418", "21/AB/0388", "LCS 88213", "CF-204817"])
def test_case_references_in_any_shape_a_case_system_uses_are_ids(anonymiser, reference):
    [out] = run(anonymiser, f"The case ({reference}) went to panel on the 12/03/2024 date.")
    assert gone(reference, out) and "[ID" in out and "12/03/2024" in out, out


def test_a_month_stays_a_month_beside_a_name_found_elsewhere(anonymiser):
    first, second = run(anonymiser, "Our manager May Okonjo signed it off.",
                        "I took both cases to May and she agreed. We meet again in May 2025.")
    assert gone("Okonjo", first) and gone("May", first)
    assert "to [PERSON" in second and "again in May 2025" in second, second


def test_the_roster_knows_nicknames_and_clipped_forms(anonymiser):
    from pipeline.anonymise.gazetteers import load_gazetteers
    from pipeline.anonymise.roster import name_forms

    assert "Kate" in name_forms("Katherine")
    assert "Ros" in name_forms("Rosalind", load_gazetteers().first_folded)
    assert "Ro" not in name_forms("Rosalind", load_gazetteers().first_folded)  # too short to be anyone


# Members whose initials spell a kept term, or are not ASCII letters.
SIGNING_MEMBERS = [("Harriet Roebuck", "h.roebuck@pellbrook.gov.uk", "Pellbrook Council"),
                   ("Åsa Østergaard", "a.ostergaard@ashdene-care.org.uk", "Ashdene Care")]


def test_a_members_initials_sign_off_even_when_they_spell_a_kept_term(anonymiser):
    signed, accented = run(anonymiser, "Notes typed up and shared in the chat. - HR",
                           "Actions agreed for next time. – ÅØ", members=SIGNING_MEMBERS)
    assert gone("HR", signed) and "shared in the chat" in signed, signed
    assert gone("ÅØ", accented) and "Actions agreed" in accented, accented
    [unsigned] = run(anonymiser, "Escalated the grievance to - HR")  # nobody in this set is H. R.
    assert "- HR" in unsigned, unsigned


def test_member_names_that_are_words_are_decided_in_context_and_counted(anonymiser):
    # Grace is a member (MEMBERS); "agreed with" is no lexicon cue, so the learned detector decides.
    cued, named, ordinary = run(anonymiser, "thanks grace for chairing.",
                                "I agreed with grace that the presenter should choose the next question.",
                                "There is no grace period for late logs, and she handled it with grace.",
                                members=MEMBERS[:1])
    assert gone("grace", cued) and gone("grace", named) and "the presenter should" in named, named
    assert "no grace period" in ordinary and "with grace" in ordinary, ordinary
    assert anonymiser.roster_word_counts == {"name_by_cue": 1, "name_by_model": 1, "word_by_model": 2}
