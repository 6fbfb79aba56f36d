"""A coin's bias: maximum likelihood vs the mean of a Beta posterior, few and many flips."""
import numpy as np


def estimates(heads: int | np.ndarray, n: int, a: float,
              b: float) -> tuple[float | np.ndarray, float | np.ndarray, float | np.ndarray]:
    """The maximum likelihood estimate and the Beta(a, b) posterior's mean and standard deviation.

    Args:
        heads: the number of heads (an int, or an array of counts, shape (r,)).
        n: the number of flips.
        a: the prior's first parameter (a - 1 imaginary heads, loosely).
        b: the prior's second parameter.

    Returns:
        (MLE h / n, posterior mean, posterior std), each shaped like ``heads``; the posterior
        is Beta(a + h, b + n - h).

    Examples:
        >>> [round(float(v), 4) for v in estimates(3, 3, 2.0, 2.0)]  # Beta(5, 2)
        [1.0, 0.7143, 0.1597]
    """
    A, B = a + heads, b + n - heads  # conjugacy: the posterior is Beta(a + h, b + n - h)
    mean = A / (A + B)
    std = np.sqrt(A * B / ((A + B) ** 2 * (A + B + 1)))
    return heads / n, mean, std


def grid_posterior_mean(heads: int, n: int, a: float, b: float, grid: np.ndarray) -> float:
    """The posterior mean by Bayes' rule on a grid: prior times likelihood, normalised.

    Args:
        heads: the number of heads.
        n: the number of flips.
        a: the Beta prior's first parameter.
        b: the Beta prior's second parameter.
        grid: the values of theta to use, shape (g,), strictly inside (0, 1).

    Returns:
        The posterior mean of theta, a float.

    Examples:
        >>> round(grid_posterior_mean(3, 3, 2.0, 2.0, np.linspace(0, 1, 20001)[1:-1]), 4)
        0.7143
    """
    log_post = (a - 1 + heads) * np.log(grid) + (b - 1 + n - heads) * np.log1p(-grid)
    w = np.exp(log_post - log_post.max())
    return float(np.sum(w * grid) / np.sum(w))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    a, b, p_true = 2.0, 2.0, 0.7  # Beta(2, 2) prior: "probably roughly fair"
    grid = np.linspace(0, 1, 20001)[1:-1]
    print(f"{'flips':>6} {'heads':>6} {'MLE':>7} {'posterior mean':>15} {'posterior std':>14}")
    rows = {}
    for n in (3, 10, 1000):
        heads = 3 if n == 3 else int(rng.binomial(n, p_true))  # first a short lucky run: 3 heads in 3 flips
        rows[n] = estimates(heads, n, a, b)
        print(f"{n:>6} {heads:>6} {rows[n][0]:7.3f} {rows[n][1]:15.3f} {rows[n][2]:14.3f}")
        assert abs(rows[n][1] - grid_posterior_mean(heads, n, a, b, grid)) < 1e-6  # conjugate formula = Bayes' rule

    mle3, mean3, _ = rows[3]
    assert mle3 == 1.0 and mean3 < 0.75  # MLE: tails impossible; the prior pulls the estimate back
    mle_big, mean_big, std_big = rows[1000]
    assert abs(mle_big - mean_big) < 0.002  # with much data the prior hardly matters
    assert rows[1000][2] < rows[10][2] < rows[3][2]  # the posterior narrows as data accumulate
    # The posterior's spread is honest: over 1000 repetitions of the 1000 flips, how often is the
    # truth within 2 posterior standard deviations of the posterior mean? (about 95% for a normal)
    heads = rng.binomial(1000, p_true, size=1000)
    _, means, stds = estimates(heads, 1000, a, b)
    inside = np.mean(np.abs(means - p_true) < 2 * stds)
    print(f"1000 repetitions of 1000 flips: truth within 2 posterior std in {inside:.1%}")
    assert 0.92 < inside < 0.98
