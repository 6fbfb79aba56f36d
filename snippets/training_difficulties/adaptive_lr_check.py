"""Exercises for the adaptive-learning-rate page: a bouncing valley, AdaGrad, RMSProp and Adam steps by hand."""
import contextlib
import io
import json
import math

import torch


def printed(code: str) -> str:
    """What ``code`` prints, stripped.

    Args:
        code: Python source.

    Returns:
        Its standard output without the trailing newline.

    Examples:
        >>> printed("print(2 * 3)")
        '6'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {})
    return out.getvalue().strip()


def first_steps(make: type[torch.optim.Optimizer], grads: list[float], lr: float, **kw: float) -> list[float]:
    """The size of each step of a torch optimizer fed the given gradients of one parameter.

    Args:
        make: the optimizer class.
        grads: the gradient at each step.
        lr: the learning rate.
        **kw: more optimizer settings.

    Returns:
        The absolute change of the parameter at each step, one per gradient.

    Examples:
        >>> [round(s, 6) for s in first_steps(torch.optim.SGD, [2.0, 1.0], lr=0.1)]
        [0.2, 0.1]
    """
    w = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt, steps = make([w], lr=lr, **kw), []
    for g in grads:
        before = w.detach().clone()
        w.grad = torch.tensor([g], dtype=torch.float64)
        opt.step()
        steps.append(abs((w.detach() - before).item()))
    return steps


if __name__ == "__main__":
    ex = []
    code = ("w = 0.3\n"
            "for _ in range(10):\n"
            "    w = w - 0.02 * 100 * w   # the gradient of 50 w^2 is 100 w\n"
            "print(round(50 * w**2, 2), round(abs(100 * w), 1))")
    loss, gnorm = map(float, printed(code).split())
    assert gnorm > 10 and loss == 50 * 0.3**2  # the loss never moved, the gradient stays large
    ex.append({"id": "al-bouncing", "concept": "stuck-not-critical", "kind": "predict",
               "question": "Gradient descent on $L = 50 w^2$ with $\\eta = 0.02$, from $w = 0.3$. What do these "
                           "lines print (the loss and $|g|$ after 10 steps)?",
               "code": code, "answer": [loss, gnorm], "tolerance": 0.05,
               "hint": "One step multiplies $w$ by $1 - 0.02 \\cdot 100$.",
               "solution": f"Each step maps $w$ to $-w$: it jumps between the two walls. After 10 steps $w = 0.3$ again, "
                           f"so the loss is still {loss:g} and $|g| = {gnorm:g}$: a flat loss curve with a large gradient, "
                           "not a critical point."})

    g0, g1, eta = 3.0, 4.0, 1.0
    sigma1 = math.sqrt((g0**2 + g1**2) / 2)
    step_mean = eta * g1 / sigma1
    ex.append({"id": "al-adagrad-step", "concept": "adagrad", "kind": "numeric",
               "question": f"One parameter gets the gradients $g_0 = {g0:g}$ and $g_1 = {g1:g}$. With the page's "
                           f"AdaGrad (root mean square, $\\eta = {eta:g}$), how long is the second step (the one that "
                           "uses $g_1$)? 3 decimals.",
               "answer": round(step_mean, 6), "tolerance": 0.0015,
               "hint": "$\\sigma_1$ is the root of the mean of $g_0^2$ and $g_1^2$.",
               "solution": f"$\\sigma_1 = \\sqrt{{({g0**2:g} + {g1**2:g})/2}} = {sigma1:.4f}$, so the step is "
                           f"${eta:g} \\cdot {g1:g} / {sigma1:.4f} = {step_mean:.3f}$."})

    torch_steps = first_steps(torch.optim.Adagrad, [g0, g1], lr=eta)
    assert abs(torch_steps[1] - eta * g1 / math.sqrt(g0**2 + g1**2)) < 1e-9
    ex.append({"id": "al-adagrad-torch", "concept": "adagrad", "kind": "numeric",
               "question": f"The same gradients $g_0 = {g0:g}$, $g_1 = {g1:g}$ go into `torch.optim.Adagrad(lr={eta:g})`. "
                           "How long is its second step? 3 decimals.",
               "answer": round(torch_steps[1], 6), "tolerance": 0.0015,
               "hint": "torch divides by the root of the *sum* of the squared gradients.",
               "solution": f"$\\sqrt{{{g0**2:g} + {g1**2:g}}} = {math.sqrt(g0**2 + g1**2):g}$, so the step is "
                           f"${g1:g}/{math.sqrt(g0**2 + g1**2):g} = {torch_steps[1]:.3f}$ (torch's own run agrees), "
                           f"$\\sqrt 2$ times shorter than the mean form's {step_mean:.3f}."})

    alpha, s0, g1, eta = 0.9, 2.0, 6.0, 0.1
    sigma1 = math.sqrt(alpha * s0**2 + (1 - alpha) * g1**2)
    step = eta * g1 / sigma1
    ex.append({"id": "al-rmsprop-step", "concept": "rmsprop", "kind": "numeric",
               "question": f"RMSProp in the page's form with $\\alpha = {alpha:g}$, $\\eta = {eta:g}$: the first gradient "
                           f"was $g_0 = {s0:g}$ and the next is $g_1 = {g1:g}$. How long is the step that uses $g_1$? "
                           "3 decimals.",
               "answer": round(step, 6), "tolerance": 0.0015,
               "hint": "$\\sigma_0 = |g_0|$, then $\\sigma_1^2 = \\alpha\\sigma_0^2 + (1 - \\alpha) g_1^2$.",
               "solution": f"$\\sigma_1 = \\sqrt{{{alpha:g} \\cdot {s0**2:g} + {1 - alpha:g} \\cdot {g1**2:g}}} = "
                           f"{sigma1:.4f}$, and ${eta:g} \\cdot {g1:g} / {sigma1:.4f} = {step:.3f}$. The gradient tripled, "
                           "the step grew less: $\\sigma$ reacts within one step."})

    alpha = 0.96
    first = first_steps(torch.optim.RMSprop, [0.7], lr=0.01, alpha=alpha)[0] / 0.01
    assert abs(first - 1 / math.sqrt(1 - alpha)) < 1e-6
    ex.append({"id": "al-rmsprop-torch-first", "concept": "rmsprop", "kind": "numeric",
               "question": f"`torch.optim.RMSprop` with `alpha={alpha}`: how many times longer is its first step "
                           "than the first step of the page's RMSProp (which starts at $\\sigma_0 = |g_0|$)?",
               "answer": round(first, 6), "tolerance": 0.01,
               "hint": "torch starts its running average at 0, so $v_0 = (1 - \\alpha) g_0^2$.",
               "solution": f"$v_0 = {1 - alpha:.2f}\\, g_0^2$, so torch divides by $\\sqrt{{{1 - alpha:.2f}}}\\,|g_0|$ "
                           f"instead of $|g_0|$: a factor $1/\\sqrt{{1 - \\alpha}} = {first:.2f}$."})

    b1, b2, lr = 0.8, 0.99, 0.01
    raw = first_steps(torch.optim.Adam, [-5.0], lr=lr, betas=(b1, b2))[0]
    by_hand = lr * (1 - b1) / math.sqrt(1 - b2)
    assert abs(raw - lr) < 1e-9  # torch corrects the bias: the first step is lr
    ex.append({"id": "al-adam-no-correction", "concept": "adam", "kind": "numeric",
               "question": f"Adam with $\\beta_1 = {b1:g}$, $\\beta_2 = {b2:g}$, $\\eta = {lr:g}$ and $\\epsilon \\approx 0$, "
                           "but *without* the bias correction: how long is its first step, whatever $g_1 \\ne 0$ is?",
               "answer": round(by_hand, 6), "tolerance": 0.0005,
               "hint": "$\\mathbf m_1 = (1 - \\beta_1) g_1$ and $\\mathbf v_1 = (1 - \\beta_2) g_1^2$.",
               "solution": f"$\\eta (1 - \\beta_1) / \\sqrt{{1 - \\beta_2}} = {lr:g} \\cdot {1 - b1:.1f} / {math.sqrt(1 - b2):.1f}"
                           f" = {by_hand:g}$, twice $\\eta$. With the correction (as in torch) it is exactly $\\eta$."})

    sizes = [first_steps(torch.optim.Adam, [g], lr=lr)[0] for g in (1e-3, 1.0, 1e3)]
    assert max(sizes) - min(sizes) < 1e-6
    ex.append({"id": "al-adam-scale", "concept": "adam", "kind": "choice",
               "question": "You multiply the loss by 1000. What happens to the length of Adam's first step?",
               "options": [{"text": "It grows 1000 times", "why": "That is plain gradient descent."},
                           {"text": "It grows about 30 times", "why": "Both the numerator and the denominator scale."},
                           {"text": "It stays the same", "why": "Right: $\\hat m_1 / \\sqrt{\\hat v_1} = g_1/|g_1|$."},
                           {"text": "It shrinks 1000 times", "why": "Nothing divides by the square of the gradient."}],
               "answer": 2,
               "hint": "Both $\\hat{\\mathbf m}$ and $\\sqrt{\\hat{\\mathbf v}}$ are proportional to the gradient.",
               "solution": f"torch's first steps for gradients $10^{{-3}}$, 1 and $10^3$ all have length {sizes[0]:.4f}, "
                           "the learning rate (up to $\\epsilon$)."})

    print(json.dumps(ex, ensure_ascii=False))
