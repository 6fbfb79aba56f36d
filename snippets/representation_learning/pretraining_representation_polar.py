"""One data set, two representations: a disc defeats any linear classifier in (x1, x2), not in polar form."""
import numpy as np


def best_linear_accuracy(f: np.ndarray, y: np.ndarray, n_dir: int = 360) -> float:
    """Best training accuracy of any rule [w . f > c] on 2-D features, searched over directions and cuts.

    Args:
        f: the features, shape (n, 2).
        y: the labels in {0, 1}, shape (n,).
        n_dir: how many directions w (evenly spaced angles) to try.

    Returns:
        The largest fraction of points that one half-plane rule classifies correctly, a float.

    Examples:
        >>> f = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
        >>> best_linear_accuracy(f, np.array([0, 0, 1, 1]))
        1.0
        >>> best_linear_accuracy(f, np.array([0, 1, 1, 0]))  # XOR: no line gets all four
        0.75
    """
    best = 0.0
    for angle in np.linspace(0, 2 * np.pi, n_dir, endpoint=False):
        order = np.argsort(f @ (np.cos(angle), np.sin(angle)))
        ys = y[order]
        # cutting after position k: predict 0 for the first k points, 1 for the rest
        correct = np.cumsum(1 - ys) + (ys.sum() - np.cumsum(ys))
        best = max(best, correct.max() / len(y), ys.mean())
    return float(best)


def to_polar(x: np.ndarray) -> np.ndarray:
    """The polar representation (radius, angle) of 2-D points.

    Args:
        x: the points (x1, x2), shape (n, 2).

    Returns:
        (radius, angle in (-pi, pi]), shape (n, 2).

    Examples:
        >>> to_polar(np.array([[0.0, 2.0]])).round(4).tolist()
        [[2.0, 1.5708]]
    """
    return np.column_stack([np.hypot(x[:, 0], x[:, 1]), np.arctan2(x[:, 1], x[:, 0])])


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    x = rng.uniform(-2, 2, (2000, 2))
    y = (np.hypot(x[:, 0], x[:, 1]) < 1.6).astype(int)  # inside a disc: about half the square

    def standardize(f: np.ndarray) -> np.ndarray:      # so that one grid of directions suits both
        return (f - f.mean(0)) / f.std(0)

    acc_cart = best_linear_accuracy(standardize(x), y)
    acc_polar = best_linear_accuracy(standardize(to_polar(x)), y)
    print(f"share of the larger class:                 {max(y.mean(), 1 - y.mean()):.3f}")
    print(f"best linear rule on (x1, x2):              {acc_cart:.3f}")
    print(f"best linear rule on (radius, angle):       {acc_polar:.3f}")
    assert acc_cart < 0.7 and acc_polar == 1.0        # a single cut on the radius is exact
