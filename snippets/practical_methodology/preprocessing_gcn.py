"""Global contrast normalisation (GCN) with scale s, regulariser lambda and floor epsilon."""
import numpy as np
import torch


def gcn(X: np.ndarray, s: float = 1.0, lam: float = 0.0, eps: float = 1e-8) -> np.ndarray:
    """Global contrast normalisation: s (X - mean) / max(eps, sqrt(lam + mean((X - mean)^2))).

    Args:
        X: an image, shape (r, c, 3) (any shape works: all entries are pooled).
        s: the contrast (standard deviation) of the output.
        lam: a regulariser added to the variance, so that faint images are not blown up.
        eps: a floor on the denominator, so that a flat image gives zeros instead of 0/0.

    Returns:
        The normalised image, shaped like X.

    Examples:
        >>> gcn(np.array([1.0, 3.0])).tolist(), gcn(np.array([5.0, 5.0])).tolist()
        ([-1.0, 1.0], [0.0, 0.0])
    """
    centred = X - X.mean()
    return s * centred / max(eps, np.sqrt(lam + np.mean(centred**2)))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    X = rng.uniform(0, 255, size=(4, 4, 3))  # a toy 4 x 4 colour image
    out = gcn(X, s=1.0)
    t = torch.from_numpy(X)
    diff = np.abs(out - ((t - t.mean()) / t.std(unbiased=False)).numpy()).max()
    print(f"GCN(s=1): mean {'< 1e-12' if abs(out.mean()) < 1e-12 else out.mean()}, std {out.std():.6f}, "
          f"max |diff| from torch {'< 1e-12' if diff < 1e-12 else diff}")
    assert diff < 1e-12 and np.isclose(out.std(), 1.0)

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
    assert np.isclose(gcn(faint, lam=0.0).std(), 1.0) and gcn(faint, lam=10.0).std() < 0.25
    # ... while for the normal-contrast toy image lambda = 10 hardly matters
    print(f"toy image (std {X.std():.1f} grey levels), lambda = 10.0: std after GCN {gcn(X, lam=10.0).std():.3f}")
    assert abs(gcn(X, lam=10.0).std() - 1.0) < 0.01
