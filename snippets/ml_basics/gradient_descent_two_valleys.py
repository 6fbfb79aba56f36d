"""Gradient descent on a loss with two valleys: where it ends depends on where it starts."""
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
import torch


def two_valleys(w: np.ndarray) -> np.ndarray:
    """A 1-D loss with two valleys, L(w) = (w^2 - 1)^2 + 0.3 w + 0.5 (w: any shape).

    Examples:
        >>> two_valleys(np.array([-1.0, 0.0, 1.0])).tolist()
        [0.2, 1.5, 0.8]
    """
    return (w**2 - 1) ** 2 + 0.3 * w + 0.5


def two_valleys_slope(w: np.ndarray) -> np.ndarray:
    """Its derivative, dL/dw = 4 w (w^2 - 1) + 0.3 (w: any shape).

    Examples:
        >>> two_valleys_slope(np.array([0.0, 1.0])).tolist()
        [0.3, 0.3]
    """
    return 4 * w * (w**2 - 1) + 0.3


def descend(slope: Callable[[float], float], w0: float, lr: float, steps: int) -> np.ndarray:
    """Gradient descent in one dimension, w <- w - lr * dL/dw.

    Args:
        slope: the derivative dL/dw at a point.
        w0: the start.
        lr: the learning rate.
        steps: the number of updates.

    Returns:
        The path: the start and the point after each update, shape (steps + 1,).

    Examples:
        >>> descend(lambda w: 2 * w, 1.0, lr=0.25, steps=3).tolist()  # L = w^2: halves each step
        [1.0, 0.5, 0.25, 0.125]
    """
    path = [w0]
    for _ in range(steps):
        path.append(path[-1] - lr * slope(path[-1]))
    return np.array(path)


def slope_and_curvature(f: Callable[[torch.Tensor], torch.Tensor], w: float) -> tuple[float, float]:
    """L'(w) and L''(w) of a 1-D function, by autograd (differentiating twice).

    Examples:
        >>> slope_and_curvature(lambda w: w**3, 1.0)
        (3.0, 6.0)
    """
    w_t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    (d1,) = torch.autograd.grad(f(w_t), w_t, create_graph=True)
    (d2,) = torch.autograd.grad(d1, w_t)
    return d1.item(), d2.item()


if __name__ == "__main__":
    lr, steps = 0.05, 200
    paths = {w0: descend(two_valleys_slope, w0, lr, steps) for w0 in [-1.8, -0.3, 0.3, 1.8]}
    for w0, p in paths.items():
        slope = abs(two_valleys_slope(p[-1]))
        print(f"start w = {w0:+.1f} -> ends at w = {p[-1]:+.4f}, L = {two_valleys(p[-1]):.4f},"
              f" |dL/dw| {'< 1e-12' if slope < 1e-12 else f'= {slope:.0e}'}")
    grid = np.linspace(-2, 2, 40001)
    w_global = grid[np.argmin(two_valleys(grid))]  # the lowest point, found by brute force
    print(f"lowest point on a fine grid: w = {w_global:+.4f}, L = {two_valleys(w_global):.4f}")
    ends = np.array([p[-1] for p in paths.values()])
    assert np.all(np.abs(two_valleys_slope(ends)) < 1e-12)  # every run stopped where the slope is zero
    assert np.allclose(ends[:2], w_global, atol=1e-4)  # starts left of the hump: global minimum
    assert np.allclose(ends[2:], ends[2]) and ends[2] > 0.5  # starts right of it: the other valley
    assert two_valleys(ends[2]) > two_valleys(ends[0]) + 0.5  # ... which is clearly worse: a local minimum
    assert np.all(two_valleys(ends) > 0.1)  # the slope is zero there, the loss is not
    near = ends[:, None] + np.linspace(-0.1, 0.1, 201)  # each end is the lowest point around it
    assert np.all(two_valleys(near) >= two_valleys(ends)[:, None] - 1e-12)
    assert all(slope_and_curvature(two_valleys, e)[1] > 0 for e in ends)  # and L'' > 0 there

    # L' = 0 with L'' > 0 is a sufficient test for a minimum, not the definition: w^4 fails it.
    h = np.linspace(-0.5, 0.5, 101)  # points around w = 0
    for name, f in [("w^4", lambda w: w**4), ("w^3", lambda w: w**3)]:
        d1, d2 = slope_and_curvature(f, 0.0)
        lowest = bool(np.all(f(h) >= f(0.0)))  # is nothing nearby lower than L(0)?
        print(f"L = {name}: L'(0) = {d1:.0f}, L''(0) = {d2:.0f}, minimum at 0: {lowest}")
        assert d1 == 0 and d2 == 0 and lowest == (name == "w^4")

    fig, ax = plt.subplots(figsize=(6, 3.6))
    w_plot = np.linspace(-2, 2, 150)
    ax.plot(w_plot, two_valleys(w_plot), color="0.4", lw=2, label="L(w)")
    for (w0, p), c in zip(paths.items(), ["tab:blue", "tab:cyan", "tab:orange", "tab:red"]):
        ax.plot(p[:25], two_valleys(p[:25]), "o-", color=c, ms=4, lw=1, markevery=2,  # a dot every 2nd step
                label=f"start {w0:+.1f}")
    ax.annotate("global minimum", (ends[0], two_valleys(ends[0])), (-1.5, 2.5), arrowprops={"arrowstyle": "->"})
    ax.annotate("local minimum", (ends[2], two_valleys(ends[2])), (0.9, 2.8), arrowprops={"arrowstyle": "->"})
    ax.set_ylim(0, 6.5)
    ax.set_xlabel("w")
    ax.set_ylabel("L(w)")
    ax.set_title(f"gradient descent, lr = {lr}: the first 25 steps, a dot every second one")
    ax.legend(loc="upper center", fontsize=8)
    plt.show()
