"""Points on a helix in 3-D: 3-D spread, but 1-D locally (intrinsic dimension 1)."""
import numpy as np


def helix(t: np.ndarray) -> np.ndarray:
    """Points (cos t, sin t, 0.3 t) on a helix, a 1-D curve in 3-D.

    Args:
        t: the curve parameters, shape (n,).

    Returns:
        The points, shape (n, 3).

    Examples:
        >>> helix(np.array([0.0])).tolist()
        [[1.0, 0.0, 0.0]]
    """
    return np.stack([np.cos(t), np.sin(t), 0.3 * t], axis=1)


def pca_variance_ratio(x: np.ndarray) -> np.ndarray:
    """The fraction of variance along each principal axis of a point cloud, largest first.

    Args:
        x: the points, shape (n, D).

    Returns:
        The fractions, shape (min(n, D),), summing to 1.

    Examples:
        >>> pca_variance_ratio(np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]])).round(6).tolist()  # a line
        [1.0, 0.0]
    """
    s = np.linalg.svd(x - x.mean(axis=0), compute_uv=False) ** 2
    return s / s.sum()


def squared_distances(x: np.ndarray) -> np.ndarray:
    """All pairwise squared Euclidean distances.

    Args:
        x: the points, shape (n, D).

    Returns:
        d2 with d2[i, j] = |x_i - x_j|^2, shape (n, n).

    Examples:
        >>> squared_distances(np.array([[0.0, 0.0], [3.0, 4.0]])).tolist()
        [[0.0, 25.0], [25.0, 0.0]]
    """
    return ((x[:, None, :] - x[None, :, :]) ** 2).sum(-1)


def local_pca_top(x: np.ndarray, d2: np.ndarray, k: int = 20, every: int = 4) -> float:
    """The mean share of variance on the top principal axis of a point's k nearest neighbours.

    Args:
        x: the points, shape (n, D).
        d2: their squared distances, shape (n, n).
        k: the size of each neighbourhood (the point itself included).
        every: use every ``every``-th point as a centre.

    Returns:
        The mean share, between 1/D and 1 (1: every neighbourhood is a line).

    Examples:
        >>> line = np.outer(np.arange(30.0), [1.0, 2.0, 0.0])
        >>> round(local_pca_top(line, squared_distances(line), k=5), 6)
        1.0
    """
    idx = np.argsort(d2, axis=1)[::every, :k]
    return float(np.mean([pca_variance_ratio(x[i])[0] for i in idx]))


def correlation_dimension(d2: np.ndarray, r1: float = 0.1, r2: float = 0.3) -> float:
    """The slope of log(number of pairs closer than r) against log r, between r1 and r2.

    Args:
        d2: pairwise squared distances, shape (n, n).
        r1: the smaller radius.
        r2: the larger radius.

    Returns:
        The estimated dimension: N(r) ~ r^dim for small r.

    Examples:
        >>> x = np.linspace(0, 10, 1001)[:, None]  # evenly spaced points on a line
        >>> round(correlation_dimension(squared_distances(x)), 1)
        1.0
    """
    c1, c2 = (d2 < r1**2).sum() - len(d2), (d2 < r2**2).sum() - len(d2)  # pairs, without i = j
    return float(np.log(c2 / c1) / np.log(r2 / r1))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    n = 800
    t = np.sort(rng.uniform(0, 4 * np.pi, n))
    curve = helix(t)  # a 1-D curve in 3-D
    cube = rng.uniform(-1, 1, (n, 3)) * [1, 1, 1.9]  # a 3-D cloud of similar size
    for name, x in [("helix", curve), ("3-D cloud", cube)]:
        glob, d2 = pca_variance_ratio(x), squared_distances(x)
        loc, dim = local_pca_top(x, d2), correlation_dimension(d2)
        print(f"{name:>9}: global PCA ratios {np.round(glob, 3)}, local top ratio {loc:.3f}, "
              f"correlation dimension {dim:.2f}")
        if name == "helix":
            assert glob.min() > 0.1  # globally it fills all three directions ...
            assert loc > 0.99  # ... but each neighbourhood is a line
            assert abs(dim - 1) < 0.2
        else:
            assert loc < 0.7 and abs(dim - 3) < 0.4
    # Along the curve, distance is arc length; straight-line distance between turns is misleading.
    i, j = 0, np.argmin(np.abs(t - (t[0] + 2 * np.pi)))  # one full turn apart
    arc = np.sqrt(1 + 0.3**2) * (t[j] - t[i])
    print(f"one turn apart: straight-line distance {np.linalg.norm(curve[j] - curve[i]):.2f}, "
          f"distance along the curve {arc:.2f}")
    assert arc > 3 * np.linalg.norm(curve[j] - curve[i])
