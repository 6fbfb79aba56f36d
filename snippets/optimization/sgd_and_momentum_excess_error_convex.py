"""Excess error J(theta_t) - min J on least squares: batch GD vs SGD."""
import io

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

rng = np.random.default_rng(0)
N, d = 200, 5
X = rng.standard_normal((N, d)) * np.array([1.0, 0.8, 0.6, 0.4, 0.3])
y = X @ rng.standard_normal(d) + 0.3 * rng.standard_normal(N)


def J(th):
    """Mean squared-error cost 0.5 mean((X theta - y)^2) for theta of shape (d,) or (runs, d)."""
    return 0.5 * np.mean((th @ X.T - y) ** 2, axis=-1)


J_min = J(np.linalg.lstsq(X, y, rcond=None)[0])              # min J, in closed form
eig = np.linalg.eigvalsh(X.T @ X / N)                        # Hessian of J
mu, L = eig.min(), eig.max()
print(f"Hessian eigenvalues: mu = {mu:.3f}, L = {L:.3f}")

# Batch GD, lr = 1/L: excess error shrinks at least by (1 - mu/L)^2 per step (linear rate).
T = 120
th, gd_err = np.zeros(d), []
for t in range(T):
    gd_err.append(J(th) - J_min)
    th = th - (1 / L) * X.T @ (X @ th - y) / N
gd_err = np.array(gd_err)
bound = gd_err[0] * (1 - mu / L) ** (2 * np.arange(T))
assert np.all(gd_err <= bound * (1 + 1e-9) + 1e-15) and gd_err[-1] < 1e-10

# SGD, one example per step, lr_t = 1 / (mu (t + t0)): about O(1/t) for a strongly convex J.
runs, t0, S = 8, 40, 10000
steps = np.unique(np.r_[np.logspace(0, np.log10(S), 100).astype(int), 10, 100, 1000])
record = set(steps.tolist())                                      # where J is evaluated
th_s, sgd_err = np.zeros((runs, d)), {}
idx = rng.integers(0, N, (S, runs))
for t in range(1, S + 1):
    i = idx[t - 1]
    g = (np.sum(X[i] * th_s, axis=1) - y[i])[:, None] * X[i]
    th_s = th_s - g / (mu * (t - 1 + t0))
    if t in record:
        sgd_err[t] = np.mean(J(th_s) - J_min)            # averaged over 8 independent runs
sgd_err = np.array([sgd_err[t] for t in steps])
late = steps >= 1000
slope = np.polyfit(np.log(steps[late]), np.log(sgd_err[late]), 1)[0]
for t in (10, 100):
    print(f"step {t:>5}: GD excess error {gd_err[t]:9.2e}   SGD excess error {sgd_err[steps == t][0]:9.2e}")
print(f"SGD: slope of log(excess error) vs log(step) over the last decade: {slope:.2f}")
assert -1.4 < slope < -0.6
assert sgd_err[-1] > 1e3 * gd_err[T - 1]             # per step, batch GD is far ahead ...
# One GD step costs N = 200 example gradients; on so small a set GD wins even at equal cost.
print(f"after {S} example gradients: GD ({S // N} steps) {gd_err[S // N]:.2e}, "
      f"SGD ({S} steps) {sgd_err[-1]:.2e}")
assert gd_err[S // N] < sgd_err[-1]

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.4))
ax.loglog(np.arange(1, T), np.maximum(gd_err[1:], 1e-16), color="tab:blue", label="batch GD (per step)")
ax.loglog(np.arange(1, T), bound[1:], ":", color="tab:blue", label=r"$(1-\mu/L)^{2t}$ bound")
ax.loglog(steps, sgd_err, color="tab:orange", label="SGD, 1 example per step")
ax.loglog(steps, sgd_err[-1] * S / steps, "--", color="gray", label=r"$\propto 1/t$")
ax.set_ylim(1e-13, 10)
ax.set_xlabel("step t")
ax.set_ylabel(r"$J(\theta_t) - \min J$")
ax.legend(fontsize=8)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
