"""Exercises for the learning-rate-scheduling page: step and cosine decay, warmup, RAdam's switch."""
import json
import math
from collections.abc import Callable

import torch


def scheduled_lrs(make_scheduler: Callable[[torch.optim.Optimizer], torch.optim.lr_scheduler.LRScheduler], steps: int, lr: float = 0.1) -> list[float]:
    """The learning rate a torch scheduler sets at steps 0 .. steps - 1.

    Args:
        make_scheduler: builds the scheduler from an optimizer.
        steps: how many learning rates to read.
        lr: the optimizer's base learning rate.

    Returns:
        The learning rate in force at each step.

    Examples:
        >>> [round(v, 4) for v in scheduled_lrs(lambda o: torch.optim.lr_scheduler.ExponentialLR(o, 0.5), 3)]
        [0.1, 0.05, 0.025]
    """
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr)
    sched, out = make_scheduler(opt), []
    for _ in range(steps):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return out


def radam_rho(t: int, beta2: float) -> float:
    """RAdam's length of the approximated simple moving average, rho_t.

    Args:
        t: the step, from 1.
        beta2: the decay of the second moment.

    Returns:
        rho_inf - 2 t beta2^t / (1 - beta2^t), with rho_inf = 2 / (1 - beta2) - 1.

    Examples:
        >>> round(radam_rho(1, 0.999), 6)  # one gradient: rho_1 = 1 for any beta2
        1.0
    """
    return 2 / (1 - beta2) - 1 - 2 * t * beta2**t / (1 - beta2**t)


