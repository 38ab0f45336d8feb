"""Names and places from the shipped gazetteers, judged by their context in the sentence.

A list of 90,000 first names contains "Will", "Grace" and "March"; a list of
towns contains "Reading" and "Sale". Whether such a word is a name here is
decided from how it is written and used: its case, its part of speech as
spaCy tags it, where it stands in the sentence, and the word before it. Rare
words in the lists ("Oksana", "declan", "BRANDON", "Wymondham") need no such
evidence: they are names wherever they appear.
"""
from __future__ import annotations

from presidio_analyzer import RecognizerResult

from pipeline.anonymise.gazetteers import Gazetteers
from pipeline.anonymise.keep import KeepTerms
from pipeline.anonymise.phrases import is_ordinary_word, word_zipf
from pipeline.anonymise.recognizers.base import TokenRecognizer

LOCATIVE_CUES = {"in", "at", "from", "to", "near", "around", "outside", "towards", "via", "into", "round"}
QUOTES_AND_OPENERS = {'"', "'", "“", "‘", "(", "[", "-", "–", "—", ":", ";", "•", "*"}
MAX_PLACE_WORDS = 7  # spaCy splits "Weston-super-Mare" into five tokens
RARE_ZIPF = 3.0
# A capitalised word English hardly knows is a proper noun ("Ravensmere", "Abigailside"):
# mid-sentence below this frequency, and at a sentence start below the lower one.
UNKNOWN_WORD_ZIPF = 2.5
UNKNOWN_SENTENCE_START_ZIPF = 1.5
UNKNOWN_NOUN_TYPES = {"GPE": "GAZETTEER_LOCATION", "LOC": "GAZETTEER_LOCATION", "FAC": "GAZETTEER_LOCATION",
                      "ORG": "GAZETTEER_ORG"}
