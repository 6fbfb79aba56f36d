"""Training that is stuck without being at a critical point: gradient descent bouncing across a valley."""
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np


def valley(w: np.ndarray) -> tuple[float, np.ndarray]:
    """L(w) = sqrt(1 + 100 w1^2) - 1 + 0.05 w2^2 and its gradient: steep walls across w1, a gentle floor along w2.

    Args:
        w: the point (w1, w2), shape (2,).

    Returns:
        The loss (a float) and its gradient, shape (2,).

    Examples:
        >>> loss, g = valley(np.array([0.0, 2.0]))
        >>> round(loss, 3), g.tolist()
        (0.2, [0.0, 0.2])
    """
    s = np.sqrt(1 + 100 * w[0] ** 2)
    return float(s - 1 + 0.05 * w[1] ** 2), np.array([100 * w[0] / s, 0.1 * w[1]])


def descend(loss_and_grad: Callable[[np.ndarray], tuple[float, np.ndarray]], w0: np.ndarray, lr: float,
            steps: int) -> np.ndarray:
    """Plain gradient descent, w <- w - lr * grad L(w), recording every step.

    Args:
        loss_and_grad: the loss and its gradient at a point of shape (p,).
        w0: the starting point, shape (p,).
        lr: the learning rate.
        steps: the number of updates.

    Returns:
        One row per step, shape (steps, 2 + p): the loss, the gradient norm, then the point
        at which they were measured.

    Examples:
        >>> descend(lambda w: (float(w @ w), 2 * w), np.array([1.0]), lr=0.25, steps=3)
        array([[1.   , 2.   , 1.   ],
               [0.25 , 1.   , 0.5  ],
               [0.0625, 0.5  , 0.25 ]])
    """
    w, rows = np.asarray(w0, dtype=float), []
    for _ in range(steps):
        loss, g = loss_and_grad(w)
        rows.append((loss, np.linalg.norm(g), *w))
        w = w - lr * g
    return np.array(rows)


if __name__ == "__main__":
    start = np.array([0.3, 4.0])
    big, small = descend(valley, start, lr=0.1, steps=300), descend(valley, start, lr=0.01, steps=300)
    last = big[-100:]
    print(f"lr = 0.1 : last 100 steps  loss in [{last[:, 0].min():.3f}, {last[:, 0].max():.3f}],"
          f"  |g| in [{last[:, 1].min():.2f}, {last[:, 1].max():.2f}],"
          f"  w1 in {{{last[-2, 2]:+.3f}, {last[-1, 2]:+.3f}}}")
    print(f"lr = 0.01: final loss {small[-1, 0]:.4f}, final |g| {small[-1, 1]:.4f},"
          f" final w = ({small[-1, 2]:.4f}, {small[-1, 3]:.3f})")
    assert last[:, 0].max() - last[:, 0].min() < 0.01 * last[:, 0].min()  # the loss has stopped moving ...
    assert last[:, 1].min() > 5  # ... while the gradient stays large: not a critical point
    assert np.all(np.sign(last[1:, 2]) != np.sign(last[:-1, 2]))  # w1 flips sign every step: bouncing
    assert small[-1, 0] < last[:, 0].min() / 5 and abs(small[-1, 2]) < 1e-3  # a small step reaches the floor ...
    assert small[-1, 3] > 2.5  # ... but then crawls along it: w2 is still far from its optimum 0

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8.5, 3.4), layout="constrained")
    t = np.arange(len(big))
    ax1.plot(t, big[:, 0], color="tab:red", label="loss, lr = 0.1")
    ax1.plot(t, small[:, 0], color="tab:blue", label="loss, lr = 0.01")
    ax1.plot(t, big[:, 1], "--", color="tab:red", alpha=0.6, label="|gradient|, lr = 0.1")
    ax1.set(xlabel="step", yscale="log", title="loss flat, gradient large")
    ax1.set_yticks([0.3, 1, 3, 10], ["0.3", "1", "3", "10"])  # plain labels: faster than mathtext
    ax1.minorticks_off()
    ax1.legend(fontsize=8)
    w1, w2 = np.meshgrid(np.linspace(-0.6, 0.6, 60), np.linspace(-0.5, 4.5, 60))
    ax2.contour(w1, w2, np.sqrt(1 + 100 * w1**2) - 1 + 0.05 * w2**2, levels=12, cmap="viridis")
    ax2.plot(big[:40, 2], big[:40, 3], ".-", color="tab:red", ms=3, lw=0.8, label="lr = 0.1 (first 40 steps)")
    ax2.plot(small[:, 2], small[:, 3], "-", color="tab:blue", lw=1.5, label="lr = 0.01")
    ax2.set(xlabel="w1", ylabel="w2", title="the path on the error surface")
    ax2.legend(fontsize=8, loc="lower left")
    plt.show()
