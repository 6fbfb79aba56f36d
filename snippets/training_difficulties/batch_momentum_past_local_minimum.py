"""Momentum carries the parameter through a local minimum where plain gradient descent stops."""
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np


def two_valleys(x: np.ndarray | float) -> np.ndarray | float:
    """f(x) = (x^2 - 1)^2 + 0.3 x: a shallow valley near x = 1 and a deeper one near x = -1.

    Args:
        x: a point or an array of points, any shape.

    Returns:
        f at each point, the shape of ``x``.

    Examples:
        >>> two_valleys(np.array([-1.0, 0.0, 1.0])).tolist()
        [-0.3, 1.0, 0.3]
    """
    return (x**2 - 1) ** 2 + 0.3 * x


def two_valleys_grad(x: np.ndarray | float) -> np.ndarray | float:
    """f'(x) = 4 x^3 - 4 x + 0.3, the derivative of :func:`two_valleys`.

    Args:
        x: a point or an array of points, any shape.

    Returns:
        f' at each point, the shape of ``x``.

    Examples:
        >>> two_valleys_grad(np.array([-1.0, 0.0, 1.0])).tolist()
        [0.3, 0.3, 0.3]
    """
    return 4 * x**3 - 4 * x + 0.3


def momentum_run(grad: Callable[[float], float], x: float, lam: float, lr: float = 0.01,
                 steps: int = 400) -> np.ndarray:
    """Momentum in one dimension: m <- lam m - lr f'(x), x <- x + m; ``lam = 0`` is plain gradient descent.

    Args:
        grad: the derivative f' of the loss.
        x: the starting point.
        lam: the momentum factor lambda.
        lr: the learning rate.
        steps: the number of updates.

    Returns:
        The start and every iterate, shape (steps + 1,).

    Examples:
        >>> momentum_run(lambda x: 2 * x, 1.0, lam=0.5, lr=0.25, steps=3).tolist()  # m = -0.5, -0.5, -0.25: past 0
        [1.0, 0.5, 0.0, -0.25]
    """
    m, xs = 0.0, [x]
    for _ in range(steps):
        m = lam * m - lr * grad(x)
        x = x + m
        xs.append(x)
    return np.array(xs)


if __name__ == "__main__":
    f, df = two_valleys, two_valleys_grad
    gd, mom = momentum_run(df, 2.0, lam=0.0), momentum_run(df, 2.0, lam=0.9)
    print(f"gradient descent: ends at x = {gd[-1]:+.4f}, f = {f(gd[-1]):+.4f}, |f'(x)| < 1e-6")
    print(f"momentum 0.9    : ends at x = {mom[-1]:+.4f}, f = {f(mom[-1]):+.4f}, |f'(x)| < 1e-6")
    assert abs(df(gd[-1])) < 1e-6 and gd[-1] > 0  # stuck in the shallow right valley, gradient zero
    assert abs(df(mom[-1])) < 1e-6 and mom[-1] < 0 and f(mom[-1]) < f(gd[-1])  # rolled on into the deeper one
    assert np.any(np.diff(mom) > 0)  # on the way it overshoots and comes back: the inertia at work
    low = momentum_run(df, 1.6, lam=0.9)  # started lower, it gathers less speed
    print(f"momentum 0.9 started at x = 1.6: ends at x = {low[-1]:+.4f}")
    assert low[-1] > 0  # no guarantee: this time it stays in the shallow valley

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8.5, 3.2), layout="constrained")
    xs = np.linspace(-1.6, 2.05, 200)
    ax1.plot(xs, f(xs), color="gray")
    ax1.plot(gd[-1], f(gd[-1]), "o", color="tab:red", label="gradient descent stops")
    ax1.plot(mom[-1], f(mom[-1]), "s", color="tab:blue", label="momentum ends")
    ax1.plot(2.0, f(2.0), "k^", label="start")
    ax1.set(xlabel="x", ylabel="f(x)", title="f(x) = (x² - 1)² + 0.3 x", ylim=(-0.8, 10))
    ax1.legend(fontsize=8)
    ax2.plot(gd, color="tab:red", label="gradient descent")
    ax2.plot(mom, color="tab:blue", label="momentum 0.9")
    ax2.set(xlabel="step", ylabel="x", title="position over time")
    ax2.legend(fontsize=8)
    plt.show()
