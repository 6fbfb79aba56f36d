"""Concept drift: the rule linking x to y turns slowly; a frozen model decays, a retrained one keeps up."""
import numpy as np


def drifting_batch(rng: np.random.Generator, t: int, steps: int, n: int = 1000) -> tuple[np.ndarray, np.ndarray]:
    """n points at time t: x ~ N(0, I), y = [x . u(t) > 0], where u turns by 90 degrees over the steps.

    Args:
        rng: the random generator.
        t: the time step, 0 to steps - 1.
        steps: the number of time steps over which u turns by 90 degrees.
        n: the number of points.

    Returns:
        (x, y): the inputs, shape (n, 2), and the labels in {0, 1}, shape (n,).

    Examples:
        >>> x, y = drifting_batch(np.random.default_rng(0), t=0, steps=20, n=5)
        >>> x.shape, bool((y == (x[:, 0] > 0)).all())
        ((5, 2), True)
    """
    angle = 0.5 * np.pi * t / (steps - 1)
    x = rng.standard_normal((n, 2))
    return x, (x @ np.array([np.cos(angle), np.sin(angle)]) > 0).astype(int)


def fit_class_means(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Nearest-class-mean classifier: the mean of each class.

    Args:
        x: the inputs, shape (n, d).
        y: the labels in {0, 1}, shape (n,).

    Returns:
        The class means, shape (2, d).

    Examples:
        >>> fit_class_means(np.array([[0.0], [2.0], [4.0]]), np.array([0, 0, 1])).tolist()
        [[1.0], [4.0]]
    """
    return np.stack([x[y == 0].mean(0), x[y == 1].mean(0)])


def accuracy(means: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
    """Fraction of rows of x whose nearest class mean carries the right label.

    Args:
        means: the class means, shape (2, d).
        x: the inputs, shape (n, d).
        y: the labels in {0, 1}, shape (n,).

    Returns:
        The accuracy, a float in [0, 1].

    Examples:
        >>> accuracy(np.array([[0.0], [4.0]]), np.array([[1.0], [3.0], [1.5]]), np.array([0, 1, 1]))
        0.6666666666666666
    """
    return float(np.mean(((x[:, None] - means[None]) ** 2).sum(-1).argmin(1) == y))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    T = 20                                               # time steps (think: weeks)
    frozen = fit_class_means(*drifting_batch(rng, 0, T))  # trained once, at the start
    recent = frozen
    acc_frozen, acc_recent = [], []
    print(" t | frozen model | retrained on last batch")
    for t in range(1, T):
        x, y = drifting_batch(rng, t, T)                 # this week's data: first scored, then learned from
        acc_frozen.append(accuracy(frozen, x, y))
        acc_recent.append(accuracy(recent, x, y))
        recent = fit_class_means(x, y)
        if t % 3 == 1 or t == T - 1:
            print(f"{t:2d} | {acc_frozen[-1]:12.3f} | {acc_recent[-1]:.3f}")
    assert acc_frozen[0] > 0.9 and acc_frozen[-1] < 0.6   # the same model, slowly going stale
    assert min(acc_recent) > 0.9                          # one step behind the drift is good enough
