"""`als train` and `als evaluate`: fit the trained coder, and measure agreement with human labels."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from pipeline.cli.common import ConfigOption, console, load_config, require_database, stops_when_busy

commands = typer.Typer()


def _coding_parts(settings, with_model: bool):
    from pipeline.coding.codebook import load_codebook
    from pipeline.coding import CodingUnavailable, build_coder, load_embedder

    try:
        codebook = load_codebook(settings.coding.codebook or None)
        embedder = load_embedder(settings.coding)
        if not with_model:  # training and cross-validation start from the untrained coder
            settings.coding.model_file = ""
            settings.coding.packaged_model = False
        return codebook, embedder, build_coder(settings.coding, codebook, embedder)
    except (CodingUnavailable, ValueError) as error:
        console.print(f"[red]Cannot code:[/] {escape(str(error))}")
        raise typer.Exit(3) from None


def _labels(path: Path):
    from pipeline.coding.labels import LabelsError, read_labels

    try:
        return read_labels(path)
    except LabelsError as error:
        console.print(f"[red]{escape(str(error))}[/]")
        raise typer.Exit(2) from None


@commands.command()
def train(
    labels: Optional[Path] = typer.Option(None, help="Labelled JSONL (documents with coded paragraphs, or "
                                                      "{text, codes} lines)."),
    db: Optional[Path] = typer.Option(None, help="Train on the reviewed codings in this database instead."),
    out: Optional[Path] = typer.Option(None, help="Model file to write (default: [coding] model_file)."),
    config: Optional[Path] = ConfigOption,
    codebook: Optional[Path] = typer.Option(None, help="Codebook YAML/CSV (default: the shipped one)."),
) -> None:
    """Fit the trained coder on labelled paragraphs; later `als run`s use the model file it writes."""
    from pipeline.coding import CombinedCoder, TrainedCoder
    from pipeline.coding.evaluate import label_matrix, units_of

    if (labels is None) == (db is None):
        console.print("[red]Give exactly one of --labels FILE or --db FILE.[/]")
        raise typer.Exit(2)
    if db is not None:
        require_database(db)  # before loading the embedding model for nothing
    settings = load_config(config, coding__codebook=str(codebook) if codebook else None)
    codebook_data, embedder, coder = _coding_parts(settings, with_model=False)
    if embedder is None:
        console.print("[red]The trained coder needs embeddings: set [coding] use_embeddings = true.[/]")
        raise typer.Exit(2)
    paragraphs = _labels(labels)[0] if labels else _reviewed_paragraphs(db)
    if len(paragraphs) < 10:
        console.print(f"[red]Only {len(paragraphs)} labelled paragraphs: at least 10 are needed.[/]")
        raise typer.Exit(2)
    unknown = sorted({c for p in paragraphs for c in p.codes} - set(codebook_data.code_ids))
    if unknown:
        console.print(f"[yellow]Ignoring labels not in the codebook:[/] {escape(', '.join(unknown))}")
    assert isinstance(coder, CombinedCoder)
    trained = TrainedCoder(codebook_data, embedder, coder).fit(units_of(paragraphs),
                                                               label_matrix(paragraphs, codebook_data.code_ids))
    path = trained.save(out or Path(settings.coding.model_file))
    console.print(f"Trained on {len(paragraphs)} paragraphs; {int(trained.trained.sum())} of "
                  f"{len(codebook_data)} codes had enough examples (others use the default coder).")
    console.print(f"Model file: [bold]{path.resolve()}[/] (weights only, no text)")


def _reviewed_paragraphs(db: Path):
    from pipeline.queries.review_queue import reviewed_paragraphs
    from pipeline.store import connect

    with stops_when_busy(), connect(db, read_only=True) as con:
        return reviewed_paragraphs(con)


@commands.command()
def evaluate(
    labels: Optional[Path] = typer.Option(None, help="Labelled JSONL: human codes (and question types) to "
                                                      "compare with."),
    db: Optional[Path] = typer.Option(None, help="Compare the suggestions stored in this database with the "
                                                  "decisions people made on them (review) instead."),
    cross_validate: bool = typer.Option(False, "--cross-validate", help="Train on every set but one and score "
                                                                         "on the one left out, in turn."),
    config: Optional[Path] = ConfigOption,
    codebook: Optional[Path] = typer.Option(None, help="Codebook YAML/CSV (default: the shipped one)."),
) -> None:
    """Agreement between the automatic coding and human labels: F1 per code and Cohen's kappa."""
    from pipeline.coding import TrainedCoder
    from pipeline.coding.evaluate import agreement, cross_validate as run_cv, label_matrix, question_agreement, units_of

    if (labels is None) == (db is None):
        console.print("[red]Give exactly one of --labels FILE or --db FILE.[/]")
        raise typer.Exit(2)
    settings = load_config(config, coding__codebook=str(codebook) if codebook else None)
    if db is not None:
        _print_review_agreement(db, settings.review.min_reviews)
        return
    paragraphs, questions = _labels(labels)
    codebook_data, embedder, coder = _coding_parts(settings, with_model=not cross_validate)
    gold = label_matrix(paragraphs, codebook_data.code_ids)
    if cross_validate:
        if embedder is None:
            console.print("[red]Cross-validation trains the model coder: it needs embeddings.[/]")
            raise typer.Exit(2)
        predicted = run_cv(paragraphs, codebook_data.code_ids, lambda: TrainedCoder(codebook_data, embedder, coder))
    else:
        predicted = coder.predict(units_of(paragraphs))
    report = agreement(predicted, gold, codebook_data.code_ids)
    question_agreement(report, questions, _question_types(settings, codebook_data, embedder, questions,
                                                          cross_validate))
    _print_report(report, "cross-validated by set" if cross_validate else type(coder).__name__)


