"""What an uploaded media file really is: magic bytes first (never the name), then a cheap container probe."""
from __future__ import annotations

from pathlib import Path

from ..errors import Invalid, UnsupportedMedia

# (offset, magic, media type); the first bytes decide, never the file name.
_SIGNATURES = (
    (0, b"RIFF", "audio/wav"),  # checked for WAVE below
    (4, b"ftyp", "video/mp4"),  # mp4, m4a, mov
    (0, b"\x1a\x45\xdf\xa3", "video/webm"),  # EBML: webm / matroska
    (0, b"OggS", "audio/ogg"),
    (0, b"fLaC", "audio/flac"),
    (0, b"ID3", "audio/mpeg"),
)


def sniff_media_type(head: bytes) -> str | None:
    for offset, magic, media_type in _SIGNATURES:
        if head[offset:offset + len(magic)] == magic:
            if media_type == "audio/wav" and head[8:12] != b"WAVE":
                return None
            return media_type
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return "audio/mpeg"  # MPEG audio frame sync
    return None


def check_media_file(path: Path) -> str:
    """Return the media type of a recorded answer, or refuse it with a clear 4xx."""
    size = path.stat().st_size
    if size == 0:
        raise Invalid("the uploaded file is empty", reason="empty_file")
    with path.open("rb") as fh:
        media_type = sniff_media_type(fh.read(16))
    if media_type is None:
        raise UnsupportedMedia(
            "the file is not a supported audio or video recording (wav, mp4, m4a, webm, ogg, flac, mp3)",
            reason="unsupported_media",
        )
    _probe(path)
    return media_type


def _probe(path: Path) -> None:
    import av

    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise Invalid("the recording has no audio track", reason="no_audio_stream")
    except Invalid:
        raise
    except (av.error.FFmpegError, OSError, ValueError) as exc:  # truncated or corrupt containers
        raise Invalid(f"the recording cannot be read ({type(exc).__name__}); please record it again", reason="unreadable_media") from exc


def probe_seconds(path: Path) -> float | None:
    """The recording's duration from its container, without decoding (None when the container does not say)."""
    import av

    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if container.duration:
                return container.duration / av.time_base
            stream = container.streams.audio[0]
            if stream.duration and stream.time_base:
                return float(stream.duration * stream.time_base)
    except (av.error.FFmpegError, OSError, ValueError, IndexError):
        return None
    return None
