"""Benchmark the speech recogniser on real Mandarin clips: load time, seconds, real-time factor and CER."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ml.asr import load_asr_engine  # noqa: E402
from ml.audio import SAMPLE_RATE, MediaError, decode_audio  # noqa: E402
from ml.text import cer, normalise  # noqa: E402

DEFAULT_FIXTURES = REPO.parent / "shared" / "fixtures" / "audio"
DEFAULT_CACHE = Path.home() / ".cache" / "qingpin"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES, help="folder with references.json")
    parser.add_argument("--engine", default="faster-whisper", choices=["faster-whisper", "paddlespeech"])
    parser.add_argument("--model-dir", type=Path, default=None, help="local model (required for paddlespeech)")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--cpu-threads", type=int, default=2)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    engine = load_asr_engine(
        args.engine, cache_dir=args.cache_dir, model_dir=args.model_dir, cpu_threads=args.cpu_threads
    )
    print(f"engine {engine.name}: model load {time.perf_counter() - started:.2f} s")
    return report_cer(engine, args.fixtures)


def report_cer(engine, fixtures: Path) -> int:
    """Transcribe every clip of `fixtures` (references.json) with a loaded engine; print CER and RTF per clip."""
    references_path = fixtures / "references.json"
    if not references_path.is_file():
        print(f"no references.json in {fixtures}", file=sys.stderr)
        return 2
    references = json.loads(references_path.read_text(encoding="utf-8"))
    engine.transcribe(decode_audio(fixtures / next(iter(references))))  # first call pays one-off setup

    print(f"{'clip':34} {'audio_s':>7} {'asr_s':>6} {'rtf':>5} {'cer':>5}  transcript")
    total_audio = total_asr = 0.0
    errors = ref_chars = 0
    for name, entry in references.items():
        try:
            samples = decode_audio(fixtures / name)
        except MediaError as exc:
            print(f"{name:34} unreadable ({exc.reason}): {exc}")
            continue
        seconds = samples.size / SAMPLE_RATE
        started = time.perf_counter()
        transcript = engine.transcribe(samples)
        elapsed = time.perf_counter() - started
        rate = cer(entry["reference"], transcript.text)
        total_audio += seconds
        total_asr += elapsed
        errors += round(rate * len(normalise(entry["reference"])))
        ref_chars += len(normalise(entry["reference"]))
        print(f"{name:34} {seconds:7.1f} {elapsed:6.2f} {elapsed / seconds:5.2f} {rate:5.2f}  {transcript.text}")

    if total_audio:
        print(
            f"summary: {len(references)} clips, {total_audio:.1f} s audio in {total_asr:.2f} s, "
            f"RTF {total_asr / total_audio:.2f}, pooled CER {errors / max(ref_chars, 1):.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
