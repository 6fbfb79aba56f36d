"""When gradient descent stops: an iteration budget, or a gradient that is (nearly) zero."""
import numpy as np

WEEK = [0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4]  # thousands of views, Monday .. Sunday


def mse(theta: np.ndarray, X: np.ndarray, label: np.ndarray) -> float:
    """The MSE of the predictions X @ theta (X: (N, p), theta: (p,)) against the labels (N,).

    Examples:
        >>> mse(np.array([0.0, 1.0]), np.array([[1.0, 1.0], [1.0, 2.0]]), np.array([1.0, 4.0]))
        2.0
    """
    return float(np.mean((X @ theta - label) ** 2))


def descend(X: np.ndarray, label: np.ndarray, lr: float, max_steps: int, tol: float,
            start: tuple[float, ...] = (1.2, -0.4)) -> tuple[np.ndarray, int, float, str]:
    """Gradient descent on the MSE that stops on a budget of updates or on a small gradient.

    Args:
        X: the inputs, shape (N, p) (for y = b + w x1, rows (1, x1)).
        label: the labels, shape (N,).
        lr: the learning rate.
        max_steps: the budget of updates.
        tol: stop as soon as the gradient's length is below this.
        start: the starting parameters, p numbers.

    Returns:
        The parameters (p,), the number of updates made, the gradient's length there, and why it stopped.

    Examples:
        >>> theta, steps, g, why = descend(np.array([[1.0]]), np.array([2.0]), 0.5, 100, 1e-3, start=(0.0,))
        >>> theta.round(4).tolist(), steps, why
        ([2.0], 1, 'gradient below tol')
    """
    theta = np.array(start, dtype=float)
    for step in range(max_steps):
        g = 2 * X.T @ (X @ theta - label) / len(label)
        if np.linalg.norm(g) < tol:
            return theta, step, float(np.linalg.norm(g)), "gradient below tol"
        theta = theta - lr * g
    g = 2 * X.T @ (X @ theta - label) / len(label)
    return theta, max_steps, float(np.linalg.norm(g)), "budget used up"


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    views = np.tile(WEEK, 20) + rng.normal(0, 0.1, 140)
    X, label = np.stack([np.ones(104), views[:104]], axis=1), views[1:105]  # X @ (b, w) = b + w * x1

    L_min = mse(np.linalg.lstsq(X, label, rcond=None)[0], X, label)
    runs = {"A": (0.5, 1000, 1e-4), "B": (0.5, 20, 1e-4), "C": (0.02, 1000, 1e-4)}
    out = {}
    print("run   lr  max_steps   tol   steps  |gradient|  L - L_min  stopped because")
    for name, (lr, max_steps, tol) in runs.items():
        theta, steps, gnorm, why = out[name] = descend(X, label, lr, max_steps, tol)
        print(f"{name:>3} {lr:4} {max_steps:10} {tol:5.0e} {steps:7} {gnorm:11.1e} "
              f"{mse(theta, X, label) - L_min:10.1e}  {why}")

    theta, steps, gnorm, why = out["A"]
    assert why == "gradient below tol" and steps < 1000 and mse(theta, X, label) - L_min < 1e-6
    assert out["B"][3] == "budget used up" and out["B"][2] > 100 * 1e-4  # stopped far from flat
    assert mse(out["B"][0], X, label) - L_min > 1e-3  # ... and visibly above the minimum
    assert out["C"][3] == "budget used up" and out["C"][2] > 1e-4  # small lr: 1000 steps not enough
