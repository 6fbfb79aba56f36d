"""Domain shift: a classifier trained on one domain fails on a shifted one; aligning helps."""
import numpy as np


def fit_logreg(x: np.ndarray, y: np.ndarray, steps: int = 300, lr: float = 0.5) -> tuple[np.ndarray, float]:
    """Logistic regression by gradient descent from zero.

    Args:
        x: the inputs, shape (n, d).
        y: the labels, 0 or 1, shape (n,).
        steps: the number of updates.
        lr: the learning rate.

    Returns:
        The weights w, shape (d,), and the bias b.

    Examples:
        >>> w, b = fit_logreg(np.array([[1.0], [-1.0]]), np.array([1, 0]))
        >>> bool(w[0] > 0), abs(b) < 1e-9  # symmetric data: no bias
        (True, True)
    """
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w, b = w - lr * x.T @ (p - y) / len(y), b - lr * (p - y).mean()  # dL/dw = X^T (p - y) / n
    return w, float(b)


def accuracy(w: np.ndarray, b: float, x: np.ndarray, y: np.ndarray) -> float:
    """The fraction of rows of x (n, d) that the rule x . w + b > 0 classifies as y (n,).

    Examples:
        >>> accuracy(np.array([1.0]), 0.0, np.array([[2.0], [-1.0], [3.0]]), np.array([1, 0, 0]))
        0.6666666666666666
    """
    return float(((x @ w + b > 0) == y).mean())


def standardize(x: np.ndarray) -> np.ndarray:
    """Each column of x (n, d) shifted to mean 0 and scaled to standard deviation 1; uses no labels.

    Examples:
        >>> standardize(np.array([[1.0], [3.0]])).tolist()
        [[-1.0], [1.0]]
    """
    return (x - x.mean(0)) / x.std(0)


if __name__ == "__main__":
    rng = np.random.default_rng(0)

    def domain(n: int, offset: np.ndarray | float, scale: float) -> tuple[np.ndarray, np.ndarray]:
        """n labelled 2-D points; the target domain is the source seen through offset and scale."""
        y = rng.integers(0, 2, n)
        x = rng.normal(size=(n, 2)) + 1.5 * np.c_[2 * y - 1, 2 * y - 1]
        return x * scale + offset, y

    xs, ys = domain(1000, offset=0.0, scale=1.0)  # source: labelled
    xt, yt = domain(1000, offset=np.array([4.0, 3.0]), scale=2.0)  # target: labels unseen
    w, b = fit_logreg(xs, ys)
    w2, b2 = fit_logreg(standardize(xs), ys)
    acc_src, acc_tgt = accuracy(w, b, xs, ys), accuracy(w, b, xt, yt)
    acc_aligned = accuracy(w2, b2, standardize(xt), yt)
    print(f"source accuracy                          {acc_src:.3f}")
    print(f"target accuracy, same model              {acc_tgt:.3f}")
    print(f"target accuracy, each domain standardized {acc_aligned:.3f}")
    assert acc_src > 0.95 and acc_tgt < 0.75  # the shift alone breaks the model
    assert acc_aligned > 0.95  # unlabelled target statistics repair it
