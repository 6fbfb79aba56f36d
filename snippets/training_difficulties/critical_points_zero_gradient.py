"""Critical points of L = (1 - w1*w2)^2: gradient descent stops at each one, whatever it is."""
from collections.abc import Callable

import numpy as np
import torch


def gradient_step(loss: Callable[[torch.Tensor], torch.Tensor], w: torch.Tensor,
                  lr: float) -> tuple[torch.Tensor, torch.Tensor]:
    """One step of gradient descent, w - lr grad L(w), with the gradient from autograd.

    Args:
        loss: the scalar loss at a point of shape (p,).
        w: the point, shape (p,).
        lr: the learning rate.

    Returns:
        The new point and the gradient at ``w``, both shape (p,).

    Examples:
        >>> gradient_step(lambda w: (w**2).sum(), torch.tensor([1.0, 0.0]), lr=0.25)
        (tensor([0.5000, 0.0000]), tensor([2., 0.]))
    """
    w = w.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(loss(w), w)
    return (w - lr * g).detach(), g


def probe(loss: Callable[[torch.Tensor], torch.Tensor], p: torch.Tensor, radius: float,
          n: int = 400) -> torch.Tensor:
    """L at ``n`` points on a circle of ``radius`` around the 2-d point ``p``, minus L(p).

    Args:
        loss: the loss at points of shape (2, n).
        p: the centre, shape (2,).
        radius: the distance of the probes from ``p``.
        n: the number of probes.

    Returns:
        L(probe) - L(p), shape (n,): negative where a small move lowers the loss.

    Examples:
        >>> probe(lambda w: w[0] ** 2 - w[1] ** 2, torch.zeros(2), 1.0, n=4).round().tolist()  # a saddle
        [1.0, -1.0, 1.0, -1.0]
    """
    ang = torch.linspace(0, 2 * np.pi, n + 1, dtype=p.dtype)[:-1]
    return loss(p[:, None] + radius * torch.stack([ang.cos(), ang.sin()])) - loss(p)


if __name__ == "__main__":
    loss = lambda w: (1.0 - w[0] * w[1]) ** 2  # one example x = y = 1, the model y = w1 w2 x
    print("point         L      |g|    moved by one step of lr = 0.01, 0.1, 1   nearby (r = 0.05): lower, higher")
    for p in ([0.0, 0.0], [2.0, 0.5], [0.6, 0.9]):
        p = torch.tensor(p, dtype=torch.float64)
        moved = [(gradient_step(loss, p, lr)[0] - p).norm().item() for lr in (0.01, 0.1, 1.0)]
        g, diff = gradient_step(loss, p, 0.1)[1], probe(loss, p, 0.05)
        print(f"{str(p.tolist()):<12}{loss(p):5.2f}  {g.norm():5.2f}    {np.round(moved, 4).tolist()!s:<31}"
              f"         {(diff < 0).sum().item():3d}, {(diff > 0).sum().item():3d}")
        critical = g.norm() == 0
        assert critical == (max(moved) == 0)  # a zero gradient, and only a zero gradient, stops every step
        if p[0] == 0:
            assert critical and diff.min() < 0 < diff.max()  # the origin: critical, and a saddle
        if p[0] == 2:
            assert critical and diff.min() >= 0  # on w1 w2 = 1: critical, and no nearby point is lower
    a = torch.linspace(-0.05, 0.05, 11, dtype=torch.float64)
    valley = loss(torch.stack([2 + a, 1 / (2 + a)]))  # moves along the curve w1 w2 = 1 through (2, 0.5)
    print(f"moving along w1 w2 = 1 from (2, 0.5): L < 1e-30 at all {len(a)} points: these moves do not raise it")
    assert valley.max() < 1e-30  # a minimum where not every small move raises the loss

    # In practice "critical" means "small gradient": gradient descent passing near the saddle.
    w, rows = torch.tensor([0.5 + 1e-4, -0.5 + 1e-4], dtype=torch.float64), []
    for _ in range(100):
        w_next, g = gradient_step(loss, w, 0.1)
        rows.append((loss(w).item(), g.norm().item()))
        w = w_next
    L, gn = np.array(rows).T
    near = (gn < 0.1) & (abs(L - 1) < 0.1)
    print(f"from (0.5, -0.5) + 1e-4: |g| falls from {gn[0]:.2f} to {gn[near].min():.3f} for {near.sum()} steps"
          f" while L stays at {L[near].min():.2f}..{L[near].max():.2f}; after 100 steps L < 1e-6")
    assert near.sum() >= 10 and gn[near].min() < gn[0] / 50  # a long stretch near the saddle: looks stuck
    assert L[-1] < 1e-6  # but it was not a minimum: gradient descent leaves and reaches the valley
