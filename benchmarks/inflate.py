"""A large programme made from the sample one: the sample database's rows copied until it holds N logs.

Shared by bench_dashboard.py and bench_reports.py, so both time the same database.

Each copy k (1, 2, ...) of the sample is a programme of its own as the queries see it: its
documents, paragraphs, sentences, questions, entities, codings, embeddings and topic
assignments get new ids (`D-…-k`), its sets are new sets ("Set A.7"), its members and
organisations new codes (`M-…-k`, `O-…-k`, a form the audit knows as ours), and its meetings
start k months later (cohorts starting month by month over two years). The anonymised text
is the same. Topic sizes and the per-meeting and per-set topic counts are recounted from the
copied assignments, and the runs' summaries from the copied rows, so every table
agrees with every other. The last copy is cut short so the database holds exactly N logs.

Optionally a share of paragraphs is given simulated review decisions (a person accepting or,
one time in five, rejecting each suggestion), so the agreement and rejection paths run too;
the sample itself has no reviews.

Columns are copied by name, so a column the schema gains later is copied unchanged.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Callable

import duckdb

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "out" / "sample.duckdb"
COHORT_MONTHS = 24  # copy k starts (k mod 24) months after the sample: cohorts over two years
# "Set A.7", not "Set A-7": from copy 100 on, "A-100" has the shape of a case reference and the
# report's audit (rightly, fail closed) refuses to write a report quoting it.
SET_SEPARATOR = "."
REJECTED_ONE_IN = 5  # of the simulated review decisions, one in five rejects the suggestion

# How a copied column changes, by column name, in any table (t: the row copied, m.k: the copy number).
CHANGED = {
    "doc_id": "m.new_doc_id",
    "source_ref": "t.source_ref || '-' || m.k",
    "source_sha256": "t.source_sha256 || '-' || m.k",
    "set_id": f"t.set_id || '{SET_SEPARATOR}' || m.k",
    "member_code": "t.member_code || '-' || m.k",
    "org_code": "t.org_code || '-' || m.k",
    "meeting_month": (f"strftime(strptime(t.meeting_month || '-01', '%Y-%m-%d') + to_months(CAST(m.k % {COHORT_MONTHS} "
                      "AS INTEGER)), '%Y-%m')"),
}
# Tables whose rows belong to no single document or paragraph: kept as they are, or recounted below.
# (meta: facts about the database, such as the pseudonym key's fingerprint, true of every copy.)
PROGRAMME_TABLES = {"runs", "codebook", "topics", "topic_meetings", "topic_sets", "ingest_issues", "meta",
                    "redacted_terms"}  # redacted_terms: keyed hashes of terms, for every later run


def ensure_sample(source: Path = SAMPLE, say: Callable[[str], None] = print) -> Path:
    """The sample database, made with `bash scripts/sample.sh` first when it is missing."""
    if source.exists():
        return source
    if source.resolve() != SAMPLE.resolve():
        raise SystemExit(f"{source} does not exist")
    say(f"{source} missing: making it with `bash scripts/sample.sh` (a few minutes)...")
    subprocess.run(["bash", str(ROOT / "scripts" / "sample.sh")], cwd=ROOT, check=True)
    return source


def inflate(source: Path, target: Path, logs: int, reviewed_share: float = 0.0,
            say: Callable[[str], None] = print) -> dict[str, int]:
    """Copy SOURCE to TARGET and fill it to `logs` documents; returns the row count of every table."""
    shutil.copy(source, target)
    con = duckdb.connect(str(target))
    try:
        base = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        if logs < base:
            raise SystemExit(f"--logs {logs} is fewer than the {base} logs of {source}: nothing to copy")
        copies = -(-logs // base)
        say(f"  {base} logs in {source.name}: {copies} copies (the last cut short) make {logs} logs")
        # The new documents, copy by copy; the last copy stops at `logs`.
        con.execute("""CREATE TEMP TABLE doc_map AS
                       SELECT d.doc_id, k.range AS k, d.doc_id || '-' || k.range AS new_doc_id
                       FROM documents d, range(1, ?) k ORDER BY k.range, d.doc_id LIMIT ?""", [copies, logs - base])
        # A paragraph id is its document id and its place in it: the copy's id keeps the place.
        con.execute("""CREATE TEMP MACRO new_segment(segment_id, doc_id, new_doc_id, k) AS
                       CASE WHEN starts_with(segment_id, doc_id) THEN new_doc_id || substr(segment_id, length(doc_id) + 1)
                            ELSE segment_id || '-' || k END""")
        con.execute("""CREATE TEMP TABLE segment_map AS
                       SELECT s.segment_id, m.k, new_segment(s.segment_id, s.doc_id, m.new_doc_id, m.k) AS new_segment_id
                       FROM segments s JOIN doc_map m USING (doc_id)""")
        tables = [t for (t,) in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_schema = 'main' AND table_type = 'BASE TABLE' "
                                            "ORDER BY table_name").fetchall()]
        for table in tables:
            if table not in PROGRAMME_TABLES:
                added = _copy_rows(con, table)
                say(f"  {table:20s} +{added:,} rows")
        _copy_topic_sets(con)
        _copy_ingest_issues(con, copies)
        _recount_topics(con)
        _recount_runs(con)
        if reviewed_share > 0:
            decisions = _simulate_review(con, reviewed_share)
            say(f"  simulated review: {decisions:,} decisions on {reviewed_share:.0%} of paragraphs")
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [c for (c,) in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                      "ORDER BY ordinal_position", [table]).fetchall()]


def _copy_rows(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Copy a table's rows for every new document (by doc_id) or paragraph (by segment_id)."""
    columns = _columns(con, table)
    changed = dict(CHANGED)
    if "doc_id" in columns:
        join = "JOIN doc_map m ON m.doc_id = t.doc_id"
        changed["segment_id"] = "new_segment(t.segment_id, t.doc_id, m.new_doc_id, m.k)"
    elif "segment_id" in columns:
        join = "JOIN segment_map m ON m.segment_id = t.segment_id"
        changed["segment_id"] = "m.new_segment_id"
    else:
        raise SystemExit(f"table {table} has neither doc_id nor segment_id: say in benchmarks/inflate.py how to copy it")
    select = ", ".join(changed.get(c, f't."{c}"') for c in columns)
    names = ", ".join(f'"{c}"' for c in columns)
    before = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    con.execute(f'INSERT INTO "{table}" ({names}) SELECT {select} FROM "{table}" t {join}')
    return con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] - before


