"""Video integrity flags for a human reviewer: "no face" and "more than one face".

What this module does, and all it does
--------------------------------------
It decodes an interview recording's video track with PyAV, samples about one frame per
second, downscales it to ~320 px wide, and counts frontal faces in it with OpenCV's bundled
Haar cascade. From those counts alone it derives two flags:

* ``no_face``        -- no face for a stretch longer than ``no_face_max_gap_s`` (10 s by
                        default), or in more than ``no_face_max_share`` (30 %) of the sampled time;
* ``multiple_faces`` -- more than one face in at least ``multiple_faces_min_frames`` (2)
                        sampled frames.

Each flag carries the time ranges (start/end seconds) and the frame counts as evidence.

What this module never does (COMPLIANCE.md, SCORING.md "Never")
--------------------------------------------------------------
There is NO emotion, facial-expression, stress, attention, gaze, personality,
attractiveness, age, gender or any other trait inference here, and none may be added: the
only per-frame feature is the number of faces (``INTEGRITY_FEATURES``). Faces are counted,
never identified, described or stored; no pixels leave this function. The flags go to a
human reviewer and never change a score -- nothing in ``ml.scoring`` reads them.

The module is pure ``ml/`` code: it imports nothing from ``backend/``.
"""
from __future__ import annotations

import io
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import av
import numpy as np

# The one and only feature taken from video frames. A test asserts the report holds nothing else.
INTEGRITY_FEATURES = ("face_count_per_sampled_frame",)

# Width frames are downscaled to before detection.
DETECT_WIDTH = 320
# Decode errors tolerated before the video track counts as unreadable.
_MAX_BAD_PACKETS = 8
# A video that decodes to less than this share of its declared length lost its tail in transit.
_TRUNCATED_SHARE = 0.9

_CASCADE_FILE = "haarcascade_frontalface_default.xml"
_cascade = None


