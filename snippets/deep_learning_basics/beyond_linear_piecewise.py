"""A piecewise linear curve is exactly a constant plus one hard sigmoid per segment."""
import io

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

xk = np.array([0.5, 1.5, 2.5, 3.5])          # the knots of the target curve
yk = np.array([1.0, 3.0, 1.5, 2.5])
x = np.linspace(-1, 5, 601)                  # wider than the knots: the flat ends count too


def hard_sigmoid(x, x0, x1, h):
    """0 left of x0, h right of x1, a straight ramp in between."""
    return h * np.clip((x - x0) / (x1 - x0), 0.0, 1.0)


# one hard sigmoid per segment: it ramps over that segment by the segment's rise
parts = [hard_sigmoid(x, xk[k], xk[k + 1], yk[k + 1] - yk[k]) for k in range(len(xk) - 1)]
rebuilt = yk[0] + np.sum(parts, axis=0)
target = np.interp(x, xk, yk)                # the curve itself: join the knots, flat outside
err = np.abs(rebuilt - target).max()
for k in range(len(parts)):
    print(f"hard sigmoid {k + 1}: ramp on [{xk[k]}, {xk[k + 1]}], height {yk[k + 1] - yk[k]:+.1f}")
print(f"constant: {yk[0]}")
print(f"max |constant + sum of hard sigmoids - curve| on {x.size} points: {err:.1e}")
assert err < 1e-12

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(5.2, 3.4))
ax.plot(x, target, color="tab:red", lw=4, alpha=0.4, label="target curve")
ax.plot(x, rebuilt, color="black", lw=1, label="constant + sum")
ax.axhline(yk[0], color="gray", ls=":", label=f"constant {yk[0]}")
for k, (p, c) in enumerate(zip(parts, ["tab:blue", "tab:orange", "tab:green"])):
    ax.plot(x, p, color=c, ls="--", label=f"hard sigmoid {k + 1}")
ax.set_xlabel("x")
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
