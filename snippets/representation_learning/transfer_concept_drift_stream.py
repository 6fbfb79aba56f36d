"""Concept drift: the rule linking x to y turns slowly; a frozen model decays, a retrained one keeps up."""
import numpy as np

rng = np.random.default_rng(0)
T = 20                                               # time steps (think: weeks)


def batch(t, n=200):
    """n points at time t: x ~ N(0, I), y = [x . u(t) > 0]; u turns by 90 degrees over the T steps."""
    angle = 0.5 * np.pi * t / (T - 1)
    x = rng.standard_normal((n, 2))
    return x, (x @ np.array([np.cos(angle), np.sin(angle)]) > 0).astype(int)


def fit_class_means(x, y):
    """Nearest-class-mean classifier: returns the (2, 2) array of class means."""
    return np.stack([x[y == 0].mean(0), x[y == 1].mean(0)])


def accuracy(means, x, y):
    """Fraction of rows of x whose nearest class mean carries the right label."""
    return np.mean(((x[:, None] - means[None]) ** 2).sum(-1).argmin(1) == y)


frozen = fit_class_means(*batch(0))                  # trained once, at the start
recent = frozen
acc_frozen, acc_recent = [], []
print(" t | frozen model | retrained on last batch")
for t in range(1, T):
    x, y = batch(t)                                  # this week's data: first scored, then learned from
    acc_frozen.append(accuracy(frozen, x, y))
    acc_recent.append(accuracy(recent, x, y))
    recent = fit_class_means(x, y)
    if t % 3 == 1 or t == T - 1:
        print(f"{t:2d} | {acc_frozen[-1]:12.3f} | {acc_recent[-1]:.3f}")
assert acc_frozen[0] > 0.9 and acc_frozen[-1] < 0.6   # the same model, slowly going stale
assert min(acc_recent) > 0.9                          # one step behind the drift is good enough
