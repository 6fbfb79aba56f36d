"""Learning is not pure optimization: the exact minimiser of the training cost generalises worse
than the point where validation stops gradient descent, although its training cost is lower."""
import matplotlib.pyplot as plt
import numpy as np


def gd_path(X: np.ndarray, y: np.ndarray, lr: float, steps: int) -> np.ndarray:
    """Gradient descent on the training cost J(w) = 0.5 mean((X w - y)^2) from w = 0, keeping every iterate.

    Args:
        X: the training inputs, shape (n, d).
        y: the training targets, shape (n,).
        lr: the step size.
        steps: the number of steps.

    Returns:
        w_0 = 0, w_1, ..., w_steps, shape (steps + 1, d).

    Examples:
        >>> gd_path(np.eye(2), np.array([2.0, 4.0]), lr=1.0, steps=2).tolist()  # J = 0.25 |w - y|^2
        [[0.0, 0.0], [1.0, 2.0], [1.5, 3.0]]
    """
    w, path = np.zeros(X.shape[1]), [np.zeros(X.shape[1])]
    for _ in range(steps):
        w = w - lr * X.T @ (X @ w - y) / len(y)
        path.append(w)
    return np.array(path)


def half_mse(w: np.ndarray, X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """0.5 mean((X w - y)^2): the training cost on (X, y), or the validation cost on a held-out set.

    Args:
        w: the parameters, shape (d,) or (k, d).
        X: the inputs, shape (n, d).
        y: the targets, shape (n,).

    Returns:
        The cost, shape () or (k,).

    Examples:
        >>> half_mse(np.array([[0.0], [1.0]]), np.array([[1.0], [2.0]]), np.array([1.0, 2.0])).tolist()
        [1.25, 0.0]
    """
    return 0.5 * np.mean((w @ X.T - y) ** 2, axis=-1)


def true_risk(w: np.ndarray, w_star: np.ndarray, sigma: float) -> np.ndarray:
    """The expected cost on new data when x ~ N(0, I) and y = x . w_star + N(0, sigma^2): 0.5 (|w - w_star|^2 + sigma^2).

    Args:
        w: the parameters, shape (d,) or (k, d).
        w_star: the true parameters, shape (d,).
        sigma: the standard deviation of the noise.

    Returns:
        The risk, shape () or (k,).

    Examples:
        >>> true_risk(np.array([[1.0, 0.0], [0.0, 0.0]]), np.array([1.0, 0.0]), 1.0).tolist()
        [0.5, 1.0]
    """
    return 0.5 * (np.sum((w - w_star) ** 2, axis=-1) + sigma**2)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    n, n_val, d, sigma, steps, sets = 50, 200, 40, 1.0, 300, 10
    wins, rows = 0, []
    for s in range(sets):  # 10 independent problems, each with its own training and validation set
        w_star = 3 * rng.standard_normal(d) / np.sqrt(d)
        X, X_val = rng.standard_normal((n, d)), rng.standard_normal((n_val, d))
        y, y_val = X @ w_star + sigma * rng.standard_normal(n), X_val @ w_star + sigma * rng.standard_normal(n_val)
        path = gd_path(X, y, 1 / np.linalg.eigvalsh(X.T @ X / n).max(), steps)
        J, V, R = half_mse(path, X, y), half_mse(path, X_val, y_val), true_risk(path, w_star, sigma)
        k = int(np.argmin(V))  # early stopping: the step with the lowest validation cost
        w_min = np.linalg.lstsq(X, y, rcond=None)[0]  # what a pure optimizer returns: argmin J
        J_min, R_min = half_mse(w_min, X, y), true_risk(w_min, w_star, sigma)
        wins += bool(R[k] < R_min)
        assert J[k] > J_min and np.all(np.diff(J) <= 1e-12)  # J only falls, and the stop is not its minimum
        if s == 0:
            print(f"problem 0: early stopping at step {k}: training cost {J[k]:.3f}, risk on new data {R[k]:.3f}")
            print(f"           exact minimiser of J:    training cost {J_min:.3f}, risk on new data {R_min:.3f}")
            curves = (J, V, R, k, J_min, R_min)
    print(f"the early-stopped point has the lower risk on new data in {wins} of {sets} problems")
    assert wins >= 0.8 * sets  # a lower training cost is usually not a better model

    J, V, R, k, J_min, R_min = curves
    fig, ax = plt.subplots(figsize=(6, 3.4))
    t = np.arange(1, steps + 1)
    ax.plot(t, J[1:], color="tab:blue", label="training cost J (what is minimised)")
    ax.plot(t, V[1:], color="tab:orange", label="validation cost")
    ax.plot(t, R[1:], color="tab:red", label="risk on new data (the goal)")
    ax.axhline(R_min, color="tab:red", ls=":", lw=1, label="risk of argmin J")
    ax.axvline(k, color="gray", ls="--", lw=1, label="early stopping")
    ax.set(xscale="log", xlabel="gradient descent step", ylabel="cost")
    ax.legend(fontsize=7)
    plt.show()
