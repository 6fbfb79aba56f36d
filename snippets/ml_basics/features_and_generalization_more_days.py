"""Domain knowledge as a feature: predict today's views from the last 1 or the last 7 days."""
import matplotlib.pyplot as plt
import numpy as np

WEEK = [0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4]  # thousands of views, Monday .. Sunday


def lag_features(views: np.ndarray, k: int, first: int) -> np.ndarray:
    """Rows (1, views 1 day before, ..., views k days before) for each day from index ``first`` on.

    Args:
        views: the daily series, shape (T,).
        k: how many past days each row holds (k <= first).
        first: the index of the first predicted day.

    Returns:
        Shape (T - first, k + 1): a column of ones (for the bias), then the k past days.

    Examples:
        >>> lag_features(np.arange(5.0), k=2, first=3).tolist()
        [[1.0, 2.0, 1.0], [1.0, 3.0, 2.0]]
    """
    lags = [views[first - j : len(views) - j] for j in range(1, k + 1)]
    return np.stack([np.ones(len(views) - first)] + lags, axis=1)


def fit(X: np.ndarray, label: np.ndarray) -> np.ndarray:
    """The parameters (b, w_1, ..., w_k) with the least MSE of X @ theta on (X (n, k+1), label (n,)).

    Examples:
        >>> fit(np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]]), np.array([1.0, 2.0, 3.0])).round(6).tolist()
        [1.0, 1.0]
    """
    return np.linalg.lstsq(X, label, rcond=None)[0]


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    pattern = np.tile(WEEK, 20)
    views = pattern + rng.normal(0, 0.1, 140)
    first, n_train = 28, 105  # predict days 29..140; days up to 105 are training data
    label = views[first:]
    train, test = slice(0, n_train - first), slice(n_train - first, None)
    mse_train, mse_test, theta, pred = {}, {}, {}, {}
    for k in (1, 7):
        X = lag_features(views, k, first)
        theta[k] = fit(X[train], label[train])  # the exact minimizer of the training MSE
        pred[k] = X @ theta[k]
        mse_train[k] = np.mean((pred[k][train] - label[train]) ** 2)
        mse_test[k] = np.mean((pred[k][test] - label[test]) ** 2)
        print(f"{k} past day{'s' if k > 1 else ' '}: "
              f"training MSE {mse_train[k]:.4f}, testing MSE {mse_test[k]:.4f}")
    w = theta[7][1:]
    print("weights of the 7-day model, w_1 (yesterday) .. w_7 (a week ago):", w.round(2))
    rhythm = np.abs(lag_features(pattern, 7, first) @ theta[7] - pattern[first:]).mean()
    print(f"the 7-day model on the weekly pattern without noise: off by {rhythm:.3f} on average")
    assert mse_train[7] < mse_train[1] / 2.5 and mse_test[7] < mse_test[1] / 1.5  # both losses drop
    assert rhythm < 0.1 and w[6] > 0.1  # it has learned the weekly rhythm, leaning on last week
    assert 0 < theta[1][1] < 1  # the 1-day model follows yesterday, damped
    weekday = np.arange(first, len(views))[test] % 7  # 0 = Monday, ..., 6 = Sunday
    miss = (pred[1] - label)[test]
    print(f"1-day model on test Mondays: mean error {miss[weekday == 0].mean():+.2f}, "
          f"on test Saturdays: {miss[weekday == 5].mean():+.2f}")
    # too low on Mondays (after a quiet Sunday), too high on Saturdays (after a busy Friday)
    assert miss[weekday == 0].mean() < 0 < miss[weekday == 5].mean()

    fig, ax = plt.subplots(figsize=(6, 3.6))
    days = np.arange(first + 1, len(views) + 1)[-21:]  # the last three (test) weeks
    ax.plot(days, label[-21:], "o-", color="k", lw=1.5, ms=4, label="true views (label)")
    ax.plot(days, pred[1][-21:], "s--", color="tab:orange", ms=4, label="model with 1 past day")
    ax.plot(days, pred[7][-21:], "^--", color="tab:blue", ms=4, label="model with 7 past days")
    ax.set_xticks(days[::7], [f"Mon, day {d}" for d in days[::7]])
    ax.set_xlabel("the last three weeks (testing data)")
    ax.set_ylabel("views (thousands)")
    ax.set_ylim(0, 1.45)
    ax.legend(loc="upper center", ncols=3, fontsize=8)
    plt.show()
