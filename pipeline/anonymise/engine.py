"""The anonymise stage: raw logs in, anonymised logs out; raw text never leaves.

One batch is analysed in two passes. Pass one runs Presidio (spaCy NER, the
UK pattern recognizers and the batch roster) over every field, with spaCy
batched through `nlp.pipe`. Pass two propagates: a name or place that NER
found with confidence anywhere in the batch is removed everywhere in it, so
a name the model misses in one sentence is still caught by its twin.

`transform` is three public phases, so that an engine can run the per-document
ones anywhere (pipeline/engines/): `detect` (pass one, per document), `evidence`
of each document merged by `Propagation.merge` (the one batch-wide step), and
`apply` (propagation and replacement, per document).
"""
from __future__ import annotations

import os
import re
from dataclasses import replace
from collections import defaultdict
from typing import Callable, Iterable

from presidio_anonymizer.entities import OperatorConfig, RecognizerResult as AnonymizerResult

from pipeline.anonymise.contact_holders import contact_holders
from pipeline.anonymise.gazetteers import Gazetteers
from pipeline.anonymise.keep import KeepTerms, split_list
from pipeline.anonymise.keys import Pseudonymiser
from pipeline.anonymise.known_terms import KnownTerms
from pipeline.anonymise.labels import LabelCleaner
from pipeline.anonymise.lexicon import folded, lexicon
from pipeline.anonymise.models import Engines
from pipeline.anonymise.normalise import normalise_log, normalise_text
from pipeline.anonymise.phrases import is_ordinary_word, word_zipf, words
from pipeline.anonymise.placeholders import GUESSING_DETECTORS, Finding, assign_labels, resolve_overlaps
from pipeline.anonymise.propagation import DocumentFindings, Propagation, PropagationEvidence, TermRecorder
from pipeline.anonymise.recognizers import (BodyNameRecognizer, CuedNameRecognizer, RosterRecognizer,
                                            placeholder_and_detector)
from pipeline.anonymise.spans import SpanShaper, coordinated_places, join_across_connectors, place_named_teams
from pipeline.anonymise.roster import GENERIC_ORG_WORDS, Roster, RosterPerson, organisation_acronyms
from pipeline.anonymise.roster_words import RosterWordCounts, RosterWordDecider
from pipeline.anonymise.shared_heap import frozen_heap
from pipeline.config import AnonymiseConfig
from pipeline.records import AnonField, AnonymisedLog, EntityRecord, RawLog

TITLES = folded(lexicon().titles)
QUESTION_PROMPT = re.compile(r"\bquestions?\b", re.IGNORECASE)
NER_CONFIDENT = 0.85
# A single word this common is not propagated from NER alone ("Will", "May").
PROPAGATION_MAX_ZIPF = 6.0
# Initials of a body found in the batch are propagated unless they spell a word.
ACRONYM_MAX_ZIPF = 4.0
# A cue word followed by a very common capitalised word is ordinary text ("my manager The...").
CUE_MAX_ZIPF = 5.5

PARALLEL_MIN_UNITS = 200
HAS_LETTER = re.compile(r"[^\W\d_]")

Progress = Callable[[int], None]


def is_question_list(prompt: str) -> bool:
    return bool(QUESTION_PROMPT.search(prompt))


