"""Gaussian noise on the inputs of linear regression acts as an L2 (ridge) penalty."""
import numpy as np
import torch


def ridge(X: np.ndarray, y: np.ndarray, lam: float) -> np.ndarray:
    """The minimizer of mean((X w - y)^2) + lam ||w||^2: solves (X'X / n + lam I) w = X'y / n.

    Args:
        X: inputs, shape (n, d).
        y: targets, shape (n,).
        lam: the penalty strength (sigma^2 for input noise of standard deviation sigma).

    Returns:
        w, shape (d,).

    Examples:
        >>> ridge(np.array([[1.0], [1.0]]), np.array([2.0, 2.0]), lam=1.0).tolist()  # 2 / (1 + 1)
        [1.0]
    """
    n, d = X.shape
    return np.linalg.solve(X.T @ X / n + lam * np.eye(d), X.T @ y / n)


def noisy_least_squares(X: np.ndarray, y: np.ndarray, sigma: float, K: int,
                        rng: np.random.Generator) -> np.ndarray:
    """Ordinary least squares on K copies of the data set, each with fresh N(0, sigma^2) input noise.

    Args:
        X: inputs, shape (n, d).
        y: targets, shape (n,).
        sigma: the standard deviation of the noise added to every input.
        K: the number of noisy copies.
        rng: the random generator.

    Returns:
        w, shape (d,); it approaches ``ridge(X, y, sigma**2)`` as K grows.

    Examples:
        >>> X, y = np.array([[1.0], [2.0]]), np.array([1.0, 2.0])
        >>> noisy_least_squares(X, y, 0.0, 3, np.random.default_rng(0)).round(6).tolist()  # no noise: OLS
        [1.0]
    """
    n, d = X.shape
    Xn = (X + sigma * rng.normal(size=(K, n, d))).reshape(-1, d)
    return np.linalg.lstsq(Xn, np.tile(y, K), rcond=None)[0]


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    n, d, sigma = 40, 5, 0.5
    X = rng.normal(size=(n, d))
    y = X @ rng.normal(size=d) + 0.3 * rng.normal(size=n)

    # 1. For a fixed w: E_eps[(w.(x + eps) - y)^2] = (w.x - y)^2 + sigma^2 ||w||^2
    w = rng.normal(size=d)
    mse = np.mean((X @ w - y) ** 2)
    predicted = mse + sigma**2 * w @ w
    draws = 4000
    eps = sigma * rng.normal(size=(draws, n, d))
    monte_carlo = np.mean(((X + eps) @ w - y) ** 2)
    print(f"MSE without noise                   {mse:.4f}")
    print(f"MSE + sigma^2 ||w||^2               {predicted:.4f}")
    print(f"MSE averaged over {draws} noisy copies {monte_carlo:.4f}")
    assert abs(monte_carlo - predicted) < 0.01 * predicted

    # 2. The minimizer of that expected loss is the ridge solution with lambda = sigma^2.
    w_ridge = ridge(X, y, sigma**2)
    wt = torch.tensor(w_ridge, requires_grad=True)
    Xt, yt = torch.tensor(X), torch.tensor(y)
    expected_loss = ((Xt @ wt - yt) ** 2).mean() + sigma**2 * (wt**2).sum()
    expected_loss.backward()
    assert wt.grad.abs().max() < 1e-12  # autograd: the gradient vanishes at w_ridge
    w_ols = np.linalg.lstsq(X, y, rcond=None)[0]

    # 3. Least squares on K noisy copies of the data set approaches w_ridge as K grows.
    print("\nnoisy copies K   ||w_noisy - w_ridge||")
    gaps = []
    for K in [1, 10, 100, 1000]:
        gaps.append(np.linalg.norm(noisy_least_squares(X, y, sigma, K, rng) - w_ridge))
        print(f"{K:>13}   {gaps[-1]:.4f}")
    print(f"\n||w_ols||   = {np.linalg.norm(w_ols):.4f}  (no noise)")
    print(f"||w_ridge|| = {np.linalg.norm(w_ridge):.4f}  (noise sigma = {sigma})")
    print(f"||w_ols - w_ridge|| = {np.linalg.norm(w_ols - w_ridge):.4f}")
    assert gaps[-1] < gaps[0] / 10 and gaps[-1] < 0.02
    assert gaps[-1] < np.linalg.norm(w_ols - w_ridge) / 10  # closer to ridge than OLS is
    assert np.linalg.norm(w_ridge) < np.linalg.norm(w_ols)  # the noise shrinks the weights
