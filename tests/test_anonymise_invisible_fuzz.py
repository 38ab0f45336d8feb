"""Seeded fuzz: invisible characters and full-width forms thrown into planted identifiers never let one through.

A fixed set of seeds, so a failure names its seed and repeats. tests/test_properties.py (Hypothesis)
puts such characters around planted identifiers; here they go inside them. Each log plants its author's name, an email, a UK phone and an NHS number (valid check digit) in
ordinary text, with zero-width, soft-hyphen or bidi characters inserted at random points inside
each value and, sometimes, a value written in full-width characters.
"""
from __future__ import annotations

import random
import re

import pytest

from pipeline.anonymise.normalise import normalise_text
from tests.builders import make_log

pytestmark = pytest.mark.slow

SEEDS = range(24)
INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202a", "\u202e", "\u2066", "\u2069"]
# Invented people and contacts.
AUTHORS = [("Ottoline Varnsworth", "o.varnsworth@quellbrook.org.uk"),
           ("Bartholomew Ickeringill", "b.ick@farthingsea.gov.uk"),
           ("Morwenna Tregaskis-Lowe", "mtl@hollinsmere.org.uk"),
           ("Leopold Swithenbank", "leo.s@marrowgate.co.uk")]
PHONES = ["07700 900417", "07700 900561", "0161 496 0732", "(0113) 496 0881"]
NHS_NUMBERS = ["943 476 5919", "401 023 2137", "450 557 7104", "463 905 0264"]
FRAGMENTS = ["The set met online.", "We talked about thresholds for a long time.", "I felt heard today.",
             "The questions slowed me down, which helped.", "Next time I will bring the supervision notes.",
             "Nobody wanted to host, so the facilitator did."]


def scatter(value: str, rng: random.Random) -> str:
    """The value with 1-3 invisible characters at random points inside it, sometimes in full-width form."""
    chars = list(value)
    for _ in range(rng.randint(1, 3)):
        chars.insert(rng.randint(1, len(chars) - 1), rng.choice(INVISIBLES))
    text = "".join(chars)
    if rng.random() < 0.25:  # full-width letters and digits fold back under NFKC
        text = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    return text


def fuzzed_log(seed: int):
    rng = random.Random(seed)
    author, email = rng.choice(AUTHORS)
    first = author.split()[0]
    planted = {"name": first, "email": email, "phone": rng.choice(PHONES), "nhs": rng.choice(NHS_NUMBERS)}
    sentences = rng.sample(FRAGMENTS, 3) + [
        f"{scatter(planted['name'], rng)} presented.",
        f"Write to {scatter(planted['email'], rng)} or ring {scatter(planted['phone'], rng)}.",
        f"The NHS number {scatter(planted['nhs'], rng)} was in the notes."]
    rng.shuffle(sentences)
    log = make_log({"What I learned": " ".join(sentences)}, author=author, email=email,
                   submission_id=f"FZ-{seed}")
    return log, planted


def digits(value: str) -> str:
    return re.sub(r"\D", "", value)


@pytest.fixture(scope="module")
def fuzzed(anonymiser):
    logs, planted = zip(*(fuzzed_log(seed) for seed in SEEDS))
    docs = anonymiser.fit_transform(list(logs))
    return [("\n".join(f.text for f in doc.fields), values) for doc, values in zip(docs, planted)]


@pytest.mark.parametrize("seed", SEEDS)
def test_no_planted_identifier_survives_invisible_characters(fuzzed, seed):
    stored, planted = fuzzed[seed]
    assert stored == normalise_text(stored)  # nothing invisible or full-width is stored
    assert not re.search(rf"(?<!\w){re.escape(planted['name'])}(?!\w)", stored, re.IGNORECASE), (seed, stored)
    assert planted["email"].casefold() not in stored.casefold(), (seed, stored)
    for kind in ("phone", "nhs"):
        assert digits(planted[kind]) not in digits(stored), (seed, kind, stored)
