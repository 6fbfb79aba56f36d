"""Excess error J(theta_t) - min J on least squares: batch GD vs SGD."""
import matplotlib.pyplot as plt
import numpy as np


def cost(theta: np.ndarray, X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The least-squares cost J(theta) = 0.5 mean((X theta - y)^2), for one or several parameter vectors.

    Args:
        theta: the parameters, shape (d,) or (runs, d).
        X: the inputs, shape (N, d).
        y: the targets, shape (N,).

    Returns:
        J, shape () or (runs,).

    Examples:
        >>> float(cost(np.zeros(1), np.array([[1.0], [2.0]]), np.array([2.0, 0.0])))
        1.0
    """
    return 0.5 * np.mean((theta @ X.T - y) ** 2, axis=-1)


def inputs_with_spectrum(rng: np.random.Generator, n: int, s: np.ndarray) -> np.ndarray:
    """n random inputs whose Hessian X^T X / n has exactly the eigenvalues s^2 (a random rotation of the axes).

    Args:
        rng: the random generator.
        n: the number of examples.
        s: the square roots of the wanted eigenvalues, shape (d,).

    Returns:
        X, shape (n, d), with X^T X / n = V diag(s^2) V^T for a random orthogonal V.

    Examples:
        >>> X = inputs_with_spectrum(np.random.default_rng(0), 50, np.array([1.0, 0.5]))
        >>> np.linalg.eigvalsh(X.T @ X / 50).round(6).tolist()
        [0.25, 1.0]
    """
    U = np.linalg.qr(rng.standard_normal((n, len(s))))[0]  # orthonormal columns
    V = np.linalg.qr(rng.standard_normal((len(s), len(s))))[0]
    return np.sqrt(n) * U * s @ V.T


def gd_excess(X: np.ndarray, y: np.ndarray, lr: float, steps: int) -> np.ndarray:
    """Full-batch gradient descent from theta = 0; the excess error J(theta_t) - min J before each step.

    Args:
        X: the inputs, shape (N, d).
        y: the targets, shape (N,).
        lr: the step size.
        steps: the number of steps.

    Returns:
        The excess error at t = 0, ..., steps - 1, shape (steps,).

    Examples:
        >>> gd_excess(np.eye(2) * np.sqrt(2), np.array([1.0, 1.0]), lr=0.5, steps=3).round(6).tolist()  # H = I
        [0.5, 0.125, 0.03125]
    """
    J_min = cost(np.linalg.lstsq(X, y, rcond=None)[0], X, y)
    th, err = np.zeros(X.shape[1]), []
    for _ in range(steps):
        err.append(cost(th, X, y) - J_min)
        th = th - lr * X.T @ (X @ th - y) / len(y)
    return np.array(err)


def sgd_excess(X: np.ndarray, y: np.ndarray, mu: float, t0: int, idx: np.ndarray, record: set[int]) -> dict[int, float]:
    """SGD with one example per step and step size 1 / (mu (t + t0)), several independent runs from theta = 0.

    Args:
        X: the inputs, shape (N, d).
        y: the targets, shape (N,).
        mu: the smallest curvature of J.
        t0: the offset that keeps the first steps small.
        idx: the example each run uses at each step, shape (steps, runs).
        record: the steps after which to measure the excess error.

    Returns:
        {step: excess error averaged over the runs} for the steps in ``record``.

    Examples:
        >>> X, y = np.eye(2) * np.sqrt(2), np.array([1.0, 1.0])
        >>> idx = np.random.default_rng(0).integers(0, 2, (1000, 4))  # 4 runs of 1000 steps
        >>> err = sgd_excess(X, y, mu=1.0, t0=2, idx=idx, record={10, 1000})
        >>> round(err[10], 4), round(err[1000], 4)
        (0.0094, 0.0)
    """
    J_min = cost(np.linalg.lstsq(X, y, rcond=None)[0], X, y)
    th, out = np.zeros((idx.shape[1], X.shape[1])), {}
    for t in range(1, len(idx) + 1):
        i = idx[t - 1]
        g = (np.sum(X[i] * th, axis=1) - y[i])[:, None] * X[i]  # gradient of 0.5 (x_i . theta - y_i)^2
        th = th - g / (mu * (t - 1 + t0))
        if t in record:
            out[t] = float(np.mean(cost(th, X, y) - J_min))
    return out


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    N, d = 200, 5
    X = inputs_with_spectrum(rng, N, np.array([1.0, 0.8, 0.6, 0.4, 0.3]))
    y = X @ rng.standard_normal(d) + 0.3 * rng.standard_normal(N)
    eig = np.linalg.eigvalsh(X.T @ X / N)  # the Hessian of J
    mu, L = eig.min(), eig.max()
    print(f"Hessian eigenvalues: mu = {mu:.3f}, L = {L:.3f}")

    # Batch GD, lr = 1/L: the excess error shrinks at least by (1 - mu/L)^2 per step (linear rate).
    T = 150
    gd_err = gd_excess(X, y, 1 / L, T)
    bound = gd_err[0] * (1 - mu / L) ** (2 * np.arange(T))
    assert np.all(gd_err <= bound * (1 + 1e-9) + 1e-15) and gd_err[-1] < 1e-10

    # SGD, one example per step, lr_t = 1 / (mu (t + t0)): about O(1/t) for a strongly convex J.
    runs, t0, S = 8, 40, 10000
    steps = np.unique(np.r_[np.logspace(0, np.log10(S), 100).astype(int), 10, 100, 1000])
    found = sgd_excess(X, y, mu, t0, rng.integers(0, N, (S, runs)), set(steps.tolist()))
    sgd_err = np.array([found[t] for t in steps])  # averaged over 8 independent runs
    late = steps >= 1000
    slope = np.polyfit(np.log(steps[late]), np.log(sgd_err[late]), 1)[0]
    for t in (10, 100):
        print(f"step {t:>5}: GD excess error {gd_err[t]:9.2e}   SGD excess error {sgd_err[steps == t][0]:9.2e}")
    print(f"SGD: slope of log(excess error) vs log(step) over the last decade: {slope:.2f}")
    assert -1.4 < slope < -0.6
    assert sgd_err[-1] > 1e3 * gd_err[T - 1]  # per step, batch GD is far ahead ...
    # One GD step costs N = 200 example gradients; on so small a set GD wins even at equal cost.
    print(f"after {S} example gradients: GD ({S // N} steps) {gd_err[S // N]:.2e}, "
          f"SGD ({S} steps) {sgd_err[-1]:.2e}")
    assert gd_err[S // N] < sgd_err[-1]

    fig, ax = plt.subplots(figsize=(6, 3.4))
    ax.loglog(np.arange(1, T), np.maximum(gd_err[1:], 1e-16), color="tab:blue", label="batch GD (per step)")
    ax.loglog(np.arange(1, T), bound[1:], ":", color="tab:blue", label=r"$(1-\mu/L)^{2t}$ bound")
    ax.loglog(steps, sgd_err, color="tab:orange", label="SGD, 1 example per step")
    ax.loglog(steps, sgd_err[-1] * S / steps, "--", color="gray", label=r"$\propto 1/t$")
    ax.set_ylim(1e-13, 10)
    ax.set_xlabel("step t")
    ax.set_ylabel(r"$J(\theta_t) - \min J$")
    ax.legend(fontsize=8)
    plt.show()
