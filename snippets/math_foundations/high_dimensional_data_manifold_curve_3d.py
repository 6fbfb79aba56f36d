"""Points on a helix in 3-D: 3-D spread, but 1-D locally (intrinsic dimension 1)."""
import numpy as np

rng = np.random.default_rng(0)
n = 800
t = np.sort(rng.uniform(0, 4 * np.pi, n))
helix = np.stack([np.cos(t), np.sin(t), 0.3 * t], axis=1)     # a 1-D curve in 3-D
cube = rng.uniform(-1, 1, (n, 3)) * [1, 1, 1.9]               # a 3-D cloud of similar size


def pca_variance_ratio(x):
    """Fraction of variance along each principal axis (sorted, sums to 1)."""
    s = np.linalg.svd(x - x.mean(axis=0), compute_uv=False) ** 2
    return s / s.sum()


def local_pca_top(x, k=20):
    """Mean fraction of variance on the top principal axis of each point's k nearest neighbours."""
    d2 = ((x[:, None, :] - x[None, :, :]) ** 2).sum(-1)
    idx = np.argsort(d2, axis=1)[:, :k]
    return np.mean([pca_variance_ratio(x[i])[0] for i in idx[::4]]), d2


def correlation_dimension(d2, r1=0.1, r2=0.3):
    """Slope of log(#pairs closer than r) against log r: N(r) ~ r^dim at small r."""
    c1, c2 = (d2 < r1**2).sum() - len(d2), (d2 < r2**2).sum() - len(d2)
    return np.log(c2 / c1) / np.log(r2 / r1)


for name, x in [("helix", helix), ("3-D cloud", cube)]:
    glob = pca_variance_ratio(x)
    loc, d2 = local_pca_top(x)
    dim = correlation_dimension(d2)
    print(f"{name:>9}: global PCA ratios {np.round(glob, 3)}, local top ratio {loc:.3f}, "
          f"correlation dimension {dim:.2f}")
    if name == "helix":
        assert glob.min() > 0.1          # globally it fills all three directions ...
        assert loc > 0.99                # ... but each neighbourhood is a line
        assert abs(dim - 1) < 0.2
    else:
        assert loc < 0.7 and abs(dim - 3) < 0.4
# Along the curve, distance is arc length; straight-line distance between turns is misleading.
i, j = 0, np.argmin(np.abs(t - (t[0] + 2 * np.pi)))           # one full turn apart
arc = np.sqrt(1 + 0.3**2) * (t[j] - t[i])
print(f"one turn apart: straight-line distance {np.linalg.norm(helix[j] - helix[i]):.2f}, "
      f"distance along the curve {arc:.2f}")
assert arc > 3 * np.linalg.norm(helix[j] - helix[i])
