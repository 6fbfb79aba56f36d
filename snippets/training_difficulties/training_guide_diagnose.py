"""The training recipe as code: read the losses in order and name the problem."""
import numpy as np
from numpy.polynomial import legendre

rng = np.random.default_rng(0)
TARGET = 0.1  # the loss we would be happy with (the noise alone gives 0.04)


def sample(n, shift=0.0):
    """n examples of y = sin(3x) + noise; `shift` moves the labels (a different test world)."""
    x = rng.uniform(-1, 1, n)
    return x, np.sin(3 * x) + shift + 0.2 * rng.normal(size=n)


def fit(x, y, degree, steps=None, lr=None):
    """Legendre polynomial of `degree`: exact least squares, or `steps` of gradient descent from 0."""
    A = legendre.legvander(x, degree)
    if steps is None:
        w = np.linalg.lstsq(A, y, rcond=None)[0]
    else:
        w = np.zeros(degree + 1)
        for _ in range(steps):
            w -= lr * 2 * A.T @ (A @ w - y) / len(y)  # gradient of the mean squared error
    return lambda x: legendre.legvander(x, degree) @ w


def diagnose(train, val, test, smaller_train):
    """The decision table: losses of the model (and the training loss of a smaller model) -> verdict."""
    if train > TARGET:
        return "optimization issue" if smaller_train < train else "model bias"
    if val > TARGET:
        return "overfitting"
    if test > TARGET:
        return "mismatch"
    return "done"


mse = lambda f, x, y: np.mean((f(x) - y) ** 2)
x100, y100 = sample(100)
x12, y12 = sample(12)
x_val, y_val = sample(1000)  # held out, same distribution as the training data
x_new, y_new = sample(1000, shift=0.5)  # test data from a shifted distribution
runs = {  # name: (model, its training data, a smaller model on the same data, test data)
    "line, 100 examples":
        (fit(x100, y100, 1), (x100, y100), fit(x100, y100, 0), (x_val, y_val)),
    "degree 10, tiny learning rate":
        (fit(x100, y100, 10, steps=100, lr=1e-3), (x100, y100), fit(x100, y100, 1), (x_val, y_val)),
    "degree 8, 12 examples":
        (fit(x12, y12, 8), (x12, y12), fit(x12, y12, 1), (x_val, y_val)),
    "degree 5, 100 examples, new test":
        (fit(x100, y100, 5), (x100, y100), fit(x100, y100, 1), (x_new, y_new)),
}
print(f"{'model':<34}{'train':>9}{'smaller':>9}{'val':>9}{'test':>9}   verdict")
verdicts = []
for name, (f, (x, y), small, (xt, yt)) in runs.items():
    losses = mse(f, x, y), mse(small, x, y), mse(f, x_val, y_val), mse(f, xt, yt)
    verdicts.append(diagnose(losses[0], losses[2], losses[3], losses[1]))
    print(f"{name:<34}" + "".join(f"{v:9.3g}" for v in losses) + f"   {verdicts[-1]}")
assert verdicts == ["model bias", "optimization issue", "overfitting", "mismatch"]
