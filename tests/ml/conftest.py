"""Fixtures for the ml tests: the Whisper engine (loaded once), the corpus, and its scored answers."""
from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path
from typing import Callable, TypeVar

import numpy as np
import pytest

from ml.asr import AsrEngine, Transcript, load_asr_engine
from ml.audio import decode_audio
from ml.demo_job import demo_question_specs, load_demo_job
from ml.scoring import AnswerScore, score_answer, warm_up

T = TypeVar("T")
_RUN_FOLDER: list[Path] = []  # set by _run_folder below, for the whole session


@pytest.fixture(scope="session", autouse=True)
def _run_folder(tmp_path_factory, worker_id) -> None:
    """A folder of this test run shared by its xdist workers: the run's own basetemp (each worker's basetemp is a
    subfolder of it), which the next run does not use: pytest makes a new numbered one for every run."""
    base = tmp_path_factory.getbasetemp()
    folder = (base if worker_id == "master" else base.parent) / "computed-this-run"
    folder.mkdir(exist_ok=True)
    _RUN_FOLDER[:] = [folder]


def once_per_run(key: str, compute: Callable[[], T], folder: Path | None = None) -> T:
    """compute() once per test run, whichever xdist worker asks first; the other reads what it stored (JSON) instead
    of computing it again, waiting for it if it is being computed. Nothing is kept for a later run (see _run_folder):
    every run computes its own. Outside pytest (no folder), just compute()."""
    folder = folder or (_RUN_FOLDER[0] if _RUN_FOLDER else None)
    if folder is None:
        return compute()
    stored = folder / f"{key}.json"
    with open(folder / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if stored.is_file():
            return json.loads(stored.read_text(encoding="utf-8"))
        value = compute()
        partial = stored.with_suffix(".part")
        partial.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        partial.replace(stored)
        return value


MODEL_CACHE = Path(os.environ.get("QINGPIN_MODEL_CACHE", Path.home() / ".cache" / "qingpin"))

# Corpus files that the tests score with the real recogniser.
SCORED_FILES = [
    "q1_strong.wav", "q1_average.wav", "q1_weak.wav",
    "q2_strong.wav", "q2_average.wav", "q2_weak.wav",
    "q3_strong.wav", "q3_average.wav", "q3_weak.wav",
    "q1_strong_long_pauses.wav",
    "q1_strong.mp4", "q1_strong.webm", "q2_average.mp4", "q2_average.webm",
    "special_too_short.wav", "special_fillers.wav", "special_silence.wav",
    "special_noise.wav", "special_english.wav",
]


class CountingEngine:
    """Wraps an engine and counts how often the recogniser is called."""

    def __init__(self, inner: AsrEngine):
        self.inner = inner
        self.name = inner.name
        self.calls = 0

    def transcribe(self, samples: np.ndarray, **options) -> Transcript:
        self.calls += 1
        return self.inner.transcribe(samples, **options)


@pytest.fixture(scope="session")
def counting_engine():
    """Factory: wrap an engine so a test can tell whether the recogniser was called."""
    return CountingEngine


@pytest.fixture(scope="session")
def interview_dir(shared_dir) -> Path:
    return shared_dir / "fixtures" / "interview"


@pytest.fixture(scope="session")
def audio_dir(shared_dir) -> Path:
    return shared_dir / "fixtures" / "audio"


@pytest.fixture(scope="session")
def corpus(interview_dir) -> dict:
    return json.loads((interview_dir / "corpus.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus_items(corpus) -> dict[str, dict]:
    """Corpus entries by file name; container copies inherit question and expectation of their original."""
    items = {item["file"]: item for item in corpus["items"]}
    for item in items.values():
        if "same_as" in item:
            item.update({k: v for k, v in items[item["same_as"]].items() if k not in item and k != "file"})
    return items


@pytest.fixture(scope="session")
def question_specs(interview_dir):
    return demo_question_specs(load_demo_job(interview_dir / "corpus.json"))


@pytest.fixture(scope="session")
def whisper_engine():
    """The real faster-whisper engine, loaded once per test session."""
    engine = load_asr_engine("faster-whisper", cache_dir=MODEL_CACHE, cpu_threads=2)
    warm_up()
    return engine


@pytest.fixture(scope="session")
def corpus_results(interview_dir, corpus_items, question_specs, whisper_engine):
    """Every corpus file of SCORED_FILES scored once: file -> (AnswerScore, recogniser calls, seconds)."""
    import time

    results: dict[str, tuple[AnswerScore, int, float]] = {}
    for name in SCORED_FILES:
        samples = decode_audio(interview_dir / name)
        engine = CountingEngine(whisper_engine)
        started = time.perf_counter()
        score = score_answer(samples, question_specs[corpus_items[name]["question"]], engine)
        results[name] = (score, engine.calls, time.perf_counter() - started)
    return results


PUBLIC_CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "interview" / "corpus.json"


@pytest.fixture(scope="session")
def score_public_recording(whisper_engine):
    """Score a recording of the public corpus (tests/fixtures/interview) with the real recogniser, optionally degraded
    (ml.degrade.CONDITIONS), each (answer, condition) once per session: test_ranking and test_degraded both hear
    t1_weak clean, and recognised it twice."""
    from ml.degrade import CONDITIONS
    from ml.ranking import corpus_answers, load_corpus, question_dict
    from ml.scoring import QuestionSpec

    public = load_corpus(PUBLIC_CORPUS)
    specs = {qid: QuestionSpec.from_dict(question_dict(public, qid)) for qid in public["questions"]}
    answers = {a.id: a for a in corpus_answers(public)}
    scored: dict[tuple[str, str | None], AnswerScore] = {}

    def score(answer_id: str, condition: str | None = None) -> AnswerScore:
        if (answer_id, condition) not in scored:
            samples = decode_audio(PUBLIC_CORPUS.parent / answers[answer_id].audio)
            if condition:
                samples = CONDITIONS[condition](samples)
            scored[answer_id, condition] = score_answer(samples, specs[answers[answer_id].question], whisper_engine)
        return scored[answer_id, condition]

    return score

