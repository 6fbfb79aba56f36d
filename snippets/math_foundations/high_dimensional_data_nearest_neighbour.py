"""Nearest-neighbour regression works in 1-D and fails in 20-D with the same 1000 examples."""
import numpy as np

rng = np.random.default_rng(0)
n_train, n_test = 1000, 200


def target(x):
    """A smooth function of a d-dimensional input (rows of x)."""
    d = x.shape[1]
    return np.sin(2 * np.pi * x.sum(axis=1) / np.sqrt(d))


def nearest_neighbour_predict(x_train, y_train, x):
    """1-NN regression: the label of the closest training point; also returns that distance."""
    d2 = (x**2).sum(1)[:, None] - 2 * x @ x_train.T + (x_train**2).sum(1)[None, :]
    j = d2.argmin(axis=1)
    return y_train[j], np.sqrt(np.maximum(d2[np.arange(len(x)), j], 0)), np.sqrt(np.maximum(d2, 0))


print(f"{'dim':>4} {'NN distance':>12} {'nearest/farthest':>17} {'NN MSE / Var(y)':>16}")
ratios, rel_err = {}, {}
for d in (1, 2, 5, 10, 20, 50):
    x_tr, x_te = rng.random((n_train, d)), rng.random((n_test, d))
    y_tr, y_te = target(x_tr), target(x_te)
    pred, nn_dist, all_dist = nearest_neighbour_predict(x_tr, y_tr, x_te)
    ratios[d] = np.mean(all_dist.min(axis=1) / all_dist.max(axis=1))
    rel_err[d] = np.mean((pred - y_te) ** 2) / np.var(y_te)   # 1 = no better than the mean
    print(f"{d:>4} {nn_dist.mean():12.3f} {ratios[d]:17.3f} {rel_err[d]:16.3f}")

assert rel_err[1] < 0.01 and rel_err[2] < 0.05      # low dimension: local constancy works
assert rel_err[10] > 0.8 and min(rel_err[20], rel_err[50]) > 1   # no better than a constant
assert ratios[50] > 0.5 > 0.01 > ratios[1]       # in high dimension all points are about equally far
