"""Agreement statistics (known answers) and calibration of scorer weights to human scores."""
from __future__ import annotations

import json

import numpy as np
import pytest

from ml.agreement import (
    TOO_FEW_PAIRS,
    ZERO_VARIANCE,
    agreement_by_competency,
    agreement_report,
    calibrate,
    fit_nonnegative_ridge,
    icc_2_1,
    mean_bias,
    nnls,
    rank_average,
    spearman_rho,
    to_band,
    weighted_kappa,
)

# Shrout & Fleiss (1979), table 2: 6 subjects (rows) × 4 judges (columns).
SHROUT_FLEISS = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]


# --- ICC(2,1) -----------------------------------------------------------------------------------------


def test_icc_2_1_on_the_shrout_fleiss_table_by_hand():
    rows, n, k = SHROUT_FLEISS, 6, 4
    grand = sum(map(sum, rows)) / (n * k)  # 5.291666…
    row_means = [sum(r) / k for r in rows]
    col_means = [sum(r[j] for r in rows) / n for j in range(k)]
    bms = k * sum((m - grand) ** 2 for m in row_means) / (n - 1)
    jms = n * sum((m - grand) ** 2 for m in col_means) / (k - 1)
    total = sum((x - grand) ** 2 for r in rows for x in r)
    ems = (total - bms * (n - 1) - jms * (k - 1)) / ((n - 1) * (k - 1))
    # The mean squares printed in the paper.
    assert (round(bms, 2), round(jms, 2), round(ems, 2)) == (11.24, 32.49, 1.02)
    by_hand = (bms - ems) / (bms + (k - 1) * ems + k * (jms - ems) / n)
    result = icc_2_1(SHROUT_FLEISS)
    assert result.reason is None
    assert result.value == pytest.approx(by_hand, rel=1e-12)
    assert round(result.value, 2) == 0.29  # the paper's ICC(2,1)


def test_icc_perfect_agreement_and_a_constant_offset():
    scores = [10, 35, 50, 72, 90]
    assert icc_2_1(np.column_stack([scores, scores])).value == pytest.approx(1.0)
    # Absolute agreement: a rater 10 points higher on everyone lowers ICC(2,1) below 1.
    assert icc_2_1(np.column_stack([scores, np.add(scores, 10)])).value < 1.0


def test_icc_undefined_cases():
    assert icc_2_1([[1, 2], [3, 4]]) == (None, TOO_FEW_PAIRS)
    assert icc_2_1([[50, 50], [50, 50], [50, 50]]) == (None, ZERO_VARIANCE)
    with pytest.raises(ValueError):
        icc_2_1([[1], [2], [3]])


# --- Spearman ------------------------------------------------------------------------------------------


def test_rank_average_shares_tied_ranks():
    assert rank_average([30, 10, 30, 20]).tolist() == [3.5, 1.0, 3.5, 2.0]


def test_spearman_known_answers():
    assert spearman_rho([1, 2, 3, 4], [10, 20, 30, 40]).value == pytest.approx(1.0)
    assert spearman_rho([1, 2, 3, 4], [9, 7, 5, 1]).value == pytest.approx(-1.0)
    # No ties: 1 − 6·Σd²/(n(n²−1)); d = (0, −1, 1, 0, 0) → 1 − 12/120 = 0.9.
    assert spearman_rho([1, 2, 3, 4, 5], [1, 3, 2, 4, 5]).value == pytest.approx(0.9)


def test_spearman_matches_scipy():
    stats = pytest.importorskip("scipy.stats")
    rng = np.random.default_rng(7)
    for _ in range(20):
        a = rng.integers(0, 10, size=15).astype(float)  # with ties
        b = a + rng.normal(0, 3, size=15)
        assert spearman_rho(a, b).value == pytest.approx(stats.spearmanr(a, b)[0], abs=1e-12)


def test_spearman_undefined_cases():
    assert spearman_rho([1, 2], [1, 2]) == (None, TOO_FEW_PAIRS)
    assert spearman_rho([5, 5, 5], [1, 2, 3]) == (None, ZERO_VARIANCE)
    with pytest.raises(ValueError):
        spearman_rho([1, 2, 3], [1, 2])


# --- weighted kappa -------------------------------------------------------------------------------------


def test_bands_of_0_to_100():
    assert [to_band(s) for s in (0, 19.9, 20, 39.9, 40, 60, 80, 99.9, 100)] == [0, 0, 1, 1, 2, 3, 4, 4, 4]
    with pytest.raises(ValueError):
        to_band(101)


