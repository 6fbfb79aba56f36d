"""A saddle point of L(w1, w2) = (1 - w1*w2)^2: the gradient is zero, yet some directions go down."""
import matplotlib.pyplot as plt
import numpy as np
import torch


def two_weight_loss(w: torch.Tensor | np.ndarray) -> torch.Tensor | np.ndarray:
    """L(w) = (y - w1 w2 x)^2 for the single example x = 1, y = 1: a "network" of two weights in a row.

    Args:
        w: the weights (w1, w2), shape (2, ...): one point, or a grid of points along the trailing axes.

    Returns:
        The loss, shape (...).

    Examples:
        >>> float(two_weight_loss(np.array([0.0, 0.0]))), float(two_weight_loss(np.array([2.0, 0.5])))
        (1.0, 0.0)
        >>> two_weight_loss(torch.tensor([[0.5, 0.5], [0.5, -0.5]])).tolist()  # two points, one per column
        [0.5625, 1.5625]
    """
    return (1.0 - w[0] * w[1]) ** 2


if __name__ == "__main__":
    origin = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    (g,) = torch.autograd.grad(two_weight_loss(origin), origin)
    print(f"gradient at the origin: {g.tolist()}  (a critical point)")
    assert torch.all(g == 0)

    # Walk away from the origin along the two diagonals.
    t = np.linspace(-1.5, 1.5, 61)
    down = two_weight_loss(np.stack([t, t]))  # w = (t, t): the loss first falls below L(0) = 1
    up = two_weight_loss(np.stack([t, -t]))  # w = (t, -t): the loss only rises
    print(f"L(0, 0) = {two_weight_loss(origin).item():.2f}")
    print(f"along w2 = w1 : L(0.5, 0.5)  = {down[np.argmin(abs(t - 0.5))]:.4f}  (lower)")
    print(f"along w2 = -w1: L(0.5, -0.5) = {up[np.argmin(abs(t - 0.5))]:.4f}  (higher)")
    inner = (abs(t) > 0) & (abs(t) < 1)
    assert np.all(down[inner] < 1) and np.all(up[t != 0] > 1)  # a saddle, not a minimum

    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(8.5, 3.6), layout="constrained")
    w1, w2 = np.meshgrid(np.linspace(-2, 2, 50), np.linspace(-2, 2, 50))
    L = two_weight_loss(np.stack([w1, w2]))
    cs = ax.contourf(w1, w2, np.log10(L + 1e-2), levels=12, cmap="viridis")
    cs.set_rasterized(True)  # the filled bands as one small image: a vector version weighs 70 KB
    fig.colorbar(cs, ax=ax, label="log10(L + 0.01)")
    ax.plot(t, t, "--", color="white", lw=1.2, label="w2 = w1 (down)")
    ax.plot(t, -t, ":", color="orange", lw=1.5, label="w2 = -w1 (up)")
    ax.plot([0], [0], "o", color="red", ms=7, label="saddle (0, 0)")
    ax.set(xlabel="w1", ylabel="w2", title="L = (1 - w1 w2)^2", xlim=(-2, 2), ylim=(-2, 2))
    ax.text(1.05, 1.55, "minima\nw1 w2 = 1", color="white", fontsize=8)
    ax.legend(loc="lower left", fontsize=7)
    ax2.plot(t, down, "--", color="tab:blue", label="along w2 = w1")
    ax2.plot(t, up, ":", color="tab:orange", lw=2, label="along w2 = -w1")
    ax2.plot([0], [1], "o", color="red")
    ax2.set(xlabel="t (distance along the line)", ylabel="L", ylim=(0, 4), title="two slices through the saddle")
    ax2.legend(fontsize=8)
    plt.show()
