"""Validation error against one hyperparameter (weight decay): the U-shaped curve."""
import matplotlib.pyplot as plt
import numpy as np


def legendre_features(x: np.ndarray, degree: int = 15) -> np.ndarray:
    """Legendre polynomials P_0..P_degree at x: a model with plenty of raw capacity.

    Args:
        x: the inputs, in [-1, 1], shape (n,).
        degree: the highest degree.

    Returns:
        The features, shape (n, degree + 1).

    Examples:
        >>> legendre_features(np.array([0.0, 1.0]), degree=2).tolist()  # P2(x) = (3x^2 - 1) / 2
        [[1.0, 0.0, -0.5], [1.0, 1.0, 1.0]]
    """
    return np.polynomial.legendre.legvander(x, degree)


def fit_ridge(Phi: np.ndarray, y: np.ndarray, lam: float) -> np.ndarray:
    """Weight decay in closed form: the w minimising |Phi w - y|^2 + lam |w|^2.

    Args:
        Phi: the features, shape (n, p).
        y: the targets, shape (n,).
        lam: the weight-decay coefficient, >= 0.

    Returns:
        w, shape (p,).

    Examples:
        >>> fit_ridge(np.eye(2), np.array([2.0, 4.0]), lam=1.0).tolist()  # each weight shrunk by 1/(1 + lam)
        [1.0, 2.0]
    """
    return np.linalg.solve(Phi.T @ Phi + lam * np.eye(Phi.shape[1]), Phi.T @ y)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    x_va = rng.uniform(-1, 1, 500)
    y_va = np.sin(3 * x_va) + 0.3 * rng.normal(size=500)
    P_va = legendre_features(x_va)
    lams = np.logspace(-6, 2, 17)
    train_mse, val_mse = np.zeros((20, len(lams))), np.zeros((20, len(lams)))
    for r in range(20):  # 20 small training sets of 30 points; the median over them is a smooth curve
        x_tr = rng.uniform(-1, 1, 30)
        y_tr = np.sin(3 * x_tr) + 0.3 * rng.normal(size=30)
        P_tr = legendre_features(x_tr)
        for i, lam in enumerate(lams):
            w = fit_ridge(P_tr, y_tr, lam)
            train_mse[r, i] = np.mean((P_tr @ w - y_tr) ** 2)
            val_mse[r, i] = np.mean((P_va @ w - y_va) ** 2)
    train_mse, val_mse = np.median(train_mse, axis=0), np.median(val_mse, axis=0)
    best = int(np.argmin(val_mse))
    for i in range(0, len(lams), 2):
        print(f"lambda {lams[i]:8.0e}  train {train_mse[i]:.3f}  validation {val_mse[i]:.3f}")
    print(f"best lambda {lams[best]:.0e}: validation {val_mse[best]:.3f}")

    # Training error only falls as weight decay is removed (capacity grows) ...
    assert np.all(np.diff(train_mse) >= -1e-12)
    # ... but validation error is U-shaped: its minimum is interior and both ends are clearly worse.
    assert 0 < best < len(lams) - 1
    assert val_mse[0] > 1.5 * val_mse[best] and val_mse[-1] > 1.5 * val_mse[best]

    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.plot(lams, val_mse, "o-", ms=3, color="tab:red", label="validation error")
    ax.plot(lams, train_mse, "s-", ms=3, color="tab:blue", label="training error")
    ax.axvline(lams[best], color="k", ls=":", lw=1, label="best weight decay")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.invert_xaxis()  # capacity grows to the right
    ax.minorticks_off()
    ax.set_xticks(lams[::2], [f"{lam:.0e}" for lam in lams[::2]], fontsize=7)
    ax.set_yticks([0.1, 0.3, 1, 3], ["0.1", "0.3", "1", "3"])
    ax.set_xlabel("weight decay λ (log scale)   effective capacity grows →")
    ax.set_ylabel("mean squared error")
    ax.legend(fontsize=8)
    plt.show()
