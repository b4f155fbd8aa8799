"""Voice activity: where a recording holds speech, using the Silero VAD that faster-whisper ships."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ml.audio import SAMPLE_RATE

# Silero settings for measuring speech and pauses (not for cutting audio for the recogniser,
# which faster-whisper does itself): a short minimum silence so pauses between sentences show
# up as gaps, little padding so speech time is not inflated.
VAD_THRESHOLD = 0.5
VAD_MIN_SILENCE_MS = 300
VAD_MIN_SPEECH_MS = 120
VAD_SPEECH_PAD_MS = 60


@dataclass(frozen=True)
class SpeechSpan:
    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start


def detect_speech(
    samples: np.ndarray,
    *,
    threshold: float = VAD_THRESHOLD,
    min_silence_ms: int = VAD_MIN_SILENCE_MS,
    min_speech_ms: int = VAD_MIN_SPEECH_MS,
    speech_pad_ms: int = VAD_SPEECH_PAD_MS,
) -> list[SpeechSpan]:
    """Speech spans (seconds) in 16 kHz mono samples; empty for silence and noise."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    samples = np.ascontiguousarray(samples, dtype=np.float32).reshape(-1)
    if samples.size < SAMPLE_RATE // 10:
        return []
    options = VadOptions(
        threshold=threshold,
        min_silence_duration_ms=min_silence_ms,
        min_speech_duration_ms=min_speech_ms,
        speech_pad_ms=speech_pad_ms,
    )
    stamps = get_speech_timestamps(samples, options, sampling_rate=SAMPLE_RATE)
    return [SpeechSpan(s["start"] / SAMPLE_RATE, s["end"] / SAMPLE_RATE) for s in stamps]


def speech_seconds(spans: list[SpeechSpan]) -> float:
    """Total speech time."""
    return sum(s.seconds for s in spans)


def pauses_between(spans: list[SpeechSpan]) -> list[float]:
    """Silences between consecutive speech spans, in seconds (leading/trailing silence excluded)."""
    return [b.start - a.end for a, b in zip(spans, spans[1:]) if b.start > a.end]


def group_speech(spans: list[SpeechSpan], *, max_seconds: float) -> list[tuple[float, float]]:
    """Merge consecutive spans into stretches no longer than ``max_seconds`` (longer spans are split)."""
    stretches: list[tuple[float, float]] = []
    for span in spans:
        start = span.start
        while span.end - start > max_seconds:
            stretches.append((start, start + max_seconds))
            start += max_seconds
        if stretches and span.end - stretches[-1][0] <= max_seconds and start == span.start:
            stretches[-1] = (stretches[-1][0], span.end)
        else:
            stretches.append((start, span.end))
    return stretches
