"""Shape found spans so that nothing of a name, organisation or place is left beside its placeholder.

Detectors find parts: NER marks "Garrowham" in "London Borough of Garrowham",
a gazetteer marks "KATY" in "KATY-LEE N'DIAYE", a postcode rule marks the
postcode but not the town before it. A surviving "Borough", "LEE" or "on"
(of "Stoke-on-Trent") is a clue to the identity, so spans are trimmed of words
the model joined by mistake, then grown over the words that belong to them.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.anonymise.gazetteers import Gazetteers
from pipeline.anonymise.keep import KeepTerms
from pipeline.anonymise.lexicon import folded, lexicon, one_of
from pipeline.anonymise.phrases import is_ordinary_word, word_zipf
from pipeline.anonymise.placeholders import Finding

TITLES = folded(lexicon().titles)
LEADING_WORD = re.compile(r"([\w’'.-]+)\s+")
# A capitalised word after a space, or any word after a hyphen ("Katy-Lee", "KATY-LEE").
NEXT_NAME_PART = re.compile(r"(?:(-)|\s)([A-Z][\w’'-]*[\w]|(?<=-)[\w’']+)")
PREVIOUS_NAME_WORD = re.compile(r"\b([A-Z][a-z][\w’'-]*) $")
NEXT_SAME_CASE_WORD = re.compile(r" ([^\W\d_][\w’'-]*[^\W\d_])")
# Capitalised words this common after a name are ordinary text ("Jo The", "Sam And").
EXTENSION_MAX_ZIPF = 5.0
# Words that open or close the name of a body or place around its distinctive part.
PLACE_PREFIX = re.compile(
    r"(?:(?:London|Royal)\s+Borough\s+of|(?:City|County|Borough|Isle)\s+of|LB|RB|St\.?|Saint|New|North|South|East|West|"
    r"Great|Little|Upper|Lower|Old|Greater|Royal|Mount|Port|Fort|Lake|King's|Kings|Queen's|Bishop's)\s+$")
ORG_SUFFIX_WORDS = one_of(lexicon().name_tails)
ORG_SUFFIX_SET = set(lexicon().name_tails)
NEXT_ORG_WORD = re.compile(rf"(?:['’]s)?(?:\s+(?:and|&|of|on|upon|in|under|super|by|le|la|de)\s+|\s+|-(?:\w+-)?)"
                           rf"({ORG_SUFFIX_WORDS})\b")
# Gaps that join two found parts into one name: "Stoke" on "Trent", "Health" and "Care".
CONNECTOR_GAP = re.compile(r"^(?:\s*[-&]\s*|\s+(?:and|of|on|upon|in|under|the|de|la|le|du|van|von|der|super)\s+"
                           r"|\s*[-–]\s*(?:\w+\s*[-–]\s*)?|\s+)$")
PLACE_OR_BODY = {"ORG", "LOCATION"}
# After a body or place, "of" or "on" and a name continue it ("London Borough" of "Wrexfield").
OF_GAP = re.compile(r"^\s+(?:of|on|upon|super)\s+$")
SAINT = re.compile(r"(?:St\.?|Saint)\s+$")
# A capitalised word right before a body's name belongs to it ("Sharp" Primary School).
PREVIOUS_CAPITALISED = re.compile(r"\b([A-Z][\w'’-]*)(?:\s+(?:on|upon|under|le|by|super))?\s+$")
SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:;\n])\s*$")
# Words that put a month, not a person, before a name: "in May", "since Jan".
MONTH_BEFORE = re.compile(r"\b(?:in|since|from|until|till|by|of|early|late|mid|last|next|this|during|before|after|"
                          r"end|start)\s+$", re.IGNORECASE)
# A title right before a name goes with it: "Professor [PERSON1]" still says who, among few.
TITLE_BEFORE = re.compile(rf"\b(?:{one_of(lexicon().titles)})\.?\s+$")


def _title_start(text: str, start: int) -> int:
    """Where a name starting at `start` begins with the title right before it ("Professor ..."), else start."""
    title = TITLE_BEFORE.search(text, max(0, start - 14), start)
    return title.start() if title else start


class SpanShaper:
    def __init__(self, keep: KeepTerms, gazetteers: Gazetteers) -> None:
        self.keep = keep
        self.uk_first_names = gazetteers.uk_first_folded
        self.surnames = gazetteers.surname_folded
        self.first_names = gazetteers.first_folded
        self.capitalised_names = gazetteers.capitalised_names

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Drop words the model joined to a name ("Ring Ottilie", "NQSW Idris", "the"),
        and trailing punctuation or possessive."""
        while True:
            lead = LEADING_WORD.match(text, start, end)
            if not lead or lead.end() >= end:
                break
            word = lead.group(1)
            joined_by_mistake = (word in self.keep and not self._kept_first_name(word, text, start, lead.end())
                                 ) or word.casefold() == "the" or (
                is_ordinary_word(word) and word.casefold() not in self.uk_first_names
                and word.casefold().strip(".") not in TITLES)
            if not joined_by_mistake:
                break
            start = lead.end()
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if text[start:end].endswith(("'s", "’s")):
            end -= 2
        return start, end

    def grow(self, text: str, finding: Finding) -> Finding:
        """Extend a finding over the rest of its name, body or place."""
        if finding.entity_type not in {"PERSON"} | PLACE_OR_BODY:
            return finding
        if finding.detector == "roster":  # the roster knows the whole name; only a title is added
            start = _title_start(text, finding.start) if finding.entity_type == "PERSON" else finding.start
            return finding if start == finding.start else replace(finding, start=start,
                                                                     surface=text[start:finding.end])
        start, end, entity_type = finding.start, finding.end, finding.entity_type
        if entity_type == "PERSON":
            start = self._extend_name_back(text, start)
            end = self._extend_name(text, end)
            start = _title_start(text, start)
            # "St Margaret's Academy", "London Borough", "Marlworth on Sea ... Trust": a body, not a person
            if (SAINT.search(text, max(0, start - 7), start) or text[start:end].split()[-1] in ORG_SUFFIX_SET
                    or NEXT_ORG_WORD.match(text, end)):
                entity_type = "ORG"
            # "North Cameronfurt", "Port Kevin": NER read a place's second word as a name, so it is a place
            elif PLACE_PREFIX.search(text, max(0, start - 40), start):
                entity_type = "LOCATION"
        if entity_type != "PERSON":
            start, end = self._extend_body(text, start, end)
        if (start, end, entity_type) == (finding.start, finding.end, finding.entity_type):
            return finding
        return replace(finding, start=start, end=end, entity_type=entity_type, surface=text[start:end])

    def _kept_first_name(self, word: str, text: str, word_start: int, name_start: int) -> bool:
        """"May Okonjo", "Jan Oduya": a kept word (a month) that is a first name, right before a capitalised
        found name that is no first name, is the first name. Not after a word that puts a month there ("in
        May Okonjo's absence"), nor before a first name ("May Ottilie" is more likely "in May, Ottilie")."""
        following = re.match(r"[\w’'-]+", text[name_start:])
        if (word.casefold() not in self.first_names or not following or not following.group()[:1].isupper()
                or following.group().casefold() in self.first_names):
            return False
        return not MONTH_BEFORE.search(text, max(0, word_start - 12), word_start)

    def is_distinctive_body(self, name: str) -> bool:
        """"Bramble Tree Fostering" names one body; "The Council" or "Social Care Team" do not."""
        words = [w for w in re.findall(r"[\w'’-]+", name) if w[0].isupper()]
        named = [w for w in words if w not in ORG_SUFFIX_SET]
        distinct = [w for w in named if w not in self.keep]
        return (len(distinct) >= 2 or any(not is_ordinary_word(w.rstrip("'’s")) for w in distinct)
                or any(w.casefold() in self.uk_first_names for w in named))

    def _extend_name_back(self, text: str, start: int) -> int:
        """"Christian Rahman" where NER took only "Rahman" (it read "Christian" as a faith)."""
        previous = PREVIOUS_NAME_WORD.search(text, max(0, start - 40), start)
        if not previous or previous.end() != start or not text[start:start + 1].isupper():
            return start
        word = previous.group(1)
        if word in self.keep and self._kept_first_name(word, text, previous.start(1), start):
            return previous.start(1)  # "May" of "May Okonjo"
        if word.casefold() not in self.first_names or word in self.keep or word_zipf(word) >= EXTENSION_MAX_ZIPF:
            return start
        # "Ring Jack": an ordinary word opening the sentence is the sentence, not a first name.
        if is_ordinary_word(word) and SENTENCE_BEFORE.search(text, 0, previous.start(1)):
            return start
        return previous.start(1)

    def _extend_name(self, text: str, end: int) -> int:
        # "GRÁINNE GREEN", "shaun-lee wood": written in one case, a surname after a name is its
        # surname unless it is a very common word ("jake will").
        following = NEXT_SAME_CASE_WORD.match(text, end)
        if following and (text[end - 1].islower() or text[max(0, end - 2):end].isupper()):
            word = following.group(1)
            same_case = word.islower() if text[end - 1].islower() else word.isupper()
            if same_case and word.casefold() in self.surnames and word not in self.keep \
                    and word_zipf(word) < EXTENSION_MAX_ZIPF + 0.5:
                return following.end(1)
        while True:
            following = NEXT_NAME_PART.match(text, end)
            if not following:
                return end
            hyphen, word = following.group(1), following.group(2)
            if not hyphen and (word in self.keep or word_zipf(word) >= EXTENSION_MAX_ZIPF):
                return end
            end = following.end(2)

    def _extend_body(self, text: str, start: int, end: int) -> tuple[int, int]:
        while True:
            prefix = PLACE_PREFIX.search(text, max(0, start - 40), start)
            if prefix and prefix.end() == start:
                start = prefix.start()
                continue
            previous = PREVIOUS_CAPITALISED.search(text, max(0, start - 40), start)
            if previous and previous.end() == start:
                word = previous.group(1)
                # Before a generic tail ("Primary School", "Borough Council") any capitalised word
                # is the name ("Sharp"); before a distinctive part only rare words are.
                generic_tail = text[start:end].split()[0].rstrip("'’s") in ORG_SUFFIX_SET
                ordinary = is_ordinary_word(word.rstrip("'’s"))
                starts_sentence = SENTENCE_BEFORE.search(text, 0, previous.start(1)) is not None
                # At a sentence start a name is told from "The" or "Our" by the name lists.
                named = word.casefold() in self.surnames and word_zipf(word) < EXTENSION_MAX_ZIPF
                if word not in self.keep and (not ordinary or word in ORG_SUFFIX_SET
                                              or generic_tail and (not starts_sentence or named)):
                    start = previous.start(1)
                    continue
            break
        while True:
            following = NEXT_ORG_WORD.match(text, end)
            if not following:
                break
            end = following.end(1)
        return start, end


