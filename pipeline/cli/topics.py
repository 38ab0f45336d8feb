"""`als topics`: model inductive topics over every stored segment (also run after `als run`)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from pipeline.cli.common import (EXIT_FAIL_CLOSED, ConfigOption, console, load_config, require_database, shown,
                                 stops_when_busy)

commands = typer.Typer()


@commands.command()
def topics(
    db: Path = typer.Option(..., help="DuckDB file written by `als run`."),
    min_topic_size: Optional[int] = typer.Option(None, help="Smallest topic (default: from corpus size)."),
    nr_topics: Optional[int] = typer.Option(None, help="Number of topics (default: from corpus size)."),
    config: Optional[Path] = ConfigOption,
) -> None:
    """Model inductive topics over every stored segment, as a new run (earlier topic runs are kept)."""
    from pipeline.embeddings import EmbedderUnavailable
    from pipeline.run import run_topics
    from pipeline.topics import TopicsUnavailable

    require_database(db)
    settings = load_config(config, store__db=str(db), topics__min_topic_size=min_topic_size,
                            topics__nr_topics=nr_topics)
    with console.status("Modelling topics (embeddings, UMAP, clustering)..."):
        try:
            with stops_when_busy():
                summary = run_topics(settings)
        except (TopicsUnavailable, EmbedderUnavailable) as error:
            console.print(f"[red]{escape(str(error))}[/]")
            raise typer.Exit(EXIT_FAIL_CLOSED) from None
    print_topics(summary)


def print_topics(summary) -> None:
    table = Table(title=f"Topics run {summary.run_id} ({summary.strategy}, {summary.segments} segments, "
                        f"{summary.seconds:.1f} s)")
    for column in ("topic", "size", "keywords", "best code", "share"):
        table.add_column(column, justify="right" if column in ("topic", "size", "share") else "left",
                         overflow="fold")
    for topic in summary.topics:
        table.add_row(str(topic.topic_id), str(topic.size), shown(", ".join(topic.keywords[:6])),
                      topic.best_code or "", f"{topic.code_share:.2f}")
    console.print(table)
    console.print(f"Outliers (topic -1): {summary.outliers_before} before reassignment, {summary.outliers_after} "
                  f"after. Topic-sourced code suggestions: {summary.topic_codings}.")
