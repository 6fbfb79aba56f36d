"""Anomaly detection: flag inputs unlike the training data (z-score vs reconstruction error)."""
import numpy as np


def fit_normal_model(train: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fit both detectors to normal data: per-feature mean and std, and the principal directions (PCA).

    Args:
        train: normal examples, shape (n, d), n >= d.

    Returns:
        The mean (d,), the standard deviation (d,), and the principal directions as the columns
        of an orthonormal (d, d) matrix, by decreasing spread: the first k span the best
        k-dimensional plane (a linear autoencoder with a code of k numbers).

    Examples:
        >>> mu, sd, V = fit_normal_model(np.array([[0.0, 0.0], [2.0, 0.0], [4.0, 0.0]]))
        >>> mu.tolist(), abs(V[:, 0]).tolist()
        ([2.0, 0.0], [1.0, 0.0])
    """
    mu, sd = train.mean(0), train.std(0)
    _, _, Vt = np.linalg.svd(train - mu, full_matrices=False)
    return mu, sd, Vt.T


def z_score(x: np.ndarray, mu: np.ndarray, sd: np.ndarray) -> np.ndarray:
    """The largest per-feature |x - mean| / std of each row of x, shape (n, d) -> (n,).

    Examples:
        >>> z_score(np.array([[1.0, 5.0]]), np.array([0.0, 0.0]), np.array([1.0, 2.0])).tolist()
        [2.5]
    """
    return np.abs((x - mu) / sd).max(axis=1)


def recon_error(x: np.ndarray, mu: np.ndarray, P: np.ndarray) -> np.ndarray:
    """Encode each row to k numbers, decode, and return the distance lost: (n, d) -> (n,).

    Args:
        x: the inputs, shape (n, d).
        mu: the mean of the normal data, shape (d,).
        P: an orthonormal basis of the plane, shape (d, k).

    Returns:
        The distance of each row from the plane, shape (n,).

    Examples:
        >>> recon_error(np.array([[3.0, 4.0]]), np.zeros(2), np.array([[1.0], [0.0]])).tolist()
        [4.0]
    """
    xc = x - mu
    return np.linalg.norm(xc - xc @ P @ P.T, axis=1)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    A = 2 * rng.normal(size=(5, 2))  # normal data lie near a 2-D plane in 5-D

    def normal_data(n: int) -> np.ndarray:  # n points near the plane x = A z
        return rng.normal(size=(n, 2)) @ A.T + rng.normal(0, 0.1, size=(n, 5))

    train = normal_data(1000)
    mu, sd, V = fit_normal_model(train)
    P = V[:, :2]  # the plane: a code of 2 numbers
    z_thr = 3.0  # the classic "3 standard deviations"
    r_thr = np.quantile(recon_error(train, mu, P), 0.99)  # 1% of training data may be flagged
    on_plane = mu + P @ [1.0, -1.0]  # an ordinary point, on the plane
    off_plane = on_plane + 1.0 * V[:, 2]  # one unit off the plane
    far_away = mu + 6 * sd  # simply huge values
    print(f"thresholds: z > {z_thr}, reconstruction error > {r_thr:.3f}")
    z, r = {}, {}
    for name, x in {"ordinary": on_plane, "off the plane": off_plane, "far away": far_away}.items():
        z[name], r[name] = z_score(x[None], mu, sd)[0], recon_error(x[None], mu, P)[0]
        print(f"{name:<14} max z {z[name]:5.2f} {'FLAG' if z[name] > z_thr else 'ok  '}"
              f"   recon error {r[name]:6.3f} {'FLAG' if r[name] > r_thr else 'ok'}")
    false_alarms = (recon_error(normal_data(2000), mu, P) > r_thr).mean()
    print(f"false alarms on fresh normal data: {false_alarms:.1%}")

    assert r["ordinary"] < r_thr and z["ordinary"] < z_thr
    assert r["off the plane"] > 2 * r_thr  # caught by reconstruction error ...
    assert z["off the plane"] < z_thr  # ... but every feature looks normal
    assert z["far away"] > z_thr and r["far away"] > r_thr
    assert false_alarms < 0.03
