#!/usr/bin/env bash
# One command: set up, then run the whole pipeline on the bundled sample programme
# (data/sample/) into an embedded DuckDB file, export it, and make both reports.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh

mkdir -p out .als
KEY=.als/sample.key   # a sample-only key; a real programme keeps its own key safe
[ -f "$KEY" ] || .venv/bin/als keygen --out "$KEY"

rm -f out/sample.duckdb   # the demo shows the whole job each time (a real database is added to)
.venv/bin/als run data/sample --db out/sample.duckdb --key-file "$KEY"
.venv/bin/als export --db out/sample.duckdb --format jsonl --out out/sample-export.jsonl
.venv/bin/als export --db out/sample.duckdb --format csv --out out/sample-segments.csv
.venv/bin/als report evaluator --db out/sample.duckdb --out out/reports
.venv/bin/als report lead-body --db out/sample.duckdb --out out/reports

cat <<MSG

Done. The anonymised sample programme is in out/sample.duckdb
  exports:   out/sample-export.jsonl (one document per line), out/sample-segments.csv
  reports:   out/reports/programme-report.html|.docx (evaluators), out/reports/lead-body-briefing.html|.docx
  dashboard: .venv/bin/als dashboard --db out/sample.duckdb
  next:      .venv/bin/als --help
             .venv/bin/python -c "import duckdb; print(duckdb.connect('out/sample.duckdb', read_only=True).sql('SELECT set_id, log_type, count(*) FROM documents GROUP BY ALL ORDER BY ALL'))"
MSG
