"""Gradient descent on a loss with two valleys: where it ends depends on where it starts."""
import io

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def L(w):
    """A 1-D loss with two valleys: (w^2 - 1)^2 + 0.3 w + 0.5."""
    return (w**2 - 1) ** 2 + 0.3 * w + 0.5


def dL(w):
    """Its derivative 4 w (w^2 - 1) + 0.3."""
    return 4 * w * (w**2 - 1) + 0.3


lr, steps = 0.05, 200
paths = {}
for w0 in [-1.8, -0.3, 0.3, 1.8]:
    w = [w0]
    for _ in range(steps):
        w.append(w[-1] - lr * dL(w[-1]))
    paths[w0] = np.array(w)
    print(f"start w = {w0:+.1f} -> ends at w = {w[-1]:+.4f}, "
          f"L = {L(w[-1]):.4f}, dL/dw = {dL(w[-1]):.0e}")

grid = np.linspace(-2, 2, 40001)
w_global = grid[np.argmin(L(grid))]  # the lowest point, found by brute force
print(f"lowest point on a fine grid: w = {w_global:+.4f}, L = {L(w_global):.4f}")
ends = np.array([p[-1] for p in paths.values()])
assert np.all(np.abs(dL(ends)) < 1e-8)  # every run stopped where the slope is zero
assert np.allclose(ends[:2], w_global, atol=1e-4)  # starts left of the hump: global minimum
assert np.allclose(ends[2:], ends[2]) and ends[2] > 0.5  # starts right of it: the other valley
assert L(ends[2]) > L(ends[0]) + 0.5  # ... which is clearly worse: a local minimum
assert np.all(L(ends) > 0.1)  # the slope is zero there, the loss is not
assert np.all(12 * ends**2 - 4 > 0)  # L'' > 0: both are true minima

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.6))
w_plot = np.linspace(-2, 2, 300)
ax.plot(w_plot, L(w_plot), color="0.4", lw=2, label="L(w)")
for (w0, p), c in zip(paths.items(), ["tab:blue", "tab:cyan", "tab:orange", "tab:red"]):
    ax.plot(p[:25], L(p[:25]), "o-", color=c, ms=4, lw=1, label=f"start {w0:+.1f}")
ax.annotate("global minimum", (ends[0], L(ends[0])), (-1.5, 2.5), arrowprops={"arrowstyle": "->"})
ax.annotate("local minimum", (ends[2], L(ends[2])), (0.9, 2.8), arrowprops={"arrowstyle": "->"})
ax.set_ylim(0, 6.5)
ax.set_xlabel("w")
ax.set_ylabel("L(w)")
ax.set_title(f"gradient descent, lr = {lr}, first 25 steps shown")
ax.legend(loc="upper center", fontsize=8)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