def _copy_topic_sets(con: duckdb.DuckDBPyConnection) -> None:
    """Each copied set keeps its topics' words; the counts are recounted in _recount_topics."""
    con.execute(f"""INSERT INTO topic_sets (run_id, topic_id, set_id, segments, keywords)
                   SELECT t.run_id, t.topic_id, t.set_id || '{SET_SEPARATOR}' || k.k, 0, t.keywords
                   FROM topic_sets t, (SELECT DISTINCT k FROM doc_map) k""")


def _copy_ingest_issues(con: duckdb.DuckDBPyConnection, copies: int) -> None:
    """The input issues of each copy's files (file names as the copied documents' source_ref)."""
    columns = _columns(con, "ingest_issues")
    select = ", ".join("t.source_ref || '-' || k.range" if c == "source_ref" else f't."{c}"' for c in columns)
    names = ", ".join(f'"{c}"' for c in columns)
    con.execute(f"INSERT INTO ingest_issues ({names}) SELECT {select} FROM ingest_issues t, range(1, ?) k", [copies])


def _recount_topics(con: duckdb.DuckDBPyConnection) -> None:
    """Topic sizes and per-meeting and per-set counts from the (copied) assignments, as a topics run counts them."""
    con.execute("""UPDATE topics SET size = n.size FROM
                   (SELECT run_id, topic_id, count(*) AS size FROM segment_topics GROUP BY ALL) n
                   WHERE topics.run_id = n.run_id AND topics.topic_id = n.topic_id""")
    for table, column in (("topic_meetings", "meeting_number"), ("topic_sets", "set_id")):
        con.execute(f"""UPDATE {table} SET segments = n.segments FROM
                        (SELECT st.run_id, st.topic_id, d.{column}, count(*) AS segments FROM segment_topics st
                         JOIN segments s USING (segment_id) JOIN documents d USING (doc_id) GROUP BY ALL) n
                        WHERE {table}.run_id = n.run_id AND {table}.topic_id = n.topic_id
                          AND {table}.{column} = n.{column}""")
    # A set of the cut-short copy without a paragraph in some topic has no row for it.
    con.execute("""DELETE FROM topic_sets t WHERE NOT EXISTS (
                   SELECT 1 FROM segment_topics st JOIN segments s USING (segment_id) JOIN documents d USING (doc_id)
                   WHERE st.run_id = t.run_id AND st.topic_id = t.topic_id AND d.set_id = t.set_id)""")


def _recount_runs(con: duckdb.DuckDBPyConnection) -> None:
    """A run's summary counts what it now stands for: an ingest run its documents, paragraphs, questions and
    codings, a topics run the paragraphs it assigned."""
    counted = {
        "run": "SELECT count(*), count(*), (SELECT count(*) FROM segments s JOIN documents x USING (doc_id) "
               "WHERE x.run_id = $run), (SELECT count(*) FROM questions q JOIN documents x USING (doc_id) "
               "WHERE x.run_id = $run), (SELECT count(*) FROM codings WHERE run_id = $run) "
               "FROM documents WHERE run_id = $run",
        "topics": "SELECT count(*) FROM segment_topics WHERE run_id = $run",
    }
    keys = {"run": ("logs_read", "documents_stored", "segments", "questions", "codings"), "topics": ("segments",)}
    for command, query in counted.items():
        for run_id, summary in con.execute("SELECT run_id, summary FROM runs WHERE command = ?", [command]).fetchall():
            values = dict(zip(keys[command], con.execute(query, {"run": run_id}).fetchone()))
            counts = json.loads(summary or "{}")
            counts.update({key: value for key, value in values.items() if key in counts})
            con.execute("UPDATE runs SET summary = ? WHERE run_id = ?", [json.dumps(counts), run_id])


def _simulate_review(con: duckdb.DuckDBPyConnection, share: float) -> int:
    """A person's decision on every suggestion of a `share` of paragraphs, under a 'review import' run."""
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    run_id = f"R-{now:%Y%m%dT%H%M%S}-BE4C"
    con.execute(f"""INSERT INTO codings (segment_id, code_id, method, confidence, status, run_id, created_at)
                    SELECT DISTINCT segment_id, code_id, 'human', 1.0,
                           CASE WHEN hash(segment_id || code_id) % {REJECTED_ONE_IN} = 0 THEN 'rejected'
                                ELSE 'accepted' END, ?, ?
                    FROM codings WHERE method <> 'human' AND status = 'suggested'
                      AND hash(segment_id) % 10000 < ?""", [run_id, now, round(share * 10000)])
    decisions = con.execute("SELECT count(*) FROM codings WHERE run_id = ?", [run_id]).fetchone()[0]
    con.execute("INSERT INTO runs (run_id, command, started_at, finished_at, config, versions, summary) "
                "VALUES (?, 'review import', ?, ?, '{}', '{}', ?)",
                [run_id, now, now, json.dumps({"codings": decisions, "simulated": True})])
    return decisions
