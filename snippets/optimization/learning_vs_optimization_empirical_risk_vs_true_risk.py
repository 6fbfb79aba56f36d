"""Empirical risk on a sample vs the true risk, for a distribution we know exactly."""
import numpy as np


def true_risk(w: np.ndarray | float, sigma: float) -> np.ndarray | float:
    """The expected squared loss of f(x) = w x when x ~ N(0, 1) and y = 2 x + N(0, sigma^2).

    R(w) = E[(y - w x)^2] = (w - 2)^2 E[x^2] + sigma^2 = (w - 2)^2 + sigma^2.

    Args:
        w: the slope, a float or any shape.
        sigma: the standard deviation of the noise.

    Returns:
        The risk, same shape as w.

    Examples:
        >>> true_risk(2.0, 0.5), true_risk(np.array([1.0, 3.0]), 0.5).tolist()
        (0.25, [1.25, 1.25])
    """
    return (w - 2.0) ** 2 + sigma**2


def sample(rng: np.random.Generator, reps: int, n: int, sigma: float) -> tuple[np.ndarray, np.ndarray]:
    """``reps`` independent training sets of size n from x ~ N(0, 1), y = 2 x + N(0, sigma^2).

    Args:
        rng: the random generator.
        reps: the number of training sets.
        n: the size of each.
        sigma: the standard deviation of the noise.

    Returns:
        (x, y), each of shape (reps, n).

    Examples:
        >>> x, y = sample(np.random.default_rng(0), 3, 5, sigma=0.0)
        >>> x.shape, bool(np.allclose(y, 2 * x))
        ((3, 5), True)
    """
    x = rng.standard_normal((reps, n))
    return x, 2.0 * x + sigma * rng.standard_normal((reps, n))


def erm_slope(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The least-squares slope of y = w x (no intercept) on each training set: the minimiser of the empirical risk.

    Args:
        x: the inputs, shape (reps, n).
        y: the targets, shape (reps, n).

    Returns:
        w_hat = sum(x y) / sum(x^2) for each set, shape (reps,).

    Examples:
        >>> erm_slope(np.array([[1.0, 2.0]]), np.array([[2.0, 4.0]])).tolist()
        [2.0]
    """
    return (x * y).sum(axis=1) / (x * x).sum(axis=1)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    sigma, reps = 0.5, 200  # y = 2 x + noise; 200 independent training sets per size
    R_star = true_risk(2.0, sigma)

    x_big, y_big = sample(rng, reps, 2500, sigma)  # the closed form against a huge sample
    assert abs(np.mean((y_big - 1.0 * x_big) ** 2) - true_risk(1.0, sigma)) < 0.01

    print(f"{'n':>6} {'|R_emp(1) - R(1)|':>18} {'R_emp(w_hat)':>13} {'R(w_hat)':>9}   (R* = {R_star})")
    gaps, optimism, means = {}, {}, {}
    for n in (10, 100, 1000, 10000):
        x, y = sample(rng, reps, n, sigma)
        r_emp_fixed = np.mean((y - 1.0 * x) ** 2, axis=1)  # one fixed model, w = 1
        w_hat = erm_slope(x, y)  # ERM: argmin of R_emp
        r_emp_hat = np.mean((y - w_hat[:, None] * x) ** 2, axis=1)
        r_true_hat = true_risk(w_hat, sigma)
        gaps[n] = np.mean(np.abs(r_emp_fixed - true_risk(1.0, sigma)))
        optimism[n] = np.mean(r_true_hat - r_emp_hat)
        means[n] = (r_emp_hat.mean(), r_true_hat.mean())
        print(f"{n:>6} {gaps[n]:18.4f} {r_emp_hat.mean():13.4f} {r_true_hat.mean():9.4f}")
        assert (r_true_hat >= R_star).all()  # no model beats the true minimiser

    # For a fixed model, R_emp -> R like 1/sqrt(n): 10x data, about 3.16x smaller gap.
    for n in (10, 100, 1000):
        assert 2.5 < gaps[n] / gaps[10 * n] < 4.0
    # The minimiser of R_emp looks better on its own sample than it really is; less so with more data.
    assert optimism[10] > 0.02 and optimism[10] > 10 * abs(optimism[10000])
    assert means[10][0] < R_star < means[10][1]  # looks better than the best possible model
    assert max(abs(v - R_star) for v in means[10000]) < 0.005
