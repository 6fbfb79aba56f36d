"""Momentum from scratch (m = lambda*m - eta*g) against torch.optim.SGD(momentum=...)."""
from collections.abc import Callable

import numpy as np
import torch
import torch.nn.functional as F


def momentum_path(grad: Callable[[torch.Tensor], torch.Tensor], w: torch.Tensor, lrs: list[float],
                  lam: float) -> torch.Tensor:
    """Momentum as in the lecture: m <- lam m - eta_t g, w <- w + m, one update per learning rate in ``lrs``.

    Args:
        grad: the gradient of the loss at a point: shape (p,) to shape (p,).
        w: the starting point, shape (p,).
        lrs: the learning rate eta_t of each update.
        lam: the momentum factor lambda.

    Returns:
        The point after each update, shape (len(lrs), p).

    Examples:
        >>> momentum_path(lambda w: 2 * w, torch.tensor([1.0]), [0.1, 0.1], lam=0.9)  # m = -0.2, then -0.34
        tensor([[0.8000],
                [0.4600]])
    """
    m, path = torch.zeros_like(w), []
    for lr in lrs:
        m = lam * m - lr * grad(w)
        w = w + m
        path.append(w)
    return torch.stack(path)


def buffer_path(grad: Callable[[torch.Tensor], torch.Tensor], w: torch.Tensor, lrs: list[float],
                lam: float) -> torch.Tensor:
    """torch's form of momentum: b <- lam b + g, w <- w - eta_t b, one update per learning rate in ``lrs``.

    Args:
        grad: the gradient of the loss at a point: shape (p,) to shape (p,).
        w: the starting point, shape (p,).
        lrs: the learning rate eta_t of each update.
        lam: the momentum factor (torch's ``momentum``).

    Returns:
        The point after each update, shape (len(lrs), p).

    Examples:
        >>> buffer_path(lambda w: 2 * w, torch.tensor([1.0]), [0.1, 0.05], lam=0.9)  # b = 2, then 3.4
        tensor([[0.8000],
                [0.6300]])
    """
    b, path = torch.zeros_like(w), []
    for lr in lrs:
        b = lam * b + grad(w)
        w = w - lr * b
        path.append(w)
    return torch.stack(path)


def torch_momentum_path(loss: Callable[[torch.Tensor], torch.Tensor], w: torch.Tensor, lrs: list[float],
                        lam: float) -> torch.Tensor:
    """The iterates of ``torch.optim.SGD(momentum=lam)`` on ``loss``, its learning rate set to ``lrs[t]`` at step t.

    Args:
        loss: the scalar loss at a point of shape (p,).
        w: the starting point, shape (p,).
        lrs: the learning rate of each update.
        lam: torch's ``momentum``.

    Returns:
        The point after each update, shape (len(lrs), p).

    Examples:
        >>> torch_momentum_path(lambda w: (w**2).sum(), torch.tensor([1.0]), [0.1, 0.05], lam=0.9)
        tensor([[0.8000],
                [0.6300]])
    """
    w = w.clone().requires_grad_(True)
    opt, path = torch.optim.SGD([w], lr=lrs[0], momentum=lam), []
    for lr in lrs:
        opt.param_groups[0]["lr"] = lr
        opt.zero_grad()
        loss(w).backward()
        opt.step()
        path.append(w.detach().clone())
    return torch.stack(path)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    X = torch.tensor(rng.normal(size=(200, 2)))  # 200 noisy labels: not separable, a finite optimum
    y = (X[:, 0] - 0.5 * X[:, 1] + 0.5 * torch.tensor(rng.normal(size=200)) > 0).double()

    def loss(w: torch.Tensor) -> torch.Tensor:  # logistic regression, w = (w1, w2, b)
        return F.binary_cross_entropy_with_logits(X @ w[:2] + w[2], y)

    def grad(w: torch.Tensor) -> torch.Tensor:  # dL/dw by autograd
        w = w.clone().requires_grad_(True)
        return torch.autograd.grad(loss(w), w)[0]

    w0 = torch.tensor([-2.0, 2.0, 1.0], dtype=torch.float64)
    constant = [0.5] * 150
    ours, theirs = momentum_path(grad, w0, constant, 0.9), torch_momentum_path(loss, w0, constant, 0.9)
    diff = (ours - theirs).abs().max().item()
    print(f"constant eta: max |ours - torch| over 150 steps {'< 1e-12' if diff < 1e-12 else f'= {diff:.1e}'};"
          f" loss {loss(w0):.4f} -> {loss(ours[-1]):.4f}")
    assert diff < 1e-6 and loss(ours[-1]) < loss(w0) / 2

    # With a changing eta the two conventions part: torch rescales the whole buffer by the current eta.
    halved = [0.5] * 50 + [0.25] * 100
    reference = torch_momentum_path(loss, w0, halved, 0.9)
    diff2 = (momentum_path(grad, w0, halved, 0.9) - reference).abs().max().item()
    diff3 = (buffer_path(grad, w0, halved, 0.9) - reference).abs().max().item()
    print(f"eta halved at step 50: max |lecture form - torch| = {diff2:.1e},"
          f" max |buffer form - torch| {'< 1e-12' if diff3 < 1e-12 else f'= {diff3:.1e}'}")
    assert diff2 > 1e-3 and diff3 < 1e-6