def join_across_connectors(findings: list[Finding], texts: list[str]) -> list[Finding]:
    """Merge neighbouring org/place parts separated only by a connector ("Stoke" on "Trent")."""
    joined: list[Finding] = []
    for finding in findings:
        if joined:
            previous = joined[-1]
            gap = texts[finding.field_index][previous.end:finding.start] \
                if previous.field_index == finding.field_index else None
            both_bodies = previous.entity_type in PLACE_OR_BODY and finding.entity_type in PLACE_OR_BODY
            body_of_name = previous.entity_type in PLACE_OR_BODY and finding.entity_type == "PERSON"
            if gap is not None and (both_bodies and CONNECTOR_GAP.match(gap) or body_of_name and OF_GAP.match(gap)):
                text = texts[finding.field_index]
                joined[-1] = replace(previous, end=finding.end, surface=text[previous.start:finding.end])
                continue
        joined.append(finding)
    return joined


# "in Hartby and Sale", "from Hartby to Wells", "Hartby, Sale or Wells": a gazetteer place joined to a
# found place is a place too, even when it is also an ordinary word. A kept term ("Teams") never is.
LIST_AFTER = re.compile(r"(\s*(?:,|/|&|\band\b|\bor\b|\bto\b)\s*)([A-Z][\w'’-]*[\w](?:[ -][A-Z][\w'’-]*[\w])?)")
LIST_BEFORE = re.compile(r"(?:\bfrom\s+)?([A-Z][\w'’-]*[\w](?:[ -][A-Z][\w'’-]*[\w])?)(\s*(?:,|/|&|\band\b|\bor\b|\bto\b)\s*)$")


