"""Exercises for the SGD-and-momentum page: the linear-rate bound of gradient descent, an excess error,
how SGD's excess error scales, and momentum's velocity under a constant gradient."""
import contextlib
import io
import json

import numpy as np
import torch


def printed(code: str) -> str:
    """What a few lines of code print, run in a fresh namespace that has torch.

    Args:
        code: the lines.

    Returns:
        Their output, stripped.

    Examples:
        >>> printed("print(torch.ones(1).item())")
        '1.0'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"torch": torch})
    return out.getvalue().strip()


def momentum_step_lengths(eps_g: float, alpha: float, steps: int) -> list[float]:
    """Step lengths |v_t| of momentum v <- alpha v - eps g under a constant gradient, starting from v = 0.

    Args:
        eps_g: the plain gradient step eps |g|.
        alpha: the momentum coefficient.
        steps: the number of steps.

    Returns:
        |v_1|, ..., |v_steps|, where |v_t| = eps |g| (1 - alpha^t) / (1 - alpha).

    Examples:
        >>> momentum_step_lengths(1.0, 0.5, 2)
        [1.0, 1.5]
    """
    v, out = 0.0, []
    for _ in range(steps):
        v = alpha * v - eps_g
        out.append(abs(v))
    return out


if __name__ == "__main__":
    ratio, k = 0.1, 10  # mu / L, steps
    shrink = (1 - ratio) ** (2 * k)
    H = np.diag([ratio, 1.0])  # mu = 0.1, L = 1, J = 1/2 theta^T H theta, min J = 0
    th = np.array([1.0, 0.0])  # start along the flattest direction: the bound is reached
    J0 = 0.5 * th @ H @ th
    for _ in range(k):
        th = th - H @ th  # step 1/L = 1
    assert abs(0.5 * th @ H @ th / J0 - shrink) < 1e-12

    theta = 5.0
    grid = np.linspace(0.0, 6.0, 6001)
    J_min = float((0.5 * (grid - 3) ** 2 + 1).min())  # J(theta) = 1/2 (theta - 3)^2 + 1
    excess = 0.5 * (theta - 3) ** 2 + 1 - J_min

    # SGD on J(theta) = E 1/2 (theta - x)^2, x ~ N(0, 1), steps 1/k: ten times the steps, a tenth of the excess error.
    rng = np.random.default_rng(0)
    runs, kmax = 2000, 1000
    th_sgd, excess_at = np.zeros(runs), {}
    for step, x in enumerate(rng.standard_normal((kmax, runs)), start=1):
        th_sgd -= (th_sgd - x) / step
        if step in (100, 1000):
            excess_at[step] = float(np.mean(0.5 * th_sgd**2))  # min J is at theta = 0
    tenfold = excess_at[100] / excess_at[1000]
    assert 7 < tenfold < 14

    eps_g, alpha, t = 0.1, 0.5, 3
    step3 = momentum_step_lengths(eps_g, alpha, t)[-1]
    assert abs(step3 - eps_g * (1 - alpha**t) / (1 - alpha)) < 1e-12

    code_sgd = """p = torch.zeros(1, requires_grad=True)
opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
for _ in range(3):
    opt.zero_grad()
    p.sum().backward()  # gradient 1 at every step
    opt.step()
