"""The error surface: L(b, w) of the views model over a grid of (b, w), drawn as contours."""
import io

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.colors import LogNorm

rng = np.random.default_rng(0)
week = np.array([0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4])  # thousands of views, Mon..Sun
views = np.tile(week, 20) + rng.normal(0, 0.1, 140)
x1, label = views[:104], views[1:105]

# L(b, w) = mean over days of (b + w*x1 - label)^2, on a 60 x 60 grid of (b, w).
b_grid, w_grid = np.meshgrid(np.linspace(-0.6, 1.4, 60), np.linspace(-0.6, 1.4, 60))
y = b_grid[..., None] + w_grid[..., None] * x1  # shape (60, 60, 104)
L = ((y - label) ** 2).mean(axis=-1)

i, j = np.unravel_index(L.argmin(), L.shape)
X = np.stack([np.ones(104), x1], 1)  # X @ (b, w) = b + w * x1
b_star, w_star = np.linalg.lstsq(X, label, rcond=None)[0]
L_star = np.mean((b_star + w_star * x1 - label) ** 2)
print(f"lowest grid point: b = {b_grid[i, j]:.3f}, w = {w_grid[i, j]:.3f}, L = {L[i, j]:.4f}")
print(f"exact minimum:     b = {b_star:.3f}, w = {w_star:.3f}, L = {L_star:.4f}")
# L is quadratic in (b, w) with a positive-definite Hessian: one bowl, one minimum
assert np.all(np.linalg.eigvalsh(2 * X.T @ X / 104) > 0)
step = 2.0 / 59
assert abs(b_grid[i, j] - b_star) <= step and abs(w_grid[i, j] - w_star) <= step
low = L < 1.5 * L_star  # "the low region": within 50% of the best loss
r = np.corrcoef(b_grid[low], w_grid[low])[0, 1]
print(f"grid points with L < 1.5 * L_min: {low.sum()} of {L.size}; corr(b, w) there: {r:.2f}")
assert r < -0.8  # a long diagonal valley: a larger w with a smaller b fits about as well

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.6))
levels = L_star * np.geomspace(1, L.max() / L_star, 13)
cs = ax.contourf(b_grid, w_grid, L, levels=levels, cmap="coolwarm", norm=LogNorm())
ax.contour(b_grid, w_grid, L, levels=[1.5 * L_star], colors="k", linewidths=1.5)
ax.plot(b_star, w_star, "*", color="gold", markeredgecolor="k", markersize=14,
        label="minimum of L", linestyle="none")
ax.plot([], [], "k-", label="L = 1.5 x minimum")
ax.set_xlabel("b (bias)")
ax.set_ylabel("w (weight)")
ax.set_title("error surface L(b, w): blue = low loss, red = high loss")
fig.colorbar(cs, ax=ax, label="L (MSE)", format="%.2f")
ax.legend(loc="upper right")
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
