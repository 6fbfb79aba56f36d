"""One problem, three learning rates: too small crawls, a good one converges, too large diverges."""
import io

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

rng = np.random.default_rng(0)
week = np.array([0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4])  # thousands of views, Mon..Sun
views = np.tile(week, 20) + rng.normal(0, 0.1, 140)
x1, label = views[:104], views[1:105]
X = np.stack([np.ones(104), x1], axis=1)  # row n is (1, x1_n), so X @ (b, w) = y


def descend(lr, steps=150, start=(1.2, -0.4)):
    """Plain gradient descent on the MSE of y = b + w*x1; returns the loss before each step."""
    theta, losses = np.array(start), []
    for _ in range(steps + 1):
        e = X @ theta - label
        losses.append(np.mean(e**2))
        theta = theta - lr * 2 * X.T @ e / len(e)  # gradient = 2 X^T e / N
    return np.array(losses)


L_min = np.mean((X @ np.linalg.lstsq(X, label, rcond=None)[0] - label) ** 2)
runs = {0.02: "too small", 0.5: "good", 0.7: "too large"}
curves = {lr: descend(lr) for lr in runs}
for lr, name in runs.items():
    print(f"lr = {lr:<4} {name:>9}: L = {curves[lr][0]:.4f} -> {curves[lr][-1]:.4g} "
          f"after {len(curves[lr]) - 1} steps")
print(f"minimum of L: {L_min:.4f}")

small, good, big = curves[0.02], curves[0.5], curves[0.7]
assert np.all(np.diff(small) < 0) and small[-1] - L_min > 0.2 * (small[0] - L_min)  # crawls
assert good[-1] - L_min < 1e-6  # converged
assert np.all(np.diff(big[-50:]) > 0) and big[-1] > 1e3 * big[0]  # blows up

# For this quadratic loss the limit is sharp: lr must stay below 2 / (largest curvature).
curvatures = np.linalg.eigvalsh(2 * X.T @ X / len(X))  # eigenvalues of the Hessian of L
print(f"largest stable learning rate 2/{curvatures[-1]:.3f} = {2 / curvatures[-1]:.3f}")
assert 0.5 < 2 / curvatures[-1] < 0.7

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.6))
colors = {0.02: "tab:blue", 0.5: "tab:green", 0.7: "tab:red"}
for lr, name in runs.items():
    ax.plot(curves[lr] - L_min, color=colors[lr], lw=2, label=f"lr = {lr} ({name})")
ax.set_yscale("log")
ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"1e{np.log10(v):.0f}"))  # no mathtext: faster
ax.set_xlabel("step")
ax.set_ylabel("L - (minimum of L)")
ax.set_title("same start, same data, three learning rates")
ax.legend()
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
