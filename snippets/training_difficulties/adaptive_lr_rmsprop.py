"""RMSProp from scratch against torch.optim.RMSprop; the lecture starts sigma at |g_0|, torch at 0."""
from collections.abc import Callable

import numpy as np
import torch
import torch.nn.functional as F


def rmsprop_path(grad: Callable[[torch.Tensor], torch.Tensor], w: torch.Tensor, lr: float, alpha: float,
                 steps: int, start: str = "torch", eps: float = 1e-8) -> torch.Tensor:
    """RMSProp's iterates from ``w``: v <- alpha v + (1 - alpha) g^2, w <- w - lr g / (sqrt(v) + eps).

    Args:
        grad: the gradient of the loss at a point: shape (p,) to shape (p,).
        w: the starting point, shape (p,).
        lr: the learning rate.
        alpha: the decay of the running mean of g^2.
        steps: the number of updates.
        start: ``"torch"`` starts v at 0 (``torch.optim.RMSprop``); ``"lecture"`` starts it at g_0^2
            (sigma_0 = |g_0|).
        eps: added to sqrt(v) before dividing.

    Returns:
        The point after each update, shape (steps, p).

    Examples:
        >>> rmsprop_path(lambda w: 2 * w, torch.tensor([1.0, -3.0]), lr=0.1, alpha=0.9, steps=1, start="lecture")
        tensor([[ 0.9000, -2.9000]])
        >>> rmsprop_path(lambda w: 2 * w, torch.tensor([1.0, -3.0]), lr=0.1, alpha=0.9, steps=1)  # 0.1 / sqrt(0.1)
        tensor([[ 0.6838, -2.6838]])
    """
    v, path = None, []
    for _ in range(steps):
        g = grad(w)
        if v is None:  # torch's v starts at 0, the lecture's at g_0^2
            v = g**2 if start == "lecture" else (1 - alpha) * g**2
        else:
            v = alpha * v + (1 - alpha) * g**2
        w = w - lr * g / (v.sqrt() + eps)
        path.append(w)
    return torch.stack(path)


def torch_rmsprop_path(loss: Callable[[torch.Tensor], torch.Tensor], w: torch.Tensor, lr: float, alpha: float,
                       steps: int, v0: torch.Tensor | None = None) -> torch.Tensor:
    """The iterates of ``torch.optim.RMSprop(lr, alpha)`` on ``loss``; ``v0`` replaces its zero start of v.

    Args:
        loss: the scalar loss at a point of shape (p,).
        w: the starting point, shape (p,).
        lr: the learning rate.
        alpha: the decay of the running mean of g^2.
        steps: the number of updates.
        v0: the initial square average, shape (p,); None keeps torch's zeros.

    Returns:
        The point after each update, shape (steps, p).

    Examples:
        >>> torch_rmsprop_path(lambda w: (w**2).sum(), torch.tensor([1.0, -3.0]), 0.1, 0.9, 1, v0=torch.tensor([4.0, 36.0]))
        tensor([[ 0.9000, -2.9000]])
    """
    w = w.clone().requires_grad_(True)
    opt, path = torch.optim.RMSprop([w], lr=lr, alpha=alpha), []
    if v0 is not None:  # torch fills an empty state with zeros; give it v0 instead
        opt.state[w] = {"step": torch.tensor(0.0), "square_avg": v0.clone()}
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

    w0, lr, alpha, steps = torch.tensor([-2.0, 2.0, 1.0], dtype=torch.float64), 0.02, 0.99, 150
    ours, theirs = rmsprop_path(grad, w0, lr, alpha, steps), torch_rmsprop_path(loss, w0, lr, alpha, steps)
    d1 = (ours - theirs).abs().max().item()
    print(f"from scratch vs torch.optim.RMSprop, {steps} steps: max difference {'< 1e-12' if d1 < 1e-12 else f'{d1:.1e}'};"
          f" loss {loss(w0):.4f} -> {loss(ours[-1]):.4f}")
    lecture = rmsprop_path(grad, w0, lr, alpha, steps, start="lecture")
    d2 = (lecture - torch_rmsprop_path(loss, w0, lr, alpha, steps, v0=grad(w0) ** 2)).abs().max().item()
    print(f"lecture's start (sigma_0 = |g_0|) vs torch started at v = g_0^2: max difference"
          f" {'< 1e-12' if d2 < 1e-12 else f'{d2:.1e}'}")
    assert d1 < 1e-6 and d2 < 1e-6

    g, first_torch, first_lecture = grad(w0).abs(), (theirs[0] - w0).abs(), (lecture[0] - w0).abs()
    ratio = first_torch / first_lecture
    print(f"first step: torch {np.round(first_torch.numpy(), 4).tolist()},"
          f" lecture {np.round(first_lecture.numpy(), 4).tolist()},"
          f" ratio {ratio.mean():.3f} = 1/sqrt(1 - alpha) = {1 / np.sqrt(1 - alpha):.3f}")
    # torch: v_0 = (1 - alpha) g^2, so the step is lr |g| / (sqrt(1 - alpha) |g| + eps): lr / sqrt(1 - alpha) up to eps
    assert torch.allclose(first_torch, lr * g / (np.sqrt(1 - alpha) * g + 1e-8), rtol=1e-9)
    assert torch.allclose(first_lecture, lr * g / (g + 1e-8), rtol=1e-9)  # the lecture: lr |g| / (|g| + eps)
