"""The device check on real recordings: speech passes, silence and noise and quiet input are told apart, garbage is unreadable."""
from __future__ import annotations

import io
import wave

import numpy as np

from ml.device_check import check_recording


def _wav(samples: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1), out.setsampwidth(2), out.setframerate(16000)
        out.writeframes((np.clip(samples, -1, 1) * 32767).astype(np.int16).tobytes())
    return buffer.getvalue()


def test_speech_passes_and_silence_or_quiet_input_does_not(shared_dir):
    speech = (shared_dir / "fixtures" / "interview" / "q1_weak.wav").read_bytes()
    ok = check_recording(speech)
    assert ok.ok and ok.readable and ok.speech_seconds > 2 and ok.speech_dbfs > -45
    silent = check_recording((shared_dir / "fixtures" / "interview" / "special_silence.wav").read_bytes())
    assert not silent.ok and silent.reason == "too_quiet"
    noise = check_recording((shared_dir / "fixtures" / "interview" / "special_noise.wav").read_bytes())
    assert not noise.ok and noise.reason in ("no_speech", "clipping")


def test_clipping_and_unreadable():
    square = np.sign(np.sin(np.linspace(0, 2000 * np.pi, 16000 * 3))) * 1.0
    assert check_recording(_wav(square)).reason == "clipping"
    garbage = check_recording(b"not a recording at all" * 10)
    assert not garbage.readable and garbage.reason == "unreadable"
