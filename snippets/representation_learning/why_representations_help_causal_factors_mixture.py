"""Unlabelled data helps when the label is a cause of x: a two-component mixture, one label per class."""
import numpy as np


def em_two_gaussians(x: np.ndarray, rng: np.random.Generator, iters: int = 30,
                     restarts: int = 10) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """EM for a mixture of two Gaussians with a shared covariance, keeping the best of several random starts.

    Each start takes two data points as the means; the fit with the highest log-likelihood wins
    (EM only finds a local maximum, so one start can settle on a poor split).

    Args:
        x: unlabelled data, shape (N, d).
        rng: the random generator for the starts.
        iters: EM iterations per start.
        restarts: the number of starts.

    Returns:
        (means, shape (2, d); inverse of the shared covariance, shape (d, d); mixing weights, shape (2,)).

    Examples:
        >>> rng = np.random.default_rng(0)
        >>> x = np.concatenate([rng.normal(-3, 1, (200, 1)), rng.normal(3, 1, (200, 1))])
        >>> mu, prec, w = em_two_gaussians(x, rng)
        >>> sorted(np.round(mu[:, 0]).tolist()), np.round(w, 1).tolist()
        ([-3.0, 3.0], [0.5, 0.5])
    """
    best = (-np.inf, None)
    for _ in range(restarts):
        mu = x[rng.choice(len(x), 2, replace=False)]
        cov, w, loglik = np.cov(x.T).reshape(x.shape[1], -1), np.array([0.5, 0.5]), []
        for _ in range(iters):
            prec = np.linalg.inv(cov)
            d = x[:, None, :] - mu[None]  # E-step: responsibilities
            logp = np.log(w) - 0.5 * ((d @ prec) * d).sum(-1)
            top = logp.max(1, keepdims=True)
            r = np.exp(logp - top)
            loglik.append(np.mean(top[:, 0] + np.log(r.sum(1))) - 0.5 * np.linalg.slogdet(2 * np.pi * cov)[1])
            r /= r.sum(1, keepdims=True)
            w = r.mean(0)  # M-step
            mu = (r.T @ x) / r.sum(0)[:, None]
            d = x[:, None, :] - mu[None]
            cov = np.einsum("nk,nki,nkj->ij", r, d, d) / len(x)
        assert np.all(np.diff(loglik) > -1e-9)  # EM never lowers the likelihood
        if loglik[-1] > best[0]:
            best = (loglik[-1], (mu, np.linalg.inv(cov), w))
    return best[1]


def log_odds(x: np.ndarray, mu: np.ndarray, prec: np.ndarray, w: np.ndarray) -> np.ndarray:
    """log p(component 1 | x) - log p(component 0 | x) under a two-Gaussian mixture with shared covariance.

    Args:
        x: the points, shape (N, d).
        mu: the means, shape (2, d).
        prec: the inverse of the shared covariance, shape (d, d).
        w: the mixing weights, shape (2,).

    Returns:
        The log-odds, shape (N,).

    Examples:
        >>> log_odds(np.array([[0.0], [1.0]]), np.array([[-1.0], [1.0]]), np.eye(1), np.array([0.5, 0.5])).tolist()
        [0.0, 2.0]
    """
    d = x[:, None, :] - mu[None]
    logp = np.log(w) - 0.5 * ((d @ prec) * d).sum(-1)
    return logp[:, 1] - logp[:, 0]


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    rotate = np.array([[np.cos(0.6), -np.sin(0.6)], [np.sin(0.6), np.cos(0.6)]])
    chol = rotate @ np.diag([2.0, 0.4])  # long, thin clusters, tilted
    means = np.array([[0.0, -0.9], [0.0, 0.9]])

    def sample_caused(n: int) -> tuple[np.ndarray, np.ndarray]:  # y picks a component, then x is drawn from it
        y = rng.integers(2, size=n)
        return means[y] + rng.standard_normal((n, 2)) @ chol.T, y

    def sample_uncaused(n: int) -> tuple[np.ndarray, np.ndarray]:  # y read off x2, where p(x) is flat
        x1 = rng.choice([-1.0, 1.0], n) * rng.uniform(0.75, 3.0, n)  # two blocks, left and right
        x = np.stack([x1, rng.uniform(-1.0, 1.0, n)], 1)
        return x, (x[:, 1] > 0.2).astype(int)

    results = {}
    for name, sample in [("y causes x (mixture)", sample_caused), ("y read off a flat x2", sample_uncaused)]:
        x_unlab, _ = sample(1000)
        x_test, y_test = sample(2000)
        mix = em_two_gaussians(x_unlab, rng)  # fitted without a single label
        acc_sup, acc_semi = [], []
        for _ in range(100):  # 100 draws of one labelled example per class
            x_all, y_all = sample(60)
            x1 = np.stack([x_all[y_all == 0][0], x_all[y_all == 1][0]])
            nearest = ((x_test[:, None] - x1[None]) ** 2).sum(-1).argmin(1)  # labels alone: 1-NN
            acc_sup.append((nearest == y_test).mean())
            # name the components: class 1 is the one its labelled example leans to more than class 0's does
            flip = log_odds(x1, *mix)[1] < log_odds(x1, *mix)[0]
            acc_semi.append((((log_odds(x_test, *mix) > 0) != flip) == y_test).mean())
        results[name] = (np.mean(acc_sup), np.mean(acc_semi), mix, x_test, y_test)
        print(f"{name:24s}: labels only {np.mean(acc_sup):.3f}   unlabelled mixture + labels {np.mean(acc_semi):.3f}")

    sup, semi, _, x_test, y_test = results["y causes x (mixture)"]
    truth = (means, np.linalg.inv(chol @ chol.T), np.array([0.5, 0.5]))
    best = ((log_odds(x_test, *truth) > 0) == y_test).mean()  # the Bayes rule, with the true parameters
    print(f"best possible on the mixture (true parameters): {best:.3f}")
    assert semi > sup + 0.2 and semi > best - 0.05  # close to the best possible
    sup, semi, (mu, _, _), *_ = results["y read off a flat x2"]
    print(f"second case, the fitted means differ by {np.round(np.abs(mu[1] - mu[0]), 2)} in (x1, x2);"
          f" the label depends on x2")
    assert semi < 0.55 < sup and abs(mu[1, 0] - mu[0, 0]) > 5 * abs(mu[1, 1] - mu[0, 1])  # a left/right split
