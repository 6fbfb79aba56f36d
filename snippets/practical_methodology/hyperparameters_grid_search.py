"""Grid search on log-scale grids: shift the grid while the best is on its edge, then refine."""
from collections.abc import Callable

import numpy as np


def krr_val_error(log_gamma: float, log_lam: float, x: np.ndarray, y: np.ndarray, x_val: np.ndarray,
                  y_val: np.ndarray) -> float:
    """Kernel ridge regression with the RBF kernel exp(-gamma (x - x')^2): its validation MSE.

    Args:
        log_gamma: log10 of the kernel's inverse squared width gamma.
        log_lam: log10 of the ridge penalty lambda.
        x: training inputs, shape (n,); y: training targets, shape (n,).
        x_val: validation inputs, shape (m,); y_val: validation targets, shape (m,).

    Returns:
        The mean squared error on the validation set.

    Examples:
        >>> x = np.linspace(-1, 1, 9)
        >>> round(krr_val_error(0.0, -8.0, x, x, x, x), 6)  # tiny penalty: interpolates its training points
        0.0
    """
    gamma, lam = 10.0**log_gamma, 10.0**log_lam
    alpha = np.linalg.solve(np.exp(-gamma * (x[:, None] - x) ** 2) + lam * np.eye(len(x)), y)
    return float(np.mean((np.exp(-gamma * (x_val[:, None] - x) ** 2) @ alpha - y_val) ** 2))


def grid_search(error: Callable[[float, float], float], grid_a: np.ndarray,
                grid_b: np.ndarray) -> tuple[np.ndarray, tuple[int, int]]:
    """Evaluate every pair of the two grids (len(grid_a) * len(grid_b) trials).

    Args:
        error: the validation error of a pair of hyperparameters.
        grid_a: the values of the first hyperparameter, shape (n_a,).
        grid_b: the values of the second, shape (n_b,).

    Returns:
        (the error table, shape (n_a, n_b); the index (i, j) of the best pair).

    Examples:
        >>> table, best = grid_search(lambda a, b: (a - 1) ** 2 + b**2, np.arange(3.0), np.arange(-1.0, 2))
        >>> table.shape, best
        ((3, 3), (1, 1))
    """
    table = np.array([[error(a, b) for b in grid_b] for a in grid_a])
    i, j = np.unravel_index(np.argmin(table), table.shape)
    return table, (int(i), int(j))


def shift_and_refine(error: Callable[[float, float], float], grid_a: np.ndarray, grid_b: np.ndarray,
                     max_rounds: int = 5) -> tuple[list[tuple[np.ndarray, np.ndarray, int, int, float]], float]:
    """Grid search as practised: while a best value sits on the edge of its grid, shift that grid to
    centre it there ({-1, 0, 1} with best 1 -> {0, 1, 2}); once both are interior, refine around them.

    Args:
        error: the validation error of a pair of hyperparameters (log10 values).
        grid_a: the first grid of the first hyperparameter, evenly spaced, shape (n_a,), n_a odd.
        grid_b: the same for the second, shape (n_b,).
        max_rounds: the most rounds of shifting.

    Returns:
        (one row per round: the two grids, the best indices and the best error; the error after a
        final grid in quarter-steps around the last best point).

    Examples:
        >>> rounds, refined = shift_and_refine(lambda a, b: (a - 3) ** 2 + b**2, np.arange(-1.0, 2), np.arange(-1.0, 2))
        >>> [r[0].tolist() for r in rounds], refined
        ([[-1.0, 0.0, 1.0], [0.0, 1.0, 2.0], [1.0, 2.0, 3.0], [2.0, 3.0, 4.0]], 0.0)
    """
    rounds = []
    while len(rounds) < max_rounds:
        table, (i, j) = grid_search(error, grid_a, grid_b)
        rounds.append((grid_a, grid_b, i, j, float(table[i, j])))
        new_a, new_b = [g + g[k] - g[len(g) // 2] if k in (0, len(g) - 1) else g
                        for g, k in ((grid_a, i), (grid_b, j))]
        if (new_a == grid_a).all() and (new_b == grid_b).all() or len(rounds) == max_rounds:
            break  # interior in both: stop shifting
        grid_a, grid_b = new_a, new_b
    step_a, step_b = grid_a[1] - grid_a[0], grid_b[1] - grid_b[0]
    fine = np.linspace(-0.5, 0.5, 5)
    table, _ = grid_search(error, grid_a[i] + step_a * fine, grid_b[j] + step_b * fine)
    return rounds, float(table.min())


if __name__ == "__main__":
    def data(rng: np.random.Generator) -> tuple[np.ndarray, ...]:
        x, x_val = rng.uniform(-3, 3, 40), rng.uniform(-3, 3, 200)
        return x, np.sin(4 * x) + 0.3 * rng.normal(size=40), x_val, np.sin(4 * x_val) + 0.3 * rng.normal(size=200)

    def fmt(grid: np.ndarray) -> str:
        return "{" + ", ".join(f"{10**v:g}" for v in grid) + "}"

    rng = np.random.default_rng(0)
    ratios = []
    for draw in range(10):
        d = data(rng)
        def error(log_gamma: float, log_lam: float) -> float:
            return krr_val_error(log_gamma, log_lam, *d)
        # log10 grids one decade apart; the gamma grid is placed too high on purpose
        rounds, refined = shift_and_refine(error, np.arange(1.0, 4.0), np.arange(-5.0, 0.0))
        dense = grid_search(error, np.linspace(-2, 3, 16), np.linspace(-6, 1, 22))[0].min()
        ratios.append(refined / dense)
        assert rounds[0][2] == 0 and len(rounds) < 5  # gamma starts on an edge; shifting ends inside
        if draw == 0:
            for k, (ga, gb, i, j, err) in enumerate(rounds, 1):
                print(f"round {k}: gamma {fmt(ga)}, lambda {fmt(gb)}: best ({10**ga[i]:g}, {10**gb[j]:g}), MSE {err:.4f}")
            trials = sum(len(r[0]) * len(r[1]) for r in rounds) + 25
            print(f"refined: MSE {refined:.4f} after {trials} trials; a dense 16 x 22 sweep (352 trials): {dense:.4f}")
    near = sum(r < 1.15 for r in ratios)
    print(f"refined search within 15% of the dense sweep in {near} of 10 draws "
          f"(worst: {max(ratios):.2f} times its error)")
    assert near >= 8
    for m in range(1, 6):  # cost: m hyperparameters with n values each need n**m trials
        print(f"  a 5-value grid over {m} hyperparameter(s): {5**m} trials")
