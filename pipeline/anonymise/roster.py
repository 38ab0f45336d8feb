"""Everyone and every organisation named in the batch's metadata, found again in free text.

Authors mostly name each other by first name ("Ottilie kept time") and their
organisations by short forms ("LB Carrowfield", "Carrowfield"), which general NER
misses; the roster turns each metadata identity into those variants.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable, Iterator

from pipeline.anonymise.keep import KeepTerms
from pipeline.anonymise.keys import Pseudonymiser
from pipeline.anonymise.lexicon import folded, lexicon
from pipeline.anonymise.phrases import PhraseIndex, is_ordinary_word, word_zipf, words
from pipeline.records import RawLog

TITLES = folded(lexicon().titles)
CONNECTORS = {"of", "and", "the", "for", "&", "in", "on", "at"}
# Words that describe what kind of body an organisation is, not which one.
GENERIC_ORG_WORDS = folded(lexicon().organisation_words)
LEADING_FORMS = re.compile(
    r"^(?:the\s+)?(?:london|royal)\s+borough\s+of\s+|^(?:the\s+)?(?:city|borough|county)\s+of\s+",
    re.IGNORECASE,
)
WEBMAIL = {"gmail", "googlemail", "hotmail", "outlook", "yahoo", "icloud", "live", "btinternet", "nhs",
           "gov", "org", "net", "co", "ac", "sch", "mail", "email", "me", "proton", "protonmail", "aol"}
# A single word this common ("Young", "North") would redact ordinary text if used alone.
TOO_COMMON_ALONE = 5.0


@dataclass(frozen=True)
class RosterPerson:
    member_code: str | None
    set_id: str | None


@dataclass(frozen=True)
class RosterOrg:
    org_code: str | None


@lru_cache(maxsize=1)
def _nicknamer():
    """The `nicknames` package's table of English given names and their short and long forms
    (Old Dominion's nickname list, MIT): "Kate" for Katherine, "Ros" for Rosalind."""
    from nicknames import NickNamer

    return NickNamer()


def name_forms(first_name: str, known_first_names: frozenset[str] = frozenset()) -> set[str]:
    """Other forms people write of a first name: its nicknames, the names it is short for, and its
    clipped forms that are first names themselves ("Ros" of Rosalind, "Kath" of Katherine)."""
    namer = _nicknamer()
    folded = first_name.casefold()
    forms = namer.nicknames_of(folded) | namer.canonicals_of(folded)
    forms |= {folded[:size] for size in range(3, len(folded) - 1) if folded[:size] in known_first_names}
    return {form.title() for form in forms if len(form) >= 3 and form != folded}


class Roster:
    """Index of metadata identities (authors, emails, organisations) of one batch."""

    def __init__(self, keep_terms: KeepTerms, known_first_names: frozenset[str] = frozenset()) -> None:
        self.index = PhraseIndex()
        self._first_names = known_first_names  # folded, from the gazetteer: which clipped forms are names
        self.emails: dict[str, RosterPerson] = {}
        # Name pieces that are also ordinary words ("will", "rose"): matched with a capital by the
        # index, and in lower case only beside a cue (recognizers/roster.py), folded -> person.
        self.ordinary_pieces: dict[str, RosterPerson] = {}
        # Forms of a name that are kept words too ("Jan" of Janet, a month): left to the learned detector,
        # capitalised only. And members' initials ("HR"), which sign off a paragraph.
        self.kept_pieces: dict[str, RosterPerson] = {}
        self.initials: dict[str, RosterPerson] = {}
        self._keep = keep_terms

    @classmethod
    def from_logs(cls, logs: Iterable[RawLog], pseudonymiser: Pseudonymiser,
                  keep_terms: KeepTerms, known_first_names: frozenset[str] = frozenset()) -> "Roster":
        roster = cls(keep_terms, known_first_names)
        for log in logs:
            meta = log.metadata
            person = RosterPerson(pseudonymiser.member_code(meta.author_email, meta.author_name), meta.set_id)
            if meta.author_name:
                roster.add_person(meta.author_name, person)
            if meta.author_email:
                roster.emails[meta.author_email.casefold()] = person
            if meta.organisation:
                roster.add_organisation(meta.organisation, RosterOrg(pseudonymiser.org_code(meta.organisation)))
            if meta.author_email and "@" in meta.author_email:
                roster.add_email_domain(meta.author_email, RosterOrg(pseudonymiser.org_code(meta.organisation)))
        return roster

    def find_emails(self, text: str) -> Iterator[tuple[int, int]]:
        """Where a member's email (as the metadata gives it) stands in the text, in any case."""
        shapes, odd = self._email_lookup
        at = text.find("@")
        while at != -1:
            for before, after in shapes:
                start, end = at - before, at + 1 + after
                if start >= 0 and end <= len(text) and text[start:end].casefold() in self.emails:
                    yield start, end
            at = text.find("@", at + 1)
        for pattern in odd:  # an "email" without an @ (a name typed in the field): rare
            yield from (found.span() for found in pattern.finditer(text))

    @cached_property
    def _email_lookup(self) -> tuple[list[tuple[int, int]], list[re.Pattern]]:
        """The emails by the lengths either side of their "@", looked up at each "@" of a text, built once
        per batch: a regex per email per field made a batch quadratic (10,000 logs: most of anonymising)."""
        shapes = sorted({(e.index("@"), len(e) - e.index("@") - 1) for e in self.emails if "@" in e})
        return shapes, [re.compile(re.escape(e), re.IGNORECASE) for e in self.emails if "@" not in e]

    def add_person(self, name: str, person: RosterPerson) -> None:
        parts = [w for _, _, w in words(name) if w.casefold().strip(".") not in TITLES]
        if not parts:
            return
        self.index.add(" ".join(parts), person)
        pieces = set(parts)
        for part in parts:
            pieces.update(p for p in re.split(r"[-'’]", part) if len(p) > 1)
        # A short or long form of the first name ("Ros" kept time): names, but only with their capital
        # when they are words too ("Will", "Kit"); a surname has no such forms.
        pieces.update(name_forms(parts[0], self._first_names))
        letters = [part[0].upper() for part in parts if part[:1].isalpha()]
        if len(letters) >= 2:
            self.initials["".join(letters)] = person
            self.initials[letters[0] + letters[-1]] = person
        for piece in pieces:
            if len(piece) < 2:
                continue
            if piece in self._keep:
                if piece[:1].isupper() and len(piece) >= 3:
                    self.kept_pieces[piece] = person
                continue
            ordinary = is_ordinary_word(piece)
            self.index.add(piece, person, case_sensitive=ordinary)
            if ordinary and len(piece) >= 3:
                self.ordinary_pieces[piece.casefold()] = person

    def add_organisation(self, name: str, org: RosterOrg) -> None:
        self.index.add(name, org)
        for variant, case_sensitive in organisation_variants(name):
            if variant in self._keep or variant.casefold() == name.casefold():
                continue
            self.index.add(variant, org, case_sensitive=case_sensitive)

    def add_email_domain(self, email: str, org: RosterOrg) -> None:
        label = email.rsplit("@", 1)[1].split(".")[0]
        if len(label) > 3 and label.casefold() not in WEBMAIL and not is_ordinary_word(label):
            self.index.add(label, org)


def organisation_variants(name: str) -> list[tuple[str, bool]]:
    """Short forms people write: leading words, the place after "Borough of", acronyms."""
    tokens = [w for _, _, w in words(name)]
    stripped = LEADING_FORMS.sub("", name)
    leading = stripped != name
    body = [w for _, _, w in words(stripped)]
    while body and body[0].casefold() == "the":
        body.pop(0)
    variants: list[tuple[str, bool]] = []
    # Every leading run of words: "Brightwater", "Brightwater Fostering", "Brightwater Fostering Partners".
    for size in range(len(body), 0, -1):
        prefix = body[:size]
        if prefix[-1].casefold() in CONNECTORS:
            continue
        if size == 1:
            word = prefix[0]
            if word.casefold() in GENERIC_ORG_WORDS or word_zipf(word) >= TOO_COMMON_ALONE:
                continue
            variants.append((word, True))
        else:
            # Short forms are proper nouns: matched only when capitalised, so that
            # "young people" in ordinary use survives beside "Young People First Trust".
            variants.append((" ".join(prefix), True))
    core = list(body)
    while core and core[-1].casefold() in GENERIC_ORG_WORDS | CONNECTORS:
        core.pop()
    if leading and core:
        place = " ".join(core)
        variants += [(f"LB {place}", False), (f"LB of {place}", False), (f"{place} Council", False)]
    variants += [(acronym, True) for acronym in sorted(_acronyms(tokens, core, leading))]
    return variants


def organisation_acronyms(name: str) -> set[str]:
    """Initials people write for a body found in the text ("HT" for "Hallow Trust", "BTFP").

    Two letters only for a two-word name: the pairs a longer name yields ("AF", "AT") are
    initials nobody writes, and would cost ordinary shorthand.
    """
    tokens = [w for _, _, w in words(name) if w.casefold() != "the"]
    stripped = LEADING_FORMS.sub("", name)
    core = [w for _, _, w in words(stripped) if w.casefold() not in GENERIC_ORG_WORDS | CONNECTORS]
    significant = [w for w in tokens if w.casefold() not in CONNECTORS]
    return _acronyms(tokens, core, stripped != name, 2 if len(significant) == 2 else 3)


# Kinds of body people keep in a body's initials ("AWP": Avon and Wiltshire Mental Health Partnership).
STRUCTURAL_WORDS = folded(lexicon().kept_in_initials)


def _acronyms(tokens: list[str], core: list[str], leading: bool, min_length: int = 3) -> set[str]:
    """Initials of the name with and without connectors and generic words ("CWAC", "LBE", "AWP")."""
    def initials(ws: list[str]) -> str:
        return "".join(w[0] for w in ws if w and w[0].isalpha()).upper()

    def without_connectors(ws: list[str]) -> list[str]:
        return [w for w in ws if w.casefold() not in CONNECTORS]

    trimmed = list(tokens)
    while trimmed and trimmed[-1].casefold() in GENERIC_ORG_WORDS:
        trimmed.pop()
    distinctive = [w for w in without_connectors(tokens) if w.casefold() not in GENERIC_ORG_WORDS]
    candidates = {initials(tokens), initials(without_connectors(tokens)),
                  initials(trimmed), initials(without_connectors(trimmed)), initials(distinctive)}
    candidates |= {initials(distinctive + [w]) for w in tokens if w.casefold() in STRUCTURAL_WORDS}
    if leading and core:
        candidates.add("LB" + initials(core))
    return {c for c in candidates if len(c) >= min_length}
