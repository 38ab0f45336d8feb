"""The methods appendix: how the logs were anonymised and coded, from which runs, and how far
people agreed with the suggestions where they reviewed them."""
from __future__ import annotations

import hashlib

import duckdb
import pandas as pd

from pipeline.config import Config
from pipeline.labels import CodeLabels
from pipeline.queries import agreement, facets, overview
from pipeline.report.document import Bullets, Section, Table, Text
from pipeline.report.wording import percent
from pipeline.trust import CAPTION as TRUST_CAPTION, PRINTED_COLUMNS, agreement_view

ANONYMISATION = (
    "Personal data was removed before anything was stored. Each log was read by Presidio with spaCy's "
    "English named-entity model, UK contact and identifier recognizers (email, phone, NHS and NI numbers, "
    "postcodes, case references, dates of birth, addresses), the batch roster (every author, email and "
    "organisation named in the logs' metadata, in all their forms) and gazetteers of first names, surnames "
    "and UK places judged in context; a name found with confidence anywhere in a batch was then removed "
    "everywhere in it. People, organisations and places became numbered placeholders (shown in quotes as "
    "[a colleague], [an organisation], [a place]); authors and organisations became keyed codes that cannot "
    "be reversed without the programme's key; meeting dates were kept to the month.")
REPLACED_WORDS = {"PERSON": "names of people", "ORG": "organisations", "LOCATION": "places",
                  "CONTACT": "contact details", "ID": "identifiers", "DATE": "dates"}
CODING = (
    "Each paragraph was given suggested themes from the codebook by rules (the codebook's patterns), by "
    "similarity to each theme's definition and examples (all-MiniLM-L6-v2 sentence embeddings, run "
    "offline) and by the prompt it was written under; a model trained on people's reviews replaces the "
    "default where one exists. A theme counts unless a person rejected it. Topics were found without the "
    "codebook by BERTopic over the same embeddings. Questions were typed as thinking, feeling or willing by "
    "the codebook's rules.")


def codebook_version(codebook: pd.DataFrame) -> str:
    """A short fingerprint of the stored codebook: two reports with the same one coded alike."""
    rows = codebook.sort_values("code_id")[["code_id", "family", "name", "definition"]].astype(str)
    digest = hashlib.sha256("\n".join("\t".join(r) for r in rows.itertuples(index=False)).encode()).hexdigest()
    return digest[:12]


def methods_section(con: duckdb.DuckDBPyConnection, codes: CodeLabels, config: Config) -> Section:
    codebook = facets.codebook(con)
    replaced = overview.replaced_by_type(con)
    methods = overview.codings_by_method(con)
    counts = agreement.suggestion_counts(con)
    section = Section("Methods")
    section.add(Text(ANONYMISATION),
                Bullets([f"Replaced: {', '.join(f'{n} {REPLACED_WORDS.get(t, t.lower())}' for t, n in replaced.items()) or 'nothing'}."]),
                Text(CODING),
                Bullets([f"Codebook: {len(codebook)} themes in {codebook['family'].nunique()} families, "
                         f"version {codebook_version(codebook)}.",
                         f"Coding rows by method: {', '.join(f'{m} {n}' for m, n in methods.items()) or 'none'}.",
                         f"Suggestions reviewed by a person: {counts['reviewed']:,} of {counts['suggestions']:,} "
                         f"({percent(counts['reviewed'], counts['suggestions'])}).",
                         f"Quotes: {config.report.quotes_per_theme} per theme at most, whole sentences within "
                         f"{config.report.quote_max_words} words, each passing the audit's scan for contact "
                         "details and identifiers."]))
    trust = agreement_view(con, codes, config.review.min_reviews, as_text=False)
    if trust.empty:
        section.add(Text("No suggestion has been reviewed yet, so there is no measure of agreement. Review with "
                         "`als review export` / `als review import` or the dashboard's Review page.", "note"))
    else:
        section.add(Table(trust[PRINTED_COLUMNS], "How far to trust the suggestions. "
                                 + TRUST_CAPTION.format(min_reviews=config.review.min_reviews)))
    runs = overview.runs_by_command(con)
    runs = runs.assign(started_at=runs["started_at"].dt.strftime("%Y-%m-%d %H:%M"))
    shown = runs[["run_id", "command", "started_at", "documents"]]
    shown.columns = ["Run", "Command", "Started (UTC)", "Logs stored"]
    section.add(Table(shown, "Runs behind this report"))
    return section
