"""scripts/build_sample_data.py rebuilds the committed sample, byte for byte, from scripts/sample_programme.yaml.

Fast (no models): the DOCX and XLSX writers stamp fixed times, so any difference is a change of content.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_builder_reproduces_the_committed_sample(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_sample_data.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    built, committed = files(tmp_path / "sample"), files(ROOT / "data" / "sample")
    assert sorted(built) == sorted(committed)
    assert [name for name in committed if built[name] != committed[name]] == []
    planted = "sample_planted_pii.json"
    assert (tmp_path / planted).read_bytes() == (ROOT / "data" / planted).read_bytes()
