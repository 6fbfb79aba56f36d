"""Momentum as velocity: under a constant force the step grows to eps |g| / (1 - alpha)."""
import torch


def momentum_steps(g: torch.Tensor, alpha: float, eps: float, steps: int) -> torch.Tensor:
    """The velocity form of momentum under a constant gradient g, from theta = 0 and v = 0.

    v <- alpha v - eps g (friction alpha, force -g, unit mass), then theta <- theta + v.

    Args:
        g: the constant gradient, shape (d,).
        alpha: the momentum (1 - friction).
        eps: the learning rate.
        steps: the number of steps.

    Returns:
        The parameters after each step, shape (steps, d).

    Examples:
        >>> momentum_steps(torch.tensor([1.0]), alpha=0.5, eps=1.0, steps=3)[:, 0].tolist()  # steps 1, 1.5, 1.75
        [-1.0, -2.5, -4.25]
    """
    theta, v, out = torch.zeros_like(g), torch.zeros_like(g), []
    for _ in range(steps):
        v = alpha * v - eps * g
        theta = theta + v
        out.append(theta)
    return torch.stack(out)


def torch_sgd_steps(g: torch.Tensor, alpha: float, eps: float, steps: int) -> torch.Tensor:
    """``torch.optim.SGD(momentum=alpha)`` on the linear loss g . theta, from theta = 0.

    torch accumulates gradients, b <- alpha b + grad, theta <- theta - eps b (so v = -eps b).

    Args:
        g: the constant gradient, shape (d,).
        alpha: the momentum.
        eps: the learning rate.
        steps: the number of steps.

    Returns:
        The parameters after each step, shape (steps, d).

    Examples:
        >>> torch_sgd_steps(torch.tensor([1.0]), alpha=0.5, eps=1.0, steps=3)[:, 0].tolist()
        [-1.0, -2.5, -4.25]
    """
    p = torch.zeros_like(g, requires_grad=True)
    opt, out = torch.optim.SGD([p], lr=eps, momentum=alpha), []
    for _ in range(steps):
        opt.zero_grad()
        (p @ g).backward()  # the gradient of g . theta is g, by autograd
        opt.step()
        out.append(p.detach().clone())
    return torch.stack(out)


if __name__ == "__main__":
    alpha, eps, T = 0.9, 0.01, 100
    g = torch.tensor([3.0, -4.0], dtype=torch.float64)  # a constant gradient (|g| = 5)
    ours, theirs = momentum_steps(g, alpha, eps, T), torch_sgd_steps(g, alpha, eps, T)
    diff = (ours - theirs).abs().max().item()
    assert diff < 1e-12

    step_len = torch.diff(torch.cat([torch.zeros(1, 2, dtype=torch.float64), ours]), dim=0).norm(dim=1)
    terminal = eps * g.norm().item() / (1 - alpha)
    print(f"plain gradient step: eps |g| = {eps * g.norm().item():.3f}; "
          f"terminal momentum step eps |g| / (1 - alpha) = {terminal:.3f}")
    for t in (1, 2, 5, 10, 20, 50, 100):
        print(f"step {t:>3}: length {step_len[t - 1].item():.4f}")
    # After t steps the speed is eps |g| (1 - alpha^t) / (1 - alpha): it approaches 1/(1-alpha) = 10x.
    t = torch.arange(1, T + 1, dtype=torch.float64)
    assert torch.allclose(step_len, terminal * (1 - alpha**t), atol=1e-12)
    assert abs(step_len[-1].item() / (eps * g.norm().item()) - 1 / (1 - alpha)) < 1e-3
    print(f"velocity form vs torch.optim.SGD(momentum=0.9) over {T} steps: max difference < 1e-12")
