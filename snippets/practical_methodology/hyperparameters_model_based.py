"""Model-based (Bayesian) hyperparameter search: a Gaussian-process surrogate and expected improvement."""
import math
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
import torch


def gp_posterior(x: np.ndarray, y: np.ndarray, xs: np.ndarray, length: float = 1.0,
                 noise: float = 1e-6) -> tuple[np.ndarray, np.ndarray]:
    """Posterior mean and standard deviation of a Gaussian process with an RBF kernel.

    The observations are standardised; the kernel is exp(-(a - b)^2 / (2 length^2)).

    Args:
        x: the hyperparameter values tried, shape (n,).
        y: their validation errors, shape (n,).
        xs: the candidate values, shape (m,).
        length: the kernel's length scale, in the units of x.
        noise: the variance added to the diagonal (observation noise and jitter).

    Returns:
        (mean, sd) of the error predicted at each candidate, each of shape (m,).

    Examples:
        >>> mu, sd = gp_posterior(np.array([0.0, 2.0]), np.array([1.0, 3.0]), np.array([0.0, 1.0, 9.0]))
        >>> mu.round(3).tolist(), sd.round(3).tolist()  # exact at the data, uncertain far from it
        ([1.0, 2.0, 2.0], [0.001, 0.593, 1.0])
    """
    k = lambda a, b: np.exp(-0.5 * (a[:, None] - b[None, :]) ** 2 / length**2)  # noqa: E731
    mu0, sd0 = y.mean(), y.std() + 1e-12
    L = np.linalg.cholesky(k(x, x) + noise * np.eye(len(x)))
    v = np.linalg.solve(L, k(x, xs))
    mean = mu0 + sd0 * v.T @ np.linalg.solve(L, (y - mu0) / sd0)
    return mean, sd0 * np.sqrt(np.clip(1 - (v**2).sum(0), 1e-12, None))


def expected_improvement(mean: np.ndarray, sd: np.ndarray, best: float) -> np.ndarray:
    """E[max(best - Y, 0)] for Y ~ N(mean, sd^2): how much a candidate is expected to beat the best so far.

    Args:
        mean: the predicted errors, shape (m,).
        sd: their standard deviations, shape (m,), > 0.
        best: the lowest error observed so far.

    Returns:
        (best - mean) Phi(z) + sd phi(z) with z = (best - mean) / sd, shape (m,).

    Examples:
        >>> expected_improvement(np.array([0.0, 0.0, 2.0]), np.array([1.0, 2.0, 1.0]), best=0.0).round(3).tolist()
        [0.399, 0.798, 0.008]
    """
    z = (best - mean) / sd
    cdf = 0.5 * (1 + np.array([math.erf(v / math.sqrt(2)) for v in z]))
    return (best - mean) * cdf + sd * np.exp(-0.5 * z**2) / math.sqrt(2 * math.pi)


