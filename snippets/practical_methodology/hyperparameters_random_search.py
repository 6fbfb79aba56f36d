"""Random vs grid search at the same budget when one of two hyperparameters hardly matters."""
import matplotlib.pyplot as plt
import numpy as np


def ridge_val_error(log_lam: float, log_eps: float, X: np.ndarray, y: np.ndarray, X_val: np.ndarray,
                    y_val: np.ndarray) -> float:
    """Standardise by (x - mean) / (std + eps), fit ridge with weight decay lam: the validation MSE.

    Args:
        log_lam: log10 of the weight decay lam.
        log_eps: log10 of the eps added to each feature's standard deviation.
        X: training inputs, shape (n, d); y: training targets, shape (n,).
        X_val: validation inputs, shape (m, d); y_val: validation targets, shape (m,).

    Returns:
        The mean squared error on the validation set.

    Examples:
        >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
        >>> round(ridge_val_error(-9.0, -8.0, X, 2 * X[:, 0], X, 2 * X[:, 0]), 9)  # no noise, no decay: exact
        0.0
    """
    mu, sd = X.mean(0), X.std(0) + 10.0**log_eps
    A, B = (X - mu) / sd, (X_val - mu) / sd
    w = np.linalg.solve(A.T @ A + 10.0**log_lam * np.eye(X.shape[1]), A.T @ (y - y.mean()))
    return float(np.mean((B @ w + y.mean() - y_val) ** 2))


def grid_and_random_trials(rng: np.random.Generator, ranges: list[tuple[float, float]],
                           per_axis: int) -> tuple[np.ndarray, np.ndarray]:
    """The same budget, per_axis ** m trials, spent on a grid and on independent uniform draws.

    Args:
        rng: the random generator.
        ranges: (low, high) of each of the m hyperparameters, on the scale they are searched (log10).
        per_axis: the number of grid values per hyperparameter.

    Returns:
        (grid trials, random trials), each of shape (per_axis ** m, m).

    Examples:
        >>> grid, rand = grid_and_random_trials(np.random.default_rng(0), [(0, 1), (0, 1)], 2)
        >>> grid.tolist(), rand.shape
        ([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], (4, 2))
    """
    axes = [np.linspace(lo, hi, per_axis) for lo, hi in ranges]
    grid = np.stack(np.meshgrid(*axes, indexing="ij"), -1).reshape(-1, len(ranges))
    rand = np.column_stack([rng.uniform(lo, hi, len(grid)) for lo, hi in ranges])
    return grid, rand


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    ranges = [(-3.0, 3.0), (-8.0, -2.0)]  # log10 lambda (matters), log10 eps (hardly matters)
    wins = []
    for draw in range(20):  # 20 data sets, each searched with 16 trials by both methods
        d, w_true = 30, rng.normal(size=30)
        X, X_val = rng.normal(size=(40, d)) * 2 + 1, rng.normal(size=(500, d)) * 2 + 1
        y, y_val = X @ w_true + 3 * rng.normal(size=40), X_val @ w_true + 3 * rng.normal(size=500)
        grid, rand = grid_and_random_trials(rng, ranges, per_axis=4)
        best_possible = min(ridge_val_error(a, -5, X, y, X_val, y_val) for a in np.linspace(-3, 3, 121))
        regret = {name: min(ridge_val_error(a, b, X, y, X_val, y_val) for a, b in trials) - best_possible
                  for name, trials in [("grid", grid), ("random", rand)]}
        wins.append(regret["random"] < regret["grid"])
        if draw == 0:
            for name, trials in [("grid", grid), ("random", rand)]:
                print(f"{name:6s}: {len(trials)} trials, {len(np.unique(trials[:, 0])):2d} distinct weight decays, "
                      f"regret {regret[name]:.3f} (best error found - best over a fine sweep of lambda)")
            # eps is (nearly) irrelevant: over its whole range the error moves by far less than lambda moves it
            spread_eps = np.ptp([ridge_val_error(0.0, b, X, y, X_val, y_val) for b in np.linspace(*ranges[1], 7)])
            spread_lam = np.ptp([ridge_val_error(a, -5, X, y, X_val, y_val) for a in np.linspace(*ranges[0], 7)])
            print(f"error range over eps: {spread_eps:.1e}; over lambda: {spread_lam:.2f}")
            assert spread_eps < 1e-2 * spread_lam
            fig, axes = plt.subplots(1, 2, figsize=(6, 3.6), sharey=True)
            for ax, (name, trials) in zip(axes, [("grid", grid), ("random", rand)]):
                a, b = trials.T
                ax.scatter(a, b, s=18, color="tab:blue")
                ax.plot(a, np.full_like(a, ranges[1][0] - 0.4), "|", ms=10, color="tab:red")
                ax.set_title(f"{name} search: {len(np.unique(a))} distinct λ", fontsize=9)
                ax.set_xlabel("log10 weight decay λ (matters)")
            axes[0].set_ylabel("log10 ε (hardly matters)")
    print(f"random search found the lower error in {sum(wins)} of 20 data sets")
    assert sum(wins) >= 13  # usually, not always
    plt.show()
