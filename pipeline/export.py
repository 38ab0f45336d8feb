"""Exports that read the database: the contract's JSONL (exact) and a CSV of segments (formula-safe)."""
from __future__ import annotations

import json
import os
from pathlib import Path

from pipeline.formula_safe import protect_frame
from pipeline.queries import documents as queries
from pipeline.store import connect

FORMATS = ("jsonl", "csv")


def export(db_path: str | Path, fmt: str, out_path: str | Path) -> int:
    """Write the export atomically (temp file then rename); return the number of records."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not Path(db_path).exists():
        raise FileNotFoundError(f"database {db_path} does not exist; run `als run INPUT_DIR --db {db_path}` first")
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    partial = out_path.with_name(out_path.name + ".partial")
    con = connect(db_path, read_only=True)
    try:
        if fmt == "jsonl":
            count = 0
            with partial.open("w", encoding="utf-8") as handle:
                for doc in queries.iter_documents(con):
                    handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
                    count += 1
        else:
            frame = queries.segment_rows(con)
            # A paragraph starting with = + - @ would run as a formula when the CSV is opened in Excel.
            protect_frame(frame).to_csv(partial, index=False, encoding="utf-8")
            count = len(frame)
    finally:
        con.close()
    os.replace(partial, out_path)
    return count
