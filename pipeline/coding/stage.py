"""The coding stage: builds the coders the configuration asks for and applies them to segmented logs."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from pipeline.coding.codebook import Codebook, CodebookError, load_codebook
from pipeline.coding.base import Coder, CodingUnit
from pipeline.coding.combined import CombinedCoder
from pipeline.coding.embedding import EmbeddingCoder
from pipeline.coding.question_model import PACKAGED_MODEL, QuestionModel, QuestionModelError
from pipeline.coding.questions import QuestionTyper
from pipeline.coding.rules import RuleCoder
from pipeline.coding.trained import PACKAGED_CODER, ModelFileError, TrainedCoder
from pipeline.config import CodingConfig
from pipeline.embeddings import Embedder, EmbedderUnavailable, embedder_for
from pipeline.records import Coding, SegmentedLog


class CodingUnavailable(RuntimeError):
    """The codebook, the embedding model or the trained model file cannot be used."""


class CodingStage:
    """Adds suggested codings and question types to segmented logs (nothing else changes)."""

    def __init__(self, codebook: Codebook, coder: Coder, typer: QuestionTyper,
                 embedder: Embedder | None = None) -> None:
        self.codebook = codebook
        self.coder = coder
        self.typer = typer
        self.embedder = embedder

    def thresholds(self) -> dict[str, float]:
        """Each code's threshold, as stored for the review queue to measure uncertainty against."""
        return dict(zip(self.coder.code_ids, map(float, self.coder.thresholds)))

    def suggested_codings(self, segments: list[tuple[str, str, str]]) -> dict[str, list[Coding]]:
        """segment_id -> the coder's suggestions as codings, for (segment_id, text, field prompt) triples
        (new segments in a run, stored ones in a recode)."""
        found = self.coder.suggest([CodingUnit(text, prompt) for _, text, prompt in segments])
        return {sid: [Coding(sid, s.code_id, s.method, s.confidence, "suggested") for s in suggestions]
                for (sid, _, _), suggestions in zip(segments, found)}

    def transform(self, logs: list[SegmentedLog]) -> list[SegmentedLog]:
        segments = [s for log in logs for s in log.segments]
        by_segment = self.suggested_codings([(s.segment_id, s.text, s.field_prompt) for s in segments])
        # The coders embedded these texts already: the embedder's cache hands them back.
        vectors = self.embedder.rows([s.text for s in segments]) if self.embedder else None
        by_vector = {s.segment_id: v for s, v in zip(segments, vectors)} if vectors is not None else {}
        questions = [q for log in logs for q in log.questions]
        types = dict(zip([(q.doc_id, q.question_index) for q in questions], self.typer.predict([q.text for q in questions])))
        coded = []
        for log in logs:
            codings = [coding for s in log.segments for coding in by_segment[s.segment_id]]
            typed = [dataclasses.replace(q, question_type=types[(q.doc_id, q.question_index)][0],
                                         confidence=types[(q.doc_id, q.question_index)][1]) for q in log.questions]
            coded.append(dataclasses.replace(
                log, codings=codings, questions=typed,
                vectors={s.segment_id: by_vector[s.segment_id] for s in log.segments if s.segment_id in by_vector},
                vector_model=self.embedder.name if self.embedder else ""))
        return coded


def build_coder(config: CodingConfig, codebook: Codebook, embedder: Embedder | None) -> Coder:
    """The trained coder from the model file if it exists, else the packaged one (default codebook), else the
    combined coder."""
    embedding = EmbeddingCoder(codebook, embedder) if embedder is not None else None
    combined = CombinedCoder(codebook, RuleCoder(codebook), embedding)
    if embedder is None:
        return combined
    model_file = Path(config.model_file) if config.model_file else None
    if model_file is not None and model_file.exists():
        try:
            return TrainedCoder(codebook, embedder, combined).load(model_file)
        except ModelFileError as error:
            raise CodingUnavailable(str(error)) from None
    if config.packaged_model and PACKAGED_CODER.exists():
        try:
            return TrainedCoder(codebook, embedder, combined).load(PACKAGED_CODER)
        except ModelFileError:  # fitted for the default codebook: another codebook gets the untrained coder
            return combined
    return combined


def load_embedder(config: CodingConfig) -> Embedder | None:
    if not config.use_embeddings:
        return None
    try:
        return embedder_for(config)
    except EmbedderUnavailable as error:
        raise CodingUnavailable(f"{error} (or set [coding] use_embeddings = false for rules only)") from None


def load_stage_codebook(config: CodingConfig) -> Codebook:
    """The configured codebook, or CodingUnavailable: checked first, because it is cheap."""
    try:
        return load_codebook(config.codebook or None)
    except CodebookError as error:
        raise CodingUnavailable(str(error)) from None


def build_coding_stage(config: CodingConfig, codebook: Codebook | None = None) -> CodingStage:
    """Load the codebook and models once, or raise CodingUnavailable before anything is written."""
    codebook = codebook or load_stage_codebook(config)
    embedder = load_embedder(config)
    return CodingStage(codebook, build_coder(config, codebook, embedder), build_typer(config, codebook, embedder),
                       embedder)


def build_typer(config: CodingConfig, codebook: Codebook, embedder: Embedder | None) -> QuestionTyper:
    """The learned question typer when embeddings are on and its model fits the codebook, else the cue rules.

    The rules go without the embedding fallback: that alone typed no more questions right (0.802, as the
    rules alone, on the development corpus).
    """
    if embedder is None or not config.question_model:
        return QuestionTyper(codebook, None)
    path = PACKAGED_MODEL if config.question_model == "packaged" else Path(config.question_model)
    try:
        return QuestionTyper(codebook, embedder, QuestionModel.load(path, embedder, codebook))
    except QuestionModelError as error:
        if config.question_model == "packaged":  # another codebook's cues: the rules are what fits it
            return QuestionTyper(codebook, None)
        raise CodingUnavailable(str(error)) from None

