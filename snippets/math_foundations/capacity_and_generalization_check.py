"""Exercises for the capacity and generalization page: nested polynomial fits, the degree that
interpolates, no free lunch on two bits, and a Beta posterior mean."""
import itertools
import json

import numpy as np


def train_mse(x: np.ndarray, y: np.ndarray, degree: int) -> float:
    """Training mean squared error of the least-squares polynomial of a given degree.

    Args:
        x: inputs, shape (n,).
        y: targets, shape (n,).
        degree: the polynomial degree.

    Returns:
        The mean squared error on (x, y).

    Examples:
        >>> train_mse(np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 5.0]), 1) < 1e-20
        True
    """
    V = np.vander(x, degree + 1)
    w = np.linalg.lstsq(V, y, rcond=None)[0]
    return float(np.mean((V @ w - y) ** 2))


def posterior_mean(heads: int, flips: int, a: float, b: float) -> float:
    """Mean of the Beta(a + heads, b + flips - heads) posterior of a coin's heads probability.

    Args:
        heads: the number of heads.
        flips: the number of flips.
        a: the prior's first parameter.
        b: the prior's second parameter.

    Returns:
        (a + heads) / (a + b + flips).

    Examples:
        >>> posterior_mean(0, 0, 2, 2)
        0.5
    """
    return (a + heads) / (a + b + flips)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    # Nested models: on any data, degree 9 never has a higher training error than degree 3.
    draws = [(x, np.sin(2 * np.pi * x) + 0.3 * rng.standard_normal(12)) for x in rng.random((50, 12))]
    assert all(train_mse(x, y, 9) <= train_mse(x, y, 3) + 1e-12 for x, y in draws)

    x8 = np.linspace(0, 1, 8)
    y8 = np.sin(2 * np.pi * x8) + 0.3 * rng.standard_normal(8)
    errs = {d: train_mse(x8, y8, d) for d in range(8)}
    d_fit = min(d for d in range(8) if errs[d] < 1e-16)
    assert d_fit == 7 and errs[6] > 1e-6

    # No free lunch on 2-bit inputs: train on 3 of the 4 inputs, predict the 4th; enumerate all 16 targets.
    targets = list(itertools.product([0, 1], repeat=4))
    right = sum(t[3] == 1 for t in targets)  # the learner "always predict 1" on the unseen input
    majority = sum(t[3] == int(sum(t[:3]) >= 2) for t in targets)
    assert len(targets) == 16 and right == majority == 8

    a = b = 2
    h, n = 4, 5
    post, mle = posterior_mean(h, n, a, b), h / n
    grid = np.linspace(0.0005, 0.9995, 1000)
    w = grid ** (a - 1 + h) * (1 - grid) ** (b - 1 + n - h)
    assert abs((grid * w).sum() / w.sum() - post) < 1e-4  # Bayes' rule on a grid agrees
    post0 = posterior_mean(0, 3, 1, 1)

    exercises = [
        {"id": "capacity-nested-training-error", "concept": "capacity", "kind": "choice",
         "question": "Polynomials of degree 3 and of degree 9 are fitted by least squares to the same 12 noisy "
                     "points. Which is true of their training errors?",
         "options": [
             {"text": "Degree 9's training error is never higher than degree 3's",
              "why": "Right: every cubic is a degree-9 polynomial, so the best degree-9 fit is at least as good."},
             {"text": "Degree 3's training error is lower, since it overfits less",
              "why": "Overfitting shows on new data; on the training points more capacity can only help."},
             {"text": "It depends on the noise in the points",
              "why": "The noise changes the test error; the ordering of training errors holds for any data."},
             {"text": "They are equal, since both fit the same data",
              "why": "Degree 9 has extra coefficients that it uses to get closer to the points."}],
         "answer": 0,
         "hint": "Is a degree-3 polynomial also a degree-9 one?",
         "solution": "The models are nested: degree 9 with its top six coefficients at zero is any cubic. The "
                     "file checks it on 50 random sets of 12 points: degree 9 never does worse on the training set."},
        {"id": "capacity-interpolating-degree", "concept": "capacity", "kind": "numeric",
         "question": "Eight points with distinct $x$ and noisy $y$. What is the smallest polynomial degree whose "
                     "least-squares fit has a training error of exactly zero (for generic $y$)?",
         "answer": d_fit, "tolerance": 0.5,
         "hint": "Count the coefficients a polynomial of degree $d$ has, and the equations the points impose.",
         "solution": f"Degree $d$ has $d + 1$ coefficients; {len(x8)} equations need {len(x8)}, so $d = {d_fit}$. "
                     f"On a sample, degree {d_fit - 1} leaves a training MSE of {errs[d_fit - 1]:.2g}, "
                     f"degree {d_fit} below $10^{{-16}}$: zero training error, and typically wild in between."},
        {"id": "nfl-two-bits", "concept": "no-free-lunch", "kind": "numeric",
         "question": "Inputs are 2 bits (4 possible inputs); a learner is trained on 3 of them and tested on the "
                     "fourth. Over all possible target functions $\\{0, 1\\}^4$, on how many does the learner "
                     "\"always predict 1\" get the unseen label right?",
         "answer": right, "tolerance": 0.5,
         "hint": "First count the target functions; then ask in how many the unseen label is 1.",
         "solution": f"There are $2^4 = {len(targets)}$ targets, and the unseen label is 1 in half of them: "
                     f"{right}. The majority-of-training-labels learner is also right on exactly {majority}: averaged "
                     "over all targets, every learner scores one half."},
        {"id": "nfl-meaning", "concept": "no-free-lunch", "kind": "choice",
         "question": "What does the no free lunch theorem imply for machine learning in practice?",
         "options": [
             {"text": "Learning from data is impossible",
              "why": "No: it says learning needs assumptions, and real problems are not uniformly random."},
             {"text": "An algorithm is better only on the problems that match its assumptions",
              "why": "Right: averaged over all distributions every learner ties, so gains come from fitting the problems we meet."},
             {"text": "Deep networks beat every other learner on every problem",
              "why": "That is exactly what the theorem rules out."},
             {"text": "One should always use the simplest model",
              "why": "Simplicity is itself an assumption, good for some problems and bad for others."}],
         "answer": 1,
         "hint": "The theorem averages over *all* data-generating distributions.",
         "solution": "Every learner's off-training-set error is the same on average over all targets (as the "
                     "two-bit count shows), so an algorithm wins only where its assumptions, such as smoothness, "
                     "match the distributions that occur."},
        {"id": "beta-posterior-mean", "concept": "frequentist-vs-bayesian", "kind": "numeric",
         "question": f"A coin gives {h} heads in {n} flips. With a $\\mathrm{{Beta}}({a}, {b})$ prior on its heads "
                     "probability, what is the posterior mean? Give 3 decimals.",
         "answer": round(post, 6), "tolerance": 0.0015,
         "hint": "The prior acts like $a$ extra heads and $b$ extra tails.",
         "solution": f"$(a + h)/(a + b + n) = ({a} + {h})/({a} + {b} + {n}) = {post:.3f}$, pulled from the maximum "
                     f"likelihood estimate {mle:g} toward $\\tfrac12$ (Bayes' rule on a grid agrees)."},
        {"id": "uniform-prior-no-heads", "concept": "frequentist-vs-bayesian", "kind": "numeric",
         "question": "With a uniform prior, $\\mathrm{Beta}(1, 1)$, a coin shows 0 heads in 3 flips. The maximum "
                     "likelihood estimate of its heads probability is 0. What is the posterior mean? Give 3 decimals.",
         "answer": round(post0, 6), "tolerance": 0.0015,
         "hint": "Use $(a + h)/(a + b + n)$.",
         "solution": f"$(1 + 0)/(1 + 1 + 3) = {post0:.3f}$ (Laplace's rule of succession): the Bayesian estimate "
                     "does not declare heads impossible after three tails."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
