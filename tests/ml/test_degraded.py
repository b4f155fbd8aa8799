"""A candidate on a noisy line must not lose to one in a quiet room (SCORING.md, principle 3): the degradations of
ml.degrade are what they say, and a strong recording degraded each way still scores above the average and weak
recordings of the same question heard clean, through the real recogniser (bench/degraded.py: the whole corpus)."""
from __future__ import annotations

import numpy as np
import pytest

from ml.audio import SAMPLE_RATE, decode_audio
from ml.degrade import CONDITIONS, add_noise, faster, reverb, telephone
from ml.scoring import SCORED

from tests.ml.test_ranking import CORPUS


@pytest.fixture(scope="module")
def clip():
    return decode_audio(CORPUS.parent / "t1_strong.ogg")


def _band_energy(x: np.ndarray, low: float, high: float) -> float:
    spectrum = np.abs(np.fft.rfft(x)) ** 2
    freqs = np.fft.rfftfreq(x.size, 1 / SAMPLE_RATE)
    return float(spectrum[(freqs >= low) & (freqs < high)].sum() / spectrum.sum())


def test_the_degradations_are_what_they_say(clip):
    noisy = add_noise(clip, 10.0)
    noise = noisy.astype(np.float64) - clip
    loud = np.sort(np.abs(clip))[clip.size // 2:]
    snr = 20 * np.log10(np.sqrt(np.mean(loud.astype(np.float64) ** 2)) / np.sqrt(np.mean(noise ** 2)))
    assert snr == pytest.approx(10.0, abs=0.5)
    phone = telephone(clip)
    assert _band_energy(clip, 4000, 8000) > 0.001 and _band_energy(phone, 4000, 8000) < 1e-4
    assert _band_energy(phone, 0, 250) < 1e-3
    fast = faster(clip, 1.3)
    assert fast.size / clip.size == pytest.approx(1 / 1.3, abs=0.01)
    echoing = reverb(clip)
    assert echoing.size == clip.size and not np.allclose(echoing, clip)
    for degrade in CONDITIONS.values():  # deterministic: the same input gives the same copy
        assert np.array_equal(degrade(clip), degrade(clip))


@pytest.mark.slow
def test_a_strong_answer_degraded_still_beats_the_average_and_weak_answers_heard_clean(score_public_recording):
    average, weak = score_public_recording("t1_average"), score_public_recording("t1_weak")
    assert average.status == weak.status == SCORED
    for condition in CONDITIONS:
        strong = score_public_recording("t1_strong", condition)
        assert strong.status == SCORED, (condition, strong.reason)
        assert strong.content_score > average.content_score > weak.content_score, \
            (condition, strong.content_score, average.content_score, weak.content_score)
