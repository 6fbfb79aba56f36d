"""Grid search on log-scale grids: shift the grid when the best is on its edge, then refine."""
import numpy as np

rng = np.random.default_rng(0)
x_tr, x_va = rng.uniform(-3, 3, 60), rng.uniform(-3, 3, 300)
y_tr = np.sin(4 * x_tr) + 0.3 * rng.normal(size=60)
y_va = np.sin(4 * x_va) + 0.3 * rng.normal(size=300)


def val_error(gamma, lam):
    """Fit kernel ridge regression with an RBF kernel exp(-gamma (x-x')^2) -> validation MSE."""
    K = np.exp(-gamma * (x_tr[:, None] - x_tr[None, :]) ** 2)
    alpha = np.linalg.solve(K + lam * np.eye(len(x_tr)), y_tr)
    pred = np.exp(-gamma * (x_va[:, None] - x_tr[None, :]) ** 2) @ alpha
    return np.mean((pred - y_va) ** 2)


def grid_search(gammas, lams):
    """Try every pair (len(gammas) * len(lams) trials) -> (error table, index of the best pair)."""
    table = np.array([[val_error(g, l) for l in lams] for g in gammas])
    return table, np.unravel_index(np.argmin(table), table.shape)


def fmt(values):
    """Format a grid as {a, b, c}."""
    return "{" + ", ".join(f"{v:g}" for v in values) + "}"


trials = 0
# Round 1: a log grid that happens to be placed too low for gamma.
gammas, lams = 10.0 ** np.arange(-3, 0), 10.0 ** np.arange(-5, 0)
t1, (i, j) = grid_search(gammas, lams)
trials += t1.size
print(f"round 1: gammas {fmt(gammas)}, lambdas {fmt(lams)}")
print(f"         best gamma {gammas[i]:g} (top edge), lambda {lams[j]:g}, MSE {t1[i, j]:.4f}")
assert i == len(gammas) - 1  # on the edge: the optimum may lie beyond the grid

# Round 2: shift the gamma grid up, as {-1, 0, 1} -> {1, 2, 3} on a log scale.
gammas = 10.0 ** np.arange(-1, 2)
t2, (i, j) = grid_search(gammas, lams)
trials += t2.size
best2 = t2[i, j]
print(f"round 2: gammas {fmt(gammas)}")
print(f"         best gamma {gammas[i]:g}, lambda {lams[j]:g}, MSE {best2:.4f}")
assert 0 < i < len(gammas) - 1 and 0 < j < len(lams) - 1  # now interior in both

# Round 3: refine around the interior optimum with quarter-decade steps.
steps = 10.0 ** np.linspace(-0.5, 0.5, 5)
gammas, lams = gammas[i] * steps, lams[j] * steps
t3, (i, j) = grid_search(gammas, lams)
trials += t3.size
print("round 3 validation MSE (rows: gamma, columns: lambda):")
print("          " + " ".join(f"{l:8.4f}" for l in lams))
for g, row in zip(gammas, t3):
    print(f"{g:8.3f}  " + " ".join(f"{e:8.4f}" for e in row))
print(f"round 3: best gamma {gammas[i]:.3f}, lambda {lams[j]:.4f}, MSE {t3[i, j]:.4f}")
assert t3[i, j] < best2  # refining found a better point than the coarse grid

# Cost: m hyperparameters with n values each need n**m trials.
print(f"trials used: {trials}")
for m in range(1, 6):
    print(f"  a 5-value grid over {m} hyperparameter(s): {5**m} trials")