class Anonymiser:
    """Turns a batch of RawLog into AnonymisedLog. Models are loaded once and passed in."""

    def __init__(self, engines: Engines, pseudonymiser: Pseudonymiser, config: AnonymiseConfig,
                 gazetteers: Gazetteers, roster_words: RosterWordDecider | None = None) -> None:
        self.engines = engines
        self.roster_words = roster_words  # None: roster names that are words taken beside a cue only
        self.pseudonymiser = pseudonymiser
        self.config = config
        self.keep = KeepTerms(config.keep_terms)
        self.capitalised_names = gazetteers.capitalised_names
        self.first_names = gazetteers.first_folded
        self.places = gazetteers.places
        self.shaper = SpanShaper(self.keep, gazetteers)
        self.roster: Roster | None = None
        self.known_terms = KnownTerms(pseudonymiser, {})
        self.labels = LabelCleaner(self.label_findings, pseudonymiser)

    # -- public -------------------------------------------------------------

    def fit(self, logs: Iterable[RawLog], redacted_terms: dict[str, str] | None = None) -> "Anonymiser":
        """Learn the batch roster from every log's metadata (the whole batch, not one file), and the
        terms redacted in the database before (`als redact`: digest -> entity type)."""
        logs = [normalise_log(log) for log in logs]
        self.known_terms = KnownTerms(self.pseudonymiser, dict(redacted_terms or {}))
        self.roster = Roster.from_logs(logs, self.pseudonymiser, self.keep, self.first_names)
        self.labels = LabelCleaner(self.label_findings, self.pseudonymiser)  # a new roster: labels are looked at again
        for path in dict.fromkeys(log.source_file for log in logs):  # known before any message naming a file is
            self.labels.file_ref(path)
        return self

    def transform(self, logs: list[RawLog], on_progress: Progress | None = None) -> list[AnonymisedLog]:
        found = self.detect(logs, on_progress)
        propagation = self.propagation(found)
        return [self.apply(document, propagation) for document in found]

    def detect(self, logs: list[RawLog], on_progress: Progress | None = None) -> list[DocumentFindings]:
        """Pass one: what each document holds on its own (Presidio, then the per-document rules).

        Each document's findings depend on the fitted batch and on that document alone, so the
        documents of a batch may be detected together or apart, on any machine, with one result."""
        if self.roster is None:
            raise RuntimeError("Anonymiser.fit must see the batch before transform")
        logs = [normalise_log(log) for log in logs]  # detection and storage both see the normalised text
        findings = self._analyse(logs, on_progress)
        for li, log in enumerate(logs):  # grown first, so "Christian" of "Christian Rahman" propagates
            findings[li] = [self.shaper.grow(log.fields[f.field_index].text, f) for f in findings[li]]
            for fi, field in enumerate(log.fields):
                in_field = [f for f in findings[li] if f.field_index == fi]
                findings[li].extend(contact_holders(field.text, in_field, self.first_names, self.keep))
                findings[li].extend(coordinated_places(field.text, in_field, self.places, self.keep, fi))
                findings[li].extend(place_named_teams(field.text, self.places, self.keep, fi))
                if self.known_terms:
                    findings[li].extend(self.known_terms.find(field.text, fi))
        return [DocumentFindings(log, findings[li]) for li, log in enumerate(logs)]

    def evidence(self, document: DocumentFindings) -> PropagationEvidence:
        """What one document's findings teach the rest of the batch (its part of pass two's index)."""
        terms = TermRecorder()
        lower_case: dict[str, str] = {}  # names that are words ("Will"): in lower case beside a cue only
        kept_names: set[str] = set()  # names that are kept words ("Jan", "May"): where no month stands only
        for finding in document.findings:
            confident = finding.detector == "ner" and finding.score >= NER_CONFIDENT
            if confident or (finding.detector in ("pattern", "gazetteer") and finding.entity_type == "PERSON"):
                self._add_propagation_terms(terms, finding)
            if finding.entity_type != "PERSON" or finding.detector == "roster":
                continue
            kept_names.update(w for _, _, w in words(finding.surface)
                              if w in self.keep and w.casefold() in self.first_names and w[:1].isupper())
            if confident or finding.detector != "ner":
                lower_case.update((w.casefold(), "PERSON") for _, _, w in words(finding.surface)
                                  if len(w) > 2 and is_ordinary_word(w) and w not in self.keep
                                  and w.casefold().strip(".") not in TITLES)
        return PropagationEvidence(list(dict.fromkeys(terms.added)), lower_case, kept_names)

    def propagation(self, found: Iterable[DocumentFindings]) -> Propagation:
        """The reduce between the passes: every detected document's evidence, in batch order."""
        return Propagation.merge(self.evidence(document) for document in found)

    def apply(self, document: DocumentFindings, propagation: Propagation) -> AnonymisedLog:
        """Pass two for one document: the batch's propagated terms found in it, then the replacement."""
        return self._anonymise_log(document.log, document.findings + propagation.find(document.log))

    def fit_transform(self, logs: list[RawLog], on_progress: Progress | None = None) -> list[AnonymisedLog]:
        return self.fit(logs).transform(logs, on_progress)

    @property
    def roster_word_counts(self) -> dict[str, int]:
        """How the last batch's member names that are also words were decided (counts only)."""
        return self.roster_words.tally.as_dict() if self.roster_words is not None else {}

    def redact_label(self, text: str | None) -> str | None:
        """Clean a submission id or set name with the roster and emails alone, no NER (headers, file
        names and messages go through `labels`, which uses every detector)."""
        if not text or self.roster is None:
            return text
        text = normalise_text(text)
        spans = [(m.start, m.end) for m in self.roster.index.find(text)]
        spans += [(m.start(), m.end()) for m in re.finditer(r"\S+@\S+", text)]
        for start, end in sorted(spans, reverse=True):
            text = text[:start] + "[REDACTED]" + text[end:]
        return text

    def label_findings(self, text: str) -> list[Finding]:
        """What pass one finds in a short label (a header, a file name, a message), on its own."""
        if self.roster is None:
            raise RuntimeError("Anonymiser.fit must see the batch before labels are cleaned")
        recognizer = RosterRecognizer(self.roster)
        by_name = {r.name: r for r in (*self.engines.analyzer.registry.recognizers, recognizer)}
        results = self.engines.analyzer.analyze(text=text, language="en", ad_hoc_recognizers=[recognizer],
                                                score_threshold=self.config.score_threshold)
        found = [self.shaper.grow(text, f) for result in results
                 for f in self._findings(result, by_name, 0, text, None)]
        protected = self.keep.protected_spans(text)
        return [f for f in found if _not_a_guess_inside(f, protected)]

    # -- pass one: Presidio over every field ----------------------------------

    def _analyse(self, logs: list[RawLog], on_progress: Progress | None) -> dict[int, list[Finding]]:
        units = [(li, fi, field.text) for li, log in enumerate(logs) for fi, field in enumerate(log.fields)]
        if self.roster_words is not None:
            self.roster_words.tally = RosterWordCounts()  # this batch's decisions, for the run summary
        recognizer = RosterRecognizer(self.roster, self.roster_words)
        # Results name their recognizer; its class data says what they are (see recognizers/base.py).
        by_name = {r.name: r for r in (*self.engines.analyzer.registry.recognizers, recognizer)}
        nlp_engine = self.engines.analyzer.nlp_engine
        findings: dict[int, list[Finding]] = defaultdict(list)
        workers = self._workers(len(units))
        artifacts_stream = nlp_engine.process_batch([text for _, _, text in units], "en",
                                                    batch_size=self.config.batch_size, n_process=workers)
        done_logs = set()
        with frozen_heap(workers > 1):  # the workers fork on the stream's first read
            for (li, fi, text), (_, artifacts) in zip(units, artifacts_stream):
                results = self.engines.analyzer.analyze(
                    text=text, language="en", nlp_artifacts=artifacts, ad_hoc_recognizers=[recognizer],
                    score_threshold=self.config.score_threshold,
                )
                set_id = logs[li].metadata.set_id
                for result in results:
                    findings[li].extend(self._findings(result, by_name, fi, text, set_id))
                if on_progress and fi == len(logs[li].fields) - 1 and li not in done_logs:
                    done_logs.add(li)
                    on_progress(1)
        if on_progress:
            on_progress(len(logs) - len(done_logs))  # logs with no fields
        return findings

    def _workers(self, unit_count: int) -> int:
        """spaCy processes for a batch: both cores for real batches (1.65x on 2 cores, same
        output), one for small ones, where starting workers costs more than it saves."""
        if self.config.n_process:
            return self.config.n_process
        return min(2, os.cpu_count() or 1) if unit_count >= PARALLEL_MIN_UNITS else 1

    def _findings(self, result, recognizers: dict, field_index: int, text: str,
                  set_id: str | None) -> list[Finding]:
        metadata = result.recognition_metadata or {}
        recognizer = recognizers.get(metadata.get("recognizer_name", ""))
        entity_type, detector = placeholder_and_detector(recognizer, result.entity_type)
        if entity_type is None:
            return []
        score = round(float(result.score), 3)
        if detector == "roster":
            member_code = _member_code_for(metadata.get("roster_value"), set_id)
            return [Finding(field_index, result.start, result.end, entity_type, detector, score,
                            text[result.start:result.end], member_code)]
        if result.entity_type == BodyNameRecognizer.ENTITY:
            start, end = self.shaper.trim(text, result.start, result.end)
            if not self.shaper.is_distinctive_body(text[start:end]):
                return []
            return [Finding(field_index, start, end, entity_type, detector, score, text[start:end])]
        if detector in ("pattern", "fallback", "gazetteer"):
            start, end = result.start, result.end
            if entity_type == "PERSON":
                start, end = self.shaper.trim(text, start, end)
                surface = text[start:end]
                cued = result.entity_type == CuedNameRecognizer.ENTITY
                cued_common_word = cued and word_zipf(surface.split()[0]) >= CUE_MAX_ZIPF
                if not surface or self.keep.covers(surface) or cued_common_word:
                    return []
            return [Finding(field_index, start, end, entity_type, detector, score, text[start:end])]
        # NER may join a kept body and a name ("Ofsted and Hillside"): keep the body, replace the rest.
        found = []
        for part_start, part_end, _ in split_list(text[result.start:result.end]):
            start, end = self.shaper.trim(text, result.start + part_start, result.start + part_end)
            # A part with no letter is no name ("12/03/2024" read as three people by the small model).
            if start < end and not self.keep.covers(text[start:end]) and HAS_LETTER.search(text, start, end):
                found.append(Finding(field_index, start, end, entity_type, detector, score, text[start:end]))
        return found

    # -- pass two: propagate confident names across the batch ----------------

    def _add_propagation_terms(self, terms: TermRecorder, finding: Finding) -> None:
        surface = re.sub(r"^(?:the)\s+", "", finding.surface, flags=re.IGNORECASE)
        if finding.entity_type != "PERSON":
            terms.add(surface, finding.entity_type, case_sensitive=True)
            # The model often calls a person an organisation ("Caspian Thorogood"): its rare
            # words are propagated alone too, so the bare first name is caught elsewhere.
            for token in {w for _, _, w in words(surface)} if " " in surface else ():
                if len(token) > 2 and token not in self.keep and token.casefold() not in GENERIC_ORG_WORDS \
                        and not is_ordinary_word(token):
                    terms.add(token, finding.entity_type, case_sensitive=True)
            if finding.entity_type == "ORG" and " " in surface:
                for acronym in organisation_acronyms(surface):
                    # "IT", "US", "OR" are words before they are initials.
                    if acronym not in self.keep and word_zipf(acronym) < ACRONYM_MAX_ZIPF:
                        terms.add(acronym, "ORG", case_sensitive=True)
            return
        tokens = [w for _, _, w in words(surface) if w.casefold().strip(".") not in TITLES]
        if len(tokens) > 1:
            terms.add(" ".join(tokens), "PERSON", case_sensitive=all(is_ordinary_word(t) for t in tokens))
        for token in tokens:
            if len(token) < 3 or token in self.keep or word_zipf(token) >= PROPAGATION_MAX_ZIPF:
                continue
            # "Maria" found once is "maria" everywhere; "Will" found once is not every "will".
            ordinary = is_ordinary_word(token) and token.casefold() not in self.capitalised_names
            terms.add(token, "PERSON", case_sensitive=ordinary)

    # -- per document ---------------------------------------------------------

    def _anonymise_log(self, log: RawLog, findings: list[Finding]) -> AnonymisedLog:
        texts = [field.text for field in log.fields]
        grown = [self.shaper.grow(texts[f.field_index], f) for f in self._outside_kept_terms(log, findings)]
        resolved = join_across_connectors(resolve_overlaps(grown, texts), texts)
        labels = assign_labels(resolved, self.config.member_codes_in_text)
        by_field: dict[int, list[tuple[Finding, str]]] = defaultdict(list)
        for finding, label in zip(resolved, labels):
            by_field[finding.field_index].append((finding, label))
        fields, entities = [], []
        for fi, field in enumerate(log.fields):
            text, records = self._replace(field.text, fi, by_field.get(fi, []))
            prompt = self.labels.clean(field.prompt) or ""
            fields.append(AnonField(prompt, text, is_question_list(field.prompt)))
            entities.extend(records)
        meta = log.metadata
        return AnonymisedLog(
            doc_id=self.pseudonymiser.doc_id(log.content_sha256),
            source_ref=self.redact_label(meta.submission_id) if meta.submission_id
            else self.labels.file_ref(log.source_file) if log.source_row is None
            else self.pseudonymiser.submission_ref(meta.log_type, log.content_sha256, meta.edit_identity()),
            source_sha256=self.pseudonymiser.source_digest(log.content_sha256),
            log_type=meta.log_type,
            set_id=self.redact_label(meta.set_id),
            meeting_number=meta.meeting_number,
            meeting_month=meta.meeting_date.strftime("%Y-%m") if meta.meeting_date else None,
            member_code=self.pseudonymiser.member_code(meta.author_email, meta.author_name),
            org_code=self.pseudonymiser.org_code(meta.organisation),
            org_type=meta.org_type,
            setting=meta.setting,
            role=meta.role,
            fields=fields,
            entities=entities,
        )

    def _outside_kept_terms(self, log: RawLog, findings: list[Finding]) -> list[Finding]:
        """Drop guesses (NER, gazetteer, propagation) inside a kept phrase such as "Google Meet"."""
        protected = {fi: self.keep.protected_spans(field.text) for fi, field in enumerate(log.fields)}
        kept = []
        for finding in findings:
            spans = protected[finding.field_index]
            if not _not_a_guess_inside(finding, spans):
                continue
            if finding.detector in GUESSING_DETECTORS:
                finding = _outside_of(finding, spans, log.fields[finding.field_index].text)
            if finding is not None:
                kept.append(finding)
        return kept

    def _replace(self, text: str, field_index: int,
                 labelled: list[tuple[Finding, str]]) -> tuple[str, list[EntityRecord]]:
        if not labelled:
            return text, []
        results = [AnonymizerResult(start=f.start, end=f.end, score=f.score, entity_type=label)
                   for f, label in labelled]
        operators = {label: OperatorConfig("replace", {"new_value": f"[{label}]"}) for _, label in labelled}
        engine_result = self.engines.anonymizer.anonymize(
            text=text, analyzer_results=results, operators=operators, merge_entities_with_spaces=False)
        items = sorted(engine_result.items, key=lambda item: item.start)
        if len(items) != len(labelled):  # never store a text we cannot account for
            raise RuntimeError(f"anonymiser replaced {len(items)} spans, expected {len(labelled)}")
        records = [EntityRecord(field_index, item.start, item.end, finding.entity_type, f"[{label}]",
                                finding.detector, finding.score)
                   for item, (finding, label) in zip(items, labelled)]
        return engine_result.text, records


