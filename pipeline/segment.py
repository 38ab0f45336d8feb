"""Segment stage: anonymised fields -> paragraphs -> sentences, and question lists.

Sentences come from spaCy's rule-based sentencizer on a blank English
pipeline: the statistical parser is three times slower here and, having
never seen `[PERSON1]`-style placeholders, splits at their brackets.
"""
from __future__ import annotations

import re
from typing import Iterable


from pipeline.records import AnonymisedLog, PlacedEntity, Question, Segment, SegmentedLog, Sentence

# Placeholders such as [PERSON1] or [M-4F2A9C] are single tokens, so that a
# sentence may start with one.
PLACEHOLDER_TOKEN = re.compile(r"^\[(?:[A-Z]+\d+|M-[0-9A-F]{6}|[A-Z]+)\]$")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
# Bullets and numbering in front of a question: "-", "*", "•", "1.", "2)", "(a)", "Q1:".
LIST_MARKER = re.compile(r"^\s*(?:[-*•·‣▪◦–]+|\(?\d{1,2}[.)]|\(?[a-z][.)]|q\d{1,2}[.:)]?)\s+", re.IGNORECASE)


class Segmenter:
    """Splits anonymised logs into paragraph segments (with sentences) and questions."""

    def __init__(self, batch_size: int = 256) -> None:
        import spacy  # here: a run with nothing new to segment need not import it (seconds)

        self.nlp = spacy.blank("en")
        self.nlp.add_pipe("sentencizer")
        self.nlp.tokenizer.token_match = PLACEHOLDER_TOKEN.match
        self.batch_size = batch_size

    def transform(self, logs: Iterable[AnonymisedLog]) -> list[SegmentedLog]:
        logs = list(logs)
        drafts = [self._paragraphs(log) for log in logs]
        texts = [text for draft in drafts for (_, _, _, text, _) in draft]
        sentences = iter(self._sentences(texts))
        result = []
        for log, draft in zip(logs, drafts):
            segments = []
            for field_index, prompt, paragraph_index, text, _ in draft:
                segment_id = f"{log.doc_id}-{field_index}-{paragraph_index}"
                sents = tuple(Sentence(segment_id, i, s) for i, s in enumerate(next(sentences)))
                segments.append(Segment(segment_id, log.doc_id, field_index, prompt, paragraph_index, text, sents))
            result.append(SegmentedLog(log, segments, split_questions(log), place_entities(log, draft),
                                       document_text(log)))
        return result

    def _paragraphs(self, log: AnonymisedLog) -> list[tuple[int, str, int, str, int]]:
        """(field_index, prompt, paragraph_index, text, offset in field) for prose fields."""
        out = []
        for field_index, field in enumerate(log.fields):
            if field.is_question_list:
                continue
            for paragraph_index, (offset, text) in enumerate(paragraphs(field.text)):
                out.append((field_index, field.prompt, paragraph_index, text, offset))
        return out

    def _sentences(self, texts: list[str]) -> list[list[str]]:
        return [[s.text.strip() for s in doc.sents if s.text.strip()]
                for doc in self.nlp.pipe(texts, batch_size=self.batch_size)]


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Non-empty paragraphs of a field (blank lines separate them) with their offsets."""
    out, start = [], 0
    for brk in list(PARAGRAPH_BREAK.finditer(text)) + [None]:
        end = brk.start() if brk else len(text)
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            out.append((start + chunk.index(stripped[0]), stripped))
        if brk:
            start = brk.end()
    return out


# The handbook's log templates, in the order members write them. Form exports
# append a renamed question ("The challenge I brought or worked on") as a new
# last column, so a log is put back in template order to read as written.
TEMPLATE_ORDER = (
    r"how the set (?:worked|work)", r"helped", r"hindered", r"feedback",
    r"challenge|issue i (?:brought|want)", r"why it matters|matters", r"tried", r"want from",
    r"learn", r"action", r"take back|organisation",
)


def template_rank(prompt: str) -> int:
    for rank, pattern in enumerate(TEMPLATE_ORDER):
        if re.search(pattern, prompt, re.IGNORECASE):
            return rank
    return len(TEMPLATE_ORDER)


def document_text(log: AnonymisedLog) -> str:
    """Prose fields in template order, then question lists: the narrative first, then the questions."""
    prose = sorted((f for f in log.fields if not f.is_question_list), key=lambda f: template_rank(f.prompt))
    ordered = prose + [f for f in log.fields if f.is_question_list]
    return "\n\n".join(f"{field.prompt}\n{field.text}" if field.prompt else field.text for field in ordered)


def split_questions(log: AnonymisedLog) -> list[Question]:
    questions = []
    for field in log.fields:
        if not field.is_question_list:
            continue
        for line in field.text.splitlines():
            text = LIST_MARKER.sub("", line).strip()
            if text:
                questions.append(Question(log.doc_id, len(questions), field.prompt, text))
    return questions


def place_entities(log: AnonymisedLog, draft: list[tuple[int, str, int, str, int]]) -> list[PlacedEntity]:
    """Attach each replaced span to the segment it fell in (None in question lists)."""
    bounds = {}
    for field_index, _, paragraph_index, text, offset in draft:
        bounds.setdefault(field_index, []).append((offset, offset + len(text), paragraph_index))
    placed = []
    for entity in log.entities:
        segment_id = None
        for start, end, paragraph_index in bounds.get(entity.field_index, []):
            if start <= entity.start < end:
                segment_id = f"{log.doc_id}-{entity.field_index}-{paragraph_index}"
                break
        placed.append(PlacedEntity(log.doc_id, segment_id, entity.entity_type, entity.placeholder,
                                   entity.detector, entity.score))
    return placed
