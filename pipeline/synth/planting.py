"""The seeded source of a synthetic programme's people, organisations and places, and of planted spans.

A Planter fills a sentence template's {slots} with fictional personal data (or keep terms) and returns the
sentence as segments, (text, tag), so that one rendering gives both the plain text of the inputs and the
marked-up text of the gold file. It counts what it plants per gold type and per family, and picks the kind
behind flexible slots ({partner}, {idlabel}, {where}) so that the families get about equal shares.
"""
from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter, namedtuple
from functools import lru_cache

from faker import Faker

from pipeline.synth.content import KEEP_TERMS, NAMES, ORGANISATIONS, PLACES, SLOTS, VOCABULARY, WORD_NAMES
from pipeline.synth.identifiers import VALUES

_SLOT = re.compile(r"\{(\w+)('s)?\}")
_KEEP = re.compile(r"(?<![\w.])(" + "|".join(re.escape(t) for t in sorted(
    KEEP_TERMS + VOCABULARY.weekdays + VOCABULARY.months, key=len, reverse=True)) + r")(?!\w)")
KEEP_SLOTS = {"weekday": VOCABULARY.weekdays, "month": VOCABULARY.months, "platform": VOCABULARY.platforms,
              "body": VOCABULARY.bodies}  # keep slots filled from a list ({date} is made)
Seg = tuple[str, "str | None"]  # (text, tag): tag is PERSON, ORG, LOCATION, CONTACT, ID, DATE, KEEP or None


# A person; an organisation (short: "Hollinsmere", "LB Cranmere", "Kingfisher Lane"; acronym: "HCC", "KLF", or the
# short form when initials would be too short or a keep term); a set member, with the NQSWs they assess, their
# manager and their cases: (child, parent, carer, the child's date of birth).
Person = namedtuple("Person", "first last title member", defaults=[False])
Org = namedtuple("Org", "name org_type short acronym domain")
Member = namedtuple("Member", "person email org set_id position setting nqsws manager cases")


@lru_cache(maxsize=1)
def _nicknamer():
    """Short and long forms of English given names (the `nicknames` package), for "Kate" of Katherine."""
    from nicknames import NickNamer

    return NickNamer()


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L").replace("ø", "o"))
    return "".join(c for c in folded if c.isascii() and (c.isalnum() or c in ".-"))


