"""Synthetic logs with planted (fictional) personal data, and the writers the bundled sample shares.

    from pipeline.synth import generate
    result = generate(2000, seed=1, out_dir=Path("out/synth"))

generator   the programme generator: sets, members, logs, their files and gold.jsonl
planting    the seeded source of people, organisations and places, planted as tagged spans
content     sentence, name, place and organisation pools, read from data/*.yaml
identifiers NHS numbers (with the check digit), NI numbers, phone numbers, case references
writers     CSV, Markdown and fixed-time DOCX/XLSX writers (scripts/build_sample_data.py uses them too)
"""
from pipeline.synth.generator import SynthResult, generate

__all__ = ["SynthResult", "generate"]
