"""Synthetic privacy stress corpus: realistic logs with planted personal data, and a gold file.

    from pipeline.synth import generate
    result = generate(2000, seed=1, out_dir=Path("out/synth"))

writes, under out_dir:
  inputs/forms/{observer,reflective,preparation}.csv  one row per log (canonical metadata headers, then prompts)
  inputs/docs/<submission_id>.docx | .md             `docs_share` of the logs, DOCX and Markdown alternately
  gold.jsonl                                         one record per log: the same text with every planted
                                                     span marked {{TYPE:text}} and every keep term {{KEEP:text}}

Everything is fictional: names from Faker en_GB and the lists in synth.content, Ofcom drama-range phone
numbers, NHS numbers with a valid modulus-11 check digit, well-formed National Insurance numbers. The output
depends only on the arguments: Faker is seeded per instance, randomness comes from one random.Random(seed),
and DOCX archives get fixed timestamps, so the same seed gives byte-identical files.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import random
import re
import unicodedata
from collections import Counter, namedtuple
from dataclasses import dataclass, field
from pathlib import Path

from faker import Faker

from pipeline.synth.content import (DETAIL_GROUP, KEEP_TERMS, NAMES, ORGANISATIONS, PLACES, PROMPTS, QUESTION_PROMPT,
                                    SENTENCES, SLOTS, VOCABULARY, WORD_NAMES)
from pipeline.synth.identifiers import VALUES
from pipeline.synth.writers import LOG_TITLE, DocxWriter, front_matter_text, question_lines, write_csv, write_text

META_KEYS = ["submission_id", "log_type", "set_id", "meeting_number", "meeting_date", "author_name",
             "author_email", "organisation", "org_type", "setting", "role"]
ROLES = ["presenter", "timekeeper", "process_caretaker", "observer", "host", "member"]  # rotate by meeting
DETAIL_RATES = (1.0, 0.35)  # chances that a paragraph gets a first and a second sentence from SENTENCES.details
_SLOT = re.compile(r"\{(\w+)('s)?\}")
_KEEP = re.compile(r"(?<![\w.])(" + "|".join(re.escape(t) for t in sorted(
    KEEP_TERMS + VOCABULARY.weekdays + VOCABULARY.months, key=len, reverse=True)) + r")(?!\w)")
KEEP_SLOTS = {"weekday": VOCABULARY.weekdays, "month": VOCABULARY.months, "platform": VOCABULARY.platforms,
              "body": VOCABULARY.bodies}  # keep slots filled from a list ({date} is made)
Seg = tuple[str, "str | None"]  # (text, tag): tag is PERSON, ORG, LOCATION, CONTACT, ID, DATE, KEEP or None


@dataclass
class SynthResult:
    inputs_dir: Path      # out_dir / "inputs"
    gold_path: Path       # out_dir / "gold.jsonl"
    logs: int
    planted: int          # number of planted personal-data spans (KEEP spans not counted)
    by_type: dict[str, int] = field(default_factory=dict)    # planted spans per gold TYPE
    by_family: dict[str, int] = field(default_factory=dict)  # planted spans per family (a span may have several)


# A person; an organisation (short: "Hollinsmere", "LB Cranmere", "Kingfisher Lane"; acronym: "HCC", "KLF", or the
# short form when initials would be too short or a keep term); a set member, with the NQSWs they assess, their
# manager and their cases: (child, parent, carer, the child's date of birth).
Person = namedtuple("Person", "first last title member", defaults=[False])
Org = namedtuple("Org", "name org_type short acronym domain")
Member = namedtuple("Member", "person email org set_id position setting nqsws manager cases")


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L").replace("ø", "o"))
    return "".join(c for c in folded if c.isascii() and (c.isalnum() or c in ".-"))


class _Gen:
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

    def fill(self, slot: str, ctx: dict, possessive: bool, at_start: bool) -> list[Seg]:
        rng, author, member = self.rng, ctx["author"], ctx["members"][0]
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
            text = text[1:]  # "Mr K." or "J.T." at the end of a sentence
        pos = 0
        for match in _KEEP.finditer(text):
            segs += [(text[pos:match.start()], None), (match.group(1), "KEEP")]
            pos = match.end()
        segs.append((text[pos:], None))


def plain(segs: list[Seg]) -> str:
    return "".join(text for text, _ in segs)


def marked(segs: list[Seg]) -> str:
    return "".join(f"{{{{{tag}:{text}}}}}" if tag else text for text, tag in segs)


def _programme(g: _Gen, n_logs: int) -> list[list[Member]]:
    """About one set per 30 logs; six members from six organisations (two or more local authorities) per set."""
    sets, org_types = [], ORGANISATIONS.types
    weights = [spec["weight"] for spec in org_types.values()]
    for s in range(max(1, math.ceil(n_logs / 30))):
        members: list[Member] = []
        types = ["local_authority"] * 2 + g.rng.choices(list(org_types), weights, k=4)
        g.rng.shuffle(types)
        for position, org_type in enumerate(types):
            while (p := g.person()).first in {m.person.first for m in members}:
                pass  # first names are unique within a set, as members use them for each other
            person, org = Person(p.first, p.last, p.title, member=True), g.org(org_type, unique=True)
            cases = [(g.person(), g.person(), g.person(), dt.date(g.rng.randint(2006, 2021), g.rng.randint(1, 12),
                                                                g.rng.randint(1, 28))) for _ in range(3)]
            members.append(Member(person, g.email(person, org.domain), org, f"Set {s + 1}", position,
                                  g.rng.choice(org_types[org_type]["settings"]), [g.person(), g.person()], g.person(),
                                  cases))
        sets.append(members)
    return sets


def _log_slots(g: _Gen, sets: list[list[Member]], n_logs: int) -> list[tuple[str, int, int, Member]]:
    """(log_type, set index, meeting, author): observer and preparation ~20% each (written by that meeting's
    observer and presenter), reflective the rest (anyone); meetings 1..8."""
    cands: dict[str, list] = {"observer": [], "preparation": [], "reflective": []}
    for s, members in enumerate(sets):
        for meeting in range(1, 9):
            for m in members:
                role = ROLES[(m.position - meeting + 1) % 6]
                for log_type in ["reflective"] + [{"observer": "observer", "presenter": "preparation"}.get(role)]:
                    if log_type:
                        cands[log_type].append((log_type, s, meeting, m))
    n_obs = n_prep = min(round(n_logs * .2), n_logs // 2)
    chosen = (g.rng.sample(cands["observer"], n_obs) + g.rng.sample(cands["preparation"], n_prep)
              + g.rng.sample(cands["reflective"], n_logs - 2 * n_obs))
    order = {"preparation": 0, "observer": 1, "reflective": 2}
    return sorted(chosen, key=lambda c: (c[1], c[2], order[c[0]], c[3].position))


def _log_fields(g: _Gen, log_type: str, author: Member, others: list[Member]) -> list[tuple[str, str, list]]:
    """[(prompt, "paragraphs"|"questions", items)]: items are (segs, codes) or (segs, question type)."""
    child, parent, carer, born = g.rng.choice(author.cases)
    cast = [*g.rng.sample(author.nqsws, 2), author.manager, child, parent, carer, g.person(word_ok=False)]
    context = lambda t: dict(author=author, members=g.rng.sample(others, 4) if "{member" in t else others,  # noqa: E731
                             cast=cast, born=born)
    details = {group: g.rng.sample(pool, len(pool)) for group, pool in SENTENCES.details.items()}
    fields = []
    for prompt in PROMPTS[log_type]:
        if prompt == QUESTION_PROMPT:
            pools = {t: g.rng.sample(qs, len(qs)) for t, qs in SENTENCES.questions.items()}
            kinds = g.rng.choices(list(pools), [4, 3, 3], k=g.rng.randint(2, 4))
            questions = [pools[kind].pop() for kind in kinds]
            fields.append((prompt, "questions", [(g.render(q, context(q)), k) for q, k in zip(questions, kinds)]))
            continue
        pool = g.rng.sample(SENTENCES.by_prompt[prompt], len(SENTENCES.by_prompt[prompt]))
        group = DETAIL_GROUP[prompt]  # the pool of detail sentences, or None
        paragraphs = []
        for _ in range(g.rng.choices([1, 2, 3], [35, 45, 20])[0]):
            n = g.rng.choices([1, 2, 3, 4], [15, 30, 35, 20])[0]  # sentences, of which some are case or set detail,
            n_details = min(n - 1, sum(g.rng.random() < rate for rate in DETAIL_RATES)) if group else 0  # dense in PII
            chosen = [pool.pop() for _ in range(min(len(pool), n - n_details))]
            for _ in range(min(n_details, len(details[group] if group else []))):
                chosen.insert(g.rng.randint(1, len(chosen)) if chosen else 0, details[group].pop())
            segs: list[Seg] = []
            codes: set[str] = set()
            for entry in chosen:
                aliases, template = entry.split("| ", 1)
                codes.update(SENTENCES.codes[a] for a in aliases.split(",") if a)
                segs += ([(" ", None)] if segs else []) + g.render(template, context(template))
            if segs:
                paragraphs.append((segs, sorted(codes)))
        fields.append((prompt, "paragraphs", paragraphs))
    return fields


def _write_docx(writer: DocxWriter, path: Path, meta: dict, fields: list) -> None:
    writer.start(LOG_TITLE[meta["log_type"]])
    writer.lines(f"{key}: {meta[key]}" for key in META_KEYS)
    for prompt, kind, items in fields:
        writer.section(prompt, [plain(segs) for segs, _ in items], bulleted=kind == "questions")
    writer.save(path)


def _write_markdown(path: Path, meta: dict, fields: list) -> None:
    write_text(path, front_matter_text({key: meta[key] for key in META_KEYS}, [
        (prompt, _cell(kind, items, "bullet")) for prompt, kind, items in fields]))


def _cell(kind: str, items: list, style: str) -> str:
    """A form cell: paragraphs separated by a blank line; questions one per line, plain, bulleted or numbered."""
    if kind == "paragraphs":
        return "\n\n".join(plain(segs) for segs, _ in items)
    return question_lines((plain(segs) for segs, _ in items), style)


def generate(n_logs: int, seed: int, out_dir: Path, docs_share: float = 0.1) -> SynthResult:
    """Write n_logs synthetic logs with planted personal data under out_dir, and gold.jsonl; see the module doc.
    Files of an earlier run in out_dir/inputs (the three CSVs, docs/SY-*) are replaced or removed."""
    if n_logs < 1 or not 0 <= docs_share <= 1:
        raise ValueError("n_logs must be at least 1 and docs_share between 0 and 1")
    inputs, gold_path = Path(out_dir) / "inputs", Path(out_dir) / "gold.jsonl"
    (inputs / "forms").mkdir(parents=True, exist_ok=True)
    (inputs / "docs").mkdir(parents=True, exist_ok=True)
    for stale in [*(inputs / "docs").glob("SY-*.docx"), *(inputs / "docs").glob("SY-*.md")]:
        stale.unlink()
    g = _Gen(seed)
    sets = _programme(g, n_logs)
    slots = _log_slots(g, sets, n_logs)
    as_docs = sorted(g.rng.sample(range(n_logs), round(docs_share * n_logs)))
    doc_format = {index: (".docx", ".md")[i % 2] for i, index in enumerate(as_docs)}
    docx_writer = DocxWriter("ALS Insight synth") if as_docs else None
    rows: dict[str, list[list]] = {t: [META_KEYS + PROMPTS[t]] for t in PROMPTS}
    with gold_path.open("w", encoding="utf-8", newline="\n") as gold:
        for index, (log_type, s, meeting, author) in enumerate(slots):
            month = 2023 * 12 + 8 + s % 6 + meeting - 1  # monthly from September 2023, staggered by set,
            first = dt.date(month // 12, month % 12 + 1, 1)  # in the second week, on the set's weekday
            meta = dict(submission_id=f"SY-{index + 1:06d}", log_type=log_type, set_id=author.set_id,
                        meeting_number=meeting,
                        meeting_date=(first + dt.timedelta(days=(s % 5 - first.weekday()) % 7 + 7)).isoformat(),
                        author_name=f"{author.person.first} {author.person.last}", author_email=author.email,
                        organisation=author.org.name, org_type=author.org.org_type, setting=author.setting,
                        role=ROLES[(author.position - meeting + 1) % 6])
            fields = _log_fields(g, log_type, author, [m for m in sets[s] if m is not author])
            style = g.rng.choice(["plain", "bullet", "number"])
            if index in doc_format:
                path = inputs / "docs" / f"{meta['submission_id']}{doc_format[index]}"
                if doc_format[index] == ".docx":
                    _write_docx(docx_writer, path, meta, fields)
                else:
                    _write_markdown(path, meta, fields)
            else:
                rows[log_type].append([meta[k] for k in META_KEYS] + [_cell(k, items, style) for _, k, items in fields])
            gold.write(json.dumps(dict(meta, fields=[
                {"prompt": prompt, "questions": [{"text": marked(s), "type": t} for s, t in items]}
                if kind == "questions" else
                {"prompt": prompt, "paragraphs": [{"text": marked(s), "codes": c} for s, c in items]}
                for prompt, kind, items in fields]), ensure_ascii=False) + "\n")
    for log_type, table in rows.items():
        write_csv(inputs / "forms" / f"{log_type}.csv", table)
    by_type = dict(sorted(g.types.items()))
    return SynthResult(inputs, gold_path, len(slots), sum(by_type.values()), by_type, dict(sorted(g.families.items())))
