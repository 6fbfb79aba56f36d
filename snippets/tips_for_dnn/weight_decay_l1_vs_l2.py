"""L1 vs L2 on one regression: L1 drives irrelevant weights to zero, L2 only makes them small."""
import numpy as np
import torch

rng = np.random.default_rng(0)
n, d, eta, lam, steps = 100, 20, 0.05, 0.2, 3000
w_true = np.zeros(d)
w_true[:4] = [2.0, -1.5, 1.0, 0.5]  # only 4 of the 20 inputs matter
x = rng.standard_normal((n, d))
y = x @ w_true + 0.5 * rng.standard_normal(n)


def grad_mse(w):
    """Gradient of L(w) = mean((x w - y)^2), shape (d,)."""
    return 2 * x.T @ (x @ w - y) / n


w_l2, w_l1, w_prox = np.zeros(d), np.zeros(d), np.zeros(d)
for _ in range(steps):
    # L2, penalty (lam/2)|w|^2: shrink by a factor, so a small weight gets a small push.
    w_l2 = (1 - eta * lam) * w_l2 - eta * grad_mse(w_l2)
    # L1, penalty lam*|w|_1: subtract the same eta*lam from every weight, toward 0.
    w_l1 = w_l1 - eta * lam * np.sign(w_l1) - eta * grad_mse(w_l1)
    # The same L1 step, but a weight that would cross 0 stops at 0 (soft thresholding).
    v = w_prox - eta * grad_mse(w_prox)
    w_prox = np.sign(v) * np.maximum(np.abs(v) - eta * lam, 0.0) + 0.0  # + 0.0 turns -0.0 into 0.0

# Checks: the L2 run reached the ridge solution; the L1 step is autograd's gradient of the L1 loss.
ridge = np.linalg.solve(2 * x.T @ x / n + lam * np.eye(d), 2 * x.T @ y / n)
assert np.allclose(w_l2, ridge, atol=1e-10)
wt = torch.tensor(w_l1, requires_grad=True)
xt, yt = torch.tensor(x), torch.tensor(y)
(((xt @ wt - yt) ** 2).mean() + lam * wt.abs().sum()).backward()
assert np.allclose(wt.grad.numpy(), grad_mse(w_l1) + lam * np.sign(w_l1), atol=1e-12)
# Lasso optimality: |dL/dw_j| <= lam where w_j = 0, and dL/dw_j = -lam * sign(w_j) elsewhere.
g, zero = grad_mse(w_prox), w_prox == 0
assert np.all(np.abs(g[zero]) <= lam + 1e-9)
assert np.allclose(g[~zero], -lam * np.sign(w_prox[~zero]), atol=1e-9)

np.set_printoptions(precision=3, suppress=True, linewidth=120)
print("irrelevant weights (inputs 5 to 20) after training:")
for name, w in [("L2", w_l2), ("L1, plain step", w_l1), ("L1, stop at 0", w_prox)]:
    print(f"  {name:<15}", w[4:])
print(f"{'':<22}{'|w| < 0.01':>11}{'w == 0':>8}{'train MSE':>11}")
counts, mses = {}, []
for name, w in [("L2", w_l2), ("L1, plain step", w_l1), ("L1, stop at 0", w_prox)]:
    counts[name] = (int(np.sum(np.abs(w) < 0.01)), int(np.sum(w == 0)))
    mses.append(np.mean((x @ w - y) ** 2))
    print(f"{name:<22}{counts[name][0]:>11}{counts[name][1]:>8}{mses[-1]:>11.4f}")
print("relevant weights, L1 stop at 0:", w_prox[:4], " true:", w_true[:4])

assert counts["L2"][0] <= 2 and counts["L2"][1] == 0
assert counts["L1, plain step"][0] >= 10  # chatters around 0 within about eta*lam ...
assert counts["L1, plain step"][1] == 0  # ... but never lands on it
assert counts["L1, stop at 0"][1] >= 10 and np.all(w_prox[:4] != 0)
assert np.all(np.abs(w_prox[:4]) < np.abs(w_true[:4]))  # shrunk toward 0
assert max(mses) < 1.1 * min(mses)  # the three fits are about equally good on the training data
