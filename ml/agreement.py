"""Agreement between AI and human scores, and calibrating scorer weights to human scores.

Per job and competency: Spearman ρ, ICC(2,1) (two-way random, absolute agreement, single rater),
weighted κ on five bands of 0–100, and mean bias (AI − human). A statistic that is not defined on
the data (fewer than three pairs, no variance) is None with the reason, never a made-up number.
Calibration fits non-negative ridge weights and adopts them only when held-out agreement improves:
ICC(2,1) (absolute agreement) must rise and Spearman ρ (ranking) must not fall.
Pure numpy (no scipy needed at run time).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, NamedTuple, Sequence

import numpy as np

AGREEMENT_VERSION = "agreement-v1"

MIN_PAIRS = 3
# Why a statistic has no value.
TOO_FEW_PAIRS = "too_few_pairs"
ZERO_VARIANCE = "zero_variance"


class Stat(NamedTuple):
    """A statistic's value, or None with the reason it is not defined on the data."""

    value: float | None
    reason: str | None = None

    def to_dict(self) -> dict:
        return {"value": None if self.value is None else round(self.value, 4), "reason": self.reason}


def _undefined(reason: str) -> Stat:
    return Stat(None, reason)


def _vector(values, what: str) -> np.ndarray:
    arr = np.asarray(values, dtype=np.float64).reshape(-1)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{what} must be finite numbers")
    return arr


def _pair(a, b) -> tuple[np.ndarray, np.ndarray]:
    x, y = _vector(a, "a"), _vector(b, "b")
    if x.size != y.size:
        raise ValueError(f"length mismatch: {x.size} vs {y.size}")
    return x, y


