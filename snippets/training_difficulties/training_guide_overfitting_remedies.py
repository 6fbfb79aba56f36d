"""Overfitting and its remedies: more data, data augmentation, a constrained model, regularization."""
import numpy as np
from numpy.polynomial import legendre

rng = np.random.default_rng(0)


def sample(n):
    """n noisy examples of the even target y = cos(3x), x in [-1, 1]."""
    x = rng.uniform(-1, 1, n)
    return x, np.cos(3 * x) + 0.2 * rng.normal(size=n)


def fit(x, y, degrees, l2=0.0):
    """Least squares (+ l2 * |w|^2) on the Legendre polynomials P_d, d in degrees; returns a predictor."""
    basis = lambda x: legendre.legvander(x, max(degrees))[:, degrees]
    A = basis(x)
    w = np.linalg.solve(A.T @ A + l2 * np.eye(len(degrees)), A.T @ y)
    return lambda x: basis(x) @ w


mse = lambda f, x, y: np.mean((f(x) - y) ** 2)
x12, y12 = sample(12)
x300, y300 = sample(300)
x_test, y_test = sample(2000)
all_deg, even_deg = list(range(11)), list(range(0, 11, 2))
cases = {  # name: (training inputs, training labels, polynomial degrees, L2 strength)
    "flexible: degree 10, 12 examples": (x12, y12, all_deg, 0),
    "more data: degree 10, 300 examples": (x300, y300, all_deg, 0),
    "augmented: degree 10, 12 + 12 mirrored": (np.r_[x12, -x12], np.r_[y12, y12], all_deg, 0),
    "constrained: even degrees, 12 examples": (x12, y12, even_deg, 0),
    "regularized: degree 10 + L2, 12 examples": (x12, y12, all_deg, 0.1),
    "too constrained: degree 1, 12 examples": (x12, y12, [0, 1], 0),
}
print(f"{'model and training data':<42}{'train':>8}{'test':>10}{'gap':>10}")
res, models = {}, {}
for name, (x, y, deg, l2) in cases.items():
    key = name.split(":")[0]
    models[key] = f = fit(x, y, deg, l2)
    res[key] = mse(f, x, y), mse(f, x_test, y_test)
    print(f"{name:<42}{res[key][0]:8.3f}{res[key][1]:10.3f}{res[key][1] - res[key][0]:10.3f}")

gap = {k: te - tr for k, (tr, te) in res.items()}
assert gap["flexible"] > 1.0  # overfitting: fine on train, bad on test
for remedy in ["more data", "augmented", "constrained", "regularized"]:
    assert gap[remedy] < gap["flexible"] / 10 and res[remedy][1] < res["flexible"][1] / 10, remedy
assert res["too constrained"][0] > 5 * res["constrained"][0]  # too much constraint: model bias
# Mirroring the data and allowing only even polynomials give the very same model.
diff = np.abs(models["augmented"](x_test) - models["constrained"](x_test)).max()
print(f"max |augmented - constrained| prediction: {diff:.1e}")
assert diff < 1e-8
