"""Decoding recordings to 16 kHz mono PCM, and refusing unusable media with a reason."""
from __future__ import annotations

import io

import av
import numpy as np
import pytest

from ml.audio import SAMPLE_RATE, MediaError, concat_segments, decode_audio


@pytest.mark.parametrize("stem", ["q1_strong", "q2_average"])
def test_wav_mp4_webm_decode_to_the_same_length(interview_dir, stem):
    decoded = {ext: decode_audio(interview_dir / f"{stem}.{ext}") for ext in ("wav", "mp4", "webm")}
    for samples in decoded.values():
        assert samples.dtype == np.float32 and samples.ndim == 1
        assert np.abs(samples).max() <= 1.0
    seconds = {ext: s.size / SAMPLE_RATE for ext, s in decoded.items()}
    assert seconds["mp4"] == pytest.approx(seconds["wav"], abs=0.1)
    assert seconds["webm"] == pytest.approx(seconds["wav"], abs=0.1)


def test_flac_and_bytes_decode_like_the_path(audio_dir):
    path = audio_dir / "speech_recognition_chinese.flac"
    from_path = decode_audio(path)
    assert from_path.size / SAMPLE_RATE == pytest.approx(0.96, abs=0.05)  # 48 kHz source resampled
    np.testing.assert_array_equal(decode_audio(path.read_bytes()), from_path)


def test_concat_segments_joins_in_order():
    a, b = np.ones(3, dtype=np.float32), np.zeros(2, dtype=np.float64)
    joined = concat_segments([a, b])
    assert joined.dtype == np.float32 and joined.tolist() == [1, 1, 1, 0, 0]
    assert concat_segments([]).size == 0


def _mp4_without_audio() -> bytes:
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp4") as container:
        stream = container.add_stream("mpeg4", rate=10)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for _ in range(5):
            frame = av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), dtype=np.uint8), format="rgb24")
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return buffer.getvalue()


def _bad_media(interview_dir) -> dict[str, tuple[bytes, str]]:
    mp4 = (interview_dir / "q1_strong.mp4").read_bytes()
    wav = (interview_dir / "q1_strong.wav").read_bytes()
    webm = (interview_dir / "q1_strong.webm").read_bytes()
    return {
        "empty bytes": (b"", "empty"),
        "text bytes": ("这不是视频 not a video\n".encode() * 20, "unreadable"),
        "random bytes": (np.random.default_rng(7).bytes(4096), "unreadable"),
        "mp4 cut in half": (mp4[: len(mp4) // 2], "truncated"),
        "mp4 missing its last 100 bytes": (mp4[:-100], "truncated"),
        "mp4 cut inside the header": (mp4[:20], "truncated"),
        "wav cut in half": (wav[: len(wav) // 2], "truncated"),
        "webm cut in half": (webm[: len(webm) // 2], "truncated"),
        "video without audio": (_mp4_without_audio(), "no_audio_stream"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "empty bytes",
        "text bytes",
        "random bytes",
        "mp4 cut in half",
        "mp4 missing its last 100 bytes",
        "mp4 cut inside the header",
        "wav cut in half",
        "webm cut in half",
        "video without audio",
    ],
)
def test_unusable_media_raises_media_error_with_reason(interview_dir, case):
    data, reason = _bad_media(interview_dir)[case]
    with pytest.raises(MediaError) as caught:
        decode_audio(data)
    assert caught.value.reason == reason
    assert str(caught.value)


def test_files_on_disk_are_checked_too(tmp_path, interview_dir):
    text_as_mp4 = tmp_path / "answer.mp4"
    text_as_mp4.write_text("hello, I am a text file\n" * 50)
    empty = tmp_path / "empty.webm"
    empty.write_bytes(b"")
    truncated = tmp_path / "cut.mp4"
    truncated.write_bytes((interview_dir / "q2_average.mp4").read_bytes()[:30_000])
    cases = {text_as_mp4: "unreadable", empty: "empty", truncated: "truncated", tmp_path / "absent.mp4": "missing"}
    for path, reason in cases.items():
        with pytest.raises(MediaError) as caught:
            decode_audio(path)
        assert caught.value.reason == reason, path


def test_recordings_over_the_limit_are_refused(interview_dir):
    with pytest.raises(MediaError) as caught:
        decode_audio(interview_dir / "q1_strong.webm", max_seconds=10)
    assert caught.value.reason == "too_long"
