"""y = b + sum_i c_i sigmoid(b_i + w_i x): more sigmoids, smaller error."""
import io

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

x = np.linspace(-3, 3, 301)
target = np.sin(2 * x) + 0.3 * x**2          # a smooth curve, not piecewise linear


def sigmoid_features(x, n):
    """(m,) inputs -> (m, n+1): a column of ones and n sigmoids spread evenly over [-3, 3]."""
    step = 6 / n
    centers = -3 + step * (np.arange(n) + 0.5)   # sigmoid i is centred at x = -b_i / w_i
    w = 4 / step                                 # each ramp about one spacing wide
    return np.c_[np.ones_like(x), 1 / (1 + np.exp(-w * (x[:, None] - centers)))]


def fit(n):
    """Least-squares b and c_1..c_n for n sigmoids; returns (fitted curve, RMS error, coefficients)."""
    F = sigmoid_features(x, n)
    coef, *_ = np.linalg.lstsq(F, target, rcond=None)
    y = F @ coef
    return y, np.sqrt(np.mean((y - target) ** 2)), coef


ns = [1, 2, 4, 8, 16, 32]
fits = {n: fit(n) for n in ns}
for n in ns:
    print(f"{n:3d} sigmoids: RMS error {fits[n][1]:.4f}")
errs = [fits[n][1] for n in ns]
assert all(e1 > e2 for e1, e2 in zip(errs, errs[1:]))     # every doubling helps
assert errs[-1] < 0.01 * errs[0]

# outside the fitted interval the sum levels off: a finite sum of sigmoids is bounded
x_far = np.array([6.0])
y_far = (sigmoid_features(x_far, 32) @ fits[32][2])[0]
target_far = np.sin(2 * x_far[0]) + 0.3 * x_far[0] ** 2
print(f"at x = 6, outside [-3, 3]: 32-sigmoid fit {y_far:.3f}, target {target_far:.3f}")
assert abs(y_far - target_far) > 100 * errs[-1]

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, (ax, ax2) = plt.subplots(1, 2, figsize=(9, 3.2), gridspec_kw={"width_ratios": [1.6, 1]})
ax.plot(x, target, color="black", lw=3, alpha=0.3, label="target")
for n, col in zip([2, 4, 16], ["tab:blue", "tab:orange", "tab:green"]):
    ax.plot(x, fits[n][0], color=col, lw=1.2, label=f"{n} sigmoids")
ax.set_xlabel("x")
ax.legend(fontsize=8, loc="upper center")
ax2.loglog(ns, errs, "o-", color="tab:red")
ax2.set_xlabel("number of sigmoids")
ax2.set_ylabel("RMS error")
ax2.set_xticks(ns, [str(n) for n in ns])
ax2.minorticks_off()
fig.subplots_adjust(wspace=0.3)
buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
