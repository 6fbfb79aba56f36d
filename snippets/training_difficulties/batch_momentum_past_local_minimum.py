"""Momentum carries the parameter through a local minimum where plain gradient descent stops."""
import io

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

f = lambda x: (x**2 - 1) ** 2 + 0.3 * x  # two valleys: a shallow one right, a deeper one left
df = lambda x: 4 * x**3 - 4 * x + 0.3


def run(lam, lr=0.01, steps=400, x=2.0):
    """Momentum m <- lam*m - lr*f'(x), x <- x + m (lam = 0 is plain gradient descent); all iterates."""
    m, xs = 0.0, [x]
    for _ in range(steps):
        m = lam * m - lr * df(x)
        x = x + m
        xs.append(x)
    return np.array(xs)


gd, mom = run(0.0), run(0.9)
print(f"gradient descent: ends at x = {gd[-1]:+.4f}, f = {f(gd[-1]):+.4f}, f'(x) = {df(gd[-1]):.1e}")
print(f"momentum 0.9    : ends at x = {mom[-1]:+.4f}, f = {f(mom[-1]):+.4f}, f'(x) = {df(mom[-1]):.1e}")
assert abs(df(gd[-1])) < 1e-6 and gd[-1] > 0  # stuck in the shallow right valley, gradient zero
assert abs(df(mom[-1])) < 1e-6 and mom[-1] < 0 and f(mom[-1]) < f(gd[-1])  # rolled on into the deeper one
assert np.any(np.diff(mom) > 0)  # on the way it overshoots and comes back: the inertia at work
low = run(0.9, x=1.6)  # started lower, it gathers less speed
print(f"momentum 0.9 started at x = 1.6: ends at x = {low[-1]:+.4f}")
assert low[-1] > 0  # no guarantee: this time it stays in the shallow valley

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8.5, 3.2), layout="constrained")
xs = np.linspace(-1.6, 2.05, 200)
ax1.plot(xs, f(xs), color="gray")
ax1.plot(gd[-1], f(gd[-1]), "o", color="tab:red", label="gradient descent stops")
ax1.plot(mom[-1], f(mom[-1]), "s", color="tab:blue", label="momentum ends")
ax1.plot(2.0, f(2.0), "k^", label="start")
ax1.set(xlabel="x", ylabel="f(x)", title="f(x) = (x² - 1)² + 0.3 x", ylim=(-0.8, 10))
ax1.legend(fontsize=8)
ax2.plot(gd, color="tab:red", label="gradient descent")
ax2.plot(mom, color="tab:blue", label="momentum 0.9")
ax2.set(xlabel="step", ylabel="x", title="position over time")
ax2.legend(fontsize=8)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
