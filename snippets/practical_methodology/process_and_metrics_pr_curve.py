"""Precision-recall curve over all thresholds, and the area under it."""
import matplotlib.pyplot as plt
import numpy as np


def pr_curve(y: np.ndarray, score: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Precision and recall when the top k scores are reported as positive, for k = 1..n.

    Args:
        y: the true labels, 0 or 1, shape (n,), at least one 1.
        score: the detector's scores, higher meaning more likely positive, shape (n,).

    Returns:
        (precision, recall), each of shape (n,), ordered from the highest threshold down.

    Examples:
        >>> p, r = pr_curve(np.array([1, 0, 1, 0]), np.array([0.9, 0.8, 0.7, 0.1]))
        >>> p.round(3).tolist(), r.tolist()
        ([1.0, 0.5, 0.667, 0.5], [0.5, 0.5, 1.0, 1.0])
    """
    order = np.argsort(-score, kind="stable")
    tp = np.cumsum(y[order])  # true positives among the top k
    return tp / np.arange(1, len(y) + 1), tp / y.sum()


def area_under_pr(precision: np.ndarray, recall: np.ndarray) -> float:
    """Step-wise area under a PR curve, sum_k (R_k - R_{k-1}) P_k with R_0 = 0 (average precision).

    Args:
        precision: the precision at each threshold, shape (n,), highest threshold first.
        recall: the recall at the same thresholds, shape (n,).

    Returns:
        The area, a float in [0, 1].

    Examples:
        >>> area_under_pr(np.array([1.0, 0.5, 2 / 3, 0.5]), np.array([0.5, 0.5, 1.0, 1.0]))  # (1 + 2/3) / 2
        0.8333333333333333
    """
    return float(np.sum(np.diff(recall, prepend=0.0) * precision))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    n, prevalence = 400, 0.2
    y = (rng.random(n) < prevalence).astype(int)
    scores = {"good detector": y * 2.0 + rng.normal(size=n),
              "weak detector": y * 0.7 + rng.normal(size=n),
              "random scores": rng.normal(size=n)}

    fig, ax = plt.subplots(figsize=(6, 3.6))
    areas = {}
    for (name, s), color in zip(scores.items(), ["tab:blue", "tab:orange", "tab:gray"]):
        p, r = pr_curve(y, s)
        # every point of the curve against a direct count: predict 1 where score >= t, for each score t
        pred = s[None, :] >= np.sort(s)[::-1][:, None]
        tp, fp, fn = (pred & (y == 1)).sum(1), (pred & (y == 0)).sum(1), (~pred & (y == 1)).sum(1)
        assert np.allclose(p, tp / (tp + fp), atol=1e-12) and np.allclose(r, tp / (tp + fn), atol=1e-12)
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
    # one random ranking is off by a few hundredths; their mean is q + (1 - q) H_n / n, q = (P - 1)/(n - 1)
    shuffled = [area_under_pr(*pr_curve(y, rng.normal(size=n))) for _ in range(200)]
    q = (y.sum() - 1) / (n - 1)
    expected = q + (1 - q) * np.sum(1 / np.arange(1, n + 1)) / n
    print(f"mean area of 200 random rankings = {np.mean(shuffled):.3f}, expected {expected:.3f}")

    assert np.isclose(area_under_pr(*pr_curve(y, y + 0.0)), 1.0)  # a perfect ranking has area 1
    assert areas["good detector"] > areas["weak detector"] + 0.2 > areas["random scores"] + 0.2
    assert abs(np.mean(shuffled) - expected) < 0.006 and 0 < expected - y.mean() < 0.02
    plt.show()
