"""Learning-rate decay: closed-form schedules against torch.optim.lr_scheduler, and what decay fixes."""
import math
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
import torch

def torch_lrs(make_scheduler: Callable[[torch.optim.Optimizer], object], lr0: float, steps: int) -> np.ndarray:
    """The learning rate that a torch scheduler hands to the optimizer at steps 0..steps-1.

    Args:
        make_scheduler: builds the scheduler for an optimizer.
        lr0: the optimizer's initial learning rate.
        steps: how many steps to record.

    Returns:
        The learning rate used at each step, shape (steps,).

    Examples:
        >>> torch_lrs(lambda o: torch.optim.lr_scheduler.StepLR(o, 2, 0.5), 1.0, 5).tolist()
        [1.0, 1.0, 0.5, 0.5, 0.25]
    """
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr0)
    sched, out = make_scheduler(opt), []
    for _ in range(steps):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return np.array(out)


def valley(w: torch.Tensor) -> torch.Tensor:
    """The valley of the "stuck" example, sqrt(1 + 100 w1^2) - 1 + 0.05 w2^2: steep across w1, gentle along w2.

    Args:
        w: the point (w1, w2), shape (2,).

    Returns:
        The loss, a scalar tensor; its minimum is 0 at (0, 0).

    Examples:
        >>> round(valley(torch.tensor([0.0, 2.0])).item(), 3)
        0.2
    """
    return torch.sqrt(1 + 100 * w[0] ** 2) - 1 + 0.05 * w[1] ** 2


def train_rmsprop(loss: Callable[[torch.Tensor], torch.Tensor], w0: torch.Tensor, lr: float, steps: int,
                  make_scheduler: Callable[[torch.optim.Optimizer], object] | None = None) -> np.ndarray:
    """``torch.optim.RMSprop(lr)`` from ``w0``, with an optional scheduler, recording every step.

    Args:
        loss: the scalar loss at a point of shape (p,).
        w0: the starting point, shape (p,).
        lr: the initial learning rate.
        steps: the number of updates.
        make_scheduler: builds a scheduler for the optimizer; None keeps lr constant.

    Returns:
        One row per step, shape (steps, 2): the loss and w[0] where the gradient was taken.

    Examples:
        >>> train_rmsprop(lambda w: (w**2).sum(), torch.tensor([1.0]), lr=0.1, steps=2).round(decimals=4).tolist()
        [[1.0, 1.0], [0.0, 0.0]]
    """
    w = w0.clone().requires_grad_(True)
    opt, out = torch.optim.RMSprop([w], lr=lr), []
    sched = make_scheduler(opt) if make_scheduler else None
    for _ in range(steps):
        opt.zero_grad()
        L = loss(w)
        L.backward()
        out.append((L.item(), w[0].item()))
        opt.step()
        if sched:
            sched.step()
    return np.array(out)


if __name__ == "__main__":
    T, lr0 = 150, 0.1
    schedules = {  # name: (eta_t in closed form, the torch scheduler that should produce it)
        "step: x0.5 every 50": (lambda t: lr0 * 0.5 ** (t // 50),
                                lambda o: torch.optim.lr_scheduler.StepLR(o, 50, 0.5)),
        "exponential: x0.98": (lambda t: lr0 * 0.98**t, lambda o: torch.optim.lr_scheduler.ExponentialLR(o, 0.98)),
        "cosine to 0": (lambda t: lr0 * (1 + math.cos(math.pi * t / T)) / 2,
                        lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=T)),
    }
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8.5, 3.4), layout="constrained")
    t = np.arange(T)
    for name, (formula, make) in schedules.items():
        ours, theirs = np.array([formula(s) for s in t]), torch_lrs(make, lr0, T)
        diff = np.abs(ours - theirs).max()
        print(f"{name:<22} max |closed form - torch| {'< 1e-12' if diff < 1e-12 else f'= {diff:.1e}'}")
        assert diff < 1e-6
        ax1.plot(t, ours, label=name)
    ax1.set(xlabel="step t", ylabel="learning rate", title="decay schedules")
    ax1.legend(fontsize=8)

    w0 = torch.tensor([0.3, 4.0], dtype=torch.float64)
    const, w1 = train_rmsprop(valley, w0, lr0, T).T
    cosine, _ = train_rmsprop(valley, w0, lr0, T, schedules["cosine to 0"][1]).T
    print(f"RMSprop, constant lr: last 50 losses in [{const[-50:].min():.1e}, {const[-50:].max():.1e}],"
          f" w1 = {w1[-3]:+.3f}, {w1[-2]:+.3f}, {w1[-1]:+.3f}")
    print(f"RMSprop, cosine decay: last 50 losses in [{cosine[-50:].min():.1e}, {cosine[-50:].max():.1e}]")
    assert const[-50:].min() > 0.01 and np.all(w1[-51:-1] * w1[-50:] < 0)  # constant lr: it keeps bouncing
    assert abs(abs(w1[-1] - w1[-2]) - lr0) < 1e-3  # in this loop |g| / sigma = 1: every jump is lr long
    assert cosine[-50:].max() < 1e-6 * const[-50:].min()  # decayed lr: it settles
    ax2.semilogy(t, const, color="tab:red", label="RMSprop, constant lr")
    ax2.semilogy(t, cosine, color="tab:blue", label="RMSprop, cosine decay")
    ax2.set(xlabel="step", ylabel="loss", title="decay ends the oscillation", ylim=(1e-12, 10))
    ax2.set_yticks([1e-12, 1e-8, 1e-4, 1], ["1e-12", "1e-8", "1e-4", "1"])  # plain labels: faster than mathtext
    ax2.minorticks_off()
    ax2.legend(fontsize=8)
    plt.show()
