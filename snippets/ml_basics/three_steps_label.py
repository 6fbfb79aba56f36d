"""Labels: in a time series, the label of one day is the feature of the next, and it arrives only later."""
import numpy as np

WEEK = [0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4]  # thousands of views, Monday .. Sunday


def make_examples(series: np.ndarray, k: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Turn a series into labeled examples: the k previous values are the features, the next value the label.

    Args:
        series: the recorded values, shape (T,).
        k: how many past values each example sees.

    Returns:
        (X, label): X[n] = series[n : n + k] (oldest first), shape (T - k, k), and
        label[n] = series[n + k], shape (T - k,).

    Examples:
        >>> X, label = make_examples(np.array([1.0, 2.0, 3.0, 4.0]), k=2)
        >>> X.tolist(), label.tolist()
        ([[1.0, 2.0], [2.0, 3.0]], [3.0, 4.0])
    """
    T = len(series)
    X = np.stack([series[n : n + k] for n in range(T - k)])
    return X, series[k:]


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    views = np.tile(WEEK, 20) + rng.normal(0, 0.1, 140)
    train = views[:105]  # days 1 .. 105 are what has been recorded so far

    X, label = make_examples(train)  # one feature: yesterday's views
    print(f"{len(train)} recorded days give {len(label)} labeled examples (day 1 has no yesterday)")
    print("example  day  feature x1 (yesterday)  label (recorded that day)")
    for n in range(3):
        print(f"{n:7d}  {n + 2:3d}  {X[n, 0]:22.3f}  {label[n]:25.3f}")
    assert len(label) == len(train) - 1
    assert np.array_equal(label[:-1], X[1:, 0])  # the label of day n is the feature of day n + 1
    print("label of each day = feature of the next day, for all", len(label) - 1, "pairs: True")

    # the last recorded day is the feature of the next prediction, whose label does not exist yet
    print(f"day 106: its feature (day 105's views, {train[-1]:.3f}) is known now; its label is recorded on day 106")

    X7, label7 = make_examples(train, k=7)  # a week of features per example: fewer examples
    assert np.array_equal(label7, train[7:]) and X7.shape == (len(train) - 7, 7)
    print(f"with 7 past days as features: {len(label7)} labeled examples of {X7.shape[1]} features each")
