"""Validation error against one hyperparameter (weight decay): the U-shaped curve."""
import io

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

rng = np.random.default_rng(0)


def features(x, degree=15):
    """x (n,) in [-1, 1] -> Legendre features (n, degree+1): a model with plenty of raw capacity."""
    return np.polynomial.legendre.legvander(x, degree)


def fit_ridge(Phi, y, lam):
    """Minimise |Phi w - y|^2 + lam |w|^2 -> w (weight decay in closed form)."""
    return np.linalg.solve(Phi.T @ Phi + lam * np.eye(Phi.shape[1]), Phi.T @ y)


def target(x):
    """The function to learn: sin(3x)."""
    return np.sin(3 * x)


x_va = rng.uniform(-1, 1, 500)
y_va = target(x_va) + 0.3 * rng.normal(size=500)
P_va = features(x_va)
lams = np.logspace(-6, 2, 17)
train_mse, val_mse = np.zeros((20, len(lams))), np.zeros((20, len(lams)))
for r in range(20):  # 20 small training sets of 30 points; the median over them is a smooth curve
    x_tr = rng.uniform(-1, 1, 30)
    y_tr = target(x_tr) + 0.3 * rng.normal(size=30)
    P_tr = features(x_tr)
    for i, lam in enumerate(lams):
        w = fit_ridge(P_tr, y_tr, lam)
        train_mse[r, i] = np.mean((P_tr @ w - y_tr) ** 2)
        val_mse[r, i] = np.mean((P_va @ w - y_va) ** 2)
train_mse, val_mse = np.median(train_mse, axis=0), np.median(val_mse, axis=0)
best = int(np.argmin(val_mse))
for i in range(0, len(lams), 2):
    print(f"lambda {lams[i]:8.0e}  train {train_mse[i]:.3f}  validation {val_mse[i]:.3f}")
print(f"best lambda {lams[best]:.0e}: validation {val_mse[best]:.3f}")

# Training error only falls as weight decay is removed (capacity grows) ...
assert np.all(np.diff(train_mse) >= -1e-12)
# ... but validation error is U-shaped: its minimum is interior and both ends are clearly worse.
assert 0 < best < len(lams) - 1
assert val_mse[0] > 1.5 * val_mse[best] and val_mse[-1] > 1.5 * val_mse[best]

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.6))
ax.plot(lams, val_mse, "o-", ms=3, color="tab:red", label="validation error")
ax.plot(lams, train_mse, "s-", ms=3, color="tab:blue", label="training error")
ax.axvline(lams[best], color="k", ls=":", lw=1, label="best weight decay")
ax.set_xscale("log")
ax.set_yscale("log")
ax.invert_xaxis()  # capacity grows to the right
ax.minorticks_off()
ax.set_xticks(lams[::2], [f"{lam:.0e}" for lam in lams[::2]], fontsize=7)
ax.set_yticks([0.1, 0.3, 1, 3], ["0.1", "0.3", "1", "3"])
ax.set_xlabel("weight decay λ (log scale)   effective capacity grows →")
ax.set_ylabel("mean squared error")
ax.legend(fontsize=8)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
