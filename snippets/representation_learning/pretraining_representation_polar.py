"""One data set, two representations: a disc defeats any linear classifier in (x1, x2), not in polar form."""
import numpy as np

rng = np.random.default_rng(0)
x = rng.uniform(-2, 2, (2000, 2))
y = (np.hypot(x[:, 0], x[:, 1]) < 1.6).astype(int)  # inside a disc: about half the square


def best_linear_accuracy(f, y, n_dir=360):
    """Best training accuracy of any rule [w . f > c] on 2-D features f, searched over directions and cuts."""
    best = 0.0
    for angle in np.linspace(0, 2 * np.pi, n_dir, endpoint=False):
        order = np.argsort(f @ (np.cos(angle), np.sin(angle)))
        ys = y[order]
        # cutting after position k: predict 0 for the first k points, 1 for the rest
        correct = np.cumsum(1 - ys) + (ys.sum() - np.cumsum(ys))
        best = max(best, correct.max() / len(y), ys.mean())
    return best


standardize = lambda f: (f - f.mean(0)) / f.std(0)   # so that one grid of directions suits both
polar = np.column_stack([np.hypot(x[:, 0], x[:, 1]), np.arctan2(x[:, 1], x[:, 0])])
acc_cart = best_linear_accuracy(standardize(x), y)
acc_polar = best_linear_accuracy(standardize(polar), y)
print(f"share of the larger class:                 {max(y.mean(), 1 - y.mean()):.3f}")
print(f"best linear rule on (x1, x2):              {acc_cart:.3f}")
print(f"best linear rule on (radius, angle):       {acc_polar:.3f}")
assert acc_cart < 0.7 and acc_polar == 1.0        # a single cut on the radius is exact
