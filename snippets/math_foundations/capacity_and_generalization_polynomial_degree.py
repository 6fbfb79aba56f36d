"""Polynomials of degree 1, 3 and 15 on 20 noisy points: underfitting and overfitting."""
import io

import matplotlib
import numpy as np
from numpy.polynomial import Polynomial

matplotlib.use("Agg")
import matplotlib.pyplot as plt

rng = np.random.default_rng(0)


def truth(x):
    """The noise-free function the data come from."""
    return np.sin(2 * np.pi * x)


x_train = rng.uniform(0, 1, 20)
y_train = truth(x_train) + 0.2 * rng.standard_normal(20)
x_test = rng.uniform(0, 1, 500)
y_test = truth(x_test) + 0.2 * rng.standard_normal(500)

degrees = list(range(0, 16))
fits, train_mse, test_mse = {}, [], []
for d in degrees:
    p = Polynomial.fit(x_train, y_train, d)       # least squares, scaled basis
    fits[d] = p
    train_mse.append(np.mean((p(x_train) - y_train) ** 2))
    test_mse.append(np.mean((p(x_test) - y_test) ** 2))

print(f"{'degree':>6} {'train MSE':>10} {'test MSE':>10}")
for d in (1, 3, 15):
    print(f"{d:>6} {train_mse[d]:10.4f} {test_mse[d]:10.4f}")

# More capacity never hurts the training error (the models are nested) ...
assert all(b <= a + 1e-9 for a, b in zip(train_mse, train_mse[1:]))
# ... degree 1 underfits: both errors high; degree 15 overfits: tiny train, huge test error.
assert train_mse[1] > 10 * train_mse[3] and test_mse[1] > 2 * test_mse[3]
assert train_mse[15] < train_mse[3] and test_mse[15] > 10 * test_mse[3]

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
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
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
