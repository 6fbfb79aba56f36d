"""Two ReLUs make one hard sigmoid, so ReLUs can rebuild any piecewise linear curve."""
import io

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def relu(z):
    """max(0, z) elementwise; matches torch.relu."""
    return np.maximum(0.0, z)


def hard_sigmoid(x, x0, x1, h):
    """0 left of x0, h right of x1, a straight ramp in between."""
    return h * np.clip((x - x0) / (x1 - x0), 0.0, 1.0)


def two_relus(x, x0, x1, h):
    """The same hard sigmoid as c1 max(0, b1 + w x) + c2 max(0, b2 + w x)."""
    w = 1.0 / (x1 - x0)
    return h * relu(w * x - w * x0) - h * relu(w * x - w * x1)   # second ReLU cancels the rise


x = np.arange(-64, 65) / 16                    # a grid of exactly representable numbers
hs, rr = hard_sigmoid(x, 1.0, 2.0, 1.5), two_relus(x, 1.0, 2.0, 1.5)
print(f"hard sigmoid vs two ReLUs on {x.size} grid points: identical = {np.array_equal(hs, rr)}")
assert np.array_equal(hs, rr)                  # bit-for-bit, not just close

# the piecewise linear curve of this chapter with 2 ReLUs per segment (6 in all)
xk, yk = np.array([0.5, 1.5, 2.5, 3.5]), np.array([1.0, 3.0, 1.5, 2.5])
xs = np.linspace(-1, 5, 601)
y = yk[0] + sum(two_relus(xs, xk[k], xk[k + 1], yk[k + 1] - yk[k]) for k in range(3))
err = np.abs(y - np.interp(xs, xk, yk)).max()
print(f"curve from a constant + 6 ReLUs, max error: {err:.1e}")
assert err < 1e-12

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.2))
ax.plot(x, 1.5 * relu(x - 1), color="tab:blue", ls="--", label="1.5 max(0, x - 1)")
ax.plot(x, -1.5 * relu(x - 2), color="tab:orange", ls="--", label="-1.5 max(0, x - 2)")
ax.plot(x, rr, color="black", lw=2, label="sum = hard sigmoid")
ax.set_xlabel("x")
ax.set_ylim(-3.2, 4.7)
ax.legend(fontsize=8, loc="upper left")
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