class VideoUnreadable(ValueError):
    """The recording cannot be read as video; ``reason`` is a short human-readable cause."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Flag:
    """One integrity flag for a human reviewer. ``ranges`` are (start_s, end_s) pairs."""

    kind: str  # "no_face" | "multiple_faces"
    ranges: list[tuple[float, float]]
    detail: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "ranges": [[round(a, 2), round(b, 2)] for a, b in self.ranges],
            "detail": dict(self.detail),
        }


@dataclass
class IntegrityReport:
    """Face counts per sampled frame and the flags derived from them; nothing else."""

    frames_sampled: int
    seconds: float
    flags: list[Flag]
    video_present: bool
    sample_interval_s: float = 0.0
    # (time_s, face_count) for each sampled frame.
    face_counts: list[tuple[float, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "video_present": self.video_present,
            "seconds": round(self.seconds, 2),
            "frames_sampled": self.frames_sampled,
            "sample_interval_s": round(self.sample_interval_s, 3),
            "face_counts": [[round(t, 2), n] for t, n in self.face_counts],
            "flags": [f.to_dict() for f in self.flags],
            "features": list(INTEGRITY_FEATURES),
            "for_human_review_only": True,
        }


def check_video(
    source: str | os.PathLike | bytes,
    *,
    sample_every_s: float = 1.0,
    max_frames: int = 240,
    no_face_max_gap_s: float = 10.0,
    no_face_max_share: float = 0.30,
    multiple_faces_min_frames: int = 2,
) -> IntegrityReport:
    """Sample the video track about every ``sample_every_s`` seconds and flag integrity issues.

    At most ``max_frames`` frames are analysed: for a longer recording the interval widens so
    the samples still span the whole video. A file without a video track (audio only) gives
    ``video_present=False`` and no flags. Raises :class:`VideoUnreadable` for empty, garbage,
    truncated or undecodable media.
    """
    if sample_every_s <= 0:
        raise ValueError("sample_every_s must be positive")
    if max_frames < 1:
        raise ValueError("max_frames must be at least 1")
    stream = _open_source(source)
    try:
        try:
            container = av.open(stream, mode="r")
        except Exception as exc:  # av.FFmpegError, and damaged headers as UnicodeDecodeError etc.
            raise VideoUnreadable(f"not a readable audio/video file: {exc}") from exc
        with container:
            if not container.streams.video:
                seconds = _container_seconds(container) or 0.0
                return IntegrityReport(0, seconds, [], video_present=False)
            samples, seconds, interval = _sample_face_counts(
                container, sample_every_s=sample_every_s, max_frames=max_frames
            )
    except (av.FFmpegError, UnicodeDecodeError, EOFError, OverflowError) as exc:
        # Damage found while decoding. Anything else (an OpenCV or programming error) is ours and propagates:
        # it must not read as "the candidate's video is damaged".
        raise VideoUnreadable(f"the video is damaged: {type(exc).__name__}: {exc}") from exc
    finally:
        stream.close()

    flags = _derive_flags(
        samples,
        seconds=seconds,
        interval=interval,
        no_face_max_gap_s=no_face_max_gap_s,
        no_face_max_share=no_face_max_share,
        multiple_faces_min_frames=multiple_faces_min_frames,
    )
    return IntegrityReport(
        frames_sampled=len(samples),
        seconds=seconds,
        flags=flags,
        video_present=True,
        sample_interval_s=interval,
        face_counts=samples,
    )


# --------------------------------------------------------------------------- decoding


def _open_source(source: str | os.PathLike | bytes) -> BinaryIO:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if not data:
            raise VideoUnreadable("the recording is empty (0 bytes)")
        return io.BytesIO(data)
    path = Path(source)
    try:
        if path.stat().st_size == 0:
            raise VideoUnreadable(f"the recording is empty (0 bytes): {path.name}")
        return open(path, "rb")
    except FileNotFoundError as exc:
        raise VideoUnreadable(f"recording not found: {path}") from exc
    except OSError as exc:
        raise VideoUnreadable(f"cannot open recording {path}: {exc}") from exc


def _container_seconds(container: av.container.InputContainer) -> float | None:
    if container.duration and container.duration > 0:
        return container.duration / av.time_base
    return None


def _stream_seconds(vstream: av.video.stream.VideoStream) -> float | None:
    if vstream.duration and vstream.time_base and vstream.duration > 0:
        return float(vstream.duration * vstream.time_base)
    return None


def _sample_face_counts(
    container: av.container.InputContainer, *, sample_every_s: float, max_frames: int
) -> tuple[list[tuple[float, int]], float, float]:
    """Decode the first video track, counting faces in one frame per interval.

    Every packet has to go through the decoder (inter-coded H.264/VP8 frames depend on their
    predecessors), but only the sampled frames are scaled (to ~320 px, grey, in swscale) and
    converted to numpy; the others are dropped as soon as they are decoded.
    """
    vstream = container.streams.video[0]
    vstream.thread_type = "AUTO"
    declared = _stream_seconds(vstream) or _container_seconds(container)
    interval = sample_every_s
    if declared and declared / interval > max_frames:
        interval = declared / max_frames
    start = vstream.start_time * vstream.time_base if vstream.start_time is not None else 0

    samples: list[tuple[float, int]] = []
    next_t = 0.0
    last_t = 0.0
    frame_step = 0.0
    bad = 0
    decoded = 0
    for packet in container.demux(vstream):
        try:
            frames = packet.decode()
        except av.error.InvalidDataError:
            bad += 1
            if bad > _MAX_BAD_PACKETS:
                raise VideoUnreadable("the video track is corrupt") from None
            continue
        for frame in frames:
            decoded += 1
            if frame.pts is None:
                t = last_t + (frame_step or 0.0)
            else:
                t = float(frame.pts * frame.time_base - start)
            if decoded > 1 and t > last_t:
                frame_step = t - last_t
            last_t = max(last_t, t)
            if t + 1e-6 < next_t or len(samples) >= max_frames:
                continue
            samples.append((round(max(t, 0.0), 3), _count_faces(frame)))
            next_t = (math.floor(t / interval + 1e-6) + 1) * interval
    if decoded == 0:
        raise VideoUnreadable("the video track holds no decodable frames")

    # Duration of the video: declared length, else the last frame's time plus one frame.
    end_of_frames = last_t + (frame_step or 0.0)
    if declared and end_of_frames < declared * _TRUNCATED_SHARE - 1.0:
        raise VideoUnreadable(
            f"the video is cut off: {end_of_frames:.1f} s of {declared:.1f} s decoded (upload incomplete)"
        )
    seconds = declared if declared else end_of_frames
    return samples, float(seconds), float(interval)


def _detector():
    global _cascade
    if _cascade is None:
        import cv2

        path = os.path.join(cv2.data.haarcascades, _CASCADE_FILE)
        cascade = cv2.CascadeClassifier(path)
        if cascade.empty():
            raise RuntimeError(f"cannot load the OpenCV face cascade {path}")
        _cascade = cascade
    return _cascade


def _count_faces(frame: av.VideoFrame) -> int:
    """Number of frontal faces in the frame, on a ~320 px wide greyscale copy. Only a count."""
    import cv2

    w, h = frame.width, frame.height
    if w > DETECT_WIDTH:
        h = max(2, int(round(h * DETECT_WIDTH / w)))
        w = DETECT_WIDTH
    gray = frame.reformat(width=w, height=h, format="gray").to_ndarray()
    gray = np.ascontiguousarray(gray[:h, :w])
    gray = cv2.equalizeHist(gray)
    min_side = max(20, min(w, h) // 12)
    faces = _detector().detectMultiScale(
        gray, scaleFactor=1.1, minNeighbors=6, minSize=(min_side, min_side)
    )
    return int(len(faces))


# --------------------------------------------------------------------------- flags


def _runs(
    samples: list[tuple[float, int]], pred, *, interval: float, seconds: float
) -> list[tuple[float, float, int]]:
    """Consecutive sampled frames matching ``pred`` as (start_s, end_s, frame_count).

    A sampled frame at time t stands for [t, t + interval), clipped to the video's end.
    """
    runs: list[tuple[float, float, int]] = []
    cur: list[float] | None = None
    for t, n in samples:
        if pred(n):
            end = min(t + interval, seconds) if seconds > t else t + interval
            if cur is None:
                cur = [t, end, 1]
            else:
                cur[1] = end
                cur[2] += 1
        elif cur is not None:
            runs.append((cur[0], cur[1], int(cur[2])))
            cur = None
    if cur is not None:
        runs.append((cur[0], cur[1], int(cur[2])))
    return runs


def _derive_flags(
    samples: list[tuple[float, int]],
    *,
    seconds: float,
    interval: float,
    no_face_max_gap_s: float,
    no_face_max_share: float,
    multiple_faces_min_frames: int,
) -> list[Flag]:
    flags: list[Flag] = []
    n = len(samples)
    if n == 0:
        return flags

    no_face = _runs(samples, lambda c: c == 0, interval=interval, seconds=seconds)
    frames_without = sum(r[2] for r in no_face)
    share = frames_without / n
    longest = max((b - a for a, b, _ in no_face), default=0.0)
    if no_face and (longest > no_face_max_gap_s or share > no_face_max_share):
        flags.append(
            Flag(
                kind="no_face",
                ranges=[(a, b) for a, b, _ in no_face],
                detail={
                    "frames_without_face": frames_without,
                    "frames_sampled": n,
                    "share_of_sampled_time": round(share, 3),
                    "longest_gap_s": round(longest, 2),
                    "thresholds": {"max_gap_s": no_face_max_gap_s, "max_share": no_face_max_share},
                },
            )
        )

    multi = _runs(samples, lambda c: c > 1, interval=interval, seconds=seconds)
    frames_multi = sum(r[2] for r in multi)
    if frames_multi >= multiple_faces_min_frames:
        flags.append(
            Flag(
                kind="multiple_faces",
                ranges=[(a, b) for a, b, _ in multi],
                detail={
                    "frames_with_multiple_faces": frames_multi,
                    "frames_sampled": n,
                    "max_faces_in_a_frame": max(c for _, c in samples),
                    "thresholds": {"min_frames": multiple_faces_min_frames},
                },
            )
        )
    return flags