class Planter:
    """Seeded source of people, organisations and planted spans; counts what it plants."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("en_GB")
        self.fake.seed_instance(seed)
        self.types: Counter[str] = Counter()
        self.families: Counter[str] = Counter()
        self.places: set[str] = set()

    # ------------------------------------------------------------------------- people, places, organisations
    def person(self, word_ok: bool = True) -> Person:
        rng, fake, r, s = self.rng, self.fake, self.rng.random(), self.rng.random()
        g = rng.choice("fm")
        firsts, lasts = NAMES.first, NAMES.last
        first = (rng.choice(firsts["word"][g]) if word_ok and r < .15 else rng.choice(firsts["apostrophe"][g])
                 if r < .19 else rng.choice(firsts["diacritic"][g]) if r < .29 else rng.choice(firsts["world"][g])
                 if r < .39 else (fake.first_name_female() if g == "f" else fake.first_name_male()) + (
                     f"-{rng.choice(firsts['second'][g])}" if r < .49 else ""))
        last = (rng.choice(lasts["apostrophe"]) if s < .20 else rng.choice(lasts["diacritic"]) if s < .33
                else f"{fake.last_name()}-{fake.last_name()}" if s < .43 else rng.choice(lasts["world"]) if s < .55
                else fake.last_name())
        return Person(first, last, rng.choice(NAMES.titles[g]))

    def place(self, unique: bool = False) -> str:
        """An invented, real-looking place name ("Hollinsmere", "Garrowby Bridge"); `unique`: not used before."""
        for attempt in range(400):
            name = self.rng.choice(PLACES.place_heads) + self.rng.choice(PLACES.place_tails)
            if self.rng.random() < (.15 if attempt < 20 else .9):
                name += " " + self.rng.choice(PLACES.place_extras)
            if not unique or name not in self.places:
                break
        self.places.add(name)
        return name

    def org(self, org_type: str, unique: bool = False) -> Org:
        """An organisation of `org_type`; `unique`: on a place name not used before (a set member's employer)."""
        spec = ORGANISATIONS.types[org_type]
        pattern = self.rng.choice(spec["names"])
        if "{}" in pattern:
            short = self.place(unique)
            name = pattern.format(short)
            short = f"LB {short}" if name.startswith("London") else short
        else:
            short = self.rng.choice(ORGANISATIONS.agency_words) + self.rng.choice(ORGANISATIONS.agency_tails)
            name = f"{short} {pattern}"
        acronym = "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper() and w not in ("NHS", "Ltd"))
        if len(acronym) < 2 or acronym in KEEP_TERMS:
            acronym = short
        domain = f"{_ascii(short.removeprefix('LB ')).lower().replace('.', '')}.{spec['tld']}"
        return Org(name, org_type, short, acronym, domain)

    def email(self, p: Person, domain: str | None = None) -> str:
        first, last = _ascii(p.first).lower(), _ascii(p.last).lower()
        if domain is None:
            return f"{first}.{last}{self.rng.randint(1, 99)}@{self.rng.choice(ORGANISATIONS.free_mail)}"
        return self.rng.choice([f"{first}.{last}", f"{first[0]}.{last}", f"{first}{last}"]) + "@" + domain

    # ------------------------------------------------------------------------- planted spans
    def plant(self, tag: str, text: str, *families: str) -> Seg:
        self.types[tag] += 1
        self.families.update(families)
        return (text, tag)

    def least(self, options: dict[str, str]) -> str:
        """The option whose family has been planted least so far (7 times in 10), else a random one: keeps the
        families behind the flexible slots ({partner}, {idlabel}, {where}) at about equal shares."""
        if self.rng.random() < .3:
            return self.rng.choice(list(options))
        return min(options, key=lambda option: self.families[options[option]])

    def person_span(self, p: Person, role: str, possessive: bool, at_start: bool) -> Seg:
        forms = SLOTS.person_forms[role]
        form = self.rng.choices(list(forms), list(forms.values()))[0]
        if possessive and form in ("initials", "title_initial"):
            form = "title" if form == "title_initial" else "first"
        if form == "lower" and (at_start or p.first in WORD_NAMES):  # word names stay clearly names
            form = "first"
        full = f"{p.first} {p.last}"
        text = {"first": p.first, "full": full, "title": f"{p.title} {p.last}",
                "title_initial": f"{p.title} {p.last[0]}.", "initials": f"{p.first[0]}.{p.last[0]}.",
                "lower": (p.first if self.rng.random() < .7 else full).lower(),
                "caps": (full if role.endswith("_full") or self.rng.random() < .7 else p.first).upper()}[form]
        return self.plant("PERSON", text, *[family for family, hit in (
            ("person.member", p.member), ("person.full_name", " " in text and form in ("full", "lower", "caps")),
            ("person.possessive", possessive), ("person.lowercase", form == "lower"),
            ("person.allcaps", form == "caps"), ("person.title", form.startswith("title")),
            ("person.initials", form == "initials"), ("person.hyphenated", "-" in text),
            ("person.apostrophe", "'" in text), ("person.diacritic", not text.isascii()),
            ("person.word_name", p.first in WORD_NAMES and form in ("first", "full", "caps"))) if hit])

    def org_span(self, org: Org, style: str) -> Seg:
        if style == "full":
            return self.plant("ORG", org.name, ORGANISATIONS.types[org.org_type]["family"])
        if style == "short" and org.short != org.acronym:
            return self.plant("ORG", org.short, "org.short_form")
        return self.plant("ORG", org.acronym, "org.acronym")

    def partner(self, kind: str) -> Seg:
        rng = self.rng
        kind = self.least(SLOTS.partner_family) if kind == "partner" else kind
        if kind in ("council", "trust", "agency", "charity"):
            org_type = {"council": "local_authority", "trust": "nhs", "agency": "fostering_agency"}.get(kind, kind)
            style = {"council": [60, 15, 25], "trust": [75, 0, 25]}.get(kind, [1, 0, 0])
            return self.org_span(self.org(org_type), rng.choices(["full", "short", "acronym"], style)[0])
        saint = f"St {rng.choice(ORGANISATIONS.saints)}'s"
        if kind == "school":
            return self.plant("ORG", rng.choice([f"{self.fake.last_name()} Primary School", f"{saint} Academy",
                                                 f"{self.place()} High School"]), "org.school")
        if kind == "hospital":
            return self.plant("ORG", rng.choice([f"{self.place()} General Hospital", f"{saint} Hospital",
                                                 f"{self.place()} Royal Infirmary"]), "org.hospital")
        return self.plant("ORG", f"{self.place()} {rng.choice(ORGANISATIONS.team_kinds)}", "org.team")

    def town(self) -> Seg:
        r = self.rng.random()
        if r < .45:
            return self.plant("LOCATION", self.rng.choice(PLACES.word_places), "loc.word_place")
        name = self.rng.choice(PLACES.uk_towns) if r < .68 else self.place() if r < .88 else self.fake.city()
        return self.plant("LOCATION", name, "loc.town")

    def address(self) -> Seg:
        street = self.fake.last_name() if self.rng.random() < .6 else self.place()
        number, suffix = self.rng.randint(1, 220), self.rng.choice(PLACES.street_suffixes)
        return self.plant("LOCATION", f"{number} {street} {suffix}", "loc.address")

    def estate(self) -> Seg:
        name = self.rng.choice(PLACES.estate_names) if self.rng.random() < .6 else self.place()
        return self.plant("LOCATION", name, "loc.estate")

    def written_member(self, slot: str, ctx: dict, at_start: bool) -> Seg:
        """The shapes writers use for each other that the person forms above do not give: a first name in
        lower case even when it is an ordinary word ("thanks rose for the link"), a short form ("Kate" kept
        time), initials signed at a paragraph's end ("- JT"), and the author's own initials."""
        person = ctx["author"].person if slot == "author_sig" else ctx["members"][0].person
        if slot == "member_lower":
            text = person.first.lower()  # at a sentence's start too: writers who type names so do it there
            families = ["person.member", "person.lowercase"] + (
                ["person.word_name_lowercase"] if person.first in WORD_NAMES else [])
            return self.plant("PERSON", text, *families)
        if slot == "member_short":
            forms = sorted(form.title() for form in _nicknamer().nicknames_of(person.first.casefold()) if len(form) >= 3)
            text = self.rng.choice(forms) if forms else person.first
            return self.plant("PERSON", text, "person.member", *(["person.nickname"] if forms else []))
        initials = "".join(part[0] for part in (person.first, person.last) if part[:1].isalpha()).upper()
        return self.plant("PERSON", initials, "person.member", "person.signature")

    def fill(self, slot: str, ctx: dict, possessive: bool, at_start: bool) -> list[Seg]:
        rng, author, member = self.rng, ctx["author"], ctx["members"][0]
        if slot in ("member_lower", "member_short", "member_sig", "author_sig"):
            return [self.written_member(slot, ctx, at_start)]
        if slot == "council_lower":  # "the hcc asye lead": a council's initials typed in lower case
            council = self.org("local_authority")
            if not council.acronym.isupper() or council.acronym in ("BCC", "BBC"):  # words in lower case  # a name too short for initials: its short form, as written
                return [self.org_span(council, "short")]
            return [self.plant("ORG", council.acronym.lower(), "org.acronym", "org.lower_acronym")]
        if re.fullmatch(r"member\d?(_full)?", slot):
            m = ctx["members"][int(slot[-1]) - 1 if slot[-1].isdigit() else 0]
            return [self.person_span(m.person, "member_full" if slot.endswith("_full") else "member", possessive,
                                     at_start)]
        if slot in SLOTS.people:
            role, index = SLOTS.people[slot]
            return [self.person_span(ctx["cast"][index], role, possessive, at_start)]
        keep = KEEP_SLOTS.get(slot)
        if keep or slot == "date":
            return [(rng.choice(keep) if keep else f"{rng.randint(4, 20)}{rng.choice(['th', ''])} "
                     f"{rng.choice(VOCABULARY.months)}", "KEEP")]
        if slot == "dob":
            born, style = ctx["born"], rng.randrange(3)
            text = [f"{born:%d/%m/%Y}", f"{born.day} {born:%B %Y}", born.isoformat()][style]
            return [(["DOB ", "born ", "date of birth: "][style], None), self.plant("DATE", text, "date.dob")]
        if slot in ("org", "org_full", "member_org"):
            style = ("full" if slot == "org_full" else rng.choice(["full", "short", "short", "acronym"])
                     if slot == "org" else rng.choices(["full", "short", "acronym"], [3, 4, 3])[0])
            return [self.org_span(member.org if slot == "member_org" else author.org, style)]
        if slot.endswith("email") or slot == "mailbox":
            if slot in SLOTS.email_owner:
                domain = None if slot == "parent_email" else author.org.domain
                text = self.email(ctx["cast"][SLOTS.email_owner[slot]], domain)
            elif slot == "email":  # anyone's: personal, NHSmail or at the author's organisation
                text = self.email(self.person(), rng.choice([None, None, "nhs.net", author.org.domain]))
            else:
                text = (member.email if slot == "member_email" else self.email(member.person)
                        if slot == "member_home_email" else
                        f"{rng.choice(ORGANISATIONS.mailboxes)}@{member.org.domain}")
            return [self.plant("CONTACT", text, "contact.email")]
        if slot == "where":  # "14 Marlpit Road, Hull" or "the Pennyfield estate, Wells", maybe with a postcode
            if self.least({"address": "loc.address", "estate": "loc.estate"}) == "address":
                segs = [self.address(), (", ", None)]
            else:
                segs = [("the ", None), self.estate(), (" estate, ", None)]
            segs += self.fill("town" if rng.random() < .75 else "postcode", ctx, False, False)
            return segs + ([(" ", None), *self.fill("postcode", ctx, False, False)] if rng.random() < .5 else [])
        if slot == "idlabel":  # "NHS number 943 476 5919", sometimes "... and the case reference CF-204817"
            segs = []
            for _ in range(1 if rng.random() < .5 else 2):
                kind = self.least(SLOTS.id_family)
                self.literal((" and the " if segs else "") + SLOTS.id_labels[kind], segs)
                segs += self.fill(kind, ctx, False, False)
            return segs
        if slot == "postcode":
            return [self.plant("LOCATION", self.fake.postcode(), "loc.postcode")]
        if slot in VALUES:
            tag, make, family = VALUES[slot]
            return [self.plant(tag, make(rng), family)]
        if slot in ("town", "address", "estate"):
            return [getattr(self, slot)()]
        return [self.partner(slot)]

    def render(self, template: str, ctx: dict) -> list[Seg]:
        segs: list[Seg] = []
        pos = 0
        for match in _SLOT.finditer(template):
            self.literal(template[pos:match.start()], segs)
            segs += self.fill(match.group(1), ctx, bool(match.group(2)), match.start() == 0)
            if match.group(2):
                segs.append(("'s", None))
            pos = match.end()
        self.literal(template[pos:], segs)
        return segs

    @staticmethod
    def literal(text: str, segs: list[Seg]) -> None:
        """Template text, with its keep terms tagged."""
        if text.startswith(".") and segs and segs[-1][0].endswith("."):
            text = text[1:]  # "Mr V." or "J.T." at the end of a sentence
        pos = 0
        for match in _KEEP.finditer(text):
            segs += [(text[pos:match.start()], None), (match.group(1), "KEEP")]
            pos = match.end()
        segs.append((text[pos:], None))


def plain(segs: list[Seg]) -> str:
    return "".join(text for text, _ in segs)


def marked(segs: list[Seg]) -> str:
    return "".join(f"{{{{{tag}:{text}}}}}" if tag else text for text, tag in segs)
