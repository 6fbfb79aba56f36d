"""Data parallelism: shard gradients averaged = full-batch gradient; stale (asynchronous) updates."""
import torch

torch.manual_seed(0)
X, y = torch.randn(64, 5, dtype=torch.float64), torch.randn(64, 1, dtype=torch.float64)
net = torch.nn.Sequential(torch.nn.Linear(5, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1)).double()


def grad(xb, yb):
    """Gradient of the mean squared error on one batch -> one flat vector of all parameters."""
    net.zero_grad()
    torch.nn.functional.mse_loss(net(xb), yb).backward()
    return torch.cat([p.grad.flatten() for p in net.parameters()])


full = grad(X, y)

# K = 4 workers, equal shards of 16: each returns its own mean-loss gradient, the server averages.
shards = [grad(xb, yb) for xb, yb in zip(X.split(16), y.split(16))]
equal = torch.stack(shards).mean(0)
print(f"4 equal shards, plain average:   max |diff| from full batch = {(equal - full).abs().max():.1e}")
assert torch.allclose(equal, full, atol=1e-12)

# Unequal shards (8, 16, 40): a plain average over-weights the small shard; weight by size instead.
sizes = [8, 16, 40]
parts = [grad(xb, yb) for xb, yb in zip(X.split(sizes), y.split(sizes))]
plain = torch.stack(parts).mean(0)
weighted = sum(n / 64 * g for n, g in zip(sizes, parts))
print(f"unequal shards, plain average:  max |diff| = {(plain - full).abs().max():.1e}")
print(f"unequal shards, size-weighted:  max |diff| = {(weighted - full).abs().max():.1e}")
assert (plain - full).abs().max() > 1e-3
assert torch.allclose(weighted, full, atol=1e-12)

# Asynchronous SGD in miniature: each update applies a gradient computed on parameters that are
# `delay` updates old, because other workers wrote in between. Least squares, full-batch gradients.
A = torch.randn(200, 10, dtype=torch.float64)
b = A @ torch.randn(10, 1, dtype=torch.float64)
L = 2 * torch.linalg.eigvalsh(A.T @ A / len(A)).max()  # curvature: synchronous GD is stable for lr < 2/L


def final_loss(delay, lr, steps=300):
    """Gradient descent on |A w - b|^2 / n with gradients `delay` updates stale -> final loss."""
    history = [torch.zeros(10, 1, dtype=torch.float64)]
    for _ in range(steps):
        stale = history[max(0, len(history) - 1 - delay)]
        history.append(history[-1] - lr * 2 * A.T @ (A @ stale - b) / len(A))
    return ((A @ history[-1] - b) ** 2).mean().item()


start = (b**2).mean().item()
print(f"loss at the start {start:.2f}; final loss after 300 updates:")
res = {(d, c): final_loss(d, c / L) for d in [0, 2, 6] for c in [1.5, 0.1]}
for d in [0, 2, 6]:
    print(f"  delay {d}:  lr = 1.5/L -> {res[d, 1.5]:9.2e}   lr = 0.1/L -> {res[d, 0.1]:9.2e}")
assert res[0, 1.5] < 1e-6 and min(res[2, 1.5], res[6, 1.5]) > start  # staleness breaks a good step size
assert all(res[d, 0.1] < 1e-6 for d in [0, 2, 6])     # a smaller step size tolerates it
