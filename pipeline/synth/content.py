"""The synthetic generator's vocabulary, read once from data/*.yaml: one namespace per file, its top-level keys
as attributes (PLACES.uk_towns is `uk_towns:` in places.yaml; the files say what each pool is for).

SENTENCES      sentences.yaml: codebook aliases, prompts per log type, sentence, question and detail pools
NAMES          names.yaml: first names (by gender), surnames and titles, grouped by what makes them hard to catch
PLACES         places.yaml: parts of invented place names, real towns, street suffixes, estate names
ORGANISATIONS  organisations.yaml: organisation types (weight, gold family, email domain, settings, name
               patterns) and the parts of agency, school, hospital and team names
SLOTS          slots.yaml: how person, email, identifier and partner slots are filled
VOCABULARY     vocabulary.yaml: keep terms, platforms, bodies, weekdays, months

and what is derived from them below.
"""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import yaml

_DATA = Path(__file__).resolve().parent / "data"


def _load(name: str) -> SimpleNamespace:
    text = (_DATA / f"{name}.yaml").read_text(encoding="utf-8")
    return SimpleNamespace(**yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


SENTENCES, NAMES, PLACES = _load("sentences"), _load("names"), _load("places")
ORGANISATIONS, SLOTS, VOCABULARY = _load("organisations"), _load("slots"), _load("vocabulary")

PROMPTS: dict[str, list[str]] = {log_type: list(prompts) for log_type, prompts in SENTENCES.prompts.items()}
_POOL_OF_PROMPT = {prompt: pool for prompts in SENTENCES.prompts.values() for prompt, pool in prompts.items()}
QUESTION_PROMPT = next(prompt for prompt, pool in _POOL_OF_PROMPT.items() if pool == "questions")
# prompt -> the detail pool its paragraphs take extra sentences from ("case", "set", "org"), or None
DETAIL_GROUP: dict[str, str | None] = {p: pool for p, pool in _POOL_OF_PROMPT.items() if pool != "questions"}
KEEP_TERMS: list[str] = VOCABULARY.keep_terms + VOCABULARY.job_titles  # marked {{KEEP:...}} in template text
WORD_NAMES: list[str] = NAMES.first["word"]["f"] + NAMES.first["word"]["m"]  # ordinary English words, as names
