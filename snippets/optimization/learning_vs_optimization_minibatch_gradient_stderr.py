"""The minibatch gradient's standard error shrinks like 1/sqrt(m)."""
import matplotlib.pyplot as plt
import numpy as np
import torch


def per_example_grads(X: np.ndarray, y: np.ndarray, theta: np.ndarray) -> np.ndarray:
    """The gradient of each example's squared loss (x . theta - y)^2: g_i = 2 (x_i . theta - y_i) x_i.

    Args:
        X: the inputs, shape (N, d).
        y: the targets, shape (N,).
        theta: the parameters, shape (d,).

    Returns:
        One gradient per example, shape (N, d); their mean is the full-batch gradient.

    Examples:
        >>> per_example_grads(np.array([[1.0, 0.0], [0.0, 2.0]]), np.array([1.0, 0.0]), np.zeros(2)).tolist()
        [[-2.0, -0.0], [0.0, 0.0]]
    """
    return 2 * (X @ theta - y)[:, None] * X


def minibatch_estimates(G: np.ndarray, m: int, draws: int, rng: np.random.Generator) -> np.ndarray:
    """Minibatch estimates of the mean of G: ``draws`` minibatches of m rows drawn with replacement.

    Args:
        G: per-example gradients (or any per-example values), shape (N,) or (N, d).
        m: the minibatch size.
        draws: the number of minibatches.
        rng: the random generator.

    Returns:
        The mean over each minibatch, shape (draws,) or (draws, d).

    Examples:
        >>> est = minibatch_estimates(np.array([1.0, 3.0]), 4, 1000, np.random.default_rng(0))
        >>> est.shape, round(float(est.mean()), 1), round(float(est.std()), 1)  # std 1 / sqrt(4)
        ((1000,), 2.0, 0.5)
    """
    return G[rng.integers(0, len(G), (draws, m))].mean(axis=1)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    N, d = 50_000, 3
    X = rng.standard_normal((N, d))
    y = X @ np.array([1.0, -2.0, 0.5]) + 0.5 * rng.standard_normal(N)
    theta = np.zeros(d)  # the point where we estimate the gradient
    G = per_example_grads(X, y, theta)
    full_grad = G.mean(axis=0)
    sigma = G[:, 0].std()  # spread of one example's gradient (coordinate 0)

    # Check the formula against autograd on one minibatch.
    idx = rng.integers(0, N, 64)
    t = torch.tensor(theta, requires_grad=True)
    loss = ((torch.from_numpy(X[idx]) @ t - torch.from_numpy(y[idx])) ** 2).mean()
    loss.backward()
    assert np.allclose(t.grad.numpy(), G[idx].mean(axis=0), atol=1e-10)

    sizes, draws = np.array([1, 4, 16, 64, 256, 1024]), 1000
    measured = []
    for m in sizes:
        estimates = minibatch_estimates(G[:, 0], m, draws, rng)
        measured.append(estimates.std())
        assert abs(estimates.mean() - full_grad[0]) < 4 * sigma / np.sqrt(m * draws)  # unbiased
    measured = np.array(measured)
    predicted = sigma / np.sqrt(sizes)

    print(f"{'m':>5} {'measured std':>13} {'sigma/sqrt(m)':>14}")
    for m, a, p in zip(sizes, measured, predicted):
        print(f"{m:>5} {a:13.4f} {p:14.4f}")
    slope = np.polyfit(np.log(sizes), np.log(measured), 1)[0]
    print(f"slope of log(std) against log(m): {slope:.3f}")
    assert np.all(np.abs(measured / predicted - 1) < 0.1)
    assert abs(slope + 0.5) < 0.05
    # 64 times more examples per step (m = 4 -> 256) buy only about 8 times less noise.
    ratio = measured[sizes == 4][0] / measured[sizes == 256][0]
    print(f"std at m = 4 divided by std at m = 256: {ratio:.2f}")
    assert 7 < ratio < 9

    fig, ax = plt.subplots(figsize=(6, 3.4))
    ax.loglog(sizes, measured, "o", color="tab:blue", label="measured std of the estimate")
    ax.loglog(sizes, predicted, "-", color="tab:orange", label=r"$\sigma/\sqrt{m}$")
    ax.set_xlabel("minibatch size m")
    ax.set_ylabel("standard error of the gradient")
    ax.legend()
    ax.grid(alpha=0.3, which="both")
    plt.show()
