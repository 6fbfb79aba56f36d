"""Momentum from scratch (m = lambda*m - eta*g) against torch.optim.SGD(momentum=...)."""
import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)
rng = np.random.default_rng(0)
X = torch.tensor(rng.normal(size=(40, 2)))
y = (X[:, 0] - 0.5 * X[:, 1] + 0.5 * torch.tensor(rng.normal(size=40)) > 0).double()


def loss(w):
    """Logistic-regression loss of w = (w1, w2, b), shape (3,), on the 40 examples (X, y)."""
    return F.binary_cross_entropy_with_logits(X @ w[:2] + w[2], y)


def grad(w):
    """dL/dw at w, by autograd."""
    w = w.clone().requires_grad_(True)
    return torch.autograd.grad(loss(w), w)[0]


def momentum_path(w, lrs, lam):
    """Momentum as in the lecture: m <- lam*m - eta_t*g, w <- w + m; returns all iterates."""
    m, path = torch.zeros_like(w), []
    for lr in lrs:
        m = lam * m - lr * grad(w)
        w = w + m
        path.append(w)
    return torch.stack(path)


def buffer_path(w, lrs, lam):
    """torch's convention from scratch: b <- lam*b + g, w <- w - eta_t*b; returns all iterates."""
    b, path = torch.zeros_like(w), []
    for lr in lrs:
        b = lam * b + grad(w)
        w = w - lr * b
        path.append(w)
    return torch.stack(path)


def torch_path(w, lrs, lam):
    """The same run with torch.optim.SGD(momentum=lam): b <- lam*b + g, w <- w - eta_t*b."""
    w = w.clone().requires_grad_(True)
    opt, path = torch.optim.SGD([w], lr=lrs[0], momentum=lam), []
    for lr in lrs:
        opt.param_groups[0]["lr"] = lr
        opt.zero_grad()
        loss(w).backward()
        opt.step()
        path.append(w.detach().clone())
    return torch.stack(path)


w0 = torch.tensor([-2.0, 2.0, 1.0], dtype=torch.float64)
constant = [0.5] * 150
ours, theirs = momentum_path(w0, constant, 0.9), torch_path(w0, constant, 0.9)
diff = (ours - theirs).abs().max().item()
print(f"constant eta: max |ours - torch| over 150 steps = {diff:.1e};"
      f" loss {loss(w0):.4f} -> {loss(ours[-1]):.4f}")
assert diff < 1e-6 and loss(ours[-1]) < loss(w0) / 2

# With a changing eta the two conventions part: torch rescales the whole buffer by the current eta.
halved = [0.5] * 50 + [0.25] * 100
reference = torch_path(w0, halved, 0.9)
diff2 = (momentum_path(w0, halved, 0.9) - reference).abs().max().item()
diff3 = (buffer_path(w0, halved, 0.9) - reference).abs().max().item()
print(f"eta halved at step 50: max |lecture form - torch| = {diff2:.1e},"
      f" max |buffer form - torch| = {diff3:.1e}")
assert diff2 > 1e-3 and diff3 < 1e-6
