"""Gradient descent on L(b, w): the gradient by hand equals autograd's; the path on the surface."""
import io

import matplotlib
import numpy as np
import torch

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.colors import LogNorm

rng = np.random.default_rng(0)
week = np.array([0.9, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4])  # thousands of views, Mon..Sun
views = np.tile(week, 20) + rng.normal(0, 0.1, 140)
x1, label = views[:104], views[1:105]


def loss(b, w):
    """MSE of y = b + w * x1 against the labels, for floats b and w."""
    return ((b + w * x1 - label) ** 2).mean()


def grad(b, w):
    """(dL/db, dL/dw) by hand: 2*mean(e) and 2*mean(e * x1), with e = b + w*x1 - label."""
    e = b + w * x1 - label
    return 2 * e.mean(), 2 * (e * x1).mean()


# 1. The hand-derived gradient equals autograd's, at a few points.
x1_t, label_t = torch.tensor(x1), torch.tensor(label)
for b0, w0 in [(1.2, -0.4), (0.0, 0.0), (0.3, 0.9)]:
    b_t = torch.tensor(b0, dtype=torch.float64, requires_grad=True)
    w_t = torch.tensor(w0, dtype=torch.float64, requires_grad=True)
    ((b_t + w_t * x1_t - label_t) ** 2).mean().backward()
    ours, autograd = np.array(grad(b0, w0)), np.array([b_t.grad.item(), w_t.grad.item()])
    print(f"at (b, w) = ({b0}, {w0}): by hand {ours.round(6)}, autograd {autograd.round(6)}")
    assert np.allclose(ours, autograd, atol=1e-12)

# 2. Gradient descent: b <- b - lr * dL/db, w <- w - lr * dL/dw.
lr, steps = 0.5, 150
path = [(1.2, -0.4)]
for _ in range(steps):
    gb, gw = grad(*path[-1])
    path.append((path[-1][0] - lr * gb, path[-1][1] - lr * gw))
path = np.array(path)
jumps = np.linalg.norm(np.diff(path, axis=0), axis=1)
slopes = np.array([np.hypot(*grad(b, w)) for b, w in path[:-1]])
print(f"start (b, w) = {path[0]}, L = {loss(*path[0]):.5f}")
print("step  |gradient|  length of the move  L after the move")
for t in [0, 1, 2, 10, 50, 100, 149]:
    print(f"{t:4d}  {slopes[t]:10.4f}  {jumps[t]:18.5f}   {loss(*path[t + 1]):.5f}")
assert jumps.argmax() == 0 == slopes.argmax()  # the steepest point gets the longest move
assert slopes[0] > 100 * slopes[-1] and jumps[0] > 100 * jumps[-1]  # flat -> tiny moves

b_star, w_star = np.linalg.lstsq(np.stack([np.ones(104), x1], 1), label, rcond=None)[0]
print(f"after {steps} steps (b, w) = ({path[-1, 0]:.4f}, {path[-1, 1]:.4f}); "
      f"least squares gives ({b_star:.4f}, {w_star:.4f})")
assert np.allclose(path[-1], [b_star, w_star], atol=1e-3)

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.6))
B, W = np.meshgrid(np.linspace(-0.6, 1.4, 60), np.linspace(-0.6, 1.4, 60))
L = ((B[..., None] + W[..., None] * x1 - label) ** 2).mean(axis=-1)
cs = ax.contourf(B, W, L, levels=L.min() * np.geomspace(1, L.max() / L.min(), 13),
                 cmap="coolwarm", norm=LogNorm())
ax.plot(path[:, 0], path[:, 1], ".-", color="k", markersize=3, lw=1,
        label=f"{steps} steps, lr = {lr}")
ax.plot(*path[0], "o", color="k", label="start")
ax.plot(b_star, w_star, "*", color="gold", markeredgecolor="k", markersize=14, ls="none",
        label="minimum")
ax.set_xlabel("b (bias)")
ax.set_ylabel("w (weight)")
fig.colorbar(cs, ax=ax, label="L (MSE)", format="%.2f")
ax.legend(loc="upper right")
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
