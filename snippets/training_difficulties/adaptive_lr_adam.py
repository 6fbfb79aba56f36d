"""Adam from scratch (momentum + RMSProp + bias correction), checked against torch.optim.Adam."""
from collections.abc import Callable

import numpy as np
import torch
import torch.nn.functional as F


def adam_path(grad: Callable[[torch.Tensor], torch.Tensor], w: torch.Tensor, lr: float, steps: int,
              beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8, correct: bool = True) -> torch.Tensor:
    """Adam's iterates from ``w``, the updates of ``torch.optim.Adam``.

    Args:
        grad: the gradient of the loss at a point: shape (p,) to shape (p,).
        w: the starting point, shape (p,).
        lr: the learning rate.
        steps: the number of updates.
        beta1: decay of the running mean of g (momentum).
        beta2: decay of the running mean of g**2 (RMSProp).
        eps: added to the root of the second moment before dividing.
        correct: divide both running means by 1 - beta**t (bias correction).

    Returns:
        The point after each update, shape (steps, p).

    Examples:
        >>> path = adam_path(lambda w: 2 * w, torch.tensor([1.0, -3.0]), lr=0.1, steps=2)
        >>> path.shape
        torch.Size([2, 2])
        >>> path[0]  # with bias correction, the first step has length lr in every coordinate
        tensor([ 0.9000, -2.9000])
    """
    m, v, path = torch.zeros_like(w), torch.zeros_like(w), []
    for t in range(1, steps + 1):
        g = grad(w)
        m = beta1 * m + (1 - beta1) * g  # momentum: a running mean of g
        v = beta2 * v + (1 - beta2) * g**2  # RMSProp: a running mean of g^2
        m_hat, v_hat = (m / (1 - beta1**t), v / (1 - beta2**t)) if correct else (m, v)
        w = w - lr * m_hat / (v_hat.sqrt() + eps)
        path.append(w)
    return torch.stack(path)


def torch_adam_path(loss: Callable[[torch.Tensor], torch.Tensor], w: torch.Tensor, lr: float,
                    steps: int) -> torch.Tensor:
    """The iterates of ``torch.optim.Adam`` (default betas and eps) on ``loss``, from ``w``.

    Args:
        loss: the scalar loss at a point of shape (p,).
        w: the starting point, shape (p,).
        lr: the learning rate.
        steps: the number of updates.

    Returns:
        The point after each update, shape (steps, p).

    Examples:
        >>> torch_adam_path(lambda w: (w**2).sum(), torch.tensor([1.0, -3.0]), lr=0.1, steps=1)
        tensor([[ 0.9000, -2.9000]])
    """
    w = w.clone().requires_grad_(True)
    opt, path = torch.optim.Adam([w], lr=lr), []
    for _ in range(steps):
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

    w0, lr, steps = torch.tensor([-2.0, 2.0, 1.0], dtype=torch.float64), 0.02, 150
    ours, theirs = adam_path(grad, w0, lr, steps), torch_adam_path(loss, w0, lr, steps)
    diff = (ours - theirs).abs().max().item()
    print(f"from scratch vs torch.optim.Adam, {steps} steps: max difference {'< 1e-12' if diff < 1e-12 else f'{diff:.1e}'};"
          f" loss {loss(w0):.4f} -> {loss(ours[-1]):.4f}")
    assert diff < 1e-6 and loss(ours[-1]) < loss(w0) / 3

    # Bias correction: m and v start at 0, so early on they are too small; dividing by 1 - beta^t fixes that.
    raw = adam_path(grad, w0, lr, steps, correct=False)
    first, first_raw, g = (theirs[0] - w0).abs(), (raw[0] - w0).abs(), grad(w0).abs()
    print(f"first step with correction: {np.round(first.numpy(), 5).tolist()} (lr = {lr} in every coordinate)")
    print(f"first step without:         {np.round(first_raw.numpy(), 5).tolist()}"
          f" (lr (1 - b1) / sqrt(1 - b2) = {lr * 0.1 / np.sqrt(0.001):.5f})")
    # m_hat = g and v_hat = g^2 at t = 1: the step is lr |g| / (|g| + eps), which is lr up to eps / |g|
    assert torch.allclose(first, lr * g / (g + 1e-8), rtol=1e-9)
    # m = 0.1 g and v = 0.001 g^2 at t = 1: the step is lr 0.1 |g| / (sqrt(0.001) |g| + eps)
    assert torch.allclose(first_raw, lr * 0.1 * g / (np.sqrt(0.001) * g + 1e-8), rtol=1e-9)
