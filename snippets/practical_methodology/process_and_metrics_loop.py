"""The working loop: measure train and validation error against a target, let the diagnosis pick the fix."""
import numpy as np


def poly_features(X: np.ndarray, degree: int) -> np.ndarray:
    """All monomials x1^i x2^j with i + j <= degree: a model whose capacity grows with the degree.

    Args:
        X: the inputs, shape (n, 2).
        degree: the largest total degree.

    Returns:
        The features, shape (n, (degree + 1)(degree + 2) / 2); the first column is the constant 1.

    Examples:
        >>> poly_features(np.array([[2.0, 3.0]]), 2).tolist()
        [[1.0, 3.0, 9.0, 2.0, 6.0, 4.0]]
    """
    return np.column_stack([X[:, 0] ** i * X[:, 1] ** j for i in range(degree + 1) for j in range(degree + 1 - i)])


def fit_and_score(X: np.ndarray, y: np.ndarray, X_val: np.ndarray, y_val: np.ndarray,
                  degree: int) -> tuple[float, float]:
    """The end-to-end pipeline: features, a least-squares classifier on +-1 targets, the error metric.

    Args:
        X: training inputs, shape (n, 2); y: training labels, bool, shape (n,).
        X_val: validation inputs, shape (m, 2); y_val: validation labels, bool, shape (m,).
        degree: the degree of the polynomial features.

    Returns:
        (training error, validation error): fractions misclassified.

    Examples:
        >>> X = np.array([[-1.0, 0], [-0.5, 0], [0.5, 0], [1, 0]])
        >>> fit_and_score(X, X[:, 0] > 0, X, X[:, 0] > 0, degree=1)
        (0.0, 0.0)
    """
    F = poly_features(X, degree)
    w = np.linalg.solve(F.T @ F + 1e-6 * np.eye(F.shape[1]), F.T @ (2.0 * y - 1))
    return float(np.mean((F @ w > 0) != y)), float(np.mean((poly_features(X_val, degree) @ w > 0) != y_val))


def diagnose(train_err: float, val_err: float, target: float) -> str:
    """Which part limits the system: the fit to the training set, the generalization, or nothing.

    Args:
        train_err: the error on the training set.
        val_err: the error on the validation set.
        target: the error the application needs.

    Returns:
        "underfitting" (even the training error misses the target: a bigger model),
        "overfitting" (training fine, validation not: more data or regularization) or "target met".

    Examples:
        >>> diagnose(0.30, 0.31, 0.1), diagnose(0.0, 0.3, 0.1), diagnose(0.06, 0.08, 0.1)
        ('underfitting', 'overfitting', 'target met')
    """
    return "underfitting" if train_err > target else "overfitting" if val_err > target else "target met"


def circle_data(rng: np.random.Generator, n: int, flip: float) -> tuple[np.ndarray, np.ndarray]:
    """Points in [-1, 1]^2 labelled "inside the circle of radius sqrt(0.5)", each label flipped with prob. flip.

    Args:
        rng: the random generator.
        n: the number of points.
        flip: the label noise, which is the Bayes error.

    Returns:
        (X, y): shape (n, 2) and bool labels of shape (n,).

    Examples:
        >>> X, y = circle_data(np.random.default_rng(0), 4, flip=0.0)
        >>> y.tolist() == ((X**2).sum(1) < 0.5).tolist()
        True
    """
    X = rng.uniform(-1, 1, (n, 2))
    y = (X**2).sum(1) < 0.5
    return X, np.where(rng.random(n) < flip, ~y, y)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    bayes, target = 0.05, 0.10  # 1. the metric (error rate) and the target, above the noise floor
    X_val, y_val = circle_data(rng, 10000, bayes)
    X_all, y_all = circle_data(rng, 1280, bayes)  # the data we could collect; we start with 40 examples
    fixes = {"underfitting": ("bigger model", lambda deg, n: (deg + 7, n)),
             "overfitting": ("more data", lambda deg, n: (deg, 32 * n))}
    degree, n, history = 1, 40, []
    while len(history) < 5:  # 2. an end-to-end pipeline, 3. find the bottleneck, 4. change that, repeat
        tr, va = fit_and_score(X_all[:n], y_all[:n], X_val, y_val, degree)
        found = diagnose(tr, va, target)
        history.append((tr, va, found))
        print(f"degree {degree:2d}, {n:4d} examples: train error {tr:.3f}, validation {va:.3f} -> {found}")
        if found == "target met":
            break
        other = next(f for f in fixes if f != found)  # the fix the diagnosis does not call for
        d2, n2 = fixes[other][1](degree, n)
        va2 = fit_and_score(X_all[:n2], y_all[:n2], X_val, y_val, d2)[1]
        print(f"    {fixes[found][0]} next; {fixes[other][0]} instead would give validation {va2:.3f}")
        assert va2 > 1.5 * target  # the wrong fix leaves the system far from the target
        degree, n = fixes[found][1](degree, n)
    print(f"Bayes error {bayes}: no model beats it; target {target} met after {len(history) - 1} changes")
    assert [h[2] for h in history] == ["underfitting", "overfitting", "target met"]
    assert history[1][0] < target < history[0][0]  # the bigger model fixed the fit to the training set
    assert history[2][1] - history[2][0] < history[1][1] - history[1][0]  # more data closed the gap
    assert bayes - 0.006 < history[-1][1] <= target
