"""The training recipe as code: read the losses in order and name the problem."""
import numpy as np
from numpy.polynomial import legendre

TARGET = 0.1  # the loss we would be happy with (the noise alone gives 0.04)


def sample(rng: np.random.Generator, n: int, shift: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """``n`` examples of y = sin(3x) + noise with x uniform in [-1, 1].

    Args:
        rng: the random generator.
        n: the number of examples.
        shift: added to every label: a test world whose distribution differs from the training one.

    Returns:
        The inputs and the labels, both shape (n,).

    Examples:
        >>> x, y = sample(np.random.default_rng(0), 5)
        >>> x.shape, y.shape
        ((5,), (5,))
    """
    x = rng.uniform(-1, 1, n)
    return x, np.sin(3 * x) + shift + 0.2 * rng.normal(size=n)


def fit(x: np.ndarray, y: np.ndarray, degree: int, steps: int | None = None, lr: float = 0.0) -> np.ndarray:
    """A Legendre polynomial of ``degree`` fitted by least squares, or by ``steps`` of gradient descent from 0.

    Args:
        x: the inputs, shape (n,).
        y: the labels, shape (n,).
        degree: the degree of the polynomial.
        steps: the number of gradient-descent steps on the mean squared error; None for the exact fit.
        lr: the learning rate of gradient descent.

    Returns:
        The Legendre coefficients, shape (degree + 1,); evaluate with ``legendre.legval(x, w)``.

    Examples:
        >>> fit(np.array([-1.0, 0.0, 1.0]), np.array([1.0, 2.0, 3.0]), 1).round(6).tolist()
        [2.0, 1.0]
        >>> fit(np.array([-1.0, 0.0, 1.0]), np.array([1.0, 2.0, 3.0]), 1, steps=1, lr=0.5).round(4).tolist()
        [2.0, 0.6667]
    """
    A = legendre.legvander(x, degree)
    if steps is None:
        return np.linalg.lstsq(A, y, rcond=None)[0]
    w = np.zeros(degree + 1)
    for _ in range(steps):
        w -= lr * 2 * A.T @ (A @ w - y) / len(y)  # gradient of the mean squared error
    return w


def diagnose(train: float, val: float, test: float, smaller_train: float, target: float = TARGET) -> str:
    """The decision table of the training recipe: losses in, verdict out.

    Args:
        train: the model's training loss.
        val: its loss on held-out data from the training distribution.
        test: its loss on the test data.
        smaller_train: the training loss of a smaller (easier to optimize) model on the same data.
        target: the loss that counts as good enough.

    Returns:
        "model bias", "optimization issue", "overfitting", "mismatch" or "done".

    Examples:
        >>> diagnose(0.5, 0.5, 0.5, 0.2), diagnose(0.5, 0.5, 0.5, 0.8), diagnose(0.05, 0.06, 0.4, 0.3)
        ('optimization issue', 'model bias', 'mismatch')
    """
    if train > target:
        return "optimization issue" if smaller_train < train else "model bias"
    if val > target:
        return "overfitting"
    if test > target:
        return "mismatch"
    return "done"


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    mse = lambda w, x, y: np.mean((legendre.legval(x, w) - y) ** 2)
    x100, y100 = sample(rng, 100)
    x12, y12 = sample(rng, 12)
    val = sample(rng, 1000)  # held out, same distribution as the training data
    test = sample(rng, 1000)  # the test data: a separate draw from the same distribution ...
    shifted = sample(rng, 1000, shift=0.5)  # ... except in the last row, where the test world has moved
    runs = {  # name: (model, its training data, a smaller model on the same data, test data)
        "line, 100 examples": (fit(x100, y100, 1), (x100, y100), fit(x100, y100, 0), test),
        "degree 10, tiny learning rate":
            (fit(x100, y100, 10, steps=100, lr=1e-3), (x100, y100), fit(x100, y100, 1), test),
        "degree 10, 12 examples": (fit(x12, y12, 10), (x12, y12), fit(x12, y12, 1), test),
        "degree 5, 100 examples, new test": (fit(x100, y100, 5), (x100, y100), fit(x100, y100, 1), shifted),
    }
    print(f"{'model':<34}{'train':>9}{'smaller':>9}{'val':>9}{'test':>9}   verdict")
    verdicts, rows = [], []
    for name, (w, (x, y), small, (xt, yt)) in runs.items():
        losses = mse(w, x, y), mse(small, x, y), mse(w, *val), mse(w, xt, yt)
        verdicts.append(diagnose(losses[0], losses[2], losses[3], losses[1]))
        rows.append(losses)
        print(f"{name:<34}" + "".join(f"{v:9.3g}" for v in losses) + f"   {verdicts[-1]}")
    assert verdicts == ["model bias", "optimization issue", "overfitting", "mismatch"]
    rel_gap = [abs(test_loss - val_loss) / val_loss for _, _, val_loss, test_loss in rows]
    assert max(rel_gap[:2]) < 0.2 and rows[2][3] > 5 * TARGET  # two draws of one distribution agree
    assert rel_gap[3] > 2  # a shifted test world does not
