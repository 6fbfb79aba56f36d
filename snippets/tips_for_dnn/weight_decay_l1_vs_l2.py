"""L1 vs L2 on one regression: L1 drives irrelevant weights to zero, L2 only makes them small."""
import numpy as np
import torch


def grad_mse(w: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The gradient of L(w) = mean((x w - y)^2).

    Args:
        w: the weights, shape (d,).
        x: the inputs, shape (n, d).
        y: the targets, shape (n,).

    Returns:
        dL/dw, shape (d,).

    Examples:
        >>> grad_mse(np.array([1.0]), np.array([[1.0], [2.0]]), np.array([0.0, 0.0])).tolist()
        [5.0]
    """
    return 2 * x.T @ (x @ w - y) / len(y)


def train_penalised(x: np.ndarray, y: np.ndarray, penalty: str, eta: float, lam: float, steps: int) -> np.ndarray:
    """Gradient descent from w = 0 on the mean squared error plus a weight penalty.

    Args:
        x: the inputs, shape (n, d).
        y: the targets, shape (n,).
        penalty: "l2" ((lam/2)|w|^2: shrink by 1 - eta lam), "l1" (lam |w|_1: subtract eta lam sgn(w))
            or "l1-prox" (the L1 step that stops at 0: soft thresholding).
        eta: the learning rate.
        lam: the penalty strength.
        steps: the number of updates.

    Returns:
        The final weights, shape (d,).

    Examples:
        >>> x, y = np.eye(2), np.array([1.0, 0.05])
        >>> train_penalised(x, y, "l1-prox", 0.5, 0.2, 100).round(6).tolist()  # the small weight goes to exactly 0
        [0.8, 0.0]
    """
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        if penalty == "l2":  # a small weight gets a small push
            w = (1 - eta * lam) * w - eta * grad_mse(w, x, y)
        elif penalty == "l1":  # every weight moves eta*lam toward 0, and may jump over it
            w = w - eta * lam * np.sign(w) - eta * grad_mse(w, x, y)
        else:  # a weight that would cross 0 stops at 0
            v = w - eta * grad_mse(w, x, y)
            w = np.sign(v) * np.maximum(np.abs(v) - eta * lam, 0.0) + 0.0  # + 0.0 turns -0.0 into 0.0
    return w


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    n, d, eta, lam, steps = 100, 20, 0.05, 0.2, 3000
    w_true = np.zeros(d)
    w_true[:4] = [2.0, -1.5, 1.0, 0.5]  # only 4 of the 20 inputs matter
    x = rng.standard_normal((n, d))
    y = x @ w_true + 0.5 * rng.standard_normal(n)
    runs = {name: train_penalised(x, y, kind, eta, lam, steps)
            for name, kind in [("L2", "l2"), ("L1, plain step", "l1"), ("L1, stop at 0", "l1-prox")]}
    w_l2, w_l1, w_prox = runs.values()

    # Checks: the L2 run reached the ridge solution; the L1 step is autograd's gradient of the L1 loss.
    ridge = np.linalg.solve(2 * x.T @ x / n + lam * np.eye(d), 2 * x.T @ y / n)
    assert np.allclose(w_l2, ridge, atol=1e-10)
    wt = torch.tensor(w_l1, requires_grad=True)
    (((torch.tensor(x) @ wt - torch.tensor(y)) ** 2).mean() + lam * wt.abs().sum()).backward()
    assert np.allclose(wt.grad.numpy(), grad_mse(w_l1, x, y) + lam * np.sign(w_l1), atol=1e-12)
    # Lasso optimality: |dL/dw_j| <= lam where w_j = 0, and dL/dw_j = -lam * sign(w_j) elsewhere.
    g, zero = grad_mse(w_prox, x, y), w_prox == 0
    assert np.all(np.abs(g[zero]) <= lam + 1e-9)
    assert np.allclose(g[~zero], -lam * np.sign(w_prox[~zero]), atol=1e-9)

    np.set_printoptions(precision=3, suppress=True, linewidth=120)
    print("irrelevant weights (inputs 5 to 20) after training:")
    for name, w in runs.items():
        print(f"  {name:<15}", w[4:])
    band = 2 * eta * lam  # the largest jump one plain L1 step makes near 0 (where |dL/dw| <= lam)
    print(f"{'irrelevant weights:':<22}{f'|w| <= {band:g}':>12}{'w == 0':>8}{'train MSE':>11}")
    counts, mses = {}, []
    for name, w in runs.items():
        counts[name] = (int(np.sum(np.abs(w[4:]) <= band)), int(np.sum(w[4:] == 0)))
        mses.append(np.mean((x @ w - y) ** 2))
        print(f"{name:<22}{counts[name][0]:>12}{counts[name][1]:>8}{mses[-1]:>11.4f}")
    ols = np.linalg.lstsq(x, y, rcond=None)[0]
    print("relevant weights, L1 stop at 0:", w_prox[:4], " least squares:", ols[:4], " true:", w_true[:4])

    assert np.all(w_l2 != 0) and np.all(w_l1 != 0)  # neither L2 nor the plain L1 step lands on 0 ...
    assert counts["L1, plain step"][0] >= 12  # ... though the plain L1 step keeps most of them within the band
    assert counts["L1, stop at 0"][1] >= 12 and np.all(w_prox[:4] != 0)  # soft thresholding: exact zeros
    assert np.all(np.abs(w_prox[:4]) < np.abs(ols[:4]))  # the constant pull shrinks the survivors too
    assert max(mses) < 1.3 * min(mses)  # the sparse fit gives up little on the training data