FUNCTION_POS = {"ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "NUM", "PUNCT", "SYM"}


class ContextNameRecognizer(TokenRecognizer):
    """PERSON and LOCATION from the gazetteers, reading spaCy's tokens from Presidio's artifacts."""

    NAME = "gazetteer"
    PLACEHOLDERS = {"GAZETTEER_PERSON": "PERSON", "GAZETTEER_LOCATION": "LOCATION", "GAZETTEER_ORG": "ORG"}
    DETECTOR = "gazetteer"

    def __init__(self, gazetteers: Gazetteers, keep: KeepTerms) -> None:
        self.first = gazetteers.first_folded
        self.uk_first = gazetteers.uk_first_folded
        self.surnames = gazetteers.surname_folded
        self.capitalised = gazetteers.capitalised_names
        self.places = gazetteers.places
        self.keep = keep
        super().__init__()

    def analyze_doc(self, text: str, doc) -> list[RecognizerResult]:
        protected = self.keep.protected_spans(text)
        results = []
        i = 0
        while i < len(doc):
            if any(start <= doc[i].idx < end for start, end in protected):
                i += 1
                continue
            place_end = self._place_at(doc, i)
            if place_end:
                start, end = doc[i].idx, doc[place_end - 1].idx + len(doc[place_end - 1].text)
                results.append(self._result("GAZETTEER_LOCATION", start, end))
                i = place_end
                continue
            token = doc[i]
            if self._is_person(doc, token):
                results.append(self._result("GAZETTEER_PERSON", token.idx, token.idx + len(token.text)))
            elif self._is_unknown_place(doc, token):
                results.append(self._result("GAZETTEER_LOCATION", token.idx, token.idx + len(token.text)))
            elif self._is_unknown_body(doc, token):
                results.append(self._result("GAZETTEER_ORG", token.idx, token.idx + len(token.text)))
            elif self._is_unknown_proper_noun(doc, token):
                entity = UNKNOWN_NOUN_TYPES.get(token.ent_type_, "GAZETTEER_PERSON")
                results.append(self._result(entity, token.idx, token.idx + len(token.text)))
            i += 1
        return results

    @classmethod
    def _result(cls, entity: str, start: int, end: int) -> RecognizerResult:
        return RecognizerResult(entity, start, end, 0.6, recognition_metadata={"recognizer_name": cls.NAME})

    # -- people ---------------------------------------------------------------

    def _is_person(self, doc, token) -> bool:
        return self._is_initials(doc, token) or self._is_gazetteer_name(doc, token)

    def _is_initials(self, doc, token) -> bool:
        """"DF said", "JT's plan": two capitals standing for a person, followed by a verb or possessive."""
        word = token.text
        if len(word) != 2 or not word.isupper() or not word.isalpha() or word in self.keep:
            return False
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        return following is not None and (following.pos_ in {"VERB", "AUX"} or following.text in {"'s", "’s"})

    def _is_gazetteer_name(self, doc, token) -> bool:
        word = token.text
        if len(word) < 2 or not word[0].isalpha():
            return False
        folded = word.casefold()
        is_first, is_surname = folded in self.first, folded in self.surnames
        if not (is_first or is_surname) or word in self.keep:
            return False
        ordinary = is_ordinary_word(word)
        # The world list holds words as well as names ("lighting", "shelter"): without capitals
        # or a sentence-middle position to vouch for it, a word must be a UK first name or rare.
        credible = folded in self.uk_first or word_zipf(word) < RARE_ZIPF
        if word.islower() or word.isupper():
            if len(word) < 3 or not is_first:
                return False
            # "copied maria in", "then clive said": a name people write with a capital.
            if folded in self.capitalised:
                return token.pos_ not in FUNCTION_POS
            # "spoke to declan": rare names are names in any case. Common ones ("tom", "GUY") only
            # where spaCy reads them as proper nouns: "I will grace the meeting" is a verb.
            if not ordinary:
                return credible and token.pos_ not in FUNCTION_POS
            return folded in self.uk_first and token.pos_ == "PROPN"
        if not ordinary:
            if is_first:
                return credible or not _starts_sentence(doc, token)
            return token.pos_ == "PROPN" and not _starts_sentence(doc, token)
        # An ordinary word written as a name: "I told Grace", "Hope presented", not "the Summer term".
        if folded not in self.uk_first or token.pos_ != "PROPN":
            return False
        previous = doc[token.i - 1] if token.i > 0 else None
        if previous is not None and previous.pos_ == "DET":
            return False
        if _starts_sentence(doc, token):
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            return following is not None and (following.pos_ in {"VERB", "AUX"} or following.text in {"'s", "’s", ","})
        return True

    # -- places ---------------------------------------------------------------

    def _is_unknown_body(self, doc, token) -> bool:
        """"the paperwork at HT", "a referral from SWFT": an unknown acronym where a place or
        employer stands is an organisation; known shorthand (CIN, GP, HR) is kept."""
        word = token.text
        if not (2 <= len(word) <= 6 and word.isupper() and word.isalpha()) or word in self.keep:
            return False
        previous = doc[token.i - 1] if token.i > 0 else None
        return previous is not None and previous.lower_ in {"at", "from", "to", "with", "for", "by"}

    def _is_unknown_place(self, doc, token) -> bool:
        """"moved to Skerlow", "based at Kelcote": a rare proper noun after a place word is a place,
        whether or not any list knows it (villages, estates, invented or misspelt names)."""
        word = token.text
        if not word[:1].isupper() or word.isupper() or token.pos_ != "PROPN" or word in self.keep:
            return False
        previous = doc[token.i - 1] if token.i > 0 else None
        return (previous is not None and previous.lower_ in LOCATIVE_CUES and not is_ordinary_word(word)
                and word.casefold() not in self.first and not _starts_sentence(doc, token))

    def _is_unknown_proper_noun(self, doc, token) -> bool:
        """"agencies involved: Ravensmere, ...", "the Old Mill, Abigailside": a capitalised word
        that no word list knows names someone or somewhere, wherever it stands."""
        word = token.text
        if len(word) < 3 or not word[0].isupper() or word.isupper() or not word.replace("-", "").isalpha():
            return False
        if word in self.keep or token.pos_ in FUNCTION_POS:
            return False
        if _starts_sentence(doc, token):  # "Genograms helped": any word is capitalised here
            return token.pos_ == "PROPN" and word_zipf(word) < UNKNOWN_SENTENCE_START_ZIPF
        return word_zipf(word) < UNKNOWN_WORD_ZIPF

    def _place_at(self, doc, i: int) -> int:
        """End token index of a place name starting at token i, or 0."""
        if not doc[i].text[:1].isupper():
            return 0
        for size in range(min(MAX_PLACE_WORDS, len(doc) - i), 0, -1):
            span = doc[i:i + size]
            if span.text in self.places and self._is_place(doc, span):
                return i + size
        return 0

    def _is_place(self, doc, span) -> bool:
        if span.text in self.keep:  # months and days: a town only in "Mr and Mrs Hale in March"
            return _month_as_place(doc, span, self.keep)
        if len(span) > 1 or not is_ordinary_word(span.text):
            return True  # "Wymondham", "Kingston upon Hull"
        # "Reading", "Sale", "Bath": places only after "in", "from", "to"... and not before a number.
        previous = doc[span.start - 1] if span.start > 0 else None
        following = doc[span.end] if span.end < len(doc) else None
        if previous is None or previous.lower_ not in LOCATIVE_CUES or _starts_sentence(doc, span[0]):
            return False
        return following is None or not following.like_num


def _month_as_place(doc, span, keep: KeepTerms) -> bool:
    """"the carers, Mr and Mrs Hale in March": a town, not a month (a name stands before "in")."""
    if span.start < 2 or span.end < len(doc) and doc[span.end].like_num:
        return False
    cue, before = doc[span.start - 1], doc[span.start - 2]
    # "on Tuesday in March" is a date: the word before must be a name, not a day or a date.
    return (cue.lower_ in LOCATIVE_CUES and before.pos_ == "PROPN" and before.ent_type_ not in {"DATE", "TIME"}
            and before.text not in keep)


def _starts_sentence(doc, token) -> bool:
    if token.is_sent_start or token.i == 0:
        return True
    return doc[token.i - 1].text in QUOTES_AND_OPENERS or doc[token.i - 1].text.endswith("\n")
