"""Learning curve: train and test error as the training set doubles (log-scale x axis)."""
import matplotlib.pyplot as plt
import numpy as np


def learning_curve(rng: np.random.Generator, w_true: np.ndarray, sizes: list[int], noise: float,
                   draws: int) -> tuple[np.ndarray, np.ndarray]:
    """Mean training and test error of least-squares regression for each training-set size.

    The data: x ~ N(0, I), y = x @ w_true + noise * N(0, 1). For such inputs the expected squared
    error of a fitted w on a fresh example is exactly noise**2 + |w - w_true|**2, used as the test error.

    Args:
        rng: the random generator.
        w_true: the true weights, shape (d,).
        sizes: the training-set sizes, each larger than d.
        noise: the standard deviation of the label noise.
        draws: how many training sets of each size to average over.

    Returns:
        (train error, test error), each of shape (len(sizes),).

    Examples:
        >>> tr, te = learning_curve(np.random.default_rng(0), np.ones(2), [10, 1000], noise=1.0, draws=3)
        >>> tr.shape, bool(tr[0] < te[0]), bool(te[1] < te[0])
        ((2,), True, True)
    """
    train_err, test_err = np.zeros(len(sizes)), np.zeros(len(sizes))
    for i, n in enumerate(sizes):
        for _ in range(draws):
            X = rng.normal(size=(n, len(w_true)))
            y = X @ w_true + noise * rng.normal(size=n)
            w = np.linalg.solve(X.T @ X, X.T @ y)  # least squares via the normal equations
            train_err[i] += np.mean((X @ w - y) ** 2) / draws
            test_err[i] += (noise**2 + np.sum((w - w_true) ** 2)) / draws
    return train_err, test_err


def expected_test_mse(n: np.ndarray, d: int, noise: float) -> np.ndarray:
    """The expected test MSE of least squares with n standard-normal examples of d features.

    Args:
        n: the training-set sizes, shape (k,), each larger than d + 1.
        d: the number of features.
        noise: the standard deviation of the label noise.

    Returns:
        noise**2 (1 + d / (n - d - 1)), shape (k,).

    Examples:
        >>> expected_test_mse(np.array([12, 111]), 10, 1.0).tolist()
        [11.0, 1.1]
    """
    return noise**2 * (1 + d / (np.asarray(n) - d - 1))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    d, noise = 20, 1.0  # 20 features; the label noise variance 1.0 is the error no model can beat
    w_true = rng.normal(size=d)
    sizes = [30 * 2**k for k in range(7)]  # 30, 60, ..., 1920: double each time
    train_err, test_err = learning_curve(rng, w_true, sizes, noise, draws=100)
    theory = expected_test_mse(np.array(sizes), d, noise)

    print("    n   train   test   theory(test)")
    for n, a, b, c in zip(sizes, train_err, test_err, theory):
        print(f"{n:5d}  {a:6.3f}  {b:6.3f}  {c:6.3f}")
    gains = -np.diff(test_err)
    print("test-error gain from each doubling:", np.round(gains, 3))
    assert np.all(gains > 0)  # more data helped at every size here ...
    assert np.all(np.diff(gains) < 0)  # ... but each doubling helps less
    assert np.all(np.diff(test_err - train_err) < 0)  # the train-test gap closes
    assert np.all(train_err < noise**2) and np.all(test_err > noise**2)  # both approach the noise floor
    assert np.allclose(test_err[1:], theory[1:], rtol=0.1)
    assert np.allclose(train_err, noise**2 * (1 - d / np.array(sizes)), atol=0.06)  # E[train] = noise^2 (1 - d/n)

    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.plot(sizes, test_err, "o-", color="tab:red", label="test error")
    ax.plot(sizes, train_err, "s-", color="tab:blue", label="training error")
    ax.axhline(noise**2, color="k", ls=":", lw=1, label="noise floor (Bayes error)")
    ax.set_xscale("log", base=2)
    ax.set_xticks(sizes, [str(n) for n in sizes])
    ax.set_ylim(0, 3)
    ax.set_xlabel("training-set size (log scale)")
    ax.set_ylabel("mean squared error")
    ax.legend(fontsize=8)
    plt.show()
