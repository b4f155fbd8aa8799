"""Scores of degraded recordings against clean ones: does a candidate on a noisy line lose to one in a quiet room?

Every graded recording of the public interview corpus (strong, average, weak; ``--kinds`` for more) is scored clean
and in each condition of ``ml.degrade`` (pink noise at 10 dB SNR, a telephone line, 1.3x faster speech, an echoing
room), end to end as QingPin scores it (VAD, recogniser, homophone correction, content). Printed per condition:
- pairs across conditions: a better answer degraded against a worse answer clean (strong on the phone vs average in a
  quiet room), the share it still wins; the same pairs both clean for comparison;
- the mean change of a graded answer's score from clean, and how many were refused as insufficient evidence;
- the recogniser's CER against the corpus texts.
``--asr-cache FILE`` keeps the transcripts so a rerun after a scorer change takes a minute.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.ranking import DEFAULT_CORPUS, CachedEngine, corpus_specs  # noqa: E402
from ml.audio import SAMPLE_RATE, decode_audio  # noqa: E402
from ml.degrade import CONDITIONS  # noqa: E402
from ml.ranking import corpus_answers, load_corpus  # noqa: E402
from ml.scoring import SCORED, score_answer  # noqa: E402
from ml.text import cer, normalise  # noqa: E402


def score_conditions(corpus_path: Path, engine, kinds: list[str], conditions: list[str]) -> dict:
    """answer id -> condition ("clean" or a degradation) -> {score, status, reason, cer, level, question}."""
    corpus = load_corpus(corpus_path)
    specs = corpus_specs(corpus)
    out: dict[str, dict] = {}
    for answer in corpus_answers(corpus):
        if answer.kind not in kinds or not answer.audio:
            continue
        clean = decode_audio(corpus_path.parent / answer.audio)
        rows = out.setdefault(answer.id, {})
        for name in ["clean", *conditions]:
            samples = clean if name == "clean" else CONDITIONS[name](clean)
            started = time.perf_counter()
            result = score_answer(samples, specs[answer.question], engine)
            text = result.transcript.text if result.transcript else ""
            rows[name] = {"score": result.content_score if result.status == SCORED else None,
                          "status": result.status, "reason": result.reason, "level": answer.level,
                          "question": answer.question, "cer": cer(answer.text, text), "chars": len(normalise(answer.text)),
                          "seconds": samples.size / SAMPLE_RATE, "wall_s": time.perf_counter() - started}
            print(f"{answer.id:16} {name:12} {rows[name]['score']!s:>6} cer {rows[name]['cer']:.3f}", flush=True)
    return out


def cross_pairs(rows: dict, condition: str) -> tuple[int, int, list[str]]:
    """Pairs (better answer in ``condition``, worse answer clean) of the same question: how many the better one wins.
    A refused degraded answer (insufficient evidence: the candidate is asked to retake) counts as not winning."""
    wins = total = 0
    lost = []
    for a, by_a in rows.items():
        for b, by_b in rows.items():
            x, y = by_a[condition], by_b["clean"]
            if x["question"] != y["question"] or not x["level"] or not y["level"] or x["level"] <= y["level"]:
                continue
            total += 1
            if x["score"] is not None and y["score"] is not None and x["score"] > y["score"]:
                wins += 1
            else:
                lost.append(f"{a}[{condition}] {x['score']} <= {b}[clean] {y['score']}")
    return wins, total, lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--kinds", nargs="*", default=["strong", "average", "weak"])
    parser.add_argument("--conditions", nargs="*", default=list(CONDITIONS))
    parser.add_argument("--cache-dir", type=Path, default=Path.home() / ".cache" / "qingpin")
    parser.add_argument("--cpu-threads", type=int, default=2)
    parser.add_argument("--asr-cache", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None, help="write every score here")
    args = parser.parse_args(argv)

    from ml.asr import load_asr_engine
    from ml.scoring import warm_up

    engine = load_asr_engine("faster-whisper", cache_dir=args.cache_dir, cpu_threads=args.cpu_threads)
    warm_up()
    engine = CachedEngine(engine, args.asr_cache)
    rows = score_conditions(args.corpus, engine, args.kinds, args.conditions)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\n== {len(rows)} recordings ({', '.join(args.kinds)}), {args.corpus.name}")
    clean_wins, clean_total, _ = cross_pairs(rows, "clean")
    print(f"{'clean':12} better answer above worse: {clean_wins}/{clean_total}")
    for name in args.conditions:
        wins, total, lost = cross_pairs(rows, name)
        changes = [r[name]["score"] - r["clean"]["score"] for r in rows.values()
                   if r[name]["score"] is not None and r["clean"]["score"] is not None]
        refused = [a for a, r in rows.items() if r[name]["score"] is None]
        chars = sum(r[name]["chars"] for r in rows.values())
        pooled = sum(r[name]["cer"] * r[name]["chars"] for r in rows.values()) / chars
        clean_cer = sum(r["clean"]["cer"] * r["clean"]["chars"] for r in rows.values()) / chars
        mean = sum(changes) / len(changes) if changes else float("nan")
        print(f"{name:12} better answer {name} above worse answer clean: {wins}/{total}; score change from clean: "
              f"mean {mean:+.1f}, min {min(changes, default=float('nan')):+.1f}; refused {len(refused)}; "
              f"CER {clean_cer:.3f} -> {pooled:.3f}")
        for line in lost:
            print(f"   lost: {line}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
