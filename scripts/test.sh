#!/usr/bin/env bash
# One command: set up, then run the test suite (real spaCy, Presidio and DuckDB).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest -q "$@"
