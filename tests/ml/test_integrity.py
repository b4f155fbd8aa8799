"""Video integrity flags (no face / more than one face): counts only, for a human, never a score."""
from __future__ import annotations

import ast
import functools
import time
from pathlib import Path

import av
import numpy as np
import pytest

import ml.integrity as integrity
from ml.integrity import INTEGRITY_FEATURES, Flag, IntegrityReport, VideoUnreadable, check_video

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "interview"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/fixtures/interview")


def _encode(path: Path, rgb: np.ndarray, *, seconds: int = 4, fps: int = 5, codec: str = "libx264") -> Path:
    """Encode a still RGB image as a few seconds of video with PyAV."""
    h, w = rgb.shape[:2]
    rgb = np.ascontiguousarray(rgb[: h - h % 2, : w - w % 2])
    with av.open(str(path), "w") as container:
        stream = container.add_stream(codec, rate=fps)
        stream.width, stream.height, stream.pix_fmt = rgb.shape[1], rgb.shape[0], "yuv420p"
        stream.options = {"preset": "ultrafast"} if codec == "libx264" else {"deadline": "realtime", "cpu-used": "8"}
        for i in range(seconds * fps):
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            frame.pts = i
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


@pytest.fixture(scope="module")
def face_videos(tmp_path_factory) -> dict[str, Path]:
    """One-face and two-face videos made from a real photograph shipped inside scikit-image."""
    data = pytest.importorskip("skimage.data")
    photo = data.astronaut()  # 512x512 RGB portrait, bundled in the scikit-image wheel
    crop = photo[0:240, 103:343]  # head and shoulders, face centred
    gap = np.full((crop.shape[0], 32, 3), 128, np.uint8)
    double = np.hstack([crop, gap, crop])  # the same person twice, side by side
    out = tmp_path_factory.mktemp("faces")
    return {
        "one.mp4": _encode(out / "one.mp4", crop),
        "two.mp4": _encode(out / "two.mp4", double),
        "one.webm": _encode(out / "one.webm", crop, codec="libvpx"),
        "two.webm": _encode(out / "two.webm", double, codec="libvpx"),
    }


@functools.lru_cache(maxsize=None)
def _corpus_report(name: str) -> IntegrityReport:
    """The corpus files are analysed once per test run with the default settings."""
    return check_video(CORPUS / name)


def _kinds(report: IntegrityReport) -> list[str]:
    return [f.kind for f in report.flags]


# --------------------------------------------------------------------------- corpus fixtures


@pytest.mark.parametrize("name", ["q1_strong.mp4", "q1_strong.webm"])
def test_test_pattern_video_has_no_face_for_its_whole_length(name):
    report = _corpus_report(name)
    assert report.video_present
    assert report.seconds == pytest.approx(36.5, abs=1.5)
    # About one sampled frame per second.
    assert abs(report.frames_sampled - report.seconds) <= 2
    assert all(n == 0 for _, n in report.face_counts)
    assert _kinds(report) == ["no_face"]
    flag = report.flags[0]
    assert len(flag.ranges) == 1
    start, end = flag.ranges[0]
    assert start == pytest.approx(0.0, abs=0.2)
    assert end == pytest.approx(report.seconds, abs=0.2)
    assert flag.detail["frames_without_face"] == report.frames_sampled
    assert flag.detail["frames_sampled"] == report.frames_sampled


def test_bytes_are_accepted_like_paths():
    data = (CORPUS / "q2_average.mp4").read_bytes()
    from_bytes = check_video(data)
    from_path = _corpus_report("q2_average.mp4")
    assert from_bytes.to_dict() == from_path.to_dict()


def test_audio_only_file_has_no_video_and_no_flags():
    report = _corpus_report("q1_strong.wav")
    assert report.video_present is False
    assert report.flags == []
    assert report.frames_sampled == 0
    assert report.face_counts == []
    assert report.seconds > 30


# --------------------------------------------------------------------------- faces


