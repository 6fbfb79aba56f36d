"""Exercises for the learning-vs-optimization page: early stopping, a true risk in closed form, the
logistic surrogate loss and its gradient, and the noise of a minibatch gradient."""
import contextlib
import io
import json
import math

import numpy as np
import torch


def printed(code: str) -> str:
    """What a few lines of code print, run in a fresh namespace that has numpy as np.

    Args:
        code: the lines.

    Returns:
        Their output, stripped.

    Examples:
        >>> printed("print(np.ones(2).sum())")
        '2.0'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"np": np})
    return out.getvalue().strip()


def true_risk(w: float, slope: float, sigma: float) -> float:
    """Risk of f(x) = w x under squared loss when x ~ N(0, 1) and y = slope x + N(0, sigma^2).

    Args:
        w: the model's weight.
        slope: the true slope.
        sigma: the noise standard deviation.

    Returns:
        (w - slope)^2 + sigma^2.

    Examples:
        >>> true_risk(2.0, 2.0, 0.5)
        0.25
    """
    return (w - slope) ** 2 + sigma**2


if __name__ == "__main__":
    slope, sigma, w = 3.0, 0.4, 2.5
    R = true_risk(w, slope, sigma)
    rng = np.random.default_rng(0)
    x = rng.standard_normal(400000)
    y = slope * x + sigma * rng.standard_normal(400000)
    assert abs(np.mean((y - w * x) ** 2) - R) < 0.01  # the closed form matches a large sample

    z = 2.0  # logit of a correctly classified positive example
    nll = math.log1p(math.exp(-z))
    zt = torch.tensor(z, dtype=torch.float64, requires_grad=True)
    loss = torch.nn.functional.softplus(-zt)
    loss.backward()
    grad = zt.grad.item()
    assert abs(loss.item() - nll) < 1e-12 and abs(grad + 1 / (1 + math.exp(z))) < 1e-12 and grad < 0

    code_noise = """rng = np.random.default_rng(0)
g = rng.normal(0.0, 3.0, size=(100000, 25))  # per-example gradients, std 3
print(round(g.mean(axis=1).std(), 2))  # std of minibatch-of-25 means"""
    out_noise = printed(code_noise)
    assert abs(float(out_noise) - 3.0 / math.sqrt(25)) < 0.01

    m0, factor = 16, 4
    m_needed = m0 * factor**2

    exercises = [
        {"id": "early-stop-not-a-minimum", "concept": "learning-vs-pure-optimization", "kind": "choice",
         "question": "Training stops early, at the step where the validation cost is lowest. What is typically true "
                     "of the training cost $J$ at that point?",
         "options": [
             {"text": "It is at a local minimum, so its gradient is zero",
              "why": "Early stopping does not look at $J$'s gradient; $J$ usually keeps falling after the stop."},
             {"text": "It is not minimised, and its gradient may still be large",
              "why": "Right: the stop is chosen for the goal (error on new data), not for $J$."},
             {"text": "It is higher than at the start of training",
              "why": "Gradient descent with a small enough step lowers $J$ at every step before the stop too."},
             {"text": "It equals the validation cost",
              "why": "The two are measured on different data and generally differ."}],
         "answer": 1,
         "hint": "Which quantity decides when to stop, and which one is being minimised?",
         "solution": "Learning minimises $J$ only as a stand-in for performance on unseen data. Early stopping "
                     "halts where the validation cost is lowest; the page's example shows $J$ still falling there "
                     "and the exact minimiser of $J$ generalising worse."},
        {"id": "true-risk-closed-form", "concept": "empirical-risk-minimization", "kind": "numeric",
         "question": f"Data come from $x \\sim \\mathcal N(0, 1)$, $y = {slope:g}x + \\varepsilon$ with "
                     f"$\\varepsilon \\sim \\mathcal N(0, {sigma:g}^2)$. What is the true risk (expected squared loss) of "
                     f"the model $f(x) = {w:g}x$?",
         "answer": round(R, 9), "tolerance": 0.001,
         "hint": "$y - wx = (3 - w)x + \\varepsilon$; the two terms are independent with mean 0.",
         "solution": f"$\\mathbb E[((3 - w)x + \\varepsilon)^2] = (3 - w)^2\\,\\mathbb E[x^2] + \\sigma^2 = "
                     f"{slope - w:g}^2 + {sigma:g}^2 = {R:g}$ (a sample of 400 000 points agrees)."},
        {"id": "surrogate-nll-correct-example", "concept": "surrogate-loss", "kind": "numeric",
         "question": f"A logistic classifier gives a positive example ($y = 1$) the logit $z = {z:g}$. Its 0-1 loss is 0. "
                     "What is its negative log-likelihood, in nats? Give 3 decimals.",
         "answer": round(nll, 6), "tolerance": 0.0015,
         "hint": "$-\\ln\\sigma(z) = \\ln(1 + e^{-z})$.",
         "solution": f"$\\ln(1 + e^{{-{z:g}}}) = {nll:.3f}$: still positive, so the surrogate keeps pushing although "
                     "the example is already classified correctly."},
        {"id": "surrogate-gradient-sign", "concept": "surrogate-loss", "kind": "numeric",
         "question": f"Same example ($y = 1$, $z = {z:g}$): what is $\\partial L_{{\\text{{NLL}}}}/\\partial z$? Give 3 "
                     "decimals (with its sign).",
         "answer": round(grad, 6), "tolerance": 0.0015,
         "hint": "$\\frac{d}{dz}\\ln(1 + e^{-z}) = -\\frac{e^{-z}}{1 + e^{-z}} = -(1 - \\sigma(z))$.",
         "solution": f"$-(1 - \\sigma({z:g})) = {grad:.3f}$ (autograd agrees). It is negative, so gradient descent "
                     "raises $z$: the margin keeps growing while the 0-1 loss, flat here, gives no signal at all."},
        {"id": "minibatch-noise-predict", "concept": "minibatch-algorithms", "kind": "predict",
         "question": "Per-example gradients with standard deviation 3, averaged over minibatches of 25. What does "
                     "this print (2 decimals)?",
         "code": code_noise, "answer": float(out_noise), "tolerance": 0.015,
         "hint": "The standard error of a mean of $m$ independent values is $\\sigma/\\sqrt m$.",
         "solution": f"It prints `{out_noise}`, close to $3/\\sqrt{{25}} = {3 / math.sqrt(25):g}$."},
        {"id": "minibatch-halve-noise", "concept": "minibatch-algorithms", "kind": "numeric",
         "question": f"With minibatches of {m0} examples, the gradient estimate is too noisy. How many examples per "
                     f"minibatch make its standard deviation {factor} times smaller?",
         "answer": m_needed, "tolerance": 0.5,
         "hint": "The noise falls like $1/\\sqrt m$.",
         "solution": f"$\\sigma/\\sqrt m$ shrinks {factor} times when $m$ grows ${factor}^2 = {factor**2}$ times: "
                     f"${m0} \\times {factor**2} = {m_needed}$ examples, {factor**2} times the computation per step."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
