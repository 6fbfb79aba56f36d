"""Exercises for "Selecting hyperparameters": effective capacity, grid search, random search, expected improvement."""
import contextlib
import io
import json
import math

import torch


def run_code(code: str) -> str:
    """Run a few lines as a fresh script and return what they printed, stripped.

    Examples:
        >>> run_code("print(2 + 3)")
        '5'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"__name__": "__exercise__"})
    return out.getvalue().strip()


def expected_improvement(mu: float, sigma: float, best: float) -> float:
    """EI of a Gaussian prediction N(mu, sigma^2) below the best error so far: (best - mu) Phi(z) + sigma phi(z).

    Examples:
        >>> round(expected_improvement(0.3, 0.1, 0.3), 4)  # z = 0: sigma / sqrt(2 pi)
        0.0399
    """
    z = (best - mu) / sigma
    cdf = 0.5 * (1 + math.erf(z / math.sqrt(2)))
    pdf = math.exp(-z * z / 2) / math.sqrt(2 * math.pi)
    return (best - mu) * cdf + sigma * pdf


def p_hit(trials: int, fraction: float) -> float:
    """The chance that at least one of `trials` independent uniform draws lands in a region of share `fraction`.

    Examples:
        >>> p_hit(1, 0.25), p_hit(2, 0.5)
        (0.25, 0.75)
    """
    return 1 - (1 - fraction) ** trials


if __name__ == "__main__":
    exercises = []

    # manual-hyperparameter-tuning
    code = ("import numpy as np\n"
            "X = np.linspace(-1, 1, 20)[:, None] ** np.arange(8)   # degree-7 polynomial features\n"
            "y = np.sin(3 * X[:, 1])\n"
            "def train_mse(lam):\n"
            "    w = np.linalg.solve(X.T @ X + lam * np.eye(8), X.T @ y)\n"
            "    return np.mean((X @ w - y) ** 2)\n"
            "print(train_mse(1.0) > train_mse(0.01))")
    printed = run_code(code)
    assert printed == "True"
    exercises.append({
        "id": "weight-decay-train-error", "concept": "manual-hyperparameter-tuning", "kind": "predict",
        "question": "Ridge regression at two weight-decay coefficients. What does this print, `True` or `False`?",
        "code": code, "answer": printed,
        "hint": "A larger $\\lambda$ lowers the effective capacity. What happens to the fit on the training set?",
        "solution": f"It prints `{printed}`: a larger $\\lambda$ restricts the weights, so the training error cannot go "
                    "down (for ridge regression it never does). The validation error is the one that may go either way.",
    })
    exercises.append({
        "id": "u-curve-side", "concept": "manual-hyperparameter-tuning", "kind": "choice",
        "question": "At the largest weight decay tried, both the training and the validation error are high and "
                    "close to each other. Where on the U-shaped curve is this setting?",
        "options": [
            {"text": "On the underfitting side: lower the weight decay", "why": "Too little effective capacity: both errors are high and the gap is small."},
            {"text": "On the overfitting side: raise the weight decay", "why": "Overfitting shows as a low training error with a high validation error."},
            {"text": "At the minimum: keep it", "why": "At the minimum the training error is lower than this; a small gap with both errors high is the left arm."},
        ],
        "answer": 0,
        "hint": "Which arm of the U has a small train-validation gap?",
        "solution": "High training error means the model cannot fit: effective capacity is too low. Lowering the weight "
                    "decay moves it toward the minimum of the U.",
    })

    # grid-search
    m, n, refine = 4, 6, 3
    total = n**m + refine**m
    exercises.append({
        "id": "grid-trial-count", "concept": "grid-search", "kind": "numeric",
        "question": f"A grid search over {m} hyperparameters with {n} values each, followed by one refinement grid of "
                    f"{refine} values per hyperparameter around the best point. How many training runs in all?",
        "answer": total, "tolerance": 0.5,
        "hint": "A grid trains one model per combination: multiply the numbers of values.",
        "solution": f"${n}^{m} + {refine}^{m} = {n**m} + {refine**m} = {total}$ runs.",
    })
    exercises.append({
        "id": "grid-edge", "concept": "grid-search", "kind": "choice",
        "question": "A grid over learning rates $\\{10^{-5}, 10^{-4}, 10^{-3}, 10^{-2}, 10^{-1}\\}$ finds the best "
                    "validation error at $10^{-1}$. What should the next grid be?",
        "options": [
            {"text": "$\\{10^{-2}, 10^{-1}, 10^{0}\\}$", "why": "The best value is on the edge: the optimum may lie beyond it, so shift the grid past that edge."},
            {"text": "$\\{0.05, 0.1, 0.15\\}$", "why": "Refining is for an interior best value; here the optimum may be above $0.1$."},
            {"text": "No next grid: $10^{-1}$ is the answer", "why": "A best value on the edge says only that the optimum is not inside the grid."},
        ],
        "answer": 0,
        "hint": "Is the best value interior or on an edge of the grid?",
        "solution": "On the edge, so shift: a grid centred on $10^{-1}$. If $10^{-1}$ then stays best it is interior, "
                    "and the search refines around it.",
    })

    # random-search
    k, share = 30, 0.05
    ph = p_hit(k, share)
    exercises.append({
        "id": "random-hit-best-region", "concept": "random-search", "kind": "numeric",
        "question": f"The learning rate is drawn log-uniformly, and the good values fill {share:.0%} of the log range. "
                    f"What is the probability that at least one of {k} random trials lands among them, to 3 decimals?",
        "answer": ph, "tolerance": 0.0015,
        "hint": "Compute the probability that every trial misses, then take the complement.",
        "solution": f"$1 - (1 - {share})^{{{k}}} = 1 - {(1 - share) ** k:.3f} = {ph:.3f}$.",
    })
    g_vals, g_dims = 4, 3
    exercises.append({
        "id": "distinct-values", "concept": "random-search", "kind": "numeric",
        "question": f"Two searches with the same budget over {g_dims} hyperparameters, of which only one matters: "
                    f"a grid of {g_vals} values per hyperparameter, and random search with as many trials. How many "
                    "distinct values of the one that matters does each try? Answer grid first, then random.",
        "answer": [g_vals, g_vals**g_dims], "tolerance": 0.5,
        "hint": "The grid's trials repeat each value of one axis for every combination of the others.",
        "solution": f"The grid runs ${g_vals}^{g_dims} = {g_vals**g_dims}$ trials but only {g_vals} values of each axis; "
                    f"random search draws a fresh value in each of its {g_vals**g_dims} trials (all distinct, with "
                    "probability 1, for a continuous distribution).",
    })

    # model-based-hpo
    best, mu, sigma = 0.30, 0.32, 0.05
    ei = expected_improvement(mu, sigma, best)
    N = torch.distributions.Normal(torch.tensor(0.0, dtype=torch.float64), torch.tensor(1.0, dtype=torch.float64))
    z = torch.tensor((best - mu) / sigma, dtype=torch.float64)
    ei_t = (best - mu) * N.cdf(z) + sigma * N.log_prob(z).exp()
    assert abs(ei - ei_t.item()) < 1e-12
    exercises.append({
        "id": "expected-improvement", "concept": "model-based-hpo", "kind": "numeric",
        "question": f"The best validation error so far is $y^\\ast = {best}$. The surrogate predicts a Gaussian with "
                    f"mean $\\mu = {mu}$ and standard deviation $\\sigma = {sigma}$ at a candidate. What is its expected "
                    "improvement, to 4 decimals?",
        "answer": ei, "tolerance": 0.00015,
        "hint": "$z = (y^\\ast - \\mu)/\\sigma$, then $(y^\\ast - \\mu)\\Phi(z) + \\sigma\\varphi(z)$.",
        "solution": f"$z = {(best - mu) / sigma:.2f}$, $\\Phi(z) = {N.cdf(z).item():.4f}$, "
                    f"$\\varphi(z) = {N.log_prob(z).exp().item():.4f}$; EI $= {best - mu:.2f} \\cdot {N.cdf(z).item():.4f}"
                    f" + {sigma} \\cdot {N.log_prob(z).exp().item():.4f} = {ei:.4f}$. Positive, although the mean "
                    "prediction is worse than the best: the uncertainty pays.",
    })
    a, b = (0.28, 0.005), (0.33, 0.10)
    ei_a, ei_b = expected_improvement(*a, best), expected_improvement(*b, best)
    assert ei_b > ei_a
    exercises.append({
        "id": "ei-explore", "concept": "model-based-hpo", "kind": "choice",
        "question": f"With $y^\\ast = {best}$, candidate A is predicted at $\\mu = {a[0]}$, $\\sigma = {a[1]}$ and "
                    f"candidate B at $\\mu = {b[0]}$, $\\sigma = {b[1]}$. Which one has the larger expected improvement?",
        "options": [
            {"text": "A: its mean is already below the best", "why": f"A's gain is almost certain but small, about {ei_a:.4f}."},
            {"text": "B: its uncertainty leaves room for a large gain", "why": f"B's wide band makes a much lower error plausible: EI {ei_b:.4f}."},
            {"text": "Equal", "why": "The two terms of EI weigh the mean and the uncertainty differently here."},
        ],
        "answer": 1,
        "hint": "Compute both; for A, $z$ is large, so $\\Phi(z) \\approx 1$ and $\\varphi(z) \\approx 0$.",
        "solution": f"EI(A) $= {ei_a:.4f}$, EI(B) $= {ei_b:.4f}$: the search explores B next, where the surrogate is "
                    "unsure, rather than exploiting A's small, sure improvement.",
    })
    print(json.dumps(exercises, ensure_ascii=False))
