"""Training that is stuck without being at a critical point: gradient descent bouncing across a valley."""
import io

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

rng = np.random.default_rng(0)


def loss_and_grad(w):
    """L(w) = sqrt(1 + 100 w1^2) - 1 + 0.05 w2^2: steep walls across w1, a gentle floor along w2."""
    s = np.sqrt(1 + 100 * w[0] ** 2)
    return s - 1 + 0.05 * w[1] ** 2, np.array([100 * w[0] / s, 0.1 * w[1]])


def run(lr, steps=300, w0=(0.3, 4.0)):
    """Plain gradient descent; returns the loss, gradient norm and iterates of every step."""
    w, out = np.array(w0), []
    for _ in range(steps):
        L, g = loss_and_grad(w)
        out.append((L, np.linalg.norm(g), *w))
        w = w - lr * g
    return np.array(out)


big, small = run(lr=0.1), run(lr=0.01)
last = big[-100:]
print(f"lr = 0.1 : last 100 steps  loss in [{last[:, 0].min():.3f}, {last[:, 0].max():.3f}],"
      f"  |g| in [{last[:, 1].min():.2f}, {last[:, 1].max():.2f}],"
      f"  w1 in {{{last[-2, 2]:+.3f}, {last[-1, 2]:+.3f}}}")
print(f"lr = 0.01: final loss {small[-1, 0]:.4f}, final |g| {small[-1, 1]:.4f},"
      f" final w = ({small[-1, 2]:.4f}, {small[-1, 3]:.3f})")
assert last[:, 0].max() - last[:, 0].min() < 0.01 * last[:, 0].min()  # the loss has stopped moving ...
assert last[:, 1].min() > 5  # ... while the gradient stays large: not a critical point
assert np.all(np.sign(last[1:, 2]) != np.sign(last[:-1, 2]))  # w1 flips sign every step: bouncing
assert small[-1, 0] < last[:, 0].min() / 5 and abs(small[-1, 2]) < 1e-3  # a small step reaches the floor ...
assert small[-1, 3] > 2.5  # ... but then crawls along it: w2 is still far from its optimum 0

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8.5, 3.4), layout="constrained")
t = np.arange(len(big))
ax1.plot(t, big[:, 0], color="tab:red", label="loss, lr = 0.1")
ax1.plot(t, small[:, 0], color="tab:blue", label="loss, lr = 0.01")
ax1.plot(t, big[:, 1], "--", color="tab:red", alpha=0.6, label="|gradient|, lr = 0.1")
ax1.set(xlabel="step", yscale="log", title="loss flat, gradient large")
ax1.set_yticks([0.3, 1, 3, 10], ["0.3", "1", "3", "10"])  # plain labels: faster than mathtext
ax1.minorticks_off()
ax1.legend(fontsize=8)
w1, w2 = np.meshgrid(np.linspace(-0.6, 0.6, 60), np.linspace(-0.5, 4.5, 60))
ax2.contour(w1, w2, np.sqrt(1 + 100 * w1**2) - 1 + 0.05 * w2**2, levels=12, cmap="viridis")
ax2.plot(big[:40, 2], big[:40, 3], ".-", color="tab:red", ms=3, lw=0.8, label="lr = 0.1 (first 40 steps)")
ax2.plot(small[:, 2], small[:, 3], "-", color="tab:blue", lw=1.5, label="lr = 0.01")
ax2.set(xlabel="w1", ylabel="w2", title="the path on the error surface")
ax2.legend(fontsize=8, loc="lower left")
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
