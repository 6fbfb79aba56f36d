"""Domain shift: a classifier trained on one domain fails on a shifted one; aligning helps."""
import numpy as np

rng = np.random.default_rng(0)


def domain(n, offset, scale):
    """n labelled 2-D points; the target domain is the source seen through offset and scale."""
    y = rng.integers(0, 2, n)
    x = rng.normal(size=(n, 2)) + 1.5 * np.c_[2 * y - 1, 2 * y - 1]
    return x * scale + offset, y


def fit_logreg(x, y, steps=300, lr=0.5):
    """Logistic regression by gradient descent; returns (w, b)."""
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w, b = w - lr * x.T @ (p - y) / len(y), b - lr * (p - y).mean()   # dL/dw = X^T (p - y) / n
    return w, b


def accuracy(w, b, x, y):
    """Fraction of rows of x classified as y by the linear rule x.w + b > 0."""
    return ((x @ w + b > 0) == y).mean()


xs, ys = domain(1000, offset=0.0, scale=1.0)                   # source: labelled
xt, yt = domain(1000, offset=np.array([4.0, 3.0]), scale=2.0)  # target: labels unseen
w, b = fit_logreg(xs, ys)
standardize = lambda x: (x - x.mean(0)) / x.std(0)             # uses inputs only, no labels
w2, b2 = fit_logreg(standardize(xs), ys)
acc_src, acc_tgt = accuracy(w, b, xs, ys), accuracy(w, b, xt, yt)
acc_aligned = accuracy(w2, b2, standardize(xt), yt)
print(f"source accuracy                          {acc_src:.3f}")
print(f"target accuracy, same model              {acc_tgt:.3f}")
print(f"target accuracy, each domain standardized {acc_aligned:.3f}")
assert acc_src > 0.95 and acc_tgt < 0.75      # the shift alone breaks the model
assert acc_aligned > 0.95                     # unlabelled target statistics repair it
