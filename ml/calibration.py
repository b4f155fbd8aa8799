"""Calibrating a job's answer scores to human scores: feature choice, a deterministic split by interview, fit and apply.

Each sample is one AI-scored answer that humans scored too: the scorer's stored features (or, without
them, its content score), the score in use now, and the mean human score. Stored features are 0–1
shares (``ml.scoring``) and enter as percentages, on the scale of the scores, so that one ridge
penalty treats every weight alike and a weight reads as the feature's share of the score. Interviews, not answers,
are split into training and held-out sets, so one candidate never sits on both sides.
``ml.agreement.calibrate`` fits the non-negative ridge weights and decides adoption.
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np

from ml.agreement import MIN_PAIRS, agreement_report, calibrate, predict

CALIBRATION_VERSION = "calibration-v1"
# Without stored features the scorer's content score is the one feature.
CONTENT_SCORE = "content_score"
FEATURE_SCALE = 100.0  # a 0–1 feature share as 0–100 points
TEST_SHARE = 1 / 3
# Both sides need enough interviews for the statistics to be defined.
MIN_INTERVIEWS = 2 * MIN_PAIRS
DEFAULT_ALPHA = 1.0


@dataclass(frozen=True)
class Sample:
    """One answer scored by the AI and by humans."""

    group: str  # the interview (application) it belongs to
    features: Mapping[str, float]  # the scorer's stored features; empty when it stored none
    content_score: float
    current_score: float  # the AI score in use now (calibrated with the adopted weights, if any)
    human_score: float


@dataclass
class Fit:
    feature_names: list[str]
    weights: dict[str, float]
    adopt: bool
    reason: str
    alpha: float
    train_metrics: dict
    test_metrics: dict  # {"current": report, "new": report}
    split: dict = field(default_factory=dict)


def numeric_features(features: Mapping | None) -> dict[str, float]:
    """The finite numbers of a stored features dict (flags, texts and nested values are not weights' inputs)."""
    out = {}
    for name, value in (features or {}).items():
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            out[str(name)] = float(value)
    return out


def choose_features(samples: Sequence[Sample]) -> list[str]:
    """The stored features every sample has, sorted; the content score alone when any sample has none."""
    common: set[str] | None = None
    for s in samples:
        names = set(numeric_features(s.features))
        common = names if common is None else common & names
    return sorted(common) if common else [CONTENT_SCORE]


def feature_vector(features: Mapping | None, content_score: float | None, names: Sequence[str]) -> list[float] | None:
    """The answer's values for ``names``; None when one is missing (the answer cannot be calibrated)."""
    if list(names) == [CONTENT_SCORE]:
        return None if content_score is None else [float(content_score)]
    values = numeric_features(features)
    if any(n not in values for n in names):
        return None
    return [values[n] * FEATURE_SCALE for n in names]


def apply_weights(features: Mapping | None, content_score: float | None, names: Sequence[str],
                  weights: Mapping[str, float]) -> float | None:
    """The calibrated 0–100 score of one answer, or None when it lacks a feature the weights need."""
    vector = feature_vector(features, content_score, names)
    if vector is None:
        return None
    return round(float(predict([vector], [weights[n] for n in names])[0]), 1)


def split_groups(groups: Sequence[str], *, salt: str, test_share: float = TEST_SHARE,
                 min_test: int = MIN_PAIRS) -> tuple[list[str], list[str]]:
    """A deterministic (train, test) split of interview ids: ordered by sha256(salt:id), the first ones held out."""
    unique = sorted(set(groups), key=lambda g: hashlib.sha256(f"{salt}:{g}".encode()).hexdigest())
    n_test = min(max(round(len(unique) * test_share), min_test), len(unique))
    return unique[n_test:], unique[:n_test]


def fit_calibration(samples: Sequence[Sample], *, salt: str, alpha: float = DEFAULT_ALPHA) -> Fit:
    """Fit weights on the training interviews, compare with the scores in use on the held-out ones."""
    groups = {s.group for s in samples}
    if len(groups) < MIN_INTERVIEWS:
        raise ValueError(f"calibration needs at least {MIN_INTERVIEWS} interviews, got {len(groups)}")
    names = choose_features(samples)
    train_groups, test_groups = split_groups(list(groups), salt=salt)
    held_out = set(test_groups)
    train = [s for s in samples if s.group not in held_out]
    test = [s for s in samples if s.group in held_out]

    def matrix(rows):
        return np.array([feature_vector(s.features, s.content_score, names) for s in rows], dtype=np.float64)

    result = calibrate(
        (matrix(train), [s.human_score for s in train]),
        (matrix(test), [s.human_score for s in test]),
        current_scores=[s.current_score for s in test],
        alpha=alpha,
    )
    train_pred = predict(matrix(train), result.new_weights)
    return Fit(
        feature_names=names,
        weights=dict(zip(names, result.new_weights)),
        adopt=result.adopt,
        reason=result.reason,
        alpha=result.alpha,
        train_metrics=agreement_report(list(zip(train_pred.tolist(), [s.human_score for s in train]))),
        test_metrics={"current": result.old_agreement, "new": result.new_agreement},
        split={
            "salt": salt,
            "version": CALIBRATION_VERSION,
            "train": {"interviews": len(train_groups), "answers": len(train)},
            "test": {"interviews": len(test_groups), "answers": len(test), "interview_ids": sorted(test_groups)},
        },
    )