def test_quadratic_weighted_kappa_by_hand():
    # Bands: AI 0,1,2,3,4; human 0,1,2,4,3. Both marginals uniform (1/5 each).
    ai = [10, 30, 50, 70, 90]
    human = [10, 30, 50, 90, 70]
    # Observed weighted disagreement: two cells of 1/5, each at distance 1 → 2 · (1/5) · (1/16) = 1/40.
    # Expected: Σ_ij (1/25)·(i−j)²/16, with Σ_ij (i−j)² = 100 over 0..4 → 100/400 = 1/4.
    # κ = 1 − (1/40)/(1/4) = 0.9.
    assert weighted_kappa(ai, human).value == pytest.approx(0.9)
    # Linear: observed 2·(1/5)·(1/4) = 1/10; expected Σ|i−j| = 40 → 40/100 = 2/5; κ = 1 − 1/4 = 0.75.
    assert weighted_kappa(ai, human, weights="linear").value == pytest.approx(0.75)


def _kappa_reference(a, b, k=5):
    """Quadratic weighted κ from counts, written out with plain loops (an independent re-derivation)."""
    n = len(a)
    ia, ib = [min(int(x // 20), 4) for x in a], [min(int(x // 20), 4) for x in b]
    observed = sum((i - j) ** 2 for i, j in zip(ia, ib)) / n
    expected = sum((i - j) ** 2 for i in ia for j in ib) / (n * n)
    return 1 - observed / expected


def test_quadratic_kappa_matches_a_reference_and_sklearn_when_available():
    rng = np.random.default_rng(3)
    a = rng.uniform(0, 100, 40)
    b = np.clip(a + rng.normal(0, 15, 40), 0, 100)
    assert weighted_kappa(a, b).value == pytest.approx(_kappa_reference(a.tolist(), b.tolist()))
    try:
        from sklearn.metrics import cohen_kappa_score
    except ImportError:
        return
    expected = cohen_kappa_score([to_band(x) for x in a], [to_band(x) for x in b], weights="quadratic")
    assert weighted_kappa(a, b).value == pytest.approx(expected)


def test_kappa_perfect_and_undefined():
    assert weighted_kappa([5, 25, 45, 65, 85], [15, 35, 55, 75, 95]).value == pytest.approx(1.0)
    assert weighted_kappa([61, 65, 70], [62, 79, 75]) == (None, ZERO_VARIANCE)  # all in one band
    assert weighted_kappa([10, 90], [10, 90]) == (None, TOO_FEW_PAIRS)


# --- bias and the report -----------------------------------------------------------------------------


def test_mean_bias_is_ai_minus_human():
    assert mean_bias([70, 80, 90], [60, 80, 85]).value == pytest.approx(5.0)
    assert mean_bias([1, 2], [1, 2]) == (None, TOO_FEW_PAIRS)


def test_agreement_report_has_n_and_all_four():
    pairs = [(80, 75), (60, 65), (40, 30), (90, 95), (20, 25), (None, 50), (70, None)]
    report = json.loads(json.dumps(agreement_report(pairs)))
    assert report["n"] == 5 and report["excluded"] == 2
    for key in ("spearman_rho", "icc_2_1", "weighted_kappa", "mean_bias"):
        assert report[key]["reason"] is None and isinstance(report[key]["value"], float)
    assert report["spearman_rho"]["value"] == pytest.approx(1.0)
    assert report["mean_bias"]["value"] == pytest.approx((5 - 5 + 10 - 5 - 5) / 5)


@pytest.mark.parametrize(
    "pairs, reason",
    [
        ([], TOO_FEW_PAIRS),
        ([(50, 60)], TOO_FEW_PAIRS),
        ([(50, 60), (70, 80)], TOO_FEW_PAIRS),
        ([(50, 60), (70, 80), (None, 20)], TOO_FEW_PAIRS),
    ],
)
def test_agreement_report_with_too_few_pairs(pairs, reason):
    report = agreement_report(pairs)
    for key in ("spearman_rho", "icc_2_1", "weighted_kappa", "mean_bias"):
        assert report[key] == {"value": None, "reason": reason}


def test_agreement_report_with_zero_variance():
    report = agreement_report([(50, 40), (50, 60), (50, 45)])
    assert report["spearman_rho"] == {"value": None, "reason": ZERO_VARIANCE}
    assert report["weighted_kappa"]["reason"] is None  # bands 2 vs 2,3,2: still defined
    assert report["mean_bias"]["value"] == pytest.approx(50 - (40 + 60 + 45) / 3, abs=1e-4)
    same = agreement_report([(50, 50), (50, 50), (50, 50)])
    assert same["icc_2_1"] == {"value": None, "reason": ZERO_VARIANCE}
    assert same["weighted_kappa"] == {"value": None, "reason": ZERO_VARIANCE}
    assert same["mean_bias"]["value"] == 0.0


def test_agreement_by_competency():
    out = agreement_by_competency({"沟通能力": [(80, 75), (60, 65), (40, 30)], "风险意识": []})
    assert out["沟通能力"]["n"] == 3 and out["风险意识"]["n"] == 0


# --- non-negative ridge and calibration ----------------------------------------------------------------


def test_nnls_matches_scipy():
    optimize = pytest.importorskip("scipy.optimize")
    rng = np.random.default_rng(11)
    for _ in range(20):
        A = rng.normal(size=(12, 5))
        b = rng.normal(size=12)
        ours = nnls(A, b)
        theirs = optimize.nnls(A, b)[0]
        assert np.linalg.norm(A @ ours - b) == pytest.approx(np.linalg.norm(A @ theirs - b), abs=1e-9)
        assert np.allclose(ours, theirs, atol=1e-8)


def test_ridge_weights_are_nonnegative_and_satisfy_the_kkt_conditions():
    rng = np.random.default_rng(5)
    X = rng.uniform(0, 100, size=(40, 4))
    y = X @ np.array([0.7, -0.4, 0.3, 0.0]) + rng.normal(0, 2, 40)
    alpha = 50.0
    w = fit_nonnegative_ridge(X, y, alpha)
    assert np.all(w >= 0)
    grad = X.T @ (X @ w - y) + alpha * w  # half the gradient of ‖Xw − y‖² + α‖w‖²
    scale = np.abs(X.T @ y).max()
    assert np.all(np.abs(grad[w > 0]) < 1e-8 * scale)
    assert np.all(grad[w == 0] > -1e-8 * scale)
    assert w[1] == 0.0  # the negative true weight is clamped


def test_ridge_recovers_nonnegative_weights_and_shrinks_with_alpha():
    rng = np.random.default_rng(1)
    X = rng.uniform(0, 100, size=(60, 3))
    true = np.array([0.6, 0.3, 0.1])
    y = X @ true
    assert fit_nonnegative_ridge(X, y, 0.0) == pytest.approx(true, abs=1e-9)
    norms = [np.linalg.norm(fit_nonnegative_ridge(X, y, a)) for a in (0.0, 1e3, 1e5, 1e7)]
    assert norms == sorted(norms, reverse=True)
    with pytest.raises(ValueError):
        fit_nonnegative_ridge(X, y, -1.0)


def _data(rng, n, true, noise):
    X = rng.uniform(0, 100, size=(n, true.size))
    return X, np.clip(X @ true + rng.normal(0, noise, n), 0, 100)


def test_calibrate_adopts_weights_that_agree_better_on_held_out_data():
    rng = np.random.default_rng(2)
    true = np.array([0.6, 0.3, 0.1])
    result = calibrate(_data(rng, 80, true, 3.0), _data(rng, 40, true, 3.0), [0.1, 0.1, 0.8], alpha=1.0)
    assert result.adopt is True
    assert result.new_weights == pytest.approx(true.tolist(), abs=0.05)
    for key in ("spearman_rho", "icc_2_1"):
        assert result.new_agreement[key]["value"] > result.old_agreement[key]["value"]
    assert json.loads(json.dumps(result.to_dict()))["adopt"] is True


def test_calibrate_keeps_the_current_weights_when_they_already_agree():
    rng = np.random.default_rng(4)
    true = np.array([0.6, 0.3, 0.1])
    X_test = rng.uniform(0, 100, size=(30, 3))
    test = (X_test, X_test @ true)  # the current weights agree perfectly: nothing can improve on them
    result = calibrate(_data(rng, 20, true, 20.0), test, true, alpha=1e4)
    assert result.adopt is False
    assert result.old_agreement["spearman_rho"]["value"] == pytest.approx(1.0)
    assert "does not improve" in result.reason


def test_calibrate_does_not_adopt_when_agreement_is_undefined():
    rng = np.random.default_rng(6)
    X_test = rng.uniform(0, 100, size=(10, 2))
    test = (X_test, np.full(10, 50.0))  # human scores without variance
    result = calibrate(_data(rng, 20, np.array([0.5, 0.5]), 1.0), test, [0.2, 0.2])
    assert result.adopt is False
    assert result.new_agreement["spearman_rho"] == {"value": None, "reason": ZERO_VARIANCE}
