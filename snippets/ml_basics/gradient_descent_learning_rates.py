"""One problem, three learning rates: too small crawls, a good one converges, too large diverges."""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter

WEEK = [0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4]  # thousands of views, Monday .. Sunday


def descend(X: np.ndarray, label: np.ndarray, lr: float, steps: int = 150,
            start: tuple[float, float] = (1.2, -0.4)) -> np.ndarray:
    """Plain gradient descent on the MSE of y = X @ (b, w); the gradient is 2 X^T e / N.

    Args:
        X: rows (1, x1) for each training example, shape (N, 2).
        label: the labels, shape (N,).
        lr: the learning rate.
        steps: the number of updates.
        start: the starting (b, w).

    Returns:
        The loss before each update and after the last one, shape (steps + 1,).

    Examples:
        >>> descend(np.array([[1.0, 0.0]]), np.array([1.0]), lr=0.25, steps=2, start=(0.0, 0.0)).tolist()
        [1.0, 0.25, 0.0625]
    """
    theta, losses = np.array(start, dtype=float), []
    for _ in range(steps + 1):
        e = X @ theta - label
        losses.append(np.mean(e**2))
        theta = theta - lr * 2 * X.T @ e / len(e)
    return np.array(losses)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    views = np.tile(WEEK, 20) + rng.normal(0, 0.1, 140)
    X, label = np.stack([np.ones(104), views[:104]], axis=1), views[1:105]  # row n is (1, x1_n)

    L_min = np.mean((X @ np.linalg.lstsq(X, label, rcond=None)[0] - label) ** 2)
    runs = {0.02: "too small", 0.5: "good", 0.7: "too large"}
    curves = {lr: descend(X, label, lr) for lr in runs}
    for lr, name in runs.items():
        print(f"lr = {lr:<4} {name:>9}: L = {curves[lr][0]:.4f} -> {curves[lr][-1]:.4g} "
              f"after {len(curves[lr]) - 1} steps")
    print(f"minimum of L: {L_min:.4f}")

    small, good, big = curves[0.02], curves[0.5], curves[0.7]
    assert np.all(np.diff(small) < 0) and small[-1] - L_min > 0.2 * (small[0] - L_min)  # crawls
    assert good[-1] - L_min < 1e-6  # converged
    assert np.all(np.diff(big[-50:]) > 0) and big[-1] > 1e3 * big[0]  # blows up

    # For this quadratic loss the limit is sharp: lr must stay below 2 / (largest curvature).
    curvatures = np.linalg.eigvalsh(2 * X.T @ X / len(X))  # eigenvalues of the Hessian of L
    print(f"largest stable learning rate 2/{curvatures[-1]:.3f} = {2 / curvatures[-1]:.3f}")
    assert 0.5 < 2 / curvatures[-1] < 0.7

    fig, ax = plt.subplots(figsize=(6, 3.6))
    colors = {0.02: "tab:blue", 0.5: "tab:green", 0.7: "tab:red"}
    for lr, name in runs.items():
        ax.plot(curves[lr] - L_min, color=colors[lr], lw=2, label=f"lr = {lr} ({name})")
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"1e{np.log10(v):.0f}"))  # no mathtext: faster
    ax.set_xlabel("step")
    ax.set_ylabel("L - (minimum of L)")
    ax.set_title("same start, same data, three learning rates")
    ax.legend()
    plt.show()
