"""Warmup then cosine decay: a closed form against SequentialLR(LinearLR, CosineAnnealingLR) and LambdaLR."""
import math
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
import torch


def warmup_cosine(t: int, lr_max: float, warmup: int, total: int, start: float) -> float:
    """The learning rate at step t: linear from start * lr_max to lr_max over ``warmup`` steps, then cosine to 0.

    Args:
        t: the step, 0 <= t < total.
        lr_max: the peak learning rate, reached at t = warmup.
        warmup: the number of warmup steps W.
        total: the number of steps T; the rate would reach 0 at t = T.
        start: the first learning rate as a fraction of the peak.

    Returns:
        The learning rate eta_t.

    Examples:
        >>> [round(warmup_cosine(t, 1.0, 2, 6, 0.5), 3) for t in range(6)]
        [0.5, 0.75, 1.0, 0.854, 0.5, 0.146]
    """
    if t < warmup:
        return lr_max * (start + (1 - start) * t / warmup)
    return lr_max * (1 + math.cos(math.pi * (t - warmup) / (total - warmup))) / 2


def torch_lrs(make_scheduler: Callable[[torch.optim.Optimizer], object], lr0: float, steps: int) -> np.ndarray:
    """The learning rate that a torch scheduler hands to the optimizer at steps 0..steps-1.

    Args:
        make_scheduler: builds the scheduler for an optimizer.
        lr0: the optimizer's initial learning rate.
        steps: how many steps to record.

    Returns:
        The learning rate used at each step, shape (steps,).

    Examples:
        >>> torch_lrs(lambda o: torch.optim.lr_scheduler.LambdaLR(o, lambda t: t + 1), 0.5, 3).tolist()
        [0.5, 1.0, 1.5]
    """
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr0)
    sched, out = make_scheduler(opt), []
    for _ in range(steps):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return np.array(out)


if __name__ == "__main__":
    T, W, lr0, start = 200, 20, 0.1, 0.01  # total steps, warmup steps, peak lr, first lr / peak lr
    sequential = lambda o: torch.optim.lr_scheduler.SequentialLR(o, [
        torch.optim.lr_scheduler.LinearLR(o, start_factor=start, end_factor=1.0, total_iters=W),
        torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=T - W)], milestones=[W])
    lambda_lr = lambda o: torch.optim.lr_scheduler.LambdaLR(o, lambda t: warmup_cosine(t, lr0, W, T, start) / lr0)
    ours = np.array([warmup_cosine(t, lr0, W, T, start) for t in range(T)])
    seq = torch_lrs(sequential, lr0, T)
    d_seq, d_lam = np.abs(ours - seq).max(), np.abs(ours - torch_lrs(lambda_lr, lr0, T)).max()
    bound = lambda d: "< 1e-12" if d < 1e-12 else f"= {d:.1e}"
    print(f"closed form vs SequentialLR(LinearLR, CosineAnnealingLR): max difference {bound(d_seq)}")
    print(f"closed form vs LambdaLR: max difference {bound(d_lam)}")
    marks = (0, W // 2, W, (T + W) // 2, T - 1)
    print(f"lr at steps {marks}: {[round(float(ours[t]), 5) for t in marks]}")
    assert d_seq < 1e-6 and d_lam < 1e-6
    assert np.argmax(ours) == W and np.all(np.diff(ours[:W + 1]) > 0) and np.all(np.diff(ours[W:]) < 0)

    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.plot(ours, color="tab:blue", lw=2, label="closed form")
    ax.plot(np.arange(0, T, 5), seq[::5], "o", color="tab:orange", ms=3, label="SequentialLR")
    ax.axvline(W, color="gray", ls=":", lw=1)
    ax.text(W + 2, 0.002, "end of warmup", color="gray", fontsize=8)
    ax.set(xlabel="step t", ylabel="learning rate", title="linear warmup, then cosine decay")
    ax.legend(fontsize=8)
    plt.show()
