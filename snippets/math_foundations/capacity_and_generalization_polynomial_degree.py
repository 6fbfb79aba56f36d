"""Polynomials of degree 1, 3 and 15 on 20 noisy points: underfitting and overfitting."""
import matplotlib.pyplot as plt
import numpy as np
from numpy.polynomial import Polynomial


def truth(x: np.ndarray) -> np.ndarray:
    """The noise-free function the data come from, sin(2 pi x).

    Args:
        x: the inputs, shape (n,).

    Returns:
        sin(2 pi x), shape (n,).

    Examples:
        >>> truth(np.array([0.0, 0.25])).round(6).tolist()
        [0.0, 1.0]
    """
    return np.sin(2 * np.pi * x)


def make_data(n: int, rng: np.random.Generator, noise: float = 0.2) -> tuple[np.ndarray, np.ndarray]:
    """n points x ~ U(0, 1) with targets truth(x) + noise * N(0, 1).

    Args:
        n: the number of points.
        rng: the random generator.
        noise: the standard deviation of the noise.

    Returns:
        (x, y), each of shape (n,).

    Examples:
        >>> x, y = make_data(5, np.random.default_rng(0), noise=0.0)
        >>> x.shape, bool(np.allclose(y, truth(x)))
        ((5,), True)
    """
    x = rng.uniform(0, 1, n)
    return x, truth(x) + noise * rng.standard_normal(n)


def fit_degrees(x_train: np.ndarray, y_train: np.ndarray, x_test: np.ndarray, y_test: np.ndarray,
                degrees: list[int]) -> tuple[list[Polynomial], np.ndarray, np.ndarray]:
    """Least-squares polynomials of each degree, with their training and test mean squared errors.

    Args:
        x_train: training inputs, shape (n,).
        y_train: training targets, shape (n,).
        x_test: test inputs, shape (m,).
        y_test: test targets, shape (m,).
        degrees: the degrees to fit.

    Returns:
        (the fitted polynomials, train MSE per degree (len(degrees),), test MSE per degree (len(degrees),)).

    Examples:
        >>> x = np.linspace(0, 1, 5)
        >>> fits, train, test = fit_degrees(x, 2 * x + 1, x, 2 * x + 1, [0, 1])
        >>> train.round(6).tolist(), test.round(6).tolist()
        ([0.5, 0.0], [0.5, 0.0])
    """
    fits = [Polynomial.fit(x_train, y_train, d) for d in degrees]  # least squares, scaled basis
    train = np.array([np.mean((p(x_train) - y_train) ** 2) for p in fits])
    test = np.array([np.mean((p(x_test) - y_test) ** 2) for p in fits])
    return fits, train, test


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    degrees = list(range(0, 16))
    (x_train, y_train), (x_test, y_test) = make_data(20, rng), make_data(500, rng)
    fits, train_mse, test_mse = fit_degrees(x_train, y_train, x_test, y_test, degrees)
    print(f"{'degree':>6} {'train MSE':>10} {'test MSE':>10}")
    for d in (1, 3, 15):
        print(f"{d:>6} {train_mse[d]:10.4f} {test_mse[d]:10.4f}")

    # The same experiment on 20 fresh draws of the 20 training points (the first is the one above).
    draws = [(train_mse, test_mse)] + [fit_degrees(*make_data(20, rng), *make_data(500, rng), degrees)[1:]
                                       for _ in range(19)]
    nested = sum(np.all(np.diff(tr) <= 1e-9) for tr, _ in draws)
    under = sum(tr[1] > 2 * tr[3] and te[1] > 2 * te[3] for tr, te in draws)
    over = sum(tr[15] < tr[3] and te[15] > 10 * te[3] for tr, te in draws)
    print(f"over 20 draws: train MSE never rises with the degree in {nested}; degree 1 has both errors"
          f" > 2x degree 3's in {under}; degree 15 has test MSE > 10x degree 3's in {over}")
    assert nested == 20  # more capacity never hurts the training error: the models are nested
    assert under >= 15 and over >= 15  # underfitting and overfitting in most draws, not in every one

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.4))
    grid = np.linspace(0, 1, 300)
    ax1.scatter(x_train, y_train, s=14, color="black", zorder=3, label="training data")
    for d, c in [(1, "tab:blue"), (3, "tab:green"), (15, "tab:red")]:
        ax1.plot(grid, fits[d](grid), color=c, label=f"degree {d}")
    ax1.set_ylim(-2, 2)
    ax1.set_xlabel("x")
    ax1.legend(fontsize=8, loc="lower left")
    ax2.semilogy(degrees, train_mse, "o-", color="tab:blue", ms=3, label="train MSE")
    ax2.semilogy(degrees, test_mse, "s-", color="tab:orange", ms=3, label="test MSE")
    ax2.set_xlabel("polynomial degree (capacity)")
    ax2.legend(fontsize=8)
    ax2.grid(alpha=0.3)
    plt.show()
