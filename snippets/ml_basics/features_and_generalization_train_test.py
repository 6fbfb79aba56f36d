"""Training loss vs testing loss: fit on the first 15 weeks, score on the 5 weeks after."""
import numpy as np

WEEK = [0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4]  # thousands of views, Monday .. Sunday


def train_and_test_mse(views: np.ndarray, k: int, first: int, n_train: int) -> tuple[float, float]:
    """Fit y = b + w_1 x_1 + ... + w_k x_k (x_j: views j days before) on the training days, score both sets.

    Args:
        views: the daily series, shape (T,).
        k: the number of past days the model sees (k <= first).
        first: the index of the first predicted day (the same for every k, so losses compare).
        n_train: days with index below this are training data, the rest testing data.

    Returns:
        The training MSE and the testing MSE of the least-squares fit.

    Examples:
        >>> tr, te = train_and_test_mse(np.array([1.0, 2.0] * 6), k=2, first=2, n_train=8)
        >>> round(tr, 12), round(te, 12)  # a period-2 series: two past days predict it exactly
        (0.0, 0.0)
    """
    lags = [views[first - j : len(views) - j] for j in range(1, k + 1)]
    X, label = np.stack([np.ones(len(views) - first)] + lags, axis=1), views[first:]
    train, test = slice(0, n_train - first), slice(n_train - first, None)
    theta = np.linalg.lstsq(X[train], label[train], rcond=None)[0]  # fitted on training days only
    e = X @ theta - label
    return float(np.mean(e[train] ** 2)), float(np.mean(e[test] ** 2))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    views = np.tile(WEEK, 20) + rng.normal(0, 0.1, 140)
    first, n_train = 28, 105  # predict days 29..140; days up to 105 are training data
    print(f"training days: {n_train - first} (days {first + 1}..{n_train}), "
          f"testing days: {len(views) - n_train} (days {n_train + 1}..{len(views)})")
    print("past days  parameters  training MSE  testing MSE  test - train")
    rows = {}
    for k in (1, 7, 28):
        tr, te = rows[k] = train_and_test_mse(views, k, first, n_train)
        print(f"{k:9d}  {k + 1:10d}  {tr:12.4f}  {te:11.4f}  {te - tr:+12.4f}")
    (tr1, te1), (tr7, te7), (tr28, te28) = rows.values()
    assert tr1 > tr7 > tr28  # more inputs never hurt the loss on the data the model was fitted to
    assert te7 < te1  # the weekly pattern also helps on unseen days

    # The rest is chance as well as law: the same experiment on 40 other draws of the noise.
    above28, wider = 0, 0
    for seed in range(1, 41):
        v = np.tile(WEEK, 20) + np.random.default_rng(seed).normal(0, 0.1, 140)
        (a, b), (c, d) = (train_and_test_mse(v, k, first, n_train) for k in (7, 28))
        above28 += d > c
        wider += (d - c) > (b - a)
    print(f"40 other draws: the 28-day model's testing MSE is above its training MSE in {above28};"
          f" its gap is wider than the 7-day model's in {wider}")
    assert above28 >= 34 and wider >= 34  # usually, not always