print(round(p.item(), 3))"""
    out_sgd = printed(code_sgd)
    velocity = momentum_step_lengths(0.1, 0.9, 3)
    buffers = [v / 0.1 for v in velocity]  # torch's buffer b = |v| / lr
    assert abs(float(out_sgd) + sum(velocity)) < 1e-6

    exercises = [
        {"id": "gd-linear-rate-bound", "concept": "excess-error", "kind": "numeric",
         "question": f"Gradient descent with step $1/L$ runs on a quadratic cost with $\\mu/L = {ratio:g}$. After {k} "
                     "steps, by at most what factor has the excess error been multiplied? Give 3 decimals.",
         "answer": round(shrink, 6), "tolerance": 0.0015,
         "hint": "For a quadratic the excess error shrinks by at most $(1 - \\mu/L)^2$ per step.",
         "solution": f"$(1 - {ratio:g})^{{2 \\cdot {k}}} = {1 - ratio:g}^{{{2 * k}}} = {shrink:.3f}$. Starting along the "
                     "flattest direction reaches it exactly (the file checks it); any other start does at least as well."},
        {"id": "excess-error-value", "concept": "excess-error", "kind": "numeric",
         "question": f"The cost is $J(\\theta) = \\tfrac12(\\theta - 3)^2 + 1$. What is the excess error at "
                     f"$\\theta = {theta:g}$?",
         "answer": excess, "tolerance": 0.001,
         "hint": "Subtract the lowest possible cost, not 0.",
         "solution": f"$\\min J = {J_min:g}$ at $\\theta = 3$, so the excess error is $J({theta:g}) - 1 = "
                     f"\\tfrac12({theta:g} - 3)^2 = {excess:g}$."},
        {"id": "sgd-rate-tenfold", "concept": "excess-error", "kind": "choice",
         "question": "SGD with steps proportional to $1/k$ runs on a strongly convex problem. Roughly how does its "
                     "expected excess error change when it runs ten times as many steps?",
         "options": [
             {"text": "It shrinks about 10 times", "why": "Right: the rate is $O(1/k)$."},
             {"text": "It shrinks about $\\sqrt{10} \\approx 3.2$ times",
              "why": "That is the $O(1/\\sqrt k)$ rate of merely convex problems."},
             {"text": "It shrinks by a constant factor per step, so enormously",
              "why": "That linear rate belongs to full-batch gradient descent; SGD's noise prevents it."},
             {"text": "It does not change: SGD never converges",
              "why": "With decaying steps it does converge, only slowly."}],
         "answer": 0,
         "hint": "The page's example fits the slope of $\\log$(excess error) against $\\log k$.",
         "solution": "$O(1/k)$ means ten times the steps give about a tenth of the excess error: a slope of $-1$ on "
                     f"log-log axes. SGD with steps $1/k$ on $\\tfrac12\\mathbb E(\\theta - x)^2$ (2000 runs) goes from "
                     f"{excess_at[100]:.2e} after 100 steps to {excess_at[1000]:.2e} after 1000, {tenfold:.1f} times less."},
        {"id": "momentum-third-step", "concept": "momentum-physics", "kind": "numeric",
         "question": f"Momentum with $\\alpha = {alpha:g}$ starts at rest under a constant gradient; the plain gradient "
                     f"step is $\\epsilon\\|\\mathbf g\\| = {eps_g:g}$. How long is the third step? Give 3 decimals.",
         "answer": round(step3, 6), "tolerance": 0.0015,
         "hint": "$\\mathbf v \\leftarrow \\alpha\\mathbf v - \\epsilon\\mathbf g$, three times from $\\mathbf v = 0$.",
         "solution": f"$\\epsilon\\|\\mathbf g\\|(1 + \\alpha + \\alpha^2) = {eps_g:g}(1 - {alpha:g}^{t})/(1 - {alpha:g}) = "
                     f"{step3:.3f}$, on its way to the terminal ${eps_g:g}/(1 - {alpha:g}) = {eps_g / (1 - alpha):g}$."},
        {"id": "momentum-torch-three-steps", "concept": "momentum-physics", "kind": "predict",
         "question": "Three steps of torch's SGD with momentum on a loss whose gradient is always 1. What does this "
                     "print?",
         "code": code_sgd, "answer": float(out_sgd), "tolerance": 0.0015,
         "hint": "torch accumulates $b \\leftarrow 0.9b + g$ and moves by $-0.1\\,b$.",
         "solution": f"It prints `{out_sgd}`: the buffer is {', '.join(f'{b:g}' for b in buffers)}, so "
                     f"$p = -0.1({' + '.join(f'{b:g}' for b in buffers)})$, the same as "
                     "three velocity steps $\\mathbf v = -\\epsilon\\mathbf b$."},
        {"id": "momentum-viscous-friction", "concept": "momentum-physics", "kind": "choice",
         "question": "In the physical picture of momentum, why is the friction viscous (proportional to $-\\mathbf v$)?",
         "options": [
             {"text": "Dry (constant) friction can stop the particle where the gradient is small but not zero",
              "why": "Right, and turbulent drag ($\\propto v^2$) is too weak at low speed to bring it to rest."},
             {"text": "It makes the particle stop immediately",
              "why": "It slows the particle gradually; $\\alpha$ close to 1 means little friction."},
             {"text": "Without friction the particle would stop at the first minimum",
              "why": "Without friction it would oscillate through the minimum for ever."},
             {"text": "Viscous friction doubles the step size",
              "why": "The terminal step is $1/(1 - \\alpha)$ times the gradient step, not a fixed 2."}],
         "answer": 0,
         "hint": "Compare the three kinds of drag when the particle is slow and the slope is gentle.",
         "solution": "A drag proportional to the velocity is weak enough at low speed for a small gradient to keep "
                     "the particle moving, yet strong enough to bring it to rest at a minimum."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
