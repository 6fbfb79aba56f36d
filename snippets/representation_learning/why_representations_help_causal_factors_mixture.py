"""Unlabelled data helps when the label is a cause of x: a two-component mixture, one label per class."""
import numpy as np

rng = np.random.default_rng(0)
rotate = np.array([[np.cos(0.6), -np.sin(0.6)], [np.sin(0.6), np.cos(0.6)]])
chol = rotate @ np.diag([2.0, 0.4])                 # long, thin clusters, tilted
means = np.array([[0.0, -0.9], [0.0, 0.9]])


def sample_caused(n):
    """y picks a component, then x is drawn from it: y is a causal factor of x. Returns (x, y)."""
    y = rng.integers(2, size=n)
    return means[y] + rng.standard_normal((n, 2)) @ chol.T, y


def sample_uncaused(n):
    """x uniform on a wide rectangle, y read off x afterwards: p(x) says nothing about y. Returns (x, y)."""
    x = rng.uniform(-1, 1, (n, 2)) * [3.0, 1.0]
    return x, (x[:, 1] > 0.2).astype(int)


def em_two_gaussians(x, iters=50):
    """EM for a 2-Gaussian mixture with shared covariance; returns (means, inverse cov, weights)."""
    mu = x[rng.choice(len(x), 2, replace=False)]
    cov, w, loglik = np.cov(x.T), np.array([0.5, 0.5]), []
    for _ in range(iters):
        prec = np.linalg.inv(cov)
        d = x[:, None, :] - mu[None]                          # E-step: responsibilities
        logp = np.log(w) - 0.5 * np.einsum("nki,ij,nkj->nk", d, prec, d)
        top = logp.max(1, keepdims=True)
        r = np.exp(logp - top)
        loglik.append(np.mean(top[:, 0] + np.log(r.sum(1))) - 0.5 * np.linalg.slogdet(2 * np.pi * cov)[1])
        r /= r.sum(1, keepdims=True)
        w = r.mean(0)                                         # M-step
        mu = (r.T @ x) / r.sum(0)[:, None]
        d = x[:, None, :] - mu[None]
        cov = np.einsum("nk,nki,nkj->ij", r, d, d) / len(x)
    assert np.all(np.diff(loglik) > -1e-9)                   # EM never lowers the likelihood
    return mu, np.linalg.inv(cov), w


def log_odds(x, mu, prec, w):
    """log p(component 1 | x) - log p(component 0 | x) for each row of x."""
    d = x[:, None, :] - mu[None]
    logp = np.log(w) - 0.5 * np.einsum("nki,ij,nkj->nk", d, prec, d)
    return logp[:, 1] - logp[:, 0]


results = {}
for name, sample in [("y causes x (mixture)", sample_caused), ("y read off a uniform x", sample_uncaused)]:
    x_unlab, _ = sample(2000)
    x_test, y_test = sample(2000)
    mix = em_two_gaussians(x_unlab)                           # fitted without a single label
    acc_sup, acc_semi = [], []
    for _ in range(100):                                      # 100 draws of one labelled example per class
        x_all, y_all = sample(60)
        x1 = np.stack([x_all[y_all == 0][0], x_all[y_all == 1][0]])
        nearest = ((x_test[:, None] - x1[None]) ** 2).sum(-1).argmin(1)   # labels alone: 1-NN
        acc_sup.append((nearest == y_test).mean())
        # name the components: class 1 is the one its labelled example leans to more than class 0's does
        flip = log_odds(x1, *mix)[1] < log_odds(x1, *mix)[0]
        acc_semi.append((((log_odds(x_test, *mix) > 0) != flip) == y_test).mean())
    results[name] = (np.mean(acc_sup), np.mean(acc_semi), mix, x_test, y_test)
    print(f"{name:24s}: labels only {np.mean(acc_sup):.3f}   unlabelled mixture + labels {np.mean(acc_semi):.3f}")

sup, semi, _, x_test, y_test = results["y causes x (mixture)"]
truth = (means, np.linalg.inv(chol @ chol.T), np.array([0.5, 0.5]))
best = ((log_odds(x_test, *truth) > 0) == y_test).mean()          # the Bayes rule, with the true parameters
print(f"best possible on the mixture (true parameters): {best:.3f}")
assert semi > sup + 0.1 and semi > best - 0.02            # nearly the best possible
sup, semi, (mu, _, _), *_ = results["y read off a uniform x"]
print(f"uniform case, fitted means differ by {np.round(mu[1] - mu[0], 2)} (the label depends on x2)")
assert semi < 0.55 < sup and abs(mu[1, 0] - mu[0, 0]) > 5 * abs(mu[1, 1] - mu[0, 1])  # a left/right split
