"""Gradient descent on L(b, w): the gradient by hand equals autograd's; the path on the surface."""
import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.colors import LogNorm

WEEK = [0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4]  # thousands of views, Monday .. Sunday


def loss(b: float, w: float, x1: np.ndarray, label: np.ndarray) -> float:
    """The MSE of y = b + w * x1 against the labels (x1, label: shape (N,)).

    Examples:
        >>> loss(0.0, 1.0, np.array([1.0, 2.0]), np.array([1.0, 4.0]))
        2.0
    """
    return float(((b + w * x1 - label) ** 2).mean())


def grad(b: float, w: float, x1: np.ndarray, label: np.ndarray) -> tuple[float, float]:
    """(dL/db, dL/dw) of the MSE by hand: 2 mean(e) and 2 mean(e x1), with e = b + w x1 - label.

    Examples:
        >>> grad(0.0, 1.0, np.array([1.0, 2.0]), np.array([1.0, 4.0]))
        (-2.0, -4.0)
    """
    e = b + w * x1 - label
    return float(2 * e.mean()), float(2 * (e * x1).mean())


def descend(start: tuple[float, float], lr: float, steps: int, x1: np.ndarray, label: np.ndarray) -> np.ndarray:
    """Gradient descent: b <- b - lr dL/db, w <- w - lr dL/dw, both derivatives taken at the same point.

    Args:
        start: the starting point (b, w).
        lr: the learning rate.
        steps: the number of updates.
        x1: the feature of each training example, shape (N,).
        label: the label of each training example, shape (N,).

    Returns:
        The path, shape (steps + 1, 2): the start, then (b, w) after each update.

    Examples:
        >>> descend((0.0, 0.0), 0.25, 2, np.array([1.0]), np.array([2.0])).tolist()
        [[0.0, 0.0], [1.0, 1.0], [1.0, 1.0]]
    """
    path = [start]
    for _ in range(steps):
        gb, gw = grad(*path[-1], x1, label)
        path.append((path[-1][0] - lr * gb, path[-1][1] - lr * gw))
    return np.array(path)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    views = np.tile(WEEK, 20) + rng.normal(0, 0.1, 140)
    x1, label = views[:104], views[1:105]

    # 1. The hand-derived gradient equals autograd's, at a few points.
    x1_t, label_t = torch.tensor(x1), torch.tensor(label)
    for b0, w0 in [(1.2, -0.4), (0.0, 0.0), (0.3, 0.9)]:
        b_t = torch.tensor(b0, dtype=torch.float64, requires_grad=True)
        w_t = torch.tensor(w0, dtype=torch.float64, requires_grad=True)
        ((b_t + w_t * x1_t - label_t) ** 2).mean().backward()
        ours, autograd = np.array(grad(b0, w0, x1, label)), np.array([b_t.grad.item(), w_t.grad.item()])
        print(f"at (b, w) = ({b0}, {w0}): by hand {ours.round(6)}, autograd {autograd.round(6)}")
        assert np.allclose(ours, autograd, atol=1e-12)

    # 2. Gradient descent from (1.2, -0.4).
    lr, steps = 0.5, 150
    path = descend((1.2, -0.4), lr, steps, x1, label)
    jumps = np.linalg.norm(np.diff(path, axis=0), axis=1)
    slopes = np.array([np.hypot(*grad(b, w, x1, label)) for b, w in path[:-1]])
    print(f"start (b, w) = {path[0]}, L = {loss(*path[0], x1, label):.5f}")
    print("step  |gradient|  length of the move  L after the move")
    for t in [0, 1, 2, 10, 50, 100, 149]:
        print(f"{t:4d}  {slopes[t]:10.4f}  {jumps[t]:18.5f}   {loss(*path[t + 1], x1, label):.5f}")
    assert jumps.argmax() == 0 == slopes.argmax()  # the steepest point gets the longest move
    assert slopes[0] > 100 * slopes[-1] and jumps[0] > 100 * jumps[-1]  # flat -> tiny moves

    X = np.stack([np.ones(104), x1], 1)
    b_star, w_star = np.linalg.lstsq(X, label, rcond=None)[0]
    print(f"after {steps} steps (b, w) = ({path[-1, 0]:.4f}, {path[-1, 1]:.4f}); "
          f"least squares gives ({b_star:.4f}, {w_star:.4f})")
    assert np.allclose(path[-1], [b_star, w_star], atol=1e-3)

    fig, ax = plt.subplots(figsize=(6, 3.6))
    B, W = np.meshgrid(np.linspace(-0.6, 1.4, 40), np.linspace(-0.6, 1.4, 40))
    L = ((B[..., None] + W[..., None] * x1 - label) ** 2).mean(axis=-1)
    cs = ax.contourf(B, W, L, levels=L.min() * np.geomspace(1, L.max() / L.min(), 13),
                     cmap="coolwarm", norm=LogNorm(), rasterized=True)
    ax.plot(path[:, 0], path[:, 1], ".-", color="k", markersize=3, lw=1,
            markevery=slice(0, 25),  # later steps are too short to see apart
            label=f"{steps} steps, lr = {lr}")
    ax.plot(*path[0], "o", color="k", label="start")
    ax.plot(b_star, w_star, "*", color="gold", markeredgecolor="k", markersize=14, ls="none",
            label="minimum")
    ax.set_xlabel("b (bias)")
    ax.set_ylabel("w (weight)")
    fig.colorbar(cs, ax=ax, label="L (MSE)", format="%.2f")
    ax.legend(loc="upper right")
    plt.show()
