"""Random vs grid search at the same budget when one of two hyperparameters hardly matters."""
import io

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

rng = np.random.default_rng(0)
d, w_true = 30, rng.normal(size=30)
X_tr, X_va = rng.normal(size=(40, d)) * 2 + 1, rng.normal(size=(500, d)) * 2 + 1
y_tr = X_tr @ w_true + 3 * rng.normal(size=40)
y_va = X_va @ w_true + 3 * rng.normal(size=500)


def val_error(log_lam, log_eps):
    """Standardise by (x - mean) / (std + eps), fit ridge with weight decay lam -> validation MSE."""
    mu, sd = X_tr.mean(0), X_tr.std(0) + 10.0**log_eps
    A, B = (X_tr - mu) / sd, (X_va - mu) / sd
    w = np.linalg.solve(A.T @ A + 10.0**log_lam * np.eye(d), A.T @ (y_tr - y_tr.mean()))
    return np.mean((B @ w + y_tr.mean() - y_va) ** 2)


lam_range, eps_range = (-3.0, 3.0), (-8.0, -2.0)  # search ranges in log10 units
budget = 16
grid = [(a, b) for a in np.linspace(*lam_range, 4) for b in np.linspace(*eps_range, 4)]
rand = list(zip(rng.uniform(*lam_range, budget), rng.uniform(*eps_range, budget)))

fine = np.linspace(*lam_range, 301)
best_possible = min(val_error(a, -5) for a in fine)
results = {}
for name, trials in [("grid", grid), ("random", rand)]:
    errs = [val_error(a, b) for a, b in trials]
    distinct = len(np.unique(np.round([a for a, _ in trials], 9)))
    results[name] = (distinct, min(errs) - best_possible)
    print(f"{name:6s}: {len(trials)} trials, {distinct:2d} distinct weight decays, "
          f"best validation MSE {min(errs):.3f} (regret {min(errs) - best_possible:.3f})")
print(f"best over a fine 301-point sweep of weight decay: {best_possible:.3f}")

# eps is (nearly) irrelevant: over its whole range the error moves by far less than lambda moves it
spread_eps = np.ptp([val_error(0.0, b) for b in np.linspace(*eps_range, 7)])
spread_lam = np.ptp([val_error(a, -5) for a in np.linspace(*lam_range, 7)])
print(f"error range over eps: {spread_eps:.1e}; over lambda: {spread_lam:.2f}")
assert spread_eps < 1e-3 * spread_lam
assert results["grid"][0] == 4 and results["random"][0] == budget
assert results["random"][1] < results["grid"][1]

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, axes = plt.subplots(1, 2, figsize=(6, 3.6), sharey=True)
for ax, (name, trials) in zip(axes, [("grid", grid), ("random", rand)]):
    a, b = np.array(trials).T
    ax.scatter(a, b, s=18, color="tab:blue")
    ax.plot(a, np.full_like(a, eps_range[0] - 0.4), "|", ms=10, color="tab:red")
    ax.set_title(f"{name} search: {results[name][0]} distinct λ", fontsize=9)
    ax.set_xlabel("log10 weight decay λ (matters)")
axes[0].set_ylabel("log10 ε (hardly matters)")
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
