"""Escape the saddle of L = (1 - w1*w2)^2 at the origin by stepping along an eigenvector of H."""
from collections.abc import Callable

import numpy as np
import torch


def two_weight_loss(w: torch.Tensor) -> torch.Tensor:
    """L(w) = (1 - w1 w2)^2 for the one-example model y = w1 w2 x with x = y = 1.

    Args:
        w: the weights (w1, w2), shape (2,).

    Returns:
        The loss, a scalar tensor.

    Examples:
        >>> two_weight_loss(torch.tensor([2.0, 0.5])).item()
        0.0
    """
    return (1.0 - w[0] * w[1]) ** 2


def gradient_descent(loss: Callable[[torch.Tensor], torch.Tensor], w: torch.Tensor, lr: float = 0.1,
                     steps: int = 100) -> torch.Tensor:
    """Plain gradient descent, w <- w - lr grad L(w), with the gradient from autograd.

    Args:
        loss: the scalar loss at a point of shape (p,).
        w: the starting point, shape (p,).
        lr: the learning rate.
        steps: the number of updates.

    Returns:
        The final point, shape (p,).

    Examples:
        >>> gradient_descent(lambda w: (w**2).sum(), torch.tensor([1.0, -2.0]), lr=0.25, steps=2)
        tensor([ 0.2500, -0.5000])
    """
    w = w.clone().requires_grad_(True)
    for _ in range(steps):
        (g,) = torch.autograd.grad(loss(w), w)
        w = (w - lr * g).detach().requires_grad_(True)
    return w.detach()


if __name__ == "__main__":
    loss = two_weight_loss
    saddle = torch.zeros(2, dtype=torch.float64)
    H = torch.autograd.functional.hessian(loss, saddle)
    lam, U = torch.linalg.eigh(H)  # eigenvalues in ascending order
    u = U[:, 0]  # eigenvector of the negative eigenvalue
    print(f"H at the saddle = {H.tolist()}, eigenvalues = {lam.tolist()}, u = {np.round(u.numpy(), 4).tolist()}")
    assert lam[0] < 0

    # Near a critical point, L(theta' + a u) = L(theta') + 1/2 a^2 lambda |u|^2 < L(theta').
    for a in [0.1, 0.3, 0.5]:
        true, pred = loss(saddle + a * u).item(), (loss(saddle) + 0.5 * a**2 * lam[0]).item()
        print(f"step a = {a}: L = {true:.4f}  (Taylor predicts {pred:.4f}; L at the saddle = {loss(saddle):.1f})")
        assert true < loss(saddle) and abs(true - pred - a**4 / 4) < 1e-12  # the only error: a^4/4

    stuck = gradient_descent(loss, saddle)
    print(f"gradient descent started exactly at the saddle ends at {stuck.tolist()}, L = {loss(stuck):.3f}")
    assert torch.equal(stuck, saddle)  # g = 0: it never moves
    escaped = gradient_descent(loss, saddle + 0.1 * u)
    print(f"after one step of 0.1 along u, gradient descent ends at {np.round(escaped.numpy(), 3).tolist()},"
          f" L < 1e-6")
    assert loss(escaped) < 1e-6  # it reaches the valley of minima w1*w2 = 1
    nudged = gradient_descent(loss, saddle + 1e-6 * u, steps=300)  # each step multiplies the offset by 1 - lr*lambda
    print("after a nudge of 1e-6 along u, 300 steps of gradient descent reach L < 1e-6")
    assert loss(nudged) < 1e-6
