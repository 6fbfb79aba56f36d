"""Model bias: no straight line fits a piecewise linear target, however well it is trained."""
import io

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

xk = np.array([0.5, 1.5, 2.5, 3.5])          # the knots of the target curve
yk = np.array([1.0, 3.0, 1.5, 2.5])
x = np.linspace(0, 4, 81)
y = np.interp(x, xk, yk)                     # flat outside [0.5, 3.5]

# gradient descent on L(b, w) = mean((b + w x - y)^2)
b, w, lr = 0.0, 0.0, 0.1
losses = []
for step in range(1000):
    e = b + w * x - y
    losses.append(np.mean(e**2))
    b, w = b - lr * 2 * e.mean(), w - lr * 2 * (e * x).mean()   # dL/db, dL/dw
grad_norm = np.hypot(2 * e.mean(), 2 * (e * x).mean())

# the best line of all, in closed form (least squares)
A = np.c_[np.ones_like(x), x]
(b_ls, w_ls), *_ = np.linalg.lstsq(A, y, rcond=None)
best = np.mean((A @ [b_ls, w_ls] - y) ** 2)
print(f"gradient descent: b = {b:.4f}, w = {w:.4f}, loss {losses[-1]:.4f}, |gradient| {grad_norm:.1e}")
print(f"least squares:    b = {b_ls:.4f}, w = {w_ls:.4f}, loss {best:.4f}")
print(f"loss after 10, 100, 1000 steps: {losses[9]:.4f} {losses[99]:.4f} {losses[-1]:.4f}")
assert abs(losses[-1] - best) < 1e-9 and grad_norm < 1e-6   # the optimiser has finished...
assert losses[99] - best < 1e-3                               # (it was done after ~100 steps)
assert best > 0.25 * y.var()                                 # ...and the loss stays high

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.2))
ax.plot(x, y, color="tab:red", lw=2, label="target (piecewise linear)")
ax.plot(x, b_ls + w_ls * x, color="tab:blue", ls="--", label="best line b + w x")
ax.scatter(xk, yk, color="tab:red", zorder=3, s=20)
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.legend(loc="lower right", fontsize=9)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
