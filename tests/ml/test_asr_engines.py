"""Speech recognisers: the Whisper model assembled from PyPI, real transcription, and PaddleSpeech."""
from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path

import pytest

import ml.asr as asr
from ml.asr import (
    WHISPER_BASE_SHA256,
    AsrEngine,
    AsrUnavailable,
    PaddleSpeechEngine,
    ensure_whisper_model,
    load_asr_engine,
)
from ml.audio import decode_audio
from ml.text import cer, edit_distance, normalise, to_simplified


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_whisper_model_is_assembled_verified_and_reused(tmp_path, monkeypatch):
    model_dir = ensure_whisper_model(tmp_path)
    model = model_dir / "model.bin"
    assert model_dir == tmp_path / "whisper-base-ct2"
    assert {p.name for p in model_dir.iterdir()} >= {"model.bin", "config.json", "tokenizer.json", "vocabulary.json"}
    assert _sha256(model) == WHISPER_BASE_SHA256
    assert not [p for p in model_dir.iterdir() if p.name.startswith(".")], "temporary files left behind"

    # A second start trusts the size+mtime stamp instead of hashing 145 MB again.
    def no_hashing(path):
        raise AssertionError(f"re-hashed {path}")

    monkeypatch.setattr(asr, "_sha256_of", no_hashing)
    assert ensure_whisper_model(tmp_path) == model_dir
    monkeypatch.undo()

    # A corrupted cache is detected and rebuilt from the packages.
    with model.open("r+b") as handle:
        handle.seek(1_000_000)
        handle.write(b"\0" * 4096)
    ensure_whisper_model(tmp_path)
    assert _sha256(model) == WHISPER_BASE_SHA256


def test_checksum_mismatch_makes_whisper_unavailable(tmp_path):
    with pytest.raises(AsrUnavailable, match="checksum mismatch"):
        ensure_whisper_model(tmp_path, expected_sha256="0" * 64)
    assert not (tmp_path / "whisper-base-ct2" / "model.bin").exists()


def test_cer_is_low_on_clean_real_speech(whisper_engine, audio_dir):
    """Clean real clips are recognised almost word for word. Whisper's int8 decoding differs slightly between CPUs (on
    some machines funasr_example_0's brand name 达摩院 comes out as 打模样), so the bound is the pooled CER of the clean
    clips, not zero per clip: one misheard name passes, a broken decoder or a wrong language does not."""
    import json

    references = json.loads((audio_dir / "references.json").read_text(encoding="utf-8"))
    errors = characters = 0
    for clip in ("funasr_example_0.wav", "funasr_example_1.wav"):
        reference = references[clip]["reference"]
        heard = whisper_engine.transcribe(decode_audio(audio_dir / clip)).text
        errors += round(cer(reference, heard) * len(reference))
        characters += len(reference)
        assert cer(reference, heard) <= 0.2, (clip, heard)
    assert errors / characters <= 0.1, errors / characters


def test_transcript_shape(whisper_engine, corpus_results):
    assert isinstance(whisper_engine, AsrEngine)
    transcript = corpus_results["q1_strong.wav"][0].transcript
    assert transcript.engine == "faster-whisper" and transcript.language == "zh"
    assert transcript.duration == pytest.approx(35.58, abs=0.05)
    assert to_simplified(transcript.text) == transcript.text
    starts = [s.start for s in transcript.segments]
    assert starts == sorted(starts)
    for segment in transcript.segments:
        assert 0.0 <= segment.start <= segment.end <= transcript.duration + 0.5
        assert 0.0 <= segment.confidence <= 1.0
        assert segment.text
    assert "".join(s.text for s in transcript.segments) == transcript.text


@pytest.mark.parametrize("stem", ["q1_strong", "q2_average"])
def test_mp4_and_webm_transcribe_like_the_wav(corpus_results, corpus_items, stem):
    """A recording in a browser's or a phone's container is recognised about as well as the WAV it came from: measured
    against the corpus transcript, its error rate is at most 5 points above the WAV's (lossy AAC/Opus audio can move a
    few characters, which an exact comparison with the WAV's own transcript mistook for a regression)."""
    reference = normalise(corpus_items[f"{stem}.wav"]["transcript"])
    wav = edit_distance(reference, normalise(corpus_results[f"{stem}.wav"][0].transcript.text)) / len(reference)
    for container in ("mp4", "webm"):
        heard = normalise(corpus_results[f"{stem}.{container}"][0].transcript.text)
        assert edit_distance(reference, heard) / len(reference) <= wav + 0.05, (container, heard, wav)


def test_unknown_engine_is_unavailable(tmp_path):
    with pytest.raises(AsrUnavailable, match="unknown ASR engine"):
        load_asr_engine("kaldi", cache_dir=tmp_path)
    with pytest.raises(AsrUnavailable, match="model_dir"):
        load_asr_engine("paddlespeech", cache_dir=tmp_path)


def test_paddlespeech_without_model_or_package_is_unavailable(tmp_path):
    with pytest.raises(AsrUnavailable, match="model directory not found"):
        PaddleSpeechEngine(tmp_path / "absent")
    with pytest.raises(AsrUnavailable, match=r"conf/\*\.yaml"):
        PaddleSpeechEngine(tmp_path)
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "conformer.yaml").write_text("model: {}\n")
    (tmp_path / "exp").mkdir()
    (tmp_path / "exp" / "model.pdparams").write_bytes(b"")
    if importlib.util.find_spec("paddlespeech") is None:
        with pytest.raises(AsrUnavailable, match="paddlespeech is not installed"):
            PaddleSpeechEngine(tmp_path)
    else:
        with pytest.raises(AsrUnavailable):
            PaddleSpeechEngine(tmp_path)


PADDLESPEECH_MODEL_DIR = os.environ.get("QINGPIN_PADDLESPEECH_MODEL_DIR")


@pytest.mark.skipif(
    not PADDLESPEECH_MODEL_DIR,
    reason="QINGPIN_PADDLESPEECH_MODEL_DIR is not set (a local PaddleSpeech model: conf/*.yaml + *.pdparams)",
)
def test_paddlespeech_transcribes_real_speech(audio_dir, interview_dir):
    import json

    engine = load_asr_engine("paddlespeech", cache_dir=Path("."), model_dir=Path(PADDLESPEECH_MODEL_DIR))
    reference = json.loads((audio_dir / "references.json").read_text(encoding="utf-8"))["funasr_example_0.wav"]
    transcript = engine.transcribe(decode_audio(audio_dir / "funasr_example_0.wav"))
    assert transcript.engine == "paddlespeech" and not transcript.confidence_measured
    assert cer(reference["reference"], transcript.text) < 0.15
    long_answer = engine.transcribe(decode_audio(interview_dir / "q1_strong.wav"))
    assert len(long_answer.segments) >= 2 and long_answer.segments[-1].end > 30
