"""A classifier that may refuse: accuracy on the answered examples vs coverage."""
import numpy as np


def fit_logistic(X: np.ndarray, y: np.ndarray, steps: int = 25) -> np.ndarray:
    """Logistic regression fitted by Newton's method (a tiny ridge keeps the Hessian invertible).

    Args:
        X: the inputs with a column of ones for the bias, shape (n, d).
        y: the labels, 0 or 1, shape (n,).
        steps: the number of Newton steps.

    Returns:
        The weights w, shape (d,); P(y = 1 | x) = sigmoid(x @ w).

    Examples:
        >>> X = np.array([[-2.0, 1], [-1, 1], [1, 1], [2, 1], [0.5, 1], [-0.5, 1]])
        >>> w = fit_logistic(X, np.array([0, 0, 1, 1, 0, 1]))
        >>> w.shape, bool(w[0] > 0)
        ((2,), True)
    """
    w = np.zeros(X.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-X @ w))
        H = X.T @ (X * (p * (1 - p))[:, None]) + 1e-6 * np.eye(X.shape[1])
        w -= np.linalg.solve(H, X.T @ (p - y))
    return w


def coverage_and_accuracy(p1: np.ndarray, y: np.ndarray, tau: float) -> tuple[float, float]:
    """Answer only where the predicted class has probability >= tau; score what was answered.

    Args:
        p1: the predicted probability of class 1, shape (n,).
        y: the true labels, 0 or 1, shape (n,).
        tau: the confidence threshold, in [0.5, 1].

    Returns:
        (coverage, accuracy on the answered examples); the accuracy is nan if nothing is answered.

    Examples:
        >>> coverage_and_accuracy(np.array([0.9, 0.6, 0.2, 0.45]), np.array([1, 0, 0, 0]), 0.7)
        (0.5, 1.0)
    """
    confidence = np.maximum(p1, 1 - p1)  # probability of the predicted class
    answered = confidence >= tau
    right = (p1 > 0.5).astype(int) == y
    return float(answered.mean()), float(right[answered].mean()) if answered.any() else float("nan")


def two_gaussians(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Two overlapping Gaussian classes in 2-D, means at -0.8 and +0.8 in both coordinates.

    Args:
        rng: the random generator.
        n: the number of examples.

    Returns:
        (X, y): inputs with a bias column of ones, shape (n, 3), and labels 0 or 1, shape (n,).

    Examples:
        >>> X, y = two_gaussians(np.random.default_rng(0), 5)
        >>> X.shape, X[:, 2].tolist()
        ((5, 3), [1.0, 1.0, 1.0, 1.0, 1.0])
    """
    y = rng.integers(0, 2, n)
    x = rng.normal(size=(n, 2)) + 0.8 * (2 * y[:, None] - 1)
    return np.column_stack([x, np.ones(n)]), y


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    X_train, y_train = two_gaussians(rng, 500)
    X_test, y_test = two_gaussians(rng, 4000)
    p1 = 1 / (1 + np.exp(-X_test @ fit_logistic(X_train, y_train)))

    taus = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99]
    cov, acc = np.array([coverage_and_accuracy(p1, y_test, tau) for tau in taus]).T
    print("threshold  coverage  accuracy on answered")
    for tau, c, a in zip(taus, cov, acc):
        print(f"{tau:9.2f}  {c:8.3f}  {a:8.3f}")

    # At threshold 0.5 the model answers everything: coverage 1, accuracy = plain accuracy.
    assert cov[0] == 1.0 and acc[0] == np.mean((p1 > 0.5) == y_test)
    # Raising the threshold can only shrink coverage, and here it buys accuracy.
    assert np.all(np.diff(cov) <= 0) and np.all(np.diff(acc) > 0)
    assert acc[-1] > acc[0] + 0.05
    # Coverage counts answered examples, right or wrong: it is not the fraction predicted correctly.
    assert cov[0] - acc[0] > 0.03

    # Operating point: the largest coverage whose accuracy reaches a target of 95%.
    ok = acc >= 0.95
    best = int(np.argmax(ok))
    print(f"target accuracy 0.95 first met at threshold {taus[best]}: coverage {cov[best]:.3f}")
    assert ok.any() and 0.3 < cov[best] < 1.0
