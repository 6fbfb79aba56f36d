"""The minibatch gradient's standard error shrinks like 1/sqrt(m)."""
import io

import matplotlib
import numpy as np
import torch

matplotlib.use("Agg")
import matplotlib.pyplot as plt

rng = np.random.default_rng(0)
torch.manual_seed(0)
N, d = 50_000, 3
X = rng.standard_normal((N, d))
y = X @ np.array([1.0, -2.0, 0.5]) + 0.5 * rng.standard_normal(N)
theta = np.zeros(d)                               # the point where we estimate the gradient

# Per-example gradients of (x.theta - y)^2: g_i = 2 (x_i.theta - y_i) x_i
G = 2 * (X @ theta - y)[:, None] * X
full_grad = G.mean(axis=0)
sigma = G[:, 0].std()                             # spread of one example's gradient (coordinate 0)

# Check the formula against autograd on one minibatch.
idx = rng.integers(0, N, 64)
t = torch.tensor(theta, requires_grad=True)
loss = ((torch.from_numpy(X[idx]) @ t - torch.from_numpy(y[idx])) ** 2).mean()
loss.backward()
assert np.allclose(t.grad.numpy(), G[idx].mean(axis=0), atol=1e-10)

sizes = np.array([1, 4, 16, 64, 256, 1024])
draws = 1000
measured = []
for m in sizes:
    batches = rng.integers(0, N, (draws, m))      # minibatches drawn with replacement
    estimates = G[batches, 0].mean(axis=1)        # minibatch estimates of the gradient
    measured.append(estimates.std())
    assert abs(estimates.mean() - full_grad[0]) < 4 * sigma / np.sqrt(m * draws)  # unbiased
measured = np.array(measured)
predicted = sigma / np.sqrt(sizes)

print(f"{'m':>5} {'measured std':>13} {'sigma/sqrt(m)':>14}")
for m, a, p in zip(sizes, measured, predicted):
    print(f"{m:>5} {a:13.4f} {p:14.4f}")
slope = np.polyfit(np.log(sizes), np.log(measured), 1)[0]
print(f"slope of log(std) against log(m): {slope:.3f}")
assert np.all(np.abs(measured / predicted - 1) < 0.1)
assert abs(slope + 0.5) < 0.05
# 64 times more examples per step (m = 4 -> 256) buy only about 8 times less noise.
ratio = measured[sizes == 4][0] / measured[sizes == 256][0]
print(f"std at m = 4 divided by std at m = 256: {ratio:.2f}")
assert 7 < ratio < 9

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.4))
ax.loglog(sizes, measured, "o", color="tab:blue", label="measured std of the estimate")
ax.loglog(sizes, predicted, "-", color="tab:orange", label=r"$\sigma/\sqrt{m}$")
ax.set_xlabel("minibatch size m")
ax.set_ylabel("standard error of the gradient")
ax.legend()
ax.grid(alpha=0.3, which="both")
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
