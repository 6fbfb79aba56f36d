"""Nearest-neighbour regression works in 1-D and fails in 20-D with the same 1000 examples."""
import numpy as np


def target(x: np.ndarray) -> np.ndarray:
    """A smooth function of a d-dimensional input: sin(2 pi sum_i x_i / sqrt(d)).

    Args:
        x: the inputs, shape (n, d).

    Returns:
        The targets, shape (n,).

    Examples:
        >>> target(np.array([[0.25], [0.0]])).round(6).tolist()
        [1.0, 0.0]
    """
    d = x.shape[1]
    return np.sin(2 * np.pi * x.sum(axis=1) / np.sqrt(d))


def nearest_neighbour_predict(x_train: np.ndarray, y_train: np.ndarray,
                              x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """1-NN regression: each query gets the label of the closest training point.

    Args:
        x_train: training inputs, shape (n, d).
        y_train: training labels, shape (n,).
        x: queries, shape (m, d).

    Returns:
        (predictions (m,), distance to the nearest training point (m,), all distances (m, n)).

    Examples:
        >>> pred, nn, dist = nearest_neighbour_predict(np.array([[0.0], [1.0]]), np.array([5.0, 7.0]),
        ...                                            np.array([[0.2], [0.9]]))
        >>> pred.tolist(), nn.round(6).tolist(), dist.shape
        ([5.0, 7.0], [0.2, 0.1], (2, 2))
    """
    d2 = (x**2).sum(1)[:, None] - 2 * x @ x_train.T + (x_train**2).sum(1)[None, :]
    dist = np.sqrt(np.maximum(d2, 0))
    j = d2.argmin(axis=1)
    return y_train[j], dist[np.arange(len(x)), j], dist


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    n_train, n_test = 1000, 1000
    print(f"{'dim':>4} {'NN distance':>12} {'nearest/farthest':>17} {'NN MSE / Var(y)':>16}")
    ratios, rel_err = {}, {}
    for d in (1, 2, 5, 10, 20, 50):
        x_tr, x_te = rng.random((n_train, d)), rng.random((n_test, d))
        y_tr, y_te = target(x_tr), target(x_te)
        pred, nn_dist, all_dist = nearest_neighbour_predict(x_tr, y_tr, x_te)
        ratios[d] = np.mean(all_dist.min(axis=1) / all_dist.max(axis=1))
        rel_err[d] = np.mean((pred - y_te) ** 2) / np.var(y_te)  # 1 = no better than the mean
        print(f"{d:>4} {nn_dist.mean():12.3f} {ratios[d]:17.3f} {rel_err[d]:16.3f}")

    assert rel_err[1] < 0.01 and rel_err[2] < 0.05  # low dimension: local constancy works
    assert rel_err[10] > 0.6 and min(rel_err[20], rel_err[50]) > 1  # little or no better than a constant
    assert ratios[50] > 0.5 > 0.01 > ratios[1]  # in high dimension all points are about equally far
