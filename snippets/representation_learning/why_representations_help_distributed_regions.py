"""n binary features name up to 2^n regions of input space; a one-hot code with n units names n."""
import io
from math import comb

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

rng = np.random.default_rng(0)


def binary_codes(points, normals, offsets):
    """Code of each point (N, d) under n threshold features [w_i . x + b_i > 0]: an (N, n) 0/1 array."""
    return (points @ normals.T + offsets > 0).astype(int)


def one_hot_codes(points, prototypes):
    """Winner-take-all code: index of the nearest of n prototypes for each point (N,)."""
    return ((points[:, None, :] - prototypes[None]) ** 2).sum(-1).argmin(1)


def count(codes):
    """Number of distinct codes (rows of an (N, n) 0/1 array, or N labels): regions told apart."""
    if codes.ndim == 2:
        codes = codes @ (2 ** np.arange(codes.shape[1]))   # read each row as a binary number
    return len(np.unique(codes))


print(" n | one-hot | binary, d = n (2^n) | binary, d = 2 (1 + n + n(n-1)/2)")
for n in range(2, 7):
    pts_n = 10 * rng.standard_normal((20_000, n))
    tilted = np.eye(n) + 0.3 * rng.standard_normal((n, n))           # n hyperplanes in general position
    dist_n = count(binary_codes(pts_n, tilted, rng.uniform(-0.5, 0.5, n)))
    angles = np.pi * (np.arange(n) + rng.uniform(0.2, 0.8, n)) / n   # lines tangent to the unit circle,
    g = np.linspace(-6, 6, 301)                                        # so all crossings lie in the grid
    pts_2 = np.stack(np.meshgrid(g, g), -1).reshape(-1, 2)
    normals = np.stack([np.cos(angles), np.sin(angles)], 1)
    dist_2 = count(binary_codes(pts_2, normals, -np.ones(n)))
    hot = count(one_hot_codes(pts_2, rng.standard_normal((n, 2))))
    print(f" {n} | {hot:7d} | {dist_n:19d} | {dist_2:3d}")
    assert hot == n and dist_n == 2**n and dist_2 == comb(n, 0) + comb(n, 1) + comb(n, 2)

# Picture for n = 3 in the plane: one-hot gives 3 regions, three binary features give 7.
plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, axes = plt.subplots(1, 2, figsize=(8, 3.6))
g = np.linspace(-3, 3, 150)
pts = np.stack(np.meshgrid(g, g), -1).reshape(-1, 2)
protos = np.array([[-1.5, -1.0], [1.5, -1.0], [0.0, 1.5]])
angles = 0.5 + 2 * np.pi * np.arange(3) / 3           # three lines around a central triangle
normals, offsets = np.stack([np.cos(angles), np.sin(angles)], 1), -0.8 * np.ones(3)
bits = binary_codes(pts, normals, offsets)
hot = one_hot_codes(pts, protos)
assert count(hot) == 3 and count(bits) == 7
panels = [(hot, f"one-hot: 3 units, {count(hot)} regions"),
          (bits @ np.array([4, 2, 1]), f"3 binary features: {count(bits)} regions")]
for ax, (label, title) in zip(axes, panels):
    ax.imshow(label.reshape(len(g), len(g)), origin="lower", extent=(-3, 3, -3, 3), cmap="Pastel1",
              interpolation="nearest")
    ax.set_title(title, fontsize=10)
for code in np.unique(bits, axis=0):                 # write each region's code at its centre
    inside = (bits == code).all(1)
    cx, cy = pts[inside].mean(0)
    axes[1].text(cx, cy, "".join(map(str, code)), ha="center", va="center", fontsize=9)
for p in protos:
    axes[0].plot(*p, "k*")
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
