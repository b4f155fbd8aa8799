"""Degraded copies of a recording, to check that the scores do not favour a quiet room (SCORING.md, principle 3).

A candidate on a noisy train, on a telephone-band connection, who speaks fast or in an echoing room, must not lose to one
in a quiet room for the sound alone. Each function returns a new 16 kHz mono float32 signal, deterministic for the same
input (noise is drawn from a generator seeded by the condition's name). Used by ``bench/degraded.py`` (the whole public
corpus) and ``tests/ml/test_degraded.py``; not by the scorer itself.
"""
from __future__ import annotations

import zlib

import av
import numpy as np

from ml.audio import SAMPLE_RATE


def _rng(name: str) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32(name.encode()))


def _rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x, dtype=np.float64)))) if x.size else 0.0


def _fit(x: np.ndarray) -> np.ndarray:
    """Float32 in [-1, 1] (scaled down only if the degradation pushed it past full scale)."""
    peak = float(np.max(np.abs(x))) if x.size else 0.0
    return (x / peak if peak > 1.0 else x).astype(np.float32)


def pink_noise(size: int, rng: np.random.Generator) -> np.ndarray:
    """Noise with a 1/f spectrum: the low rumble of a train, a street, a busy hall (more like them than white hiss)."""
    spectrum = np.fft.rfft(rng.standard_normal(size))
    freqs = np.fft.rfftfreq(size, 1 / SAMPLE_RATE)
    spectrum[1:] /= np.sqrt(freqs[1:])
    spectrum[0] = 0
    noise = np.fft.irfft(spectrum, size)
    return noise / (_rms(noise) or 1.0)


def add_noise(samples: np.ndarray, snr_db: float = 10.0) -> np.ndarray:
    """Pink noise at ``snr_db`` below the speech (the signal's RMS over its louder half, so pauses do not count)."""
    loud = np.sort(np.abs(samples))[samples.size // 2:]
    level = _rms(loud) or _rms(samples)
    noise = pink_noise(samples.size, _rng(f"noise{snr_db}")) * level / (10 ** (snr_db / 20))
    return _fit(samples + noise)


def telephone(samples: np.ndarray) -> np.ndarray:
    """A narrowband telephone line: 300-3400 Hz, 8 kHz sampling with G.711 μ-law 8-bit quantisation, back to 16 kHz."""
    spectrum = np.fft.rfft(samples.astype(np.float64))
    freqs = np.fft.rfftfreq(samples.size, 1 / SAMPLE_RATE)
    spectrum[(freqs < 300) | (freqs > 3400)] = 0
    band = np.fft.irfft(spectrum, samples.size)
    narrow = band[::2]  # band-limited below 4 kHz, so decimating by two aliases nothing
    peak = float(np.max(np.abs(narrow))) or 1.0
    x = narrow / peak
    mu = 255.0
    coded = np.round((np.sign(x) * np.log1p(mu * np.abs(x)) / np.log1p(mu)) * 127) / 127
    decoded = np.sign(coded) * np.expm1(np.abs(coded) * np.log1p(mu)) / mu * peak
    wide = np.zeros(samples.size)
    wide[::2] = decoded[: wide[::2].size]
    spectrum = np.fft.rfft(wide) * 2
    spectrum[freqs > 4000] = 0  # the interpolation's image above the old Nyquist frequency
    return _fit(np.fft.irfft(spectrum, samples.size))


def faster(samples: np.ndarray, tempo: float = 1.3) -> np.ndarray:
    """The same speech ``tempo`` times faster at the same pitch (ffmpeg's atempo, through PyAV)."""
    graph = av.filter.Graph()
    source = graph.add_abuffer(format="flt", sample_rate=SAMPLE_RATE, layout="mono", time_base=f"1/{SAMPLE_RATE}")
    atempo = graph.add("atempo", f"{tempo}")
    sink = graph.add("abuffersink")
    source.link_to(atempo)
    atempo.link_to(sink)
    graph.configure()
    frame = av.AudioFrame.from_ndarray(samples.astype(np.float32).reshape(1, -1), format="flt", layout="mono")
    frame.sample_rate = SAMPLE_RATE
    frame.pts = 0
    graph.push(frame)
    graph.push(None)
    out = []
    while True:
        try:
            out.append(graph.pull().to_ndarray().reshape(-1))
        except (av.error.BlockingIOError, av.error.EOFError):
            break
    return _fit(np.concatenate(out) if out else np.zeros(0, dtype=np.float32))


def reverb(samples: np.ndarray, rt60: float = 0.6, wet: float = 0.5) -> np.ndarray:
    """An echoing room: the speech convolved with a synthetic room response (direct sound, then exponentially decaying
    noise reaching -60 dB after ``rt60`` seconds), mixed ``wet`` against the dry speech."""
    length = int(rt60 * SAMPLE_RATE)
    t = np.arange(length) / SAMPLE_RATE
    tail = _rng(f"reverb{rt60}").standard_normal(length) * np.exp(-6.9078 * t / rt60)
    tail[: int(0.005 * SAMPLE_RATE)] = 0  # the first reflections arrive a few milliseconds after the direct sound
    tail /= np.sqrt(np.sum(tail ** 2)) or 1.0
    size = samples.size + length - 1
    n = 1 << (size - 1).bit_length()
    wet_signal = np.fft.irfft(np.fft.rfft(samples, n) * np.fft.rfft(tail, n), n)[: samples.size]
    wet_signal *= (_rms(samples) / (_rms(wet_signal) or 1.0))
    return _fit((1 - wet) * samples + wet * wet_signal)


CONDITIONS = {
    "noise_10db": add_noise,
    "telephone": telephone,
    "fast_1.3x": faster,
    "reverb_0.6s": reverb,
}
