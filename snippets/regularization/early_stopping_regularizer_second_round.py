"""Early stopping's second round: two ways to put the validation data back into training."""
import numpy as np


def mse(w: np.ndarray, X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The mean squared error of linear regression, for R data sets at once.

    Args:
        w: the weights, shape (R, d).
        X: the inputs, shape (R, n, d).
        y: the targets, shape (R, n).

    Returns:
        One error per data set, shape (R,).

    Examples:
        >>> mse(np.ones((1, 2)), np.ones((1, 3, 2)), np.zeros((1, 3))).tolist()
        [4.0]
    """
    return ((np.einsum("rnd,rd->rn", X, w) - y) ** 2).mean(-1)


def gd_step(w: np.ndarray, X: np.ndarray, y: np.ndarray, eta: float) -> np.ndarray:
    """One full-batch gradient step on the mean squared error, for R data sets at once.

    Args:
        w: the weights, shape (R, d).
        X: the inputs, shape (R, n, d).
        y: the targets, shape (R, n).
        eta: the learning rate.

    Returns:
        The new weights, shape (R, d): w - eta * 2 X'(X w - y) / n.

    Examples:
        >>> gd_step(np.zeros((1, 1)), np.ones((1, 2, 1)), np.ones((1, 2)), eta=0.25).tolist()
        [[0.5]]
    """
    residual = np.einsum("rnd,rd->rn", X, w) - y
    return w - eta * 2 * np.einsum("rnd,rn->rd", X, residual) / X.shape[1]


def first_round(X: np.ndarray, y: np.ndarray, Xva: np.ndarray, yva: np.ndarray, steps: int,
                eta: float) -> tuple[np.ndarray, np.ndarray]:
    """Gradient descent from w = 0 on the training split, keeping the step with the lowest validation loss.

    Args:
        X: training inputs, shape (R, n, d).
        y: training targets, shape (R, n).
        Xva: validation inputs, shape (R, m, d).
        yva: validation targets, shape (R, m).
        steps: how many steps to try.
        eta: the learning rate.

    Returns:
        (the best number of steps tau per data set (R,), the weights after tau steps (R, d)).

    Examples:
        >>> X, y = np.ones((1, 2, 1)), np.ones((1, 2))
        >>> tau, w = first_round(X, y, X, 0.5 * y, steps=10, eta=0.25)  # validation wants w = 0.5
        >>> tau.tolist(), w.tolist()
        ([1], [[0.5]])
    """
    w, path, val = np.zeros((X.shape[0], X.shape[2])), [], []
    for _ in range(steps):
        path.append(w)
        val.append(mse(w, Xva, yva))
        w = gd_step(w, X, y, eta)
    tau = np.argmin(val, axis=0)
    return tau, np.array(path)[tau, np.arange(len(tau))]


def continue_until(w: np.ndarray, X: np.ndarray, y: np.ndarray, Xva: np.ndarray, yva: np.ndarray,
                   target: np.ndarray, cap: int, eta: float) -> tuple[np.ndarray, np.ndarray]:
    """Strategy 2: keep training on (X, y) until the validation loss falls below ``target``, or ``cap`` steps.

    Args:
        w: the starting weights, shape (R, d).
        X: all training inputs (training and validation examples), shape (R, n, d).
        y: their targets, shape (R, n).
        Xva: validation inputs, shape (R, m, d).
        yva: validation targets, shape (R, m).
        target: the loss to reach per data set, shape (R,).
        cap: the largest number of extra steps.
        eta: the learning rate.

    Returns:
        (the weights (R, d), the number of extra steps taken per data set (R,)).

    Examples:
        >>> X, y = np.ones((1, 2, 1)), np.ones((1, 2))
        >>> w, extra = continue_until(np.zeros((1, 1)), X, y, X, y, np.array([0.1]), cap=10, eta=0.25)
        >>> w.tolist(), extra.tolist()  # loss 1, 0.25, 0.0625 < 0.1
        ([[0.75]], [2])
    """
    w, extra = w.copy(), np.zeros(len(w), int)
    for _ in range(cap):
        going = mse(w, Xva, yva) > target
        if not going.any():
            break
        w[going] = gd_step(w, X, y, eta)[going]
        extra += going
    return w, extra


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    R, d, n_tr, n_va, eta, T = 40, 60, 40, 20, 0.1, 400  # R independent data sets, trained side by side
    scale = 0.93 ** np.arange(d)  # feature scales: a few strong directions, many weak ones
    w_true = rng.normal(size=(R, 1, d))

    def make(n: int) -> tuple[np.ndarray, np.ndarray]:  # R data sets of n examples
        X = rng.normal(size=(R, n, d)) * scale
        return X, (X * w_true).sum(-1) + rng.normal(size=(R, n))

    (Xtr, ytr), (Xva, yva), (Xte, yte) = make(n_tr), make(n_va), make(1000)
    Xall, yall = np.concatenate([Xtr, Xva], 1), np.concatenate([ytr, yva], 1)
    tau, w_first = first_round(Xtr, ytr, Xva, yva, T, eta)
    eps = mse(w_first, Xtr, ytr)  # training loss where round 1 stopped

    # Strategy 1: start again from w = 0 and train on all the data for the same tau steps.
    w, w_s1 = np.zeros((R, d)), np.zeros((R, d))
    for t in range(tau.max() + 1):
        w_s1[tau == t] = w[tau == t]
        w = gd_step(w, Xall, yall, eta)
    # Strategy 2: keep w_first and train on all the data until the validation loss < eps.
    w_s2, extra = continue_until(w_first, Xall, yall, Xva, yva, eps, 1000, eta)
    stuck = int(np.sum(mse(w_s2, Xva, yva) > eps))

    v0, v1, v2 = mse(w_first, Xte, yte), mse(w_s1, Xte, yte), mse(w_s2, Xte, yte)
    print(f"{R} data sets, {n_tr} training + {n_va} validation examples, {d} features")
    print(f"round 1 stopped after {tau.min()} to {tau.max()} steps (median {int(np.median(tau))}); "
          f"the validation loss was still falling at step {T - 1} in {np.sum(tau == T - 1)} data sets")
    print(f"strategy 2 ran {extra.min()} to {extra.max()} extra steps; never reached eps in {stuck} data sets")
    print(f"{'':38s} mean test MSE   better than round 1")
    for name, v in [("round 1 (training split only)", v0), ("strategy 1: retrain for tau steps", v1),
                    ("strategy 2: continue until val < eps", v2)]:
        print(f"{name:38s} {v.mean():8.3f}       {np.sum(v < v0):2d} / {R}")
    assert np.sum(tau == T - 1) <= R // 4  # in most data sets, a minimum of the validation loss inside the run
    assert v1.mean() < v0.mean() and v2.mean() < v0.mean()  # the extra data help on average ...
    assert np.sum(v1 < v0) > R / 2 and np.sum(v2 < v0) > R / 2  # ... and in most data sets, not in all
    assert 0 < stuck < R  # strategy 2's stopping test can fail to trigger
