"""Overfitting and its remedies: more data, data augmentation, a constrained model, regularization."""
import numpy as np
from numpy.polynomial import legendre


def sample(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """``n`` noisy examples of the even target y = cos(3x), x uniform in [-1, 1].

    Args:
        rng: the random generator.
        n: the number of examples.

    Returns:
        The inputs and the labels, both shape (n,).

    Examples:
        >>> x, y = sample(np.random.default_rng(0), 4)
        >>> x.shape, y.shape
        ((4,), (4,))
    """
    x = rng.uniform(-1, 1, n)
    return x, np.cos(3 * x) + 0.2 * rng.normal(size=n)


def fit(x: np.ndarray, y: np.ndarray, degrees: list[int], l2: float = 0.0) -> np.ndarray:
    """Least squares plus ``l2 * |w|^2`` on the Legendre polynomials P_d, d in ``degrees``.

    Args:
        x: the inputs, shape (n,).
        y: the labels, shape (n,).
        degrees: the degrees of the polynomials the model may use, k of them.
        l2: the strength of the L2 penalty on the coefficients.

    Returns:
        The Legendre coefficients of degrees 0..max(degrees), shape (max(degrees) + 1,), zero
        for the degrees not allowed; evaluate with ``legendre.legval(x, w)``.

    Examples:
        >>> x = np.array([-1.0, 0.0, 1.0])
        >>> fit(x, 1 + x**2, [0, 2]).round(6).tolist()  # 1 + x^2 = 4/3 P0 + 2/3 P2, no odd part
        [1.333333, 0.0, 0.666667]
    """
    A = legendre.legvander(x, max(degrees))[:, degrees]
    w = np.zeros(max(degrees) + 1)
    w[degrees] = np.linalg.solve(A.T @ A + l2 * np.eye(len(degrees)), A.T @ y)
    return w


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    mse = lambda w, x, y: np.mean((legendre.legval(x, w) - y) ** 2)
    x12, y12 = sample(rng, 12)
    x300, y300 = sample(rng, 300)
    x_test, y_test = sample(rng, 2000)
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
        models[key] = w = fit(x, y, deg, l2)
        res[key] = mse(w, x, y), mse(w, x_test, y_test)
        print(f"{name:<42}{res[key][0]:8.3f}{res[key][1]:10.3f}{res[key][1] - res[key][0]:10.3f}")

    gap = {k: te - tr for k, (tr, te) in res.items()}
    assert gap["flexible"] > 1.0  # overfitting: fine on train, bad on test
    for remedy in ["more data", "augmented", "constrained", "regularized"]:
        assert gap[remedy] < gap["flexible"] / 10 and res[remedy][1] < res["flexible"][1] / 10, remedy
    assert res["too constrained"][0] > 5 * res["constrained"][0]  # too much constraint: model bias
    # Mirroring the data and allowing only even polynomials give the very same model.
    diff = np.abs(legendre.legval(x_test, models["augmented"]) - legendre.legval(x_test, models["constrained"])).max()
    print(f"max |augmented - constrained| prediction: {'< 1e-8' if diff < 1e-8 else f'{diff:.1e}'}")
    assert diff < 1e-8
