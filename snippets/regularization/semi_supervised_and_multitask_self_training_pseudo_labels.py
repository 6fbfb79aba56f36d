"""Self-training: pseudo-labels on unlabeled data improve a classifier fitted on 6 labels."""
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import torch

rng = np.random.default_rng(0)
torch.manual_seed(0)


def make(n):
    """n points (n, 2) from two elongated Gaussian clusters, with labels (n,)."""
    y = rng.integers(0, 2, n)
    x = rng.normal(size=(n, 2)) * [0.8, 3.0] + np.c_[4.0 * y - 2.0, np.zeros(n)]
    return x, y


def fit(x, y, lam=0.01, steps=25):
    """Logistic regression with an L2 penalty by Newton's method; returns w (3,), last = bias."""
    X = np.c_[x, np.ones(len(x))]
    w, R = np.zeros(3), np.diag([lam, lam, 0.0])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-X @ w))
        grad = X.T @ (p - y) / len(X) + 2 * R @ w
        H = X.T @ (X * (p * (1 - p))[:, None]) / len(X) + 2 * R
        w = w - np.linalg.solve(H, grad)
    return w


def self_train(xl, yl, xu, rounds=5, threshold=0.9):
    """Refit on the labels plus the confidently pseudo-labeled unlabeled points, a few rounds."""
    w = fit(xl, yl)
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-np.c_[xu, np.ones(len(xu))] @ w))
        sure = np.maximum(p, 1 - p) > threshold
        w = fit(np.r_[xl, xu[sure]], np.r_[yl, p[sure] > 0.5])
    return w


# The fit agrees with torch's loss: the gradient of the penalized BCE is zero at w.
xl, yl = make(6)
w = fit(xl, yl)
wt = torch.tensor(w, requires_grad=True)
Xl = torch.tensor(np.c_[xl, np.ones(6)])
loss = torch.nn.functional.binary_cross_entropy_with_logits(Xl @ wt, torch.tensor(yl * 1.0))
(loss + 0.01 * (wt[:2] ** 2).sum()).backward()
assert wt.grad.abs().max() < 1e-10

x_test, y_test = make(2000)
draws = []
for trial in range(20):  # 20 different draws of the 6 labeled points
    xl, yl = make(6)
    while yl.min() == yl.max():
        xl, yl = make(6)
    xu, _ = make(500)  # labels thrown away
    draws.append((xl, yl, xu, fit(xl, yl), self_train(xl, yl, xu)))
acc = np.array([[np.mean((np.c_[x_test, np.ones(2000)] @ w > 0) == y_test) for w in dr[3:]]
                for dr in draws])
before, after = acc.T
best = np.argmax(after - before)  # the figure shows the draw where self-training helped most
print("test accuracy over 20 draws of 6 labeled points (500 unlabeled each)")
print(f"  labels only:         mean {before.mean():.3f}  worst {before.min():.3f}")
print(f"  with self-training:  mean {after.mean():.3f}  worst {after.min():.3f}")
print(f"  self-training helped in {np.sum(after > before)} draws, hurt in {np.sum(after < before)}")
print(f"figure: draw {best}, test accuracy {before[best]:.3f} -> {after[best]:.3f}")
assert after.mean() > before.mean() + 0.01 and np.sum(after > before) > np.sum(after < before)
assert np.sum(after < before) > 0 and after.min() < before.min()  # no guarantee: errors get reinforced

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
xl, yl, xu, w0, w1 = draws[best]
fig, ax = plt.subplots(figsize=(6, 3.6))
ax.scatter(*xu[:300].T, s=6, c="#aaaaaa", label="unlabeled")
for c, col in [(0, "#1f77b4"), (1, "#d62728")]:
    ax.scatter(*xl[yl == c].T, s=70, c=col, edgecolors="k", label=f"labeled class {c}")
ys = np.array([-8.0, 8.0])
for w, style, name in [(w0, "--", "labels only"), (w1, "-", "self-trained")]:
    ax.plot(-(w[1] * ys + w[2]) / w[0], ys, "k" + style, label=name)
ax.set(xlim=(-6, 6), ylim=(-8, 8), xlabel="$x_1$", ylabel="$x_2$")
ax.legend(fontsize=7, loc="lower right")
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