def bayes_opt(f: Callable[[float], float], candidates: np.ndarray, budget: int) -> tuple[list[float], list[float]]:
    """Try both ends and the middle, then each time the untried candidate with the largest expected improvement.

    Args:
        f: the validation error of a hyperparameter value (one trial).
        candidates: the values that may be tried, sorted, shape (m,).
        budget: the number of trials, >= 3.

    Returns:
        (the values tried, their errors), in the order tried.

    Examples:
        >>> x, y = bayes_opt(lambda v: (v - 0.3) ** 2, np.linspace(-2, 2, 41), budget=6)
        >>> round(min(y), 4)
        0.0
    """
    x = [candidates[0], candidates[len(candidates) // 2], candidates[-1]]
    y = [f(v) for v in x]
    while len(x) < budget:
        mean, sd = gp_posterior(np.array(x), np.array(y), candidates)
        ei = np.where(np.isin(candidates, x), -np.inf, expected_improvement(mean, sd, min(y)))
        x.append(float(candidates[np.argmax(ei)]))
        y.append(f(x[-1]))
    return x, y


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    cand, budget, wins, fewer = np.linspace(-6, 2, 161), 10, 0, 0  # log10 of the weight decay
    # the surrogate and the acquisition against torch: the posterior mean by a direct inverse, EI by Normal
    x_t, y_t = np.array([-5.0, -1.0, 0.5, 2.0]), np.array([1.0, -1.0, -0.5, 0.3])
    mean, sd = gp_posterior(x_t, y_t, cand)
    K = lambda a, b: torch.exp(-0.5 * (torch.tensor(a)[:, None] - torch.tensor(b)[None, :]) ** 2)  # noqa: E731
    m_t = y_t.mean() + K(cand, x_t) @ torch.linalg.inv(K(x_t, x_t) + 1e-6 * torch.eye(4)) @ torch.tensor(y_t - y_t.mean())
    normal, z = torch.distributions.Normal(0.0, 1.0), torch.tensor((-1.0 - mean) / sd)
    ei_t = torch.tensor(-1.0 - mean) * normal.cdf(z) + torch.tensor(sd) * normal.log_prob(z).exp()
    assert np.abs(mean - m_t.numpy()).max() < 1e-6 and np.abs(expected_improvement(mean, sd, -1.0) - ei_t.numpy()).max() < 1e-6
    for problem in range(20):  # 20 problems: ridge on Legendre features, noise level and size drawn at random
        sigma, n = 10 ** rng.uniform(-1.5, 0), int(rng.integers(20, 80))
        x_va, x_tr = rng.uniform(-1, 1, 500), rng.uniform(-1, 1, n)
        y_va, y_tr = np.sin(3 * x_va) + sigma * rng.normal(size=500), np.sin(3 * x_tr) + sigma * rng.normal(size=n)
        P_tr, P_va = np.polynomial.legendre.legvander(x_tr, 15), np.polynomial.legendre.legvander(x_va, 15)

        def f(log_lam: float) -> float:  # one trial: fit, then the log validation MSE
            w = np.linalg.solve(P_tr.T @ P_tr + 10**log_lam * np.eye(16), P_tr.T @ y_tr)
            return float(np.log(np.mean((P_va @ w - y_va) ** 2)))

        x, y = bayes_opt(f, cand, budget)
        grid = np.linspace(-6, 2, budget)
        grid_best = min(f(v) for v in grid)
        wins += min(y) < grid_best
        fewer += np.minimum.accumulate(y)[budget - 2] <= grid_best  # the grid's result, a trial or more sooner
        if problem == 0:
            print("trial  log10 lambda  log MSE")
            for t, (a, b) in enumerate(zip(x, y), 1):
                print(f"{t:5d}  {a:12.2f}  {b:7.3f}")
            best = min(f(v) for v in cand)
            print(f"best of {budget}: model-based {min(y):.3f}, grid {grid_best:.3f}; all {len(cand)} candidates: {best:.3f}")
            fig, ax = plt.subplots(figsize=(6, 3.2))
            mean, sd = gp_posterior(np.array(x), np.array(y), cand)
            ax.plot(cand, [f(v) for v in cand], color="tab:gray", lw=1, label="validation error (unknown)")
            ax.plot(cand, mean, color="tab:blue", label="surrogate mean")
            ax.fill_between(cand, mean - 2 * sd, mean + 2 * sd, color="tab:blue", alpha=0.2, label="± 2 sd")
            ax.plot(x, y, "o", color="tab:red", ms=4, label="model-based trials")
            ax.plot(grid, [f(v) for v in grid], "x", color="k", ms=5, label="grid trials")
            ax.set(xlabel="log10 weight decay λ", ylabel="log validation MSE")
            ax.legend(fontsize=7)
    print(f"over 20 problems, with {budget} trials each: model-based search beat the grid in {wins}, "
          f"and matched the grid's best with fewer trials in {fewer}")
    assert wins >= 13 and fewer >= 13  # usually, not always
    plt.show()
