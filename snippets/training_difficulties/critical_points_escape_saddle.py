"""Escape the saddle of L = (1 - w1*w2)^2 at the origin by stepping along an eigenvector of H."""
import numpy as np
import torch

torch.manual_seed(0)


def loss(w):
    """L(w) = (1 - w1*w2)^2 for the one-example model y = w1*w2*x; w has shape (2,)."""
    return (1.0 - w[0] * w[1]) ** 2


def gd(w, lr=0.1, steps=100):
    """Plain gradient descent from w (shape (2,)); returns the final point."""
    w = w.clone().requires_grad_(True)
    for _ in range(steps):
        (g,) = torch.autograd.grad(loss(w), w)
        w = (w - lr * g).detach().requires_grad_(True)
    return w.detach()


saddle = torch.zeros(2, dtype=torch.float64)
H = torch.autograd.functional.hessian(loss, saddle)
lam, U = torch.linalg.eigh(H)  # eigenvalues in ascending order
u = U[:, 0]  # eigenvector of the negative eigenvalue
print(f"H at the saddle = {H.tolist()}, eigenvalues = {lam.tolist()}, u = {np.round(u.numpy(), 4).tolist()}")
assert lam[0] < 0

# Near a critical point, L(theta' + a u) = L(theta') + 1/2 a^2 lambda |u|^2 < L(theta').
for a in [0.1, 0.3, 0.5]:
    true, pred = loss(saddle + a * u).item(), (loss(saddle) + 0.5 * a**2 * lam[0]).item()
    print(f"step a = {a}: L = {true:.4f}  (Taylor predicts {pred:.4f}; L at the saddle = {loss(saddle):.1f})")
    assert true < loss(saddle) and abs(true - pred - a**4 / 4) < 1e-12  # the only error: a^4/4

stuck = gd(saddle)
print(f"gradient descent started exactly at the saddle ends at {stuck.tolist()}, L = {loss(stuck):.3f}")
assert torch.equal(stuck, saddle)  # g = 0: it never moves
escaped = gd(saddle + 0.1 * u)
print(f"after one step of 0.1 along u, gradient descent ends at {np.round(escaped.numpy(), 3).tolist()},"
      f" L = {loss(escaped):.1e}")
assert loss(escaped) < 1e-6  # it reaches the valley of minima w1*w2 = 1
nudged = gd(saddle + 1e-6 * u, steps=300)  # along u each step multiplies the offset by 1 - lr*lambda > 1
print(f"after a nudge of 1e-6 along u, 300 steps of gradient descent reach L = {loss(nudged):.1e}")
assert loss(nudged) < 1e-6
