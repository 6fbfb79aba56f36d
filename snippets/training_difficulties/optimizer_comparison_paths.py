"""SGD, momentum, AdaGrad, RMSProp and Adam on one ill-conditioned error surface."""
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
import torch


def quadratic_valley(w: torch.Tensor, curvatures: torch.Tensor) -> torch.Tensor:
    """L(w) = 1/2 sum_i c_i w_i^2: a valley whose steepness differs between coordinates.

    Args:
        w: the point, shape (p,).
        curvatures: the curvature c_i of each coordinate, shape (p,).

    Returns:
        The loss, a scalar tensor; its minimum is 0 at the origin.

    Examples:
        >>> quadratic_valley(torch.tensor([2.0, 1.0]), torch.tensor([1.0, 100.0])).item()
        52.0
    """
    return 0.5 * (curvatures * w**2).sum()


def optimizer_path(make_optimizer: Callable[[list[torch.Tensor]], torch.optim.Optimizer],
                   loss: Callable[[torch.Tensor], torch.Tensor], w0: torch.Tensor, steps: int = 100) -> np.ndarray:
    """The iterates of a torch optimizer on ``loss``, started at ``w0``.

    Args:
        make_optimizer: builds the optimizer for a list of parameters.
        loss: the scalar loss at a point of shape (p,).
        w0: the starting point, shape (p,).
        steps: the number of updates.

    Returns:
        The start and every iterate, shape (steps + 1, p).

    Examples:
        >>> optimizer_path(lambda p: torch.optim.SGD(p, lr=0.25), lambda w: (w**2).sum(), torch.tensor([1.0]), 2)
        array([[1.  ],
               [0.5 ],
               [0.25]], dtype=float32)
    """
    w = w0.clone().requires_grad_(True)
    opt, out = make_optimizer([w]), [w0.clone()]
    for _ in range(steps):
        opt.zero_grad()
        loss(w).backward()
        opt.step()
        out.append(w.detach().clone())
    return torch.stack(out).numpy()


if __name__ == "__main__":
    curv = torch.tensor([1.0, 100.0], dtype=torch.float64)  # curvatures: flat along w1, steep along w2
    loss = lambda w: quadratic_valley(w, curv)
    w0 = torch.tensor([-4.5, 1.0], dtype=torch.float64)
    optimizers = {  # SGD gets the largest stable rate: it must stay below 2 / 100
        "SGD, lr 0.019": lambda p: torch.optim.SGD(p, lr=0.019),
        "momentum 0.9, lr 0.01": lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9),
        "AdaGrad, lr 1": lambda p: torch.optim.Adagrad(p, lr=1.0),
        "RMSProp, lr 0.1": lambda p: torch.optim.RMSprop(p, lr=0.1),
        "Adam, lr 0.3": lambda p: torch.optim.Adam(p, lr=0.3),
    }
    fig, ax = plt.subplots(figsize=(7, 3.8))
    g1, g2 = np.meshgrid(np.linspace(-5, 1.5, 60), np.linspace(-1.3, 1.3, 60))
    ax.contour(g1, g2, 0.5 * (g1**2 + 100 * g2**2), levels=[0.1, 0.5, 2, 5, 10, 20, 40, 80], colors="lightgray")
    final, paths = {}, {}
    for (name, make), style in zip(optimizers.items(), ["-", "-", "--", "-.", ":"]):
        P = paths[name.split(",")[0]] = optimizer_path(make, loss, w0)
        final[name] = loss(torch.tensor(P[-1])).item()
        print(f"{name:<22} loss after 100 steps: {final[name]:.1e}   ends at w = ({P[-1, 0]:+.3f}, {P[-1, 1]:+.3f})")
        ax.plot(P[:, 0], P[:, 1], style, lw=1.2, label=name)
    ax.plot([0], [0], "*", color="black", ms=10, label="minimum")
    ax.set(xlabel="w1 (flat direction)", ylabel="w2 (steep direction)",
           title="100 steps from (-4.5, 1) on L = (w1² + 100 w2²)/2")
    ax.legend(fontsize=7, loc="upper right")
    names = list(final)
    assert all(final[n] < final[names[0]] / 100 for n in names[1:])  # all four beat plain SGD by 100x or more
    assert paths["SGD"][:, 0].max() < 0  # SGD never reaches the minimum along w1
    assert paths["momentum 0.9"][:, 0].max() > 0 and paths["Adam"][:, 0].max() > 0  # these overshoot it
    for name in ["AdaGrad", "RMSProp", "Adam"]:  # per-coordinate scaling: the first step is diagonal
        step = np.abs(paths[name][1] - paths[name][0])
        assert abs(step[0] - step[1]) < 1e-6 * step[0], name
    plt.show()
