"""How often is a random critical point a minimum? Minimum ratio of random symmetric Hessians."""
import numpy as np

rng = np.random.default_rng(0)


def minimum_ratio(H):
    """Fraction of positive eigenvalues of each symmetric matrix in H (shape (..., n, n))."""
    return (np.linalg.eigvalsh(H) > 0).mean(axis=-1)


samples = 5000
print(" n   P(all eigenvalues > 0)   2^-n      mean minimum ratio")
p_min = {}
for n in [1, 2, 3, 4, 6, 8]:
    A = rng.normal(size=(samples, n, n))
    H = (A + A.transpose(0, 2, 1)) / 2  # a random symmetric "Hessian"
    ratio = minimum_ratio(H)
    p_min[n] = (ratio == 1).mean()
    print(f"{n:2d}   {p_min[n]:.5f}                  {0.5**n:.5f}   {ratio.mean():.3f}")
    assert abs(ratio.mean() - 0.5) < 0.03  # on average half the directions curve up
    if n >= 2:
        assert p_min[n] < 0.5**n  # rarer than n independent coin flips all landing "up"
assert abs(p_min[1] - 0.5) < 0.03 and p_min[4] < 0.01 and p_min[8] == 0

# Rare is not the same as global: f(w) = (w^2 - 1)^2 + 0.3 w has two minima of different height.
f = lambda w: (w**2 - 1) ** 2 + 0.3 * w
w = np.array([-1.0, 1.0])
for _ in range(50):  # Newton's method on f'(w) = 0 from both sides
    w = w - (4 * w**3 - 4 * w + 0.3) / (12 * w**2 - 4)
curv = 12 * w**2 - 4  # f''(w): the 1 x 1 Hessian
print(f"minima at w = {np.round(w, 4).tolist()}: f'' = {np.round(curv, 3).tolist()}, f = {np.round(f(w), 4).tolist()}")
assert np.all(curv > 0) and f(w[1]) > f(w[0]) + 0.5  # both are minima; the right one is not global
