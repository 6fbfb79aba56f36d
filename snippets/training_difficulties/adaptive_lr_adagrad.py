"""AdaGrad from scratch against torch.optim.Adagrad, and the lecture's two ways of writing sigma."""
from collections.abc import Callable

import numpy as np
import torch
import torch.nn.functional as F


def adagrad_path(grad: Callable[[torch.Tensor], torch.Tensor], w: torch.Tensor, lr: float, steps: int,
                 rule: str = "sum", eps: float = 1e-10) -> torch.Tensor:
    """AdaGrad's iterates from ``w``: w <- w - lr g_t / sigma_t, with sigma_t from one of three rules.

    Args:
        grad: the gradient of the loss at a point: shape (p,) to shape (p,).
        w: the starting point, shape (p,).
        lr: the learning rate.
        steps: the number of updates.
        rule: ``"sum"``, sigma_t = sqrt(sum_k g_k^2) + eps (``torch.optim.Adagrad``); ``"mean"``,
            sigma_t = sqrt(mean_k g_k^2) (the lecture); ``"typo"``, sigma_t = sqrt(mean_k g_t^2) = |g_t|
            (the lecture's misprint).
        eps: added to the root in the ``"sum"`` rule, as torch does.

    Returns:
        The point after each update, shape (steps, p).

    Examples:
        >>> adagrad_path(lambda w: 2 * w, torch.tensor([1.0, -3.0]), lr=0.5, steps=2, rule="mean")
        tensor([[ 0.5000, -2.5000],
                [ 0.1838, -2.0473]])
        >>> adagrad_path(lambda w: 2 * w, torch.tensor([1.0, -3.0]), lr=0.5, steps=2, rule="typo")
        tensor([[ 0.5000, -2.5000],
                [ 0.0000, -2.0000]])
    """
    total, path = torch.zeros_like(w), []
    for t in range(steps):  # t = 0, 1, 2, ... as in the lecture
        g = grad(w)
        total = total + g**2  # sum over k = 0..t of g_k^2
        sigma = {"sum": total.sqrt() + eps, "mean": (total / (t + 1)).sqrt(), "typo": (g**2).sqrt()}[rule]
        w = w - lr * g / sigma
        path.append(w)
    return torch.stack(path)


def torch_adagrad_path(loss: Callable[[torch.Tensor], torch.Tensor], w: torch.Tensor, lr: float, steps: int,
                       lr_factor: Callable[[int], float] = lambda t: 1.0) -> torch.Tensor:
    """The iterates of ``torch.optim.Adagrad`` (defaults) on ``loss``, its learning rate times ``lr_factor(t)``.

    Args:
        loss: the scalar loss at a point of shape (p,).
        w: the starting point, shape (p,).
        lr: the learning rate.
        steps: the number of updates.
        lr_factor: the factor of ``LambdaLR`` at step t = 0, 1, ...

    Returns:
        The point after each update, shape (steps, p).

    Examples:
        >>> torch_adagrad_path(lambda w: (w**2).sum(), torch.tensor([1.0, -3.0]), lr=0.5, steps=1)
        tensor([[ 0.5000, -2.5000]])
    """
    w = w.clone().requires_grad_(True)
    opt = torch.optim.Adagrad([w], lr=lr)  # initial_accumulator_value=0, lr_decay=0, eps=1e-10
    sched, path = torch.optim.lr_scheduler.LambdaLR(opt, lr_factor), []
    for _ in range(steps):
        opt.zero_grad()
        loss(w).backward()
        opt.step()
        sched.step()
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

    w0, lr, steps = torch.tensor([-2.0, 2.0, 1.0], dtype=torch.float64), 0.1, 150
    reference = torch_adagrad_path(loss, w0, lr, steps)
    d1 = (adagrad_path(grad, w0, lr, steps, "sum") - reference).abs().max().item()
    print(f"sum form vs torch.optim.Adagrad, {steps} steps: max difference {'< 1e-12' if d1 < 1e-12 else f'{d1:.1e}'};"
          f" loss {loss(w0):.4f} -> {loss(reference[-1]):.4f}")
    # The lecture's root-MEAN-square is the sum form with eta_t = eta * sqrt(t + 1) (up to torch's eps).
    mean = adagrad_path(grad, w0, lr, steps, "mean")
    d2 = (mean - torch_adagrad_path(loss, w0, lr, steps, lambda t: np.sqrt(t + 1))).abs().max().item()
    print(f"lecture's mean form vs Adagrad + LambdaLR(sqrt(t+1)): max difference {'< 1e-6' if d2 < 1e-6 else f'{d2:.1e}'};"
          f" loss {loss(w0):.4f} -> {loss(mean[-1]):.4f}")
    assert d1 < 1e-6 and d2 < 1e-6

    typo = adagrad_path(grad, w0, lr, steps, "typo")
    moves = torch.cat([w0[None], typo]).diff(dim=0).abs()
    print(f"typo form: every coordinate moves by {moves.min():.4f}..{moves.max():.4f} at every step"
          f" (sign descent); distance from the mean-form path after {steps} steps: {(typo - mean).abs().max():.2f}")
    assert torch.allclose(moves, torch.full_like(moves, lr), rtol=1e-9)  # |eta g / |g|| = eta: no memory
    assert (typo - mean).abs().max() > 0.1  # a different algorithm, not a rounding difference
