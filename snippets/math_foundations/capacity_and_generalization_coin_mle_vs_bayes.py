"""A coin's bias: maximum likelihood vs the mean of a Beta posterior, few and many flips."""
import numpy as np

rng = np.random.default_rng(0)
a, b = 2.0, 2.0                       # Beta(2, 2) prior: "probably roughly fair"
grid = np.linspace(0, 1, 20001)       # for a brute-force posterior


def estimates(heads, n):
    """(MLE, posterior mean, posterior std) for `heads` heads in n flips under Beta(a, b)."""
    mle = heads / n
    A, B = a + heads, b + n - heads   # conjugacy: the posterior is Beta(a + h, b + n - h)
    mean = A / (A + B)
    std = np.sqrt(A * B / ((A + B) ** 2 * (A + B + 1)))
    return mle, mean, std


def grid_posterior_mean(heads, n):
    """Posterior mean by Bayes' rule on a grid: prior * likelihood, normalised."""
    log_post = (a - 1 + heads) * np.log(grid[1:-1]) + (b - 1 + n - heads) * np.log1p(-grid[1:-1])
    w = np.exp(log_post - log_post.max())
    return np.sum(w * grid[1:-1]) / np.sum(w)


p_true = 0.7
print(f"{'flips':>6} {'heads':>6} {'MLE':>7} {'posterior mean':>15} {'posterior std':>14}")
rows = {}
for n in (3, 10, 1000):
    if n == 3:
        heads = 3                     # a short lucky run: three heads out of three
    else:
        heads = int(rng.binomial(n, p_true))
    mle, mean, std = estimates(heads, n)
    rows[n] = (mle, mean, std)
    print(f"{n:>6} {heads:>6} {mle:7.3f} {mean:15.3f} {std:14.3f}")
    assert abs(mean - grid_posterior_mean(heads, n)) < 1e-6   # conjugate formula = Bayes' rule

mle3, mean3, _ = rows[3]
assert mle3 == 1.0 and mean3 < 0.75   # MLE: tails impossible; the prior pulls the estimate back
mle_big, mean_big, std_big = rows[1000]
assert abs(mle_big - mean_big) < 0.002            # with much data the prior hardly matters
assert abs(mean_big - p_true) < 3 * std_big       # and the truth lies within the posterior's spread
assert rows[1000][2] < rows[10][2] < rows[3][2]   # the posterior narrows as data accumulate
