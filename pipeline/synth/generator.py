"""Synthetic privacy stress corpus: realistic logs with planted personal data, and a gold file.

    from pipeline.synth import generate
    result = generate(2000, seed=1, out_dir=Path("out/synth"))

writes, under out_dir:
  inputs/forms/{observer,reflective,preparation}.csv  one row per log (canonical metadata headers, then prompts)
  inputs/docs/<submission_id>.docx | .md             `docs_share` of the logs, DOCX and Markdown alternately
  gold.jsonl                                         one record per log: the same text with every planted
                                                     span marked {{TYPE:text}} and every keep term {{KEEP:text}}

Everything is fictional: names from Faker en_GB and the pools in synth/data/, Ofcom drama-range phone
numbers, NHS numbers with a valid modulus-11 check digit, well-formed National Insurance numbers. The output
depends only on the arguments: Faker is seeded per instance, randomness comes from one random.Random(seed),
and DOCX archives get fixed timestamps, so the same seed gives byte-identical files.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.synth.content import DETAIL_GROUP, ORGANISATIONS, PROMPTS, QUESTION_PROMPT, SENTENCES
from pipeline.synth.planting import Member, Person, Planter, Seg, marked, plain
from pipeline.synth.writers import LOG_TITLE, DocxWriter, front_matter_text, question_lines, write_csv, write_text

META_KEYS = ["submission_id", "log_type", "set_id", "meeting_number", "meeting_date", "author_name",
             "author_email", "organisation", "org_type", "setting", "role"]
ROLES = ["presenter", "timekeeper", "process_caretaker", "observer", "host", "member"]  # rotate by meeting
# How much personal data is planted: the chances that a paragraph gets a first and a second sentence from
# SENTENCES.details (dense in personal data), and the share of sentences with slots that stay in the pools.
# "dense" stresses the anonymiser; "realistic" plants about as much per log as the development corpus holds.
DENSITIES = {"dense": ((1.0, 0.35), 1.0), "realistic": ((0.0, 0.0), 0.06)}


@dataclass
class SynthResult:
    inputs_dir: Path      # out_dir / "inputs"
    gold_path: Path       # out_dir / "gold.jsonl"
    logs: int
    planted: int          # number of planted personal-data spans (KEEP spans not counted)
    by_type: dict[str, int] = field(default_factory=dict)    # planted spans per gold TYPE
    by_family: dict[str, int] = field(default_factory=dict)  # planted spans per family (a span may have several)


def _programme(g: Planter, n_logs: int) -> list[list[Member]]:
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


def _log_slots(g: Planter, sets: list[list[Member]], n_logs: int) -> list[tuple[str, int, int, Member]]:
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


def _log_fields(g: Planter, log_type: str, author: Member, others: list[Member],
                density: tuple[tuple[float, float], float]) -> list[tuple[str, str, list]]:
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
        detail_rates, slot_share = density
        pool = [entry for entry in g.rng.sample(SENTENCES.by_prompt[prompt], len(SENTENCES.by_prompt[prompt]))
                if "{" not in entry or slot_share >= 1 or g.rng.random() < slot_share]
        group = DETAIL_GROUP[prompt]  # the pool of detail sentences, or None
        paragraphs = []
        for _ in range(g.rng.choices([1, 2, 3], [35, 45, 20])[0]):
            n = g.rng.choices([1, 2, 3, 4], [15, 30, 35, 20])[0]  # sentences, of which some are case or set detail,
            n_details = min(n - 1, sum(g.rng.random() < rate for rate in detail_rates)) if group else 0  # dense in PII
            chosen = [pool.pop() for _ in range(min(len(pool), n - n_details))]
            for _ in range(min(n_details, len(details[group] if group else []))):
                chosen.insert(g.rng.randint(1, len(chosen)) if chosen else 0, details[group].pop())
            chosen.sort(key=lambda entry: "_sig}" in entry)  # initials sign off a paragraph: last
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


def generate(n_logs: int, seed: int, out_dir: Path, docs_share: float = 0.1, density: str = "dense") -> SynthResult:
    """Write n_logs synthetic logs with planted personal data under out_dir, and gold.jsonl; see the module doc.
    Files of an earlier run in out_dir/inputs (the three CSVs, docs/SY-*) are replaced or removed."""
    if n_logs < 1 or not 0 <= docs_share <= 1:
        raise ValueError("n_logs must be at least 1 and docs_share between 0 and 1")
    if density not in DENSITIES:
        raise ValueError(f"density must be one of {', '.join(DENSITIES)}")
    inputs, gold_path = Path(out_dir) / "inputs", Path(out_dir) / "gold.jsonl"
    (inputs / "forms").mkdir(parents=True, exist_ok=True)
    (inputs / "docs").mkdir(parents=True, exist_ok=True)
    for stale in [*(inputs / "docs").glob("SY-*.docx"), *(inputs / "docs").glob("SY-*.md")]:
        stale.unlink()
    g = Planter(seed)
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
            fields = _log_fields(g, log_type, author, [m for m in sets[s] if m is not author], DENSITIES[density])
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
