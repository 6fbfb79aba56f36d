"""Exercises for the batch-size and momentum page: gradient noise, updates per epoch, momentum steps."""
import contextlib
import io
import json
import math

import numpy as np
import torch


def batch_noise(sigma2: float, N: int, B: int) -> float:
    """The root-mean-square deviation of a minibatch gradient from the full one, batches drawn without replacement.

    Args:
        sigma2: the total variance of the per-example gradients around the full gradient.
        N: the number of examples.
        B: the batch size.

    Returns:
        sqrt(sigma2 / B * (N - B) / (N - 1)).

    Examples:
        >>> batch_noise(4.0, 10, 10)  # the full batch has no noise
        0.0
    """
    return math.sqrt(sigma2 / B * (N - B) / (N - 1))


def printed(code: str) -> str:
    """What ``code`` prints, stripped.

    Args:
        code: Python source.

    Returns:
        Its standard output without the trailing newline.

    Examples:
        >>> printed("print(round(0.1 + 0.2, 3))")
        '0.3'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {})
    return out.getvalue().strip()


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    ex = []

    N, B = 50, 10
    per_example = rng.normal(size=(N, 3))
    per_example *= 2 / np.sqrt(((per_example - per_example.mean(0)) ** 2).sum(1).mean())  # sigma^2 = 4 exactly
    sigma2, full = 4.0, per_example.mean(0)
    noise = batch_noise(sigma2, N, B)
    draws = np.array([per_example[rng.permutation(N)[:B]].mean(0) for _ in range(20000)])
    measured = np.sqrt(((draws - full) ** 2).sum(1).mean())
    assert abs(measured / noise - 1) < 0.03
    ex.append({"id": "bm-noise", "concept": "batch-size", "kind": "numeric",
               "question": f"$N = {N}$ examples whose per-example gradients have total variance $\\sigma^2 = {sigma2:g}$ "
                           f"around the full gradient. Batches of $B = {B}$ are drawn without replacement. What is the "
                           "root-mean-square deviation of a batch gradient from the full gradient? 3 decimals.",
               "answer": round(noise, 6), "tolerance": 0.0015,
               "hint": "Take the square root of $\\frac{\\sigma^2}{B}\\cdot\\frac{N - B}{N - 1}$.",
               "solution": f"$\\sqrt{{{sigma2:g}/{B} \\cdot {N - B}/{N - 1}}} = {noise:.3f}$; 20000 random batches of "
                           f"a made-up data set with this variance give {measured:.3f}."})

    ratio = batch_noise(1.0, 10**6, 64) / batch_noise(1.0, 10**6, 256)
    assert abs(ratio - 2) < 1e-3
    ex.append({"id": "bm-halve-noise", "concept": "batch-size", "kind": "choice",
               "question": "With $N$ much larger than $B$, by what factor must the batch grow to halve the noise of "
                           "the gradient?",
               "options": [{"text": "2", "why": "The noise falls like $1/\\sqrt B$, so doubling gives $1/\\sqrt 2$."},
                           {"text": "4", "why": "Right: $1/\\sqrt{4B} = \\tfrac12 \\cdot 1/\\sqrt B$."},
                           {"text": "$\\sqrt 2$", "why": "That would reduce the noise by only $2^{1/4}$."},
                           {"text": "8", "why": "That halves the noise and then some: $1/\\sqrt 8 \\approx 0.35$."}],
               "answer": 1,
               "hint": "The variance falls like $1/B$; the noise is its square root.",
               "solution": f"From $B = 64$ to $B = 256$ with $N = 10^6$ the noise falls by a factor {ratio:.3f}."})

    n, b = 50000, 128
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.zeros(n, 1)), batch_size=b)
    ex.append({"id": "bm-updates-per-epoch", "concept": "batch-size", "kind": "numeric",
               "question": f"A training set of {n} examples is split into batches of {b} (the last batch may be "
                           "smaller). How many updates does one epoch take?",
               "answer": len(loader), "tolerance": 0.5,
               "hint": "Every example is used once; count the batches, the last partial one included.",
               "solution": f"$\\lceil {n}/{b} \\rceil = {len(loader)}$ ({n // b} full batches and one of "
                           f"{n - b * (n // b)}); a `DataLoader` with `batch_size={b}` has the same length."})

    code = ("lam, eta, theta, m = 0.9, 0.1, 0.0, 0.0\n"
            "for g in [1.0, 1.0, 1.0]:\n"
            "    m = lam * m - eta * g\n"
            "    theta = theta + m\n"
            "print(round(theta, 3))")
    theta = float(printed(code))
    ex.append({"id": "bm-momentum-three-steps", "concept": "momentum", "kind": "predict",
               "question": "Momentum in the page's form with a constant gradient $g = 1$. What do these lines print?",
               "code": code, "answer": theta, "tolerance": 0.0005,
               "hint": "The movements are $-0.1$, then $0.9 \\cdot (-0.1) - 0.1$, then once more.",
               "solution": f"$m$ takes the values $-0.1$, $-0.19$, $-0.271$; their sum is {theta:g}, against $-0.3$ "
                           "for plain gradient descent: the steps grow while the gradient keeps its direction."})

    lam = 0.8
    m = 0.0
    for _ in range(200):
        m = lam * m - 1.0  # eta g = 1
    ex.append({"id": "bm-terminal-step", "concept": "momentum", "kind": "numeric",
               "question": f"With $\\lambda = {lam:g}$ and a gradient that never changes, the momentum step settles at "
                           "a fixed multiple of the plain step $\\eta g$. Which multiple?",
               "answer": round(-m, 6), "tolerance": 0.01,
               "hint": "At the fixed point $m = \\lambda m - \\eta g$.",
               "solution": f"$m = -\\eta g / (1 - \\lambda) = -{1 / (1 - lam):g}\\, \\eta g$; iterating 200 times gives "
                           f"{-m:.4f} times the plain step."})

    w = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
    steps = []
    for lr in (0.1, 0.05):
        opt.param_groups[0]["lr"], before = lr, w.detach().clone()
        w.grad = torch.ones(1)
        opt.step()
        steps.append(abs((w.detach() - before).item()))
    lecture = abs(0.9 * -0.1 - 0.05 * 1.0)
    assert abs(steps[1] - 0.05 * 1.9) < 1e-7 and abs(lecture - steps[1]) > 0.01
    ex.append({"id": "bm-lr-change", "concept": "momentum", "kind": "numeric",
               "question": "Gradient $g = 1$ at every step, momentum 0.9, learning rate 0.1 for the first step and "
                           "0.05 for the second. How long is the second step in the lecture's form "
                           "($m \\leftarrow \\lambda m - \\eta g$) and in `torch.optim.SGD`? 3 decimals each.",
               "answer": [round(lecture, 6), round(steps[1], 6)], "tolerance": 0.0015,
               "hint": "torch keeps a buffer of gradients, $b \\leftarrow 0.9 b + g$, and multiplies all of it by the "
                       "current learning rate.",
               "solution": f"Lecture: $m = 0.9 \\cdot (-0.1) - 0.05 = -{lecture:.3f}$. torch: $b = 0.9 + 1 = 1.9$, step "
                           f"$0.05 \\cdot 1.9 = {steps[1]:.3f}$ (torch's own run). The old gradient is rescaled by the "
                           "new learning rate in torch only."})

    print(json.dumps(ex, ensure_ascii=False))
