"""Precision-recall curve over all thresholds, and the area under it."""
import io

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

rng = np.random.default_rng(0)


def pr_curve(y, score):
    """Labels (n,), scores (n,) -> (precision, recall), one point per threshold, highest first."""
    order = np.argsort(-score, kind="stable")
    tp = np.cumsum(y[order])  # predict positive for the top k scores, k = 1..n
    k = np.arange(1, len(y) + 1)
    return tp / k, tp / y.sum()


def area_under_pr(precision, recall):
    """Step-wise area: sum of precision times each gain in recall (average precision)."""
    return float(np.sum(np.diff(recall, prepend=0.0) * precision))


n, prevalence = 400, 0.2
y = (rng.random(n) < prevalence).astype(int)
scores = {"good detector": y * 2.0 + rng.normal(size=n),
          "weak detector": y * 0.7 + rng.normal(size=n),
          "random scores": rng.normal(size=n)}

# brute force at one threshold: predict 1 where score >= t, count TP/FP/FN
s, t = scores["good detector"], 1.0
tp, fp, fn = np.sum((s >= t) & (y == 1)), np.sum((s >= t) & (y == 0)), np.sum((s < t) & (y == 1))
p, r = pr_curve(y, s)
k = int(np.sum(s >= t))
assert np.isclose(p[k - 1], tp / (tp + fp)) and np.isclose(r[k - 1], tp / (tp + fn))

plt.rcParams.update({"svg.hashsalt": "dl-notes", "svg.fonttype": "none"})
fig, ax = plt.subplots(figsize=(6, 3.6))
areas = {}
for (name, s), color in zip(scores.items(), ["tab:blue", "tab:orange", "tab:gray"]):
    p, r = pr_curve(y, s)
    areas[name] = area_under_pr(p, r)
    # the same area, counted differently: the mean precision at the rank of each positive
    assert np.isclose(areas[name], p[y[np.argsort(-s, kind="stable")] == 1].mean())
    # every curve ends at recall 1 with precision = positive rate (everything predicted positive)
    assert np.isclose(r[-1], 1.0) and np.isclose(p[-1], y.mean())
    ax.step(r, p, where="pre", color=color, label=f"{name} (area {areas[name]:.2f})")
    print(f"{name:14s} area under PR curve = {areas[name]:.3f}")
ax.axhline(y.mean(), color="k", ls=":", lw=1, label=f"positive rate {y.mean():.2f}")
ax.set_xlabel("recall")
ax.set_ylabel("precision")
ax.set_ylim(0, 1.02)
ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.02, 1))
print(f"fraction of positives = {y.mean():.3f}")

assert np.isclose(area_under_pr(*pr_curve(y, y + 0.0)), 1.0)  # a perfect ranking has area 1
# a better ranking has a larger area; random scores hover near the positive rate
assert areas["good detector"] > areas["weak detector"] + 0.2
assert abs(areas["random scores"] - y.mean()) < 0.05

buf = io.StringIO()
fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
plt.close(fig)
print(buf.getvalue())
