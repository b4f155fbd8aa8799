"""The pre-interview device check: is a short test recording loud enough, unclipped, and does it contain speech?"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from .audio import SAMPLE_RATE, MediaError, decode_audio
from .vad import detect_speech, speech_seconds

MAX_SECONDS = 20
TOO_QUIET_DBFS = -45.0  # the loudest 100 ms window of a normal voice at arm's length is far above this
CLIPPED_SHARE = 0.01  # more than 1 % of samples at full scale: the microphone is overdriven
MIN_SPEECH_SECONDS = 1.0


@dataclass
class DeviceCheck:
    readable: bool
    ok: bool
    reason: str | None  # unreadable | too_quiet | clipping | no_speech | None
    message: str
    seconds: float = 0.0
    peak_dbfs: float | None = None
    speech_dbfs: float | None = None
    clipped_share: float = 0.0
    speech_seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


def _dbfs(value: float) -> float:
    return round(20 * np.log10(max(value, 1e-9)), 1)


def check_recording(source: str | bytes) -> DeviceCheck:
    """Measure a test recording (a few seconds) and say, in Chinese, what to fix if anything."""
    try:
        samples = decode_audio(source, max_seconds=MAX_SECONDS)
    except MediaError as exc:
        return DeviceCheck(False, False, "unreadable", f"无法读取测试录音（{exc.reason}），请检查麦克风权限后重试")
    seconds = round(samples.size / SAMPLE_RATE, 2)
    frame = SAMPLE_RATE // 10
    usable = samples[: samples.size - samples.size % frame].reshape(-1, frame) if samples.size >= frame else samples.reshape(1, -1)
    loudest = float(np.sqrt((usable.astype(np.float64) ** 2).mean(axis=1)).max()) if samples.size else 0.0
    clipped = float((np.abs(samples) >= 0.999).mean()) if samples.size else 0.0
    speech = round(speech_seconds(detect_speech(samples)), 2)
    figures = dict(seconds=seconds, peak_dbfs=_dbfs(float(np.abs(samples).max()) if samples.size else 0.0),
                   speech_dbfs=_dbfs(loudest), clipped_share=round(clipped, 4), speech_seconds=speech)
    if figures["speech_dbfs"] < TOO_QUIET_DBFS:
        return DeviceCheck(True, False, "too_quiet", "声音太小：请靠近麦克风或检查是否静音", **figures)
    if clipped > CLIPPED_SHARE:
        return DeviceCheck(True, False, "clipping", "声音过大失真：请离麦克风稍远一些", **figures)
    if speech < MIN_SPEECH_SECONDS:
        return DeviceCheck(True, False, "no_speech", "没有检测到说话声：请在测试时朗读一句话", **figures)
    return DeviceCheck(True, True, None, "设备正常，可以开始面试", **figures)
