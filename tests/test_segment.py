"""Segmentation of anonymised logs: paragraphs, sentences, question lists, entity placement."""
from __future__ import annotations

from pipeline.records import AnonField, AnonymisedLog, EntityRecord
from pipeline.segment import Segmenter, paragraphs


def anon_log(fields, entities=()):
    return AnonymisedLog("D-1", "R-1", "f" * 64, "reflective", "Set K", 2, "2024-03", "M-000001", "O-000001",
                         "charity", "adults", "member", fields, list(entities))


def test_paragraphs_split_on_blank_lines_with_offsets():
    text = "First para. Two sentences.\n\n\n  Second para.\n \nThird."
    assert [(text[o:o + len(p)] == p, p) for o, p in paragraphs(text)] == [
        (True, "First para. Two sentences."), (True, "Second para."), (True, "Third.")]


def test_segments_sentences_and_questions():
    log = anon_log([
        AnonField("What I learned", "I learned a lot. [PERSON1] helped me see it.\n\nA second point.", False),
        AnonField("Questions that had the most impact on me",
                  "- What evidence do you have?\n2. How did you feel?\n\n• What will you do next?", True),
    ])
    [segmented] = Segmenter().transform([log])
    assert [(s.field_prompt, s.paragraph_index) for s in segmented.segments] == [
        ("What I learned", 0), ("What I learned", 1)]
    assert [s.text for s in segmented.segments[0].sentences] == ["I learned a lot.", "[PERSON1] helped me see it."]
    assert [q.text for q in segmented.questions] == [
        "What evidence do you have?", "How did you feel?", "What will you do next?"]
    assert [q.question_index for q in segmented.questions] == [0, 1, 2]
    assert "What I learned\nI learned a lot." in segmented.text


def test_entities_are_placed_in_their_segment():
    text = "Intro.\n\n[PERSON1] came."
    log = anon_log([AnonField("Notes", text, False), AnonField("Questions", "How is [PERSON2]?", True)],
                   [EntityRecord(0, 8, 18, "PERSON", "[PERSON1]", "ner", 0.85),
                    EntityRecord(1, 7, 17, "PERSON", "[PERSON2]", "ner", 0.85)])
    [segmented] = Segmenter().transform([log])
    assert [e.segment_id for e in segmented.entities] == ["D-1-0-1", None]
