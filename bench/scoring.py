"""Benchmark whole-answer scoring on the interview corpus (seconds per stage, real-time factor), then the CER."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import asr as asr_bench  # noqa: E402
from ml.asr import load_asr_engine  # noqa: E402
from ml.audio import MediaError, decode_audio  # noqa: E402
from ml.demo_job import demo_question_specs, load_demo_job  # noqa: E402
from ml.scoring import SCORED, score_recording, warm_up  # noqa: E402

DEFAULT_FIXTURES = REPO.parent / "shared" / "fixtures" / "interview"
DEFAULT_AUDIO_FIXTURES = REPO.parent / "shared" / "fixtures" / "audio"
DEFAULT_CACHE = Path.home() / ".cache" / "qingpin"
# SCORING.md's budget for a worker: a whole answer (decode to scores) in under a third of its length.
TARGET_RTF = 0.3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES, help="folder with corpus.json")
    parser.add_argument(
        "--audio-fixtures", type=Path, default=DEFAULT_AUDIO_FIXTURES, help="folder with references.json"
    )
    parser.add_argument("--engine", default="faster-whisper", choices=["faster-whisper", "paddlespeech"])
    parser.add_argument("--model-dir", type=Path, default=None, help="local model (required for paddlespeech)")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--cpu-threads", type=int, default=2)
    parser.add_argument("--no-cer", action="store_true", help="skip the CER run on the real-speech clips")
    args = parser.parse_args(argv)

    corpus_path = args.fixtures / "corpus.json"
    if not corpus_path.is_file():
        print(f"no corpus.json in {args.fixtures}", file=sys.stderr)
        return 2
    corpus = json.loads(corpus_path.read_text(encoding="utf-8"))
    specs = demo_question_specs(load_demo_job(corpus_path))

    started = time.perf_counter()
    engine = load_asr_engine(
        args.engine, cache_dir=args.cache_dir, model_dir=args.model_dir, cpu_threads=args.cpu_threads
    )
    warm_up()
    first = corpus["items"][0]["file"]
    engine.transcribe(decode_audio(args.fixtures / first))  # first call pays one-off setup
    print(f"engine {engine.name}: model load and warm-up {time.perf_counter() - started:.2f} s")

    print(
        f"{'file':28} {'audio_s':>7} {'decode':>6} {'vad':>5} {'asr':>6} {'content':>7} {'total':>6} "
        f"{'rtf':>5}  outcome"
    )
    rows = [
        score_file(args.fixtures / item["file"], specs[question_of(item, corpus)], engine)
        for item in corpus["items"]
    ]
    for row in rows:
        print(format_row(row))
    print_summary(rows)

    if not args.no_cer:
        print()
        print(f"CER on real speech ({args.audio_fixtures}), same engine, as bench/asr.py measures it:")
        return asr_bench.report_cer(engine, args.audio_fixtures)
    return 0


def question_of(item: dict, corpus: dict) -> str:
    """The question id of a corpus item; container copies name their original in ``same_as``."""
    if "question" in item:
        return item["question"]
    original = next(i for i in corpus["items"] if i["file"] == item["same_as"])
    return original["question"]


def score_file(path: Path, question, engine) -> dict:
    """Score one file end to end; its stage timings, total wall time and outcome."""
    started = time.perf_counter()
    try:
        result = score_recording(path, question, engine)
    except MediaError as exc:
        return {"file": path.name, "error": f"unreadable ({exc.reason}): {exc}"}
    total = time.perf_counter() - started
    audio = result.figures["duration_s"]
    if result.status == SCORED:
        outcome = f"scored {result.content_score:5.1f}  " + " ".join(
            f"{name} {score:.1f}" for name, score in result.competency_scores.items()
        )
    else:
        outcome = f"insufficient_evidence ({result.reason})"
    return {"file": path.name, "audio_s": audio, **result.timings, "total_s": total,
            "scored": result.status == SCORED, "outcome": outcome}


def format_row(row: dict) -> str:
    """One table line: seconds per stage, real-time factor, outcome."""
    if "error" in row:
        return f"{row['file']:28} {row['error']}"
    rtf = row["total_s"] / row["audio_s"] if row["audio_s"] else float("nan")
    return (
        f"{row['file']:28} {row['audio_s']:7.1f} {row['decode_s']:6.2f} {row['vad_s']:5.2f} {row['asr_s']:6.2f} "
        f"{row['content_s']:7.3f} {row['total_s']:6.2f} {rtf:5.3f}  {row['outcome']}"
    )


def print_summary(rows: list[dict]) -> None:
    """Pooled real-time factors (all files; answers that reached the recogniser) against the target."""
    done = [r for r in rows if "error" not in r]
    for label, subset in (("all files", done), ("scored answers", [r for r in done if r["scored"]])):
        audio = sum(r["audio_s"] for r in subset)
        total = sum(r["total_s"] for r in subset)
        if not audio:
            continue
        rtf = total / audio
        verdict = "meets" if rtf <= TARGET_RTF else "MISSES"
        print(
            f"pooled whole-answer RTF, {label} ({len(subset)}): {total:.2f} s for {audio:.1f} s of audio = "
            f"{rtf:.3f}  (target ≤ {TARGET_RTF} on 2 cores: {verdict})"
        )
    for stage in ("decode_s", "vad_s", "asr_s", "content_s"):
        print(f"  {stage[:-2]:8} {sum(r[stage] for r in done):7.2f} s in all")


if __name__ == "__main__":
    raise SystemExit(main())
