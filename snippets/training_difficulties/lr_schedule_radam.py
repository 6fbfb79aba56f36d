"""RAdam beside Adam on one problem; RAdam from scratch against torch.optim.RAdam."""
from collections.abc import Callable

import numpy as np
import torch
import torch.nn.functional as F


def radam_path(grad: Callable[[torch.Tensor], torch.Tensor], w: torch.Tensor, lr: float, steps: int,
               beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8) -> tuple[torch.Tensor, np.ndarray]:
    """RAdam's iterates from ``w``, the updates of ``torch.optim.RAdam``, and its rectification factors.

    Args:
        grad: the gradient of the loss at a point: shape (p,) to shape (p,).
        w: the starting point, shape (p,).
        lr: the learning rate.
        steps: the number of updates.
        beta1: decay of the running mean of g (momentum).
        beta2: decay of the running mean of g**2.
        eps: added to sqrt(v) before dividing.

    Returns:
        The point after each update, shape (steps, p), and r_t for t = 1..steps, shape (steps,):
        0 while the adaptive step is off.

    Examples:
        >>> path, r = radam_path(lambda w: 2 * w, torch.tensor([1.0, -3.0]), lr=0.1, steps=7)
        >>> path[0]  # t = 1: a plain momentum step, lr * m_hat = lr * g
        tensor([ 0.8000, -2.4000])
        >>> np.round(r, 4).tolist()
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0258, 0.0327]
    """
    m, v, path, rect = torch.zeros_like(w), torch.zeros_like(w), [], []
    rho_inf = 2 / (1 - beta2) - 1  # length of the moving average at t = infinity
    for t in range(1, steps + 1):
        g = grad(w)
        m, v = beta1 * m + (1 - beta1) * g, beta2 * v + (1 - beta2) * g**2
        m_hat = m / (1 - beta1**t)
        rho = rho_inf - 2 * t * beta2**t / (1 - beta2**t)  # how many g^2 the average v really holds
        if rho > 5:  # enough samples: Adam's step, scaled by r_t < 1
            r = np.sqrt((rho - 4) * (rho - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho))
            w = w - lr * r * m_hat * np.sqrt(1 - beta2**t) / (v.sqrt() + eps)
        else:  # too few: no adaptive denominator, plain momentum
            r = 0.0
            w = w - lr * m_hat
        path.append(w)
        rect.append(r)
    return torch.stack(path), np.array(rect)


def torch_path(opt_class: type[torch.optim.Optimizer], loss: Callable[[torch.Tensor], torch.Tensor],
               w: torch.Tensor, lr: float, steps: int) -> torch.Tensor:
    """The iterates of a torch optimizer (for example ``torch.optim.RAdam``, default settings) on ``loss``.

    Args:
        opt_class: the optimizer class.
        loss: the scalar loss at a point of shape (p,).
        w: the starting point, shape (p,).
        lr: the learning rate.
        steps: the number of updates.

    Returns:
        The point after each update, shape (steps, p).

    Examples:
        >>> torch_path(torch.optim.RAdam, lambda w: (w**2).sum(), torch.tensor([1.0, -3.0]), lr=0.1, steps=1)
        tensor([[ 0.8000, -2.4000]])
    """
    w = w.clone().requires_grad_(True)
    opt, path = opt_class([w], lr=lr), []
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

    w0, lr, steps = torch.tensor([-2.0, 2.0, 1.0], dtype=torch.float64), 0.1, 150
    ours, rect = radam_path(grad, w0, lr, steps)
    radam, adam = torch_path(torch.optim.RAdam, loss, w0, lr, steps), torch_path(torch.optim.Adam, loss, w0, lr, steps)
    diff = (ours - radam).abs().max().item()
    print(f"from scratch vs torch.optim.RAdam, {steps} steps: max difference {'< 1e-12' if diff < 1e-12 else f'{diff:.1e}'}")
    print(f"rectification r_t at t = 1..8: {np.round(rect[:8], 3).tolist()}, at t = {steps}: {rect[-1]:.3f}")
    print(" step   Adam loss   RAdam loss   Adam |step|   RAdam |step|")
    step_a, step_r = [(torch.cat([w0[None], p]).diff(dim=0)).norm(dim=1) for p in (adam, radam)]
    for t in [1, 5, 10, 50, 150]:
        print(f"{t:5d}   {loss(adam[t - 1]):.4f}      {loss(radam[t - 1]):.4f}"
              f"       {step_a[t - 1]:.4f}        {step_r[t - 1]:.4f}")
    assert diff < 1e-6
    assert np.all(rect[:5] == 0) and rect[5] > 0 and np.all(np.diff(rect[5:]) > 0) and rect[-1] < 1
    # Smaller early steps, a built-in warmup: for t <= 5 RAdam moves lr |m_hat| per coordinate, below Adam's
    # lr because every gradient coordinate of this loss is below 1 in size; after that a small r_t scales it down.
    assert torch.all(step_r[:10] < step_a[:10])
    assert loss(adam[-1]) < loss(radam[-1]) < loss(w0) / 3  # both learn; here the warmup costs RAdam speed

    # The variance argument: with pure-noise gradients g ~ N(0, 1), how spread out is Adam's 1/sqrt(v_hat_t)?
    g2, v, spread = rng.normal(size=(2000, 100)) ** 2, np.zeros(2000), {}  # 2000 independent runs
    for t in range(1, 101):
        v = 0.999 * v + 0.001 * g2[:, t - 1]
        if t in (1, 5, 20, 100):
            lo, hi = np.percentile(1 / np.sqrt(v / (1 - 0.999**t)), [5, 95])
            spread[t] = hi / lo
            print(f"t = {t:3d}: 90% of runs have 1/sqrt(v_hat) in [{lo:.2f}, {hi:.2f}]")
    assert spread[1] > 10 * spread[100]  # the adaptive learning rate is wildly uncertain at the start
