#!/usr/bin/env bash
# Create ./.venv with Python 3.11 and install ALS Insight with its pinned dependencies.
# Re-running is cheap: it reinstalls only when pyproject.toml has changed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-}"
if [ -z "$PYTHON" ]; then
  for candidate in python3.11 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(0 if sys.version_info[:2] >= (3, 11) else 1)'; then
      PYTHON="$candidate"; break
    fi
  done
fi
if [ -z "$PYTHON" ]; then
  echo "ALS Insight needs Python 3.11 or newer (python3.11 not found)." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv with $($PYTHON --version)..."
  "$PYTHON" -m venv .venv
fi

stamp=".venv/.als-installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "Installing ALS Insight and its pinned dependencies into .venv (first time takes a few minutes)..."
  log=.venv/install.log
  if ! { .venv/bin/python -m pip install --upgrade pip && .venv/bin/python -m pip install -e ".[dev]"; } >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "Installation failed; the full log is in $log" >&2
    exit 1
  fi
  rm -f .venv/.als-installed-*
  touch "$stamp"
fi
