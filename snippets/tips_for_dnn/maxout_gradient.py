"""Training maxout: only each unit's winning piece gets a gradient; which piece wins depends on x."""
import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
units, k, d = 3, 3, 4
W = torch.randn(units, k, d, requires_grad=True)
b = torch.randn(units, k, requires_grad=True)
v = torch.randn(units)  # output weights: y = v . h


def forward(x):
    """x: (n, d). Maxout layer, then a linear output; returns y (n,) and the winners (n, units)."""
    z = torch.einsum("ukd,nd->nuk", W, x) + b
    h, winner = z.max(dim=2)
    return h @ v, winner


# One input: the gradient of y reaches only the winning piece of each unit.
x = torch.randn(1, d)
y, winner = forward(x)
y.sum().backward()
win = winner[0]
print("winning piece per unit:", win.tolist())
print("rows of dy/dW with a nonzero entry, per unit:",
      [torch.nonzero(W.grad[u].abs().sum(dim=1)).flatten().tolist() for u in range(units)])
# By hand: for the winner, dy/dW[u, j] = v[u] * x and dy/db[u, j] = v[u]; every other piece gets 0.
grad_W, grad_b = torch.zeros(units, k, d), torch.zeros(units, k)
for u in range(units):
    grad_W[u, win[u]] = v[u] * x[0]
    grad_b[u, win[u]] = v[u]
assert torch.allclose(W.grad, grad_W, atol=1e-12) and torch.allclose(b.grad, grad_b, atol=1e-12)

# For this input the network is the thin linear network made of the winners alone.
with torch.no_grad():
    thin = sum(v[u] * (W[u, win[u]] @ x[0] + b[u, win[u]]) for u in range(units))
assert torch.allclose(y[0], thin, atol=1e-12)
print(f"y = {y.item():.6f}; the thin linear network of winners gives {thin.item():.6f}")

# Many inputs: different inputs pick different winners, so over a batch every piece is trained.
W.grad, b.grad = None, None
xs = torch.randn(64, d)
ys, winners = forward(xs)
ys.sum().backward()
counts = torch.stack([torch.bincount(winners[:, u], minlength=k) for u in range(units)])
print("how many of 64 inputs each piece wins (rows: units, columns: pieces):")
print(counts.numpy())
print("gradient norm per piece over the batch:")
print(W.grad.norm(dim=2).numpy().round(3))
# By hand: piece j of unit u collects v[u] * x from exactly the inputs it wins.
by_hand = torch.stack([torch.stack([v[u] * xs[winners[:, u] == j].sum(dim=0) for j in range(k)])
                       for u in range(units)])
assert torch.allclose(W.grad, by_hand, atol=1e-12)
assert (counts > 0).all() and (W.grad.norm(dim=2) > 0).all()