def rank_average(values) -> np.ndarray:
    """Ranks 1..n, ties sharing the mean of their ranks."""
    x = _vector(values, "values")
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(x.size, dtype=np.float64)
    sorted_x = x[order]
    i = 0
    while i < x.size:
        j = i
        while j + 1 < x.size and sorted_x[j + 1] == sorted_x[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return ranks


def spearman_rho(a, b) -> Stat:
    """Spearman's rank correlation (Pearson correlation of average ranks)."""
    x, y = _pair(a, b)
    if x.size < MIN_PAIRS:
        return _undefined(TOO_FEW_PAIRS)
    rx, ry = rank_average(x) - (x.size + 1) / 2.0, rank_average(y) - (y.size + 1) / 2.0
    denom = math.sqrt(float(rx @ rx) * float(ry @ ry))
    if denom <= 0:
        return _undefined(ZERO_VARIANCE)
    return Stat(float(np.clip(rx @ ry / denom, -1.0, 1.0)))


def icc_2_1(matrix) -> Stat:
    """ICC(2,1) of Shrout & Fleiss (1979): two-way random effects, absolute agreement, single rater.

    Rows are subjects, columns raters: (MSR − MSE) / (MSR + (k−1)·MSE + k·(MSC − MSE)/n).
    """
    m = np.asarray(matrix, dtype=np.float64)
    if m.ndim != 2 or m.shape[1] < 2:
        raise ValueError("ICC needs a subjects × raters matrix with at least two raters")
    if not np.all(np.isfinite(m)):
        raise ValueError("the matrix must hold finite numbers")
    n, k = m.shape
    if n < MIN_PAIRS:
        return _undefined(TOO_FEW_PAIRS)
    grand = m.mean()
    ss_rows = k * float(np.sum((m.mean(axis=1) - grand) ** 2))
    ss_cols = n * float(np.sum((m.mean(axis=0) - grand) ** 2))
    ss_total = float(np.sum((m - grand) ** 2))
    ss_err = max(ss_total - ss_rows - ss_cols, 0.0)
    msr = ss_rows / (n - 1)
    msc = ss_cols / (k - 1)
    mse = ss_err / ((n - 1) * (k - 1))
    denom = msr + (k - 1) * mse + k * (msc - mse) / n
    if denom <= 1e-12 * max(1.0, ss_total):
        return _undefined(ZERO_VARIANCE)
    return Stat((msr - mse) / denom)


def to_band(score: float, bands: int = 5, top: float = 100.0) -> int:
    """Band index 0..bands−1 of a 0–top score; equal widths, a boundary belongs to the upper band."""
    if not 0.0 <= score <= top:
        raise ValueError(f"score {score!r} outside [0, {top}]")
    return min(int(score // (top / bands)), bands - 1)


def weighted_kappa(a, b, bands: int = 5, weights: str = "quadratic") -> Stat:
    """Cohen's weighted κ after cutting 0–100 scores into ``bands`` equal bands (0–20, 20–40, … for 5)."""
    x, y = _pair(a, b)
    if bands < 2:
        raise ValueError("need at least two bands")
    if weights not in ("quadratic", "linear"):
        raise ValueError("weights must be 'quadratic' or 'linear'")
    if x.size < MIN_PAIRS:
        return _undefined(TOO_FEW_PAIRS)
    ia = np.array([to_band(v, bands) for v in x])
    ib = np.array([to_band(v, bands) for v in y])
    observed = np.zeros((bands, bands))
    np.add.at(observed, (ia, ib), 1.0)
    observed /= x.size
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0))
    idx = np.arange(bands)
    dist = np.abs(idx[:, None] - idx[None, :]) / (bands - 1)
    w = dist**2 if weights == "quadratic" else dist
    expected_disagreement = float(np.sum(w * expected))
    if expected_disagreement <= 1e-12:
        return _undefined(ZERO_VARIANCE)
    return Stat(1.0 - float(np.sum(w * observed)) / expected_disagreement)


def mean_bias(ai, human) -> Stat:
    """Mean of AI − human: positive when the AI scores higher than the human raters."""
    x, y = _pair(ai, human)
    if x.size < MIN_PAIRS:
        return _undefined(TOO_FEW_PAIRS)
    return Stat(float(np.mean(x - y)))


def agreement_report(pairs: Sequence[tuple[float | None, float | None]]) -> dict:
    """n and the four statistics for (AI, human) score pairs of one competency.

    Pairs where either score is missing (e.g. the AI found the evidence insufficient) are left out
    and counted in ``excluded``.
    """
    usable = [(float(a), float(h)) for a, h in pairs if a is not None and h is not None]
    ai = [a for a, _ in usable]
    human = [h for _, h in usable]
    return {
        "version": AGREEMENT_VERSION,
        "n": len(usable),
        "excluded": len(pairs) - len(usable),
        "enough_data": len(usable) >= MIN_PAIRS,
        "spearman_rho": spearman_rho(ai, human).to_dict(),
        "icc_2_1": (icc_2_1(np.column_stack([ai, human])) if usable else _undefined(TOO_FEW_PAIRS)).to_dict(),
        "weighted_kappa": weighted_kappa(ai, human).to_dict(),
        "mean_bias": mean_bias(ai, human).to_dict(),
    }


def agreement_by_competency(pairs: Mapping[str, Sequence[tuple[float | None, float | None]]]) -> dict:
    """``agreement_report`` for each competency."""
    return {name: agreement_report(p) for name, p in pairs.items()}


# ---------------------------------------------------------------------------------------------------
# Calibration


def nnls(A, b, *, max_iter: int | None = None) -> np.ndarray:
    """argmin ‖Ax − b‖ subject to x ≥ 0 (Lawson & Hanson 1974, active set)."""
    A = np.asarray(A, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64).reshape(-1)
    m, n = A.shape
    if b.size != m:
        raise ValueError("A and b disagree in rows")
    tol = 10 * np.finfo(float).eps * max(m, n) * max(np.abs(A).sum(axis=0).max(initial=0.0), 1.0)
    max_iter = max_iter or 3 * n + 30
    x = np.zeros(n)
    passive = np.zeros(n, dtype=bool)
    grad = A.T @ (b - A @ x)
    iterations = 0
    while (~passive).any() and np.max(np.where(passive, -np.inf, grad)) > tol:
        passive[int(np.argmax(np.where(passive, -np.inf, grad)))] = True
        s = _lstsq_on(A, b, passive)
        while np.any(s[passive] <= 0):
            iterations += 1
            if iterations > max_iter:
                raise RuntimeError("nnls did not converge")
            blocking = passive & (s <= 0)
            step = np.min(x[blocking] / (x[blocking] - s[blocking]))
            x = x + step * (s - x)
            passive &= x > tol
            x[~passive] = 0.0
            s = _lstsq_on(A, b, passive)
        x = s
        grad = A.T @ (b - A @ x)
    return x


def _lstsq_on(A: np.ndarray, b: np.ndarray, passive: np.ndarray) -> np.ndarray:
    s = np.zeros(A.shape[1])
    if passive.any():
        s[passive] = np.linalg.lstsq(A[:, passive], b, rcond=None)[0]
    return s


def fit_nonnegative_ridge(X, y, alpha: float = 1.0) -> np.ndarray:
    """Weights w ≥ 0 minimising ‖Xw − y‖² + α‖w‖², via NNLS on the augmented system [X; √α·I], [y; 0]."""
    X = np.asarray(X, dtype=np.float64)
    y = _vector(y, "y")
    if X.ndim != 2 or X.shape[0] != y.size:
        raise ValueError("X must be a 2-D array with one row per score in y")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must hold finite numbers")
    if not math.isfinite(alpha) or alpha < 0:
        raise ValueError("alpha must be a finite non-negative number")
    p = X.shape[1]
    A = np.vstack([X, math.sqrt(alpha) * np.eye(p)])
    b = np.concatenate([y, np.zeros(p)])
    return nnls(A, b)


def predict(X, weights) -> np.ndarray:
    """Scores from features and weights, clipped to 0–100 as the scorer reports them."""
    return np.clip(np.asarray(X, dtype=np.float64) @ np.asarray(weights, dtype=np.float64), 0.0, 100.0)


@dataclass
class CalibrationResult:
    new_weights: list[float]
    old_agreement: dict
    new_agreement: dict
    adopt: bool
    reason: str
    alpha: float

    def to_dict(self) -> dict:
        return {
            "new_weights": list(self.new_weights),
            "old_agreement": self.old_agreement,
            "new_agreement": self.new_agreement,
            "adopt": self.adopt,
            "reason": self.reason,
            "alpha": self.alpha,
            "version": AGREEMENT_VERSION,
        }


def calibrate(
    train: tuple[Sequence[Sequence[float]], Sequence[float]],
    test: tuple[Sequence[Sequence[float]], Sequence[float]],
    current_weights: Sequence[float] | None = None,
    *,
    current_scores: Sequence[float] | None = None,
    alpha: float = 1.0,
) -> CalibrationResult:
    """Fit new weights on ``train`` = (features, human scores); compare on held-out ``test``.

    The scores in use now are ``test`` features × ``current_weights``, or given directly as
    ``current_scores`` (one per test row, e.g. the scorer's own scores when no weights were fitted
    yet). The new weights are adopted only if ICC(2,1) on the test set improves strictly and
    Spearman ρ does not fall (a rescaling cannot change a ranking, so ρ may stay equal); an
    undefined new statistic means no adoption. The caller keeps the old weights' version either way.
    """
    X_train, y_train = train
    X_test, y_test = test
    X_test = np.asarray(X_test, dtype=np.float64)
    human = _vector(y_test, "y_test")
    if (current_weights is None) == (current_scores is None):
        raise ValueError("give either current_weights or current_scores")
    if current_weights is not None:
        current = _vector(current_weights, "current_weights")
        if X_test.ndim != 2 or X_test.shape[1] != current.size:
            raise ValueError("current_weights must have one weight per feature column")
        old_pred = predict(X_test, current)
    else:
        old_pred = np.clip(_vector(current_scores, "current_scores"), 0.0, 100.0)
        if old_pred.size != human.size:
            raise ValueError("current_scores must hold one score per test row")
    new = fit_nonnegative_ridge(X_train, y_train, alpha)
    if X_test.ndim != 2 or X_test.shape[1] != new.size:
        raise ValueError("the test features must have the training features' columns")
    new_pred = predict(X_test, new)
    old_report = agreement_report(list(zip(old_pred.tolist(), human.tolist())))
    new_report = agreement_report(list(zip(new_pred.tolist(), human.tolist())))

    adopt, reasons = True, []
    for key, strict in (("spearman_rho", False), ("icc_2_1", True)):
        o, n = old_report[key]["value"], new_report[key]["value"]
        if n is None:
            adopt = False
            reasons.append(f"{key}: undefined for the new weights ({new_report[key]['reason']})")
        elif o is not None and (n <= o if strict else n < o - _TIE):
            adopt = False
            reasons.append(f"{key}: {n:.4f} does not improve on {o:.4f}" if strict else f"{key}: {n:.4f} falls below {o:.4f}")
        else:
            reasons.append(f"{key}: {'undefined' if o is None else f'{o:.4f}'} → {n:.4f}")
    return CalibrationResult(
        new_weights=[float(w) for w in new],
        old_agreement=old_report,
        new_agreement=new_report,
        adopt=adopt,
        reason="; ".join(reasons),
        alpha=float(alpha),
    )


_TIE = 1e-9  # Spearman ρ of a rescaled score equals the old one up to rounding
