"""Decode interview recordings (wav, mp4, webm, m4a, flac) to 16 kHz mono float32 PCM with PyAV."""
from __future__ import annotations

import io
import os
import struct
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Iterable

import numpy as np

if TYPE_CHECKING:  # PyAV is imported where a recording is decoded, not by every importer of SAMPLE_RATE
    import av

SAMPLE_RATE = 16_000

# A recording that decodes to less than this share of its declared length lost its tail in transit.
_TRUNCATED_SHARE = 0.9
# Corrupt packets tolerated before the whole recording counts as unreadable.
_MAX_BAD_PACKETS = 8


class MediaError(Exception):
    """Unusable media; ``reason`` is a short machine code, ``str(e)`` a human message."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


def decode_audio(source: str | os.PathLike | bytes, *, max_seconds: float = 600) -> np.ndarray:
    """Decode the first audio stream of a file or bytes to float32 mono 16 kHz samples."""
    import av

    stream = _open_source(source)
    try:
        _check_iso_bmff_complete(stream)
        _check_riff_complete(stream)
        stream.seek(0)
        try:
            container = av.open(stream, mode="r")
        except av.FFmpegError as exc:
            raise MediaError("unreadable", f"not a readable audio/video file: {exc}") from exc
        with container:
            return _decode_container(container, max_seconds=max_seconds)
    except MediaError:
        raise
    except Exception as exc:
        # Damaged files also surface from PyAV as UnicodeDecodeError (tags), ValueError, EOFError...
        raise MediaError("unreadable", f"the recording is damaged: {type(exc).__name__}: {exc}") from exc
    finally:
        stream.close()


def concat_segments(segments: Iterable[np.ndarray]) -> np.ndarray:
    """Join the decoded segments of one answer into a single float32 signal."""
    parts = [np.asarray(s, dtype=np.float32).reshape(-1) for s in segments]
    if not parts:
        return np.zeros(0, dtype=np.float32)
    return np.concatenate(parts)


def _open_source(source: str | os.PathLike | bytes) -> BinaryIO:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if not data:
            raise MediaError("empty", "the recording is empty (0 bytes)")
        return io.BytesIO(data)
    path = Path(source)
    try:
        size = path.stat().st_size
        handle = path.open("rb")
    except FileNotFoundError as exc:
        raise MediaError("missing", f"recording not found: {path}") from exc
    except OSError as exc:
        raise MediaError("unreadable", f"cannot open recording {path}: {exc}") from exc
    if size == 0:
        handle.close()
        raise MediaError("empty", f"the recording is empty (0 bytes): {path.name}")
    return handle


def _check_iso_bmff_complete(stream: BinaryIO) -> None:
    """Raise ``truncated`` when an mp4/m4a's top-level boxes run past the end of the data.

    An interrupted upload of an mp4 whose ``moov`` box comes last otherwise only
    surfaces as FFmpeg's vague "moov atom not found".
    """
    stream.seek(0, io.SEEK_END)
    total = stream.tell()
    stream.seek(0)
    header = stream.read(8)
    if len(header) < 8 or header[4:8] != b"ftyp":
        return
    offset = 0
    seen_moov = False
    while offset < total:
        stream.seek(offset)
        header = stream.read(8)
        if len(header) < 8:
            raise MediaError("truncated", "the mp4 recording is cut off (partial box header)")
        size, kind = struct.unpack(">I4s", header)
        if size == 1:
            large = stream.read(8)
            if len(large) < 8:
                raise MediaError("truncated", "the mp4 recording is cut off (partial box header)")
            size = struct.unpack(">Q", large)[0]
        elif size == 0:  # box extends to the end of the file
            size = total - offset
        if size < 8:
            raise MediaError("unreadable", f"the mp4 recording has a malformed {kind!r} box")
        if offset + size > total:
            raise MediaError(
                "truncated",
                f"the mp4 recording is cut off: box {kind.decode('latin-1')!r} needs "
                f"{offset + size} bytes, only {total} arrived",
            )
        seen_moov = seen_moov or kind == b"moov"
        offset += size
    if not seen_moov:
        raise MediaError("truncated", "the mp4 recording has no index (moov box): upload incomplete")


def _check_riff_complete(stream: BinaryIO) -> None:
    """Raise ``truncated`` when a WAV's ``data`` chunk announces more bytes than arrived."""
    stream.seek(0, io.SEEK_END)
    total = stream.tell()
    stream.seek(0)
    header = stream.read(12)
    if len(header) < 12 or header[:4] != b"RIFF" or header[8:12] != b"WAVE":
        return
    offset = 12
    while offset + 8 <= total:
        stream.seek(offset)
        kind, size = struct.unpack("<4sI", stream.read(8))
        if kind == b"data":
            # Streaming writers leave 0 or 0xFFFFFFFF when they never went back to fill the size in.
            if size not in (0, 0xFFFFFFFF) and offset + 8 + size > total:
                raise MediaError(
                    "truncated",
                    f"the wav recording is cut off: {size} bytes of audio announced, "
                    f"{total - offset - 8} arrived",
                )
            return
        offset += 8 + size + (size & 1)


def _decode_container(container: av.container.InputContainer, *, max_seconds: float) -> np.ndarray:
    import av

    if not container.streams.audio:
        raise MediaError("no_audio_stream", "the recording has no audio track")
    audio = container.streams.audio[0]
    declared = _declared_seconds(audio)
    announced = declared if declared is not None else _container_seconds(container)
    if announced is not None and announced > max_seconds + 1.0:
        raise MediaError("too_long", f"the recording lasts {announced:.0f} s, the limit is {max_seconds:.0f} s")

    resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
    chunks: list[np.ndarray] = []
    decoded = 0
    limit = int((max_seconds + 1.0) * SAMPLE_RATE)
    bad_packets = 0
    good_packets = 0
    try:
        for packet in container.demux(audio):
            try:
                frames = packet.decode()
            except av.error.InvalidDataError:
                bad_packets += 1
                if bad_packets > _MAX_BAD_PACKETS:
                    raise MediaError("unreadable", "the audio track is corrupt") from None
                continue
            good_packets += 1
            for frame in frames:
                for out in resampler.resample(frame):
                    chunk = out.to_ndarray().reshape(-1)
                    chunks.append(chunk)
                    decoded += chunk.size
            if decoded > limit:
                raise MediaError("too_long", f"the recording is longer than the {max_seconds:.0f} s limit")
        for out in resampler.resample(None):
            chunks.append(out.to_ndarray().reshape(-1))
    except av.FFmpegError as exc:
        raise MediaError("unreadable", f"the audio track cannot be decoded: {exc}") from exc

    samples = concat_segments(chunks)
    if good_packets == 0 or samples.size == 0:
        raise MediaError("empty", "the recording contains no audio samples")
    seconds = samples.size / SAMPLE_RATE
    if announced is not None and announced > 1.0 and seconds < announced * _TRUNCATED_SHARE:
        raise MediaError(
            "truncated", f"only {seconds:.1f} s of the announced {announced:.1f} s could be decoded"
        )
    return samples


def _declared_seconds(audio: av.audio.stream.AudioStream) -> float | None:
    """Length the container announces for the audio track, if it announces one."""
    if audio.duration is not None and audio.time_base is not None:
        return float(audio.duration * audio.time_base)
    return None


def _container_seconds(container: av.container.InputContainer) -> float | None:
    """Length of the whole container (webm from MediaRecorder often has none)."""
    import av

    if container.duration is None:
        return None
    return container.duration / av.time_base
