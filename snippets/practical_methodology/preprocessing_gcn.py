"""Global contrast normalisation (GCN) with scale s, regulariser lambda and floor epsilon."""
import numpy as np
import torch

rng = np.random.default_rng(0)


def gcn(X, s=1.0, lam=0.0, eps=1e-8):
    """Image (r, c, 3) -> s (X - mean) / max(eps, sqrt(lam + mean((X - mean)^2)))."""
    centred = X - X.mean()
    return s * centred / max(eps, np.sqrt(lam + np.mean(centred**2)))


X = rng.uniform(0, 255, size=(4, 4, 3))                 # a toy 4 x 4 colour image
out = gcn(X, s=1.0)
ref = (lambda t: (t - t.mean()) / t.std(unbiased=False))(torch.from_numpy(X)).numpy()
print(f"GCN(s=1): mean {out.mean():.1e}, std {out.std():.6f}, "
      f"max |diff| from torch {np.abs(out - ref).max():.1e}")
assert np.allclose(out, ref, atol=1e-12) and np.isclose(out.std(), 1.0)

# Contrast and brightness are gone: a*X + b (a > 0) normalises to the same image,
# and every image lands on a sphere of radius s * sqrt(3 r c).
assert np.allclose(gcn(0.2 * X + 40), out)
print(f"|GCN(X)| = {np.linalg.norm(out):.4f} = sqrt(48) = {np.sqrt(48):.4f}")
assert np.isclose(np.linalg.norm(out), np.sqrt(X.size))

# A zero-contrast image: dividing by its standard deviation would be 0 / 0.
flat = np.full((4, 4, 3), 128.0)
with np.errstate(invalid="ignore"):
    naive = (flat - flat.mean()) / flat.std()
safe = gcn(flat, eps=1e-8)
print(f"flat image, naive division: {naive[0, 0, 0]};  with epsilon: {safe[0, 0, 0]}")
assert np.isnan(naive).all() and np.all(safe == 0)

# A nearly flat image (contrast 0.5 grey levels, i.e. sensor noise): lambda stops GCN from
# inflating the noise to full contrast.
faint = 128 + 0.5 * rng.normal(size=(4, 4, 3))
for lam in [0.0, 10.0]:
    print(f"faint image, lambda = {lam:4.1f}: std after GCN {gcn(faint, lam=lam).std():.3f}")
assert np.isclose(gcn(faint, lam=0.0).std(), 1.0) and gcn(faint, lam=10.0).std() < 0.2
# ... while for the normal-contrast toy image lambda = 10 hardly matters
print(f"toy image (std {X.std():.1f} grey levels), lambda = 10.0: "
      f"std after GCN {gcn(X, lam=10.0).std():.3f}")
assert abs(gcn(X, lam=10.0).std() - 1.0) < 0.01
