"""Empirical risk on a sample vs the true risk, for a distribution we know exactly."""
import numpy as np

rng = np.random.default_rng(0)
sigma = 0.5           # y = 2 x + noise, x ~ N(0, 1), noise ~ N(0, sigma^2)
reps = 200            # independent training sets per sample size


def true_risk(w):
    """Expected squared loss of f(x) = w x: E[(y - w x)^2] = (w - 2)^2 E[x^2] + sigma^2."""
    return (w - 2.0) ** 2 + sigma**2


def sample(n):
    """reps independent data sets of size n, as (reps, n) arrays x, y."""
    x = rng.standard_normal((reps, n))
    return x, 2.0 * x + sigma * rng.standard_normal((reps, n))


# A check of the closed form against a huge sample.
x_big, y_big = sample(2500)
assert abs(np.mean((y_big - 1.0 * x_big) ** 2) - true_risk(1.0)) < 0.01

print(f"{'n':>6} {'|R_emp(1) - R(1)|':>18} {'R_emp(w_hat)':>13} {'R(w_hat)':>9}   (R* = {true_risk(2.0)})")
gaps, optimism, means = {}, {}, {}
for n in (10, 100, 1000, 10000):
    x, y = sample(n)
    r_emp_fixed = np.mean((y - 1.0 * x) ** 2, axis=1)              # one fixed model, w = 1
    w_hat = (x * y).sum(axis=1) / (x * x).sum(axis=1)              # ERM: argmin of R_emp
    r_emp_hat = np.mean((y - w_hat[:, None] * x) ** 2, axis=1)
    r_true_hat = true_risk(w_hat)
    gaps[n] = np.mean(np.abs(r_emp_fixed - true_risk(1.0)))
    optimism[n] = np.mean(r_true_hat - r_emp_hat)
    means[n] = (r_emp_hat.mean(), r_true_hat.mean())
    print(f"{n:>6} {gaps[n]:18.4f} {r_emp_hat.mean():13.4f} {r_true_hat.mean():9.4f}")
    assert (r_true_hat >= true_risk(2.0)).all()                   # no model beats the true minimiser

# For a fixed model, R_emp -> R like 1/sqrt(n): 10x data, about 3.16x smaller gap.
for n in (10, 100, 1000):
    assert 2.5 < gaps[n] / gaps[10 * n] < 4.0
# The minimiser of R_emp looks better on its own sample than it really is; less so with more data.
assert optimism[10] > 0.02 and optimism[10] > 10 * abs(optimism[10000])
R_star = true_risk(2.0)
assert means[10][0] < R_star < means[10][1]           # looks better than the best possible model
assert max(abs(v - R_star) for v in means[10000]) < 0.005