def _outside_of(finding: Finding, protected: list[tuple[int, int]], text: str) -> Finding | None:
    """A guess that runs into a kept phrase ("Skills for [Care locality]"), cut to the part outside it;
    None when what is left holds no capitalised word, as no name is left in it."""
    start, end = finding.start, finding.end
    for kept_start, kept_end in protected:
        if kept_start < start < kept_end < end:
            start = kept_end
        elif start < kept_start < end < kept_end:
            end = kept_start
    if (start, end) == (finding.start, finding.end):
        return finding
    rest = text[start:end]
    if not re.search(r"\b[A-Z]", rest):
        return None
    lead = len(rest) - len(rest.lstrip())
    rest = rest.strip()
    return replace(finding, start=start + lead, end=start + lead + len(rest), surface=rest)


def _not_a_guess_inside(finding: Finding, protected: list[tuple[int, int]]) -> bool:
    """False for a guess (NER, gazetteer, propagation) inside a protected span such as "Google Meet"."""
    return finding.detector not in GUESSING_DETECTORS or not any(
        start <= finding.start and finding.end <= end for start, end in protected)


def _member_code_for(value, set_id: str | None) -> str | None:
    """The member code a roster match stands for, if it names exactly one member."""
    candidates = value if isinstance(value, frozenset) else {value}
    people = [c for c in candidates if isinstance(c, RosterPerson) and c.member_code]
    if len({p.member_code for p in people}) == 1:
        return people[0].member_code
    same_set = {p.member_code for p in people if p.set_id == set_id}
    return same_set.pop() if len(same_set) == 1 else None