@pytest.mark.parametrize("ext", ["mp4", "webm"])
def test_single_face_raises_no_flag(face_videos, ext):
    report = check_video(face_videos[f"one.{ext}"])
    assert report.video_present
    assert report.frames_sampled >= 3
    assert [n for _, n in report.face_counts] == [1] * report.frames_sampled
    assert report.flags == []


@pytest.mark.parametrize("ext", ["mp4", "webm"])
def test_two_faces_raise_multiple_faces(face_videos, ext):
    report = check_video(face_videos[f"two.{ext}"])
    assert _kinds(report) == ["multiple_faces"]
    flag = report.flags[0]
    assert flag.detail["frames_with_multiple_faces"] >= 2
    assert flag.detail["max_faces_in_a_frame"] == 2
    (start, end), = flag.ranges
    assert start == pytest.approx(0.0, abs=0.2)
    assert end == pytest.approx(report.seconds, abs=0.3)


def test_sampling_is_about_one_frame_per_second_and_capped(face_videos):
    dense = check_video(face_videos["one.mp4"], sample_every_s=0.5)
    assert dense.frames_sampled == pytest.approx(8, abs=1)
    capped = check_video(CORPUS / "q1_strong.mp4", max_frames=10)
    assert capped.frames_sampled <= 10
    # The widened interval still spans the whole recording.
    assert capped.face_counts[-1][0] > capped.seconds * 0.8
    assert capped.sample_interval_s == pytest.approx(capped.seconds / 10, rel=0.01)


# --------------------------------------------------------------------------- flag rules


def _flags(counts: list[int], interval: float = 1.0) -> list[Flag]:
    samples = [(i * interval, n) for i, n in enumerate(counts)]
    return integrity._derive_flags(
        samples,
        seconds=len(counts) * interval,
        interval=interval,
        no_face_max_gap_s=10.0,
        no_face_max_share=0.30,
        multiple_faces_min_frames=2,
    )


def test_no_face_by_long_gap_even_below_the_share():
    counts = [1] * 40 + [0] * 11 + [1] * 49  # 11 s gap, 11 % of the time
    (flag,) = _flags(counts)
    assert flag.kind == "no_face"
    assert flag.ranges == [(40.0, 51.0)]
    assert flag.detail["longest_gap_s"] == 11.0


def test_no_face_by_share_of_short_gaps():
    counts = ([1] * 6 + [0] * 4) * 10  # 4 s gaps, 40 % of the time
    (flag,) = _flags(counts)
    assert flag.kind == "no_face"
    assert len(flag.ranges) == 10
    assert flag.detail["frames_without_face"] == 40


def test_short_absences_and_a_single_double_frame_are_not_flagged():
    counts = [1] * 20 + [0] * 5 + [1] * 10 + [2] + [1] * 64  # 5 % absent, one two-face frame
    assert _flags(counts) == []


def test_multiple_faces_needs_two_frames_and_reports_ranges():
    (flag,) = _flags([1] * 10 + [2] + [1] * 10 + [3, 2] + [1] * 10)
    assert flag.kind == "multiple_faces"
    assert flag.ranges == [(10.0, 11.0), (21.0, 23.0)]
    assert flag.detail["frames_with_multiple_faces"] == 3
    assert flag.detail["max_faces_in_a_frame"] == 3