if __name__ == "__main__":
    sched = torch.optim.lr_scheduler
    ex = []

    t = 95
    step_lr = scheduled_lrs(lambda o: sched.StepLR(o, step_size=30, gamma=0.5), t + 1)[t]
    assert abs(step_lr - 0.1 * 0.5 ** (t // 30)) < 1e-12
    ex.append({"id": "ls-step-decay", "concept": "lr-decay", "kind": "numeric",
               "question": f"`StepLR(opt, step_size=30, gamma=0.5)` on an optimizer with $\\eta_0 = 0.1$: what is the "
                           f"learning rate at step $t = {t}$ (counting from 0)?",
               "answer": round(step_lr, 8), "tolerance": 0.0001,
               "hint": "$\\eta_t = \\eta_0 \\gamma^{\\lfloor t/s \\rfloor}$.",
               "solution": f"$\\lfloor {t}/30 \\rfloor = {t // 30}$, so $0.1 \\cdot 0.5^{{{t // 30}}} = {step_lr:g}$ "
                           "(torch's scheduler agrees)."})

    T, t = 100, 25
    cos_lr = scheduled_lrs(lambda o: sched.CosineAnnealingLR(o, T_max=T), t + 1)[t]
    closed = 0.1 * 0.5 * (1 + math.cos(math.pi * t / T))
    assert abs(cos_lr - closed) < 1e-9
    ex.append({"id": "ls-cosine", "concept": "lr-decay", "kind": "numeric",
               "question": f"Cosine decay from $\\eta_0 = 0.1$ to $\\eta_{{\\min}} = 0$ over $T = {T}$ steps: what is "
                           f"$\\eta_t$ at $t = {t}$? 4 decimals.",
               "answer": round(closed, 6), "tolerance": 0.00015,
               "hint": "A quarter of the way, $\\cos(\\pi/4) = 1/\\sqrt 2$.",
               "solution": f"$0.1 \\cdot \\tfrac12 (1 + \\cos(\\pi/4)) = {closed:.4f}$; `CosineAnnealingLR` gives "
                           f"{cos_lr:.4f}. A quarter of the way in, the rate has lost only {100 * (1 - closed / 0.1):.0f}%."})

    ex.append({"id": "ls-why-decay", "concept": "lr-decay", "kind": "choice",
               "question": "Near a minimum, RMSProp with a constant learning rate keeps jumping across it. Why?",
               "options": [{"text": "The gradient does not shrink near a minimum",
                            "why": "It does shrink; the problem is what it is divided by."},
                           {"text": "$\\sigma$ shrinks with the gradients, so $g/\\sigma$ and the step stay about "
                                    "$\\eta$", "why": "Right: the step length is set by $\\eta$, not by the gradient."},
                           {"text": "The running average forgets the early gradients too slowly",
                            "why": "Slow forgetting would make the steps smaller, not keep them at $\\eta$."},
                           {"text": "Momentum carries it past the minimum", "why": "RMSProp has no momentum term."}],
               "answer": 1,
               "hint": "What is the step length when $|g| \\approx \\sigma$?",
               "solution": "The step is $\\eta\\, g/\\sigma$, and $\\sigma$ is the root-mean-square of the recent $g$: "
                           "their ratio stays near 1 however small both become. Only a smaller $\\eta_t$ shortens it."})

    W, s, peak, t = 10, 0.1, 0.01, 4
    warm = scheduled_lrs(lambda o: sched.LinearLR(o, start_factor=s, end_factor=1.0, total_iters=W), W + 1, lr=peak)[t]
    closed = peak * (s + (1 - s) * t / W)
    assert abs(warm - closed) < 1e-9
    ex.append({"id": "ls-warmup", "concept": "warmup", "kind": "numeric",
               "question": f"A linear warmup over $W = {W}$ steps from the fraction $s = {s:g}$ of the peak "
                           f"$\\eta_{{\\max}} = {peak:g}$: what is the learning rate at step $t = {t}$ (counting from 0)? "
                           "4 decimals.",
               "answer": round(closed, 8), "tolerance": 0.00005,
               "hint": "$\\eta_t = \\eta_{\\max}(s + (1 - s)\\, t/W)$.",
               "solution": f"${peak:g} \\cdot ({s:g} + {1 - s:g} \\cdot {t}/{W}) = {closed:.4f}$; "
                           f"`LinearLR(start_factor={s:g}, total_iters={W})` gives the same {warm:.4f}."})

    beta2, g, lr = 0.8, 3.0, 0.01  # not the page's 0.999: the switch comes later
    first_adaptive = next(t for t in range(1, 100) if radam_rho(t, beta2) > 5)
    w = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt, lengths = torch.optim.RAdam([w], lr=lr, betas=(0.9, beta2)), []
    for _ in range(first_adaptive + 1):
        before = w.detach().clone()
        w.grad = torch.full((1,), g, dtype=torch.float64)
        opt.step()
        lengths.append(abs((w.detach() - before).item()))
    # momentum only: the step is lr * g = 0.03; adaptive: lr * r_t * m_hat / sqrt(v_hat) <= lr
    assert all(abs(x - lr * g) < 1e-9 for x in lengths[:first_adaptive - 1]) and lengths[first_adaptive - 1] < lr
    ex.append({"id": "ls-radam-switch", "concept": "radam", "kind": "numeric",
               "question": f"torch's RAdam takes plain momentum steps while $\\rho_t \\le 5$. With $\\beta_2 = {beta2:g}$, "
                           "at which step $t$ (counting from 1) does it first use the adaptive, rectified step?",
               "answer": first_adaptive, "tolerance": 0.5,
               "hint": "$\\rho_\\infty = 2/(1 - \\beta_2) - 1$ and $\\rho_t = \\rho_\\infty - 2 t \\beta_2^t / "
                       "(1 - \\beta_2^t)$; try $t = 1, 2, \\dots$",
               "solution": f"$\\rho_\\infty = {2 / (1 - beta2) - 1:g}$; $\\rho_t$ for $t = 1 \\dots {first_adaptive}$ is "
                           f"{', '.join(f'{radam_rho(k, beta2):.2f}' for k in range(1, first_adaptive + 1))}: the first "
                           f"above 5 is at $t = {first_adaptive}$. In torch, with a constant gradient {g:g}, the steps "
                           f"are {lr * g:g} long before that ($\\eta \\hat m$) and {lengths[first_adaptive - 1]:.4f} at "
                           f"$t = {first_adaptive}$."})

    print(json.dumps(ex, ensure_ascii=False))