def _question_types(settings, codebook, embedder, questions, cross_validate: bool) -> list[str]:
    """The configured typer's types; cross-validated, each set's from a question model fitted without it."""
    from pipeline.coding.stage import build_typer
    from pipeline.coding.train_questions import held_out_types

    typer = build_typer(settings.coding, codebook, embedder)
    if cross_validate and typer.model is not None and len({q.group for q in questions}) > 1:
        return held_out_types(typer, questions)[0]
    return [t for t, _ in typer.predict([q.text for q in questions])]


def _print_report(report, setting: str) -> None:
    table = Table(title=f"Agreement with human labels ({setting}), {report.paragraphs} paragraphs")
    for column in ("code", "support", "predicted", "precision", "recall", "F1", "kappa"):
        table.add_column(column, justify="left" if column == "code" else "right")
    for c in report.per_code:
        table.add_row(c.code_id, str(c.support), str(c.predicted), f"{c.precision:.2f}", f"{c.recall:.2f}",
                      f"{c.f1:.2f}", f"{c.kappa:.2f}")
    console.print(table)
    console.print(f"micro-F1 {report.micro_f1:.3f}   macro-F1 {report.macro_f1:.3f}   kappa {report.kappa:.3f}")
    if report.questions:
        kappa = f"{report.question_kappa:.3f}" if report.question_kappa is not None else "n/a"
        console.print(f"question types: accuracy {report.question_accuracy:.3f}, kappa {kappa} "
                      f"({report.questions} questions)")


def _print_review_agreement(db: Path, min_reviews: int) -> None:
    """The per-theme agreement the Review page and the methods appendix show (pipeline.trust)."""
    from pipeline.labels import CodeLabels
    from pipeline.queries.agreement import suggestion_counts
    from pipeline.queries.facets import codebook as stored_codebook
    from pipeline.store import connect
    from pipeline.trust import CAPTION, agreement_view

    require_database(db)
    with stops_when_busy(), connect(db, read_only=True) as con:
        view = agreement_view(con, CodeLabels(stored_codebook(con)), min_reviews)
        counts = suggestion_counts(con)
    if view.empty:
        console.print("No suggestion has been reviewed yet: review with `als review export` / `als review import` "
                      "or the dashboard's Review page, then ask again.")
        return
    table = Table(title=f"Suggestions against people's decisions, {counts['reviewed']} of "
                        f"{counts['suggestions']} suggestions reviewed")
    for column in view.columns:
        table.add_column(column, justify="left" if column in (view.columns[0], view.columns[-1]) else "right")
    for row in view.itertuples(index=False):
        table.add_row(*(escape(str(v)) for v in row))
    console.print(table)
    console.print(CAPTION.format(min_reviews=min_reviews))