# --------------------------------------------------------------------------- unreadable


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: b"", id="empty"),
        pytest.param(lambda: b"\x00\x13garbage, not a video" * 300, id="garbage"),
        pytest.param(lambda: (CORPUS / "q1_strong.mp4").read_bytes()[:2000], id="mp4-head"),
        pytest.param(lambda: (lambda b: b[: len(b) // 2])((CORPUS / "q1_strong.mp4").read_bytes()), id="mp4-half"),
        pytest.param(lambda: (lambda b: b[: len(b) // 2])((CORPUS / "q1_strong.webm").read_bytes()), id="webm-half"),
        pytest.param(lambda: (CORPUS / "q1_strong.webm").read_bytes()[:3000], id="webm-head"),
    ],
)
def test_unreadable_media_raises_video_unreadable(make):
    with pytest.raises(VideoUnreadable) as info:
        check_video(make())
    assert isinstance(info.value, ValueError)
    assert info.value.reason


def test_missing_file_is_unreadable(tmp_path):
    with pytest.raises(VideoUnreadable):
        check_video(tmp_path / "nope.mp4")


# --------------------------------------------------------------------------- compliance

FORBIDDEN = (
    "emotion", "expression", "smile", "attention", "gaze", "eye", "personality", "trait",
    "attractive", "beauty", "age", "gender", "stress", "mood", "sentiment", "engagement",
    "confidence", "nervous", "score",
)
ALLOWED_REPORT_KEYS = {
    "video_present", "seconds", "frames_sampled", "sample_interval_s", "face_counts", "flags",
    "features", "for_human_review_only",
}
ALLOWED_FLAG_KEYS = {"kind", "ranges", "detail"}
ALLOWED_DETAIL_KEYS = {
    "frames_without_face", "frames_sampled", "share_of_sampled_time", "longest_gap_s",
    "frames_with_multiple_faces", "max_faces_in_a_frame", "thresholds",
    "max_gap_s", "max_share", "min_frames",
}


def _all_keys(obj) -> set[str]:
    keys: set[str] = set()
    if isinstance(obj, dict):
        for k, v in obj.items():
            keys.add(k)
            keys |= _all_keys(v)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            keys |= _all_keys(v)
    return keys


def test_report_holds_only_face_counts_and_flags(face_videos):
    assert INTEGRITY_FEATURES == ("face_count_per_sampled_frame",)
    reports = [
        check_video(face_videos["two.mp4"]).to_dict(),
        _corpus_report("q1_strong.mp4").to_dict(),
        _corpus_report("q1_strong.wav").to_dict(),
    ]
    for d in reports:
        assert set(d) == ALLOWED_REPORT_KEYS
        assert d["features"] == list(INTEGRITY_FEATURES)
        assert d["for_human_review_only"] is True
        for flag in d["flags"]:
            assert set(flag) == ALLOWED_FLAG_KEYS
            assert flag["kind"] in {"no_face", "multiple_faces"}
        for t, n in d["face_counts"]:
            assert isinstance(t, float) and isinstance(n, int) and n >= 0
        keys = _all_keys(d)
        assert keys <= ALLOWED_REPORT_KEYS | ALLOWED_FLAG_KEYS | ALLOWED_DETAIL_KEYS
        for key in keys:
            for word in FORBIDDEN:
                assert word not in key.lower().split("_"), (key, word)
    # The dataclasses themselves carry no other field.
    assert set(IntegrityReport.__dataclass_fields__) == {
        "frames_sampled", "seconds", "flags", "video_present", "sample_interval_s", "face_counts",
    }
    assert set(Flag.__dataclass_fields__) == {"kind", "ranges", "detail"}


def test_module_imports_no_backend_and_uses_only_the_frontal_face_cascade():
    source = Path(integrity.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    assert not any(m == "backend" or m.startswith("backend.") for m in imported)
    assert not any("ml.scoring" in m for m in imported)
    # Only the face-presence cascade is loaded: no eye / smile cascades, no other models.
    assert source.count(".xml") == 1 and "haarcascade_frontalface_default.xml" in source
    assert "smile" not in source.split('"""', 2)[2]
    doc = integrity.__doc__.lower()
    for word in ("emotion", "expression", "attention", "gaze", "personality", "attractiveness"):
        assert word in doc  # the docstring says they are not done


def test_speed_per_minute_of_video():
    start = time.perf_counter()
    report = check_video(CORPUS / "q1_strong.webm")
    elapsed = time.perf_counter() - start
    per_minute = elapsed / report.seconds * 60
    assert per_minute < 10, f"{per_minute:.2f} s per minute of video"


def test_a_detector_failure_is_not_reported_as_a_damaged_video(face_videos, monkeypatch):
    """An error of our own (OpenCV, a bug) propagates: only decoding damage reads as VideoUnreadable."""

    def broken(frame):
        raise RuntimeError("cascade not loaded")

    monkeypatch.setattr(integrity, "_count_faces", broken)
    with pytest.raises(RuntimeError, match="cascade not loaded"):
        check_video(face_videos["one.mp4"])