def coordinated_places(text: str, findings: list[Finding], places: frozenset[str], keep: KeepTerms,
                       field_index: int) -> list[Finding]:
    """Places listed with a found place ("in Hartby and Sale"), as new findings of the gazetteer."""
    taken = {(f.start, f.end) for f in findings}
    queue = [f for f in findings if f.entity_type == "LOCATION"]
    added: list[Finding] = []
    while queue:
        place = queue.pop()
        candidates = []
        after = LIST_AFTER.match(text, place.end)
        if after:
            candidates.append((after.start(2), after.end(2)))
        before = LIST_BEFORE.search(text, max(0, place.start - 40), place.start)
        if before:
            candidates.append((before.start(1), before.end(1)))
        for start, end in candidates:
            name = text[start:end]
            if (start, end) in taken or name not in places or name in keep:
                continue
            if any(f.start < end and start < f.end for f in (*findings, *added)):
                continue
            found = Finding(field_index, start, end, "LOCATION", "gazetteer", 0.6, name)
            taken.add((start, end))
            added.append(found)
            queue.append(found)
    return added


# "our Hartby team", "the Sale office": a place naming a team or base, even when it is also a word.
PLACE_NAMED_TEAM = re.compile(r"\b(?i:our|the|their|my|his|her)\s+([A-Z][\w'’-]*[\w])(?=\s+(?:team|office|hub|"
                              r"locality|area|patch|service|site|base|depot|branch)s?\b)")


def place_named_teams(text: str, places: frozenset[str], keep: KeepTerms, field_index: int) -> list[Finding]:
    return [Finding(field_index, m.start(1), m.end(1), "LOCATION", "gazetteer", 0.6, m.group(1))
            for m in PLACE_NAMED_TEAM.finditer(text) if m.group(1) in places and m.group(1) not in keep]
