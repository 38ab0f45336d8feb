"""Exports that read the database, one writer per format, each written atomically (temp file, rename).

- jsonl: the data contract's documents, exact;
- csv: the paragraphs with their codes, formula-safe;
- qdpx: a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA or QualCoder (pipeline.interop.qdpx_export);
- xlsx: the analysis workbook, a sheet per table (pipeline.analysis_tables);
- parquet: a folder with every analysis table and the paragraphs, for analysts (pipeline.analysis_tables).
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import duckdb

from pipeline.formula_safe import protect_frame
from pipeline.queries import documents as queries
from pipeline.store import connect


@dataclass(frozen=True)
class Written:
    count: int
    unit: str  # what was counted: "documents", "segments", "sources", "tables"
    detail: str = ""


def _jsonl(con: duckdb.DuckDBPyConnection, out: Path, k: int) -> Written:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for doc in queries.iter_documents(con):
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
            count += 1
    return Written(count, "documents")


def _csv(con: duckdb.DuckDBPyConnection, out: Path, k: int) -> Written:
    frame = queries.segment_rows(con)
    # A paragraph starting with = + - @ would run as a formula when the CSV is opened in Excel.
    protect_frame(frame).to_csv(out, index=False, encoding="utf-8")
    return Written(len(frame), "segments")


def _qdpx(con: duckdb.DuckDBPyConnection, out: Path, k: int) -> Written:
    from pipeline.interop.qdpx_export import write_project

    counts = write_project(con, out)
    return Written(counts.sources, "sources", f"{counts.codes} codes, {counts.selections} coded paragraphs, "
                                              f"{counts.codings} codings, {counts.topics} topics")


def _xlsx(con: duckdb.DuckDBPyConnection, out: Path, k: int) -> Written:
    from pipeline.analysis_tables import write_workbook

    sheets = write_workbook(con, out, k)
    return Written(len(sheets), "sheets", ", ".join(sheets))


def _parquet(con: duckdb.DuckDBPyConnection, out: Path, k: int) -> Written:
    from pipeline.analysis_tables import write_parquet

    tables = write_parquet(con, out)  # unsuppressed: k does not apply
    return Written(len(tables), "tables", ", ".join(tables))


# Each writer: (read-only connection, temp path, k = the small-cell threshold) -> what it wrote.
WRITERS: dict[str, Callable[[duckdb.DuckDBPyConnection, Path, int], Written]] = {
    "jsonl": _jsonl, "csv": _csv, "qdpx": _qdpx, "xlsx": _xlsx, "parquet": _parquet}
FORMATS = tuple(WRITERS)
FOLDER_FORMATS = {"parquet"}  # written as a folder of files


def export(db_path: str | Path, fmt: str, out_path: str | Path, min_organisations: int = 3) -> Written:
    """Write the export atomically (a temp file or folder, then a rename) and say what was written.
    `min_organisations` is the small-cell rule's k for the analysis tables ([dashboard] in the config)."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not Path(db_path).exists():
        raise FileNotFoundError(f"database {db_path} does not exist; run `als run INPUT_DIR --db {db_path}` first")
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    partial = out_path.with_name(out_path.name + ".partial")
    _remove(partial)
    if fmt in FOLDER_FORMATS:
        partial.mkdir()
    con = connect(db_path, read_only=True)
    try:
        written = WRITERS[fmt](con, partial, min_organisations)
    except BaseException:
        _remove(partial)  # never a half-written export
        raise
    finally:
        con.close()
    if fmt in FOLDER_FORMATS and out_path.exists():
        _remove(out_path)
    os.replace(partial, out_path)
    return written


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
