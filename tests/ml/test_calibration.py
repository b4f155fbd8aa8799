"""Calibration to human scores: feature choice, the deterministic split by interview, fitting, adopting and applying."""
from __future__ import annotations

import json

import numpy as np
import pytest

from ml.agreement import calibrate
from ml.calibration import (
    CONTENT_SCORE,
    MIN_INTERVIEWS,
    Sample,
    apply_weights,
    choose_features,
    feature_vector,
    fit_calibration,
    numeric_features,
    split_groups,
)


def test_numeric_features_keep_finite_numbers_only():
    assert numeric_features({"coverage": 0.5, "points": 3, "flag": True, "text": "x", "nan": float("nan"), "n": None}) == {
        "coverage": 0.5, "points": 3.0}
    assert numeric_features(None) == {}


def test_features_common_to_every_answer_else_the_content_score():
    with_features = [Sample("a", {"coverage": 0.5, "structure": 0.2}, 60, 60, 55),
                     Sample("b", {"coverage": 0.7, "structure": 0.1, "extra": 1}, 70, 70, 65)]
    assert choose_features(with_features) == ["coverage", "structure"]
    assert choose_features(with_features + [Sample("c", {}, 50, 50, 50)]) == [CONTENT_SCORE]
    assert choose_features([Sample("a", {"x": 1}, 1, 1, 1), Sample("b", {"y": 1}, 1, 1, 1)]) == [CONTENT_SCORE]


def test_feature_vectors_and_applied_weights():
    assert feature_vector({"a": 0.1, "b": 0.25}, 70, ["b", "a"]) == [25.0, 10.0]  # shares as percentages
    assert feature_vector({"a": 1}, 70, ["a", "b"]) is None
    assert feature_vector({}, 70, [CONTENT_SCORE]) == [70.0]
    assert feature_vector({}, None, [CONTENT_SCORE]) is None
    assert apply_weights({}, 80, [CONTENT_SCORE], {CONTENT_SCORE: 0.5}) == 40.0
    assert apply_weights({"a": 0.5, "b": 0.2}, 0, ["a", "b"], {"a": 0.6, "b": 0.4}) == 38.0
    assert apply_weights({"a": 1, "b": 1}, 0, ["a", "b"], {"a": 0.9, "b": 0.5}) == 100.0  # clipped like the scorer
    assert apply_weights({"a": 1}, 50, ["a", "b"], {"a": 1, "b": 1}) is None


def test_split_is_deterministic_disjoint_and_holds_out_enough_interviews():
    groups = [f"app-{i}" for i in range(12)]
    train, test = split_groups(groups, salt="job-1")
    assert (train, test) == split_groups(list(reversed(groups)) + groups, salt="job-1")  # order and repeats do not matter
    assert set(train) | set(test) == set(groups) and not set(train) & set(test)
    assert len(test) == 4
    assert len(split_groups(groups[:6], salt="job-1")[1]) == 3  # never fewer than three held out
    assert split_groups(groups, salt="job-2")[1] != test  # another job, another split


def _samples(rng, n_groups, weights, *, noise=2.0, current=None, per_group=2):
    samples = []
    for g in range(n_groups):
        for _ in range(per_group):
            x = rng.uniform(0, 100, size=len(weights))
            human = float(np.clip(x @ weights + rng.normal(0, noise), 0, 100))
            content = float(x.mean())
            samples.append(Sample(f"g{g}", {f"f{i}": float(v) / 100 for i, v in enumerate(x)}, content,
                                  content if current is None else current(x), human))
    return samples


def test_fit_adopts_weights_that_agree_better_than_the_scores_in_use():
    rng = np.random.default_rng(7)
    true = np.array([0.8, 0.2, 0.0])
    fit = fit_calibration(_samples(rng, 24, true), salt="job")
    assert fit.adopt is True
    assert fit.feature_names == ["f0", "f1", "f2"]
    assert [fit.weights[n] for n in fit.feature_names] == pytest.approx(true.tolist(), abs=0.05)
    assert fit.test_metrics["new"]["icc_2_1"]["value"] > fit.test_metrics["current"]["icc_2_1"]["value"]
    assert fit.split["train"]["interviews"] + fit.split["test"]["interviews"] == 24
    assert fit.train_metrics["n"] == fit.split["train"]["answers"]
    json.dumps(fit.__dict__)


def test_fit_does_not_adopt_when_the_scores_in_use_already_agree():
    rng = np.random.default_rng(8)
    true = np.array([0.5, 0.3, 0.2])
    # the scores in use are exactly what the humans gave (noise-free): nothing can beat them
    fit = fit_calibration(_samples(rng, 12, true, noise=0.0, current=lambda x: float(np.clip(x @ true, 0, 100))),
                          salt="job", alpha=1e5)
    assert fit.adopt is False
    assert "does not improve" in fit.reason


def test_content_score_only_calibration_corrects_a_bias():
    rng = np.random.default_rng(9)
    samples = []
    for g in range(9):
        content = float(rng.uniform(40, 100))
        samples.append(Sample(f"g{g}", {}, content, content, content * 0.7 + rng.normal(0, 1)))  # the AI is too generous
    fit = fit_calibration(samples, salt="job")
    assert fit.feature_names == [CONTENT_SCORE]
    assert fit.weights[CONTENT_SCORE] == pytest.approx(0.7, abs=0.03)
    # a rescaling keeps the ranking (ρ equal) and improves absolute agreement: adopted
    assert fit.test_metrics["new"]["spearman_rho"]["value"] == pytest.approx(fit.test_metrics["current"]["spearman_rho"]["value"])
    assert fit.adopt is True


def test_fit_needs_enough_interviews():
    rng = np.random.default_rng(1)
    with pytest.raises(ValueError, match=str(MIN_INTERVIEWS)):
        fit_calibration(_samples(rng, MIN_INTERVIEWS - 1, np.array([1.0]), per_group=5), salt="job")


def test_calibrate_takes_either_current_weights_or_current_scores():
    X, y = np.eye(3) * 50, [10.0, 20.0, 30.0]
    with pytest.raises(ValueError):
        calibrate((X, y), (X, y))
    with pytest.raises(ValueError):
        calibrate((X, y), (X, y), [1, 1, 1], current_scores=[1, 2, 3])
    with pytest.raises(ValueError):
        calibrate((X, y), (X, y), current_scores=[1, 2])
    assert calibrate((X, y), (X, y), current_scores=[50, 50, 50]).old_agreement["spearman_rho"]["reason"] == "zero_variance"
