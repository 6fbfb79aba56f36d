"""Regression: predict tomorrow's value (a number) from the last 7 days."""
import numpy as np


def windows(s: np.ndarray, k: int = 7) -> tuple[np.ndarray, np.ndarray]:
    """Cut a series into inputs of k consecutive days and the day that follows each.

    Args:
        s: the series, shape (T,).
        k: how many past days each input holds.

    Returns:
        The inputs, shape (T - k, k), oldest day first, and the next-day targets, shape (T - k,).

    Examples:
        >>> X, y = windows(np.arange(5.0), k=3)
        >>> X.tolist(), y.tolist()
        ([[0.0, 1.0, 2.0], [1.0, 2.0, 3.0]], [3.0, 4.0])
    """
    X = np.stack([s[i : i + k] for i in range(s.size - k)])
    return X, s[k:]


def fit_linear(X: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Least-squares fit of y = b + X @ w (the minimizer of the mean squared error).

    Args:
        X: the inputs, shape (n, k).
        y: the targets, shape (n,).

    Returns:
        The bias b and the weights w, shape (k,).

    Examples:
        >>> b, w = fit_linear(np.array([[0.0], [1.0], [2.0]]), np.array([1.0, 3.0, 5.0]))
        >>> round(b, 6), w.round(6).tolist()
        (1.0, [2.0])
    """
    theta, *_ = np.linalg.lstsq(np.c_[np.ones(len(X)), X], y, rcond=None)
    return float(theta[0]), theta[1:]


def mae(pred: np.ndarray, y: np.ndarray) -> float:
    """Mean absolute error of predictions against targets, both of shape (n,).

    Examples:
        >>> mae(np.array([1.0, 2.0]), np.array([2.0, 2.0]))
        0.5
    """
    return float(np.abs(pred - y).mean())


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    days = np.arange(400)
    # a daily series with a weekly rhythm, a slow trend and noise (think: page views)
    clean = 5 + 0.01 * days + 2 * np.sin(2 * np.pi * days / 7)
    series = clean + rng.normal(0, 0.3, days.size)
    X, y = windows(series)
    b, w = fit_linear(X[:300], y[:300])  # fit on the past, judge on the future
    mae_model = mae(b + X[300:] @ w, y[300:])
    mae_yesterday = mae(X[300:, -1], y[300:])  # "same as yesterday"
    mae_last_week = mae(X[300:, 0], y[300:])  # "same as 7 days ago"
    X_clean, y_clean = windows(clean)
    rhythm_error = mae(b + X_clean[300:] @ w, y_clean[300:])  # the same weights on the noise-free series
    print("weights on days t-7 ... t-1:", np.round(w, 2), f"  bias b = {b:.3f}")
    print(f"sum of squared weights: {w @ w:.2f} (a rule that copies one day: 1)")
    print(f"test MAE  model: {mae_model:.3f}   same as yesterday: {mae_yesterday:.3f}"
          f"   same as a week ago: {mae_last_week:.3f}")
    print(f"on the series without noise the model is off by {rhythm_error:.3f} on average (noise std 0.3)")
    print(f"tomorrow's prediction from the last 7 days: {b + w @ series[-7:]:.3f}")

    assert rhythm_error < 0.15  # the weights continue the weekly rhythm itself ...
    assert w @ w < 0.7  # ... spread over several days, so one day's noise counts less ...
    assert mae_model < mae_last_week < 0.5 * mae_yesterday  # ... and it beats both naive rules
