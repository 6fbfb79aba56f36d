"""Adam from scratch (momentum + RMSProp + bias correction) against torch.optim.Adam."""
import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)
rng = np.random.default_rng(0)
X = torch.tensor(rng.normal(size=(40, 2)))
y = (X[:, 0] - 0.5 * X[:, 1] + 0.5 * torch.tensor(rng.normal(size=40)) > 0).double()
loss = lambda w: F.binary_cross_entropy_with_logits(X @ w[:2] + w[2], y)  # w = (w1, w2, b)


def grad(w):
    """dL/dw at w (shape (3,)), by autograd."""
    w = w.clone().requires_grad_(True)
    return torch.autograd.grad(loss(w), w)[0]


def adam_path(w, lr, steps, beta1=0.9, beta2=0.999, eps=1e-8, correct=True):
    """Adam iterates, as torch.optim.Adam; correct=False drops the bias correction."""
    m, v, path = torch.zeros_like(w), torch.zeros_like(w), []
    for t in range(1, steps + 1):
        g = grad(w)
        m = beta1 * m + (1 - beta1) * g  # momentum: a running mean of g
        v = beta2 * v + (1 - beta2) * g**2  # RMSProp: a running mean of g^2
        m_hat, v_hat = (m / (1 - beta1**t), v / (1 - beta2**t)) if correct else (m, v)
        w = w - lr * m_hat / (v_hat.sqrt() + eps)
        path.append(w)
    return torch.stack(path)


def torch_path(w, lr, steps):
    """Iterates of torch.optim.Adam with its defaults (betas=(0.9, 0.999), eps=1e-8)."""
    w = w.clone().requires_grad_(True)
    opt, path = torch.optim.Adam([w], lr=lr), []
    for _ in range(steps):
        opt.zero_grad()
        loss(w).backward()
        opt.step()
        path.append(w.detach().clone())
    return torch.stack(path)


w0, lr, steps = torch.tensor([-2.0, 2.0, 1.0], dtype=torch.float64), 0.02, 150
ours, theirs = adam_path(w0, lr, steps), torch_path(w0, lr, steps)
diff = (ours - theirs).abs().max().item()
print(f"from scratch vs torch.optim.Adam, {steps} steps: max difference {diff:.1e};"
      f" loss {loss(w0):.4f} -> {loss(ours[-1]):.4f}")
assert diff < 1e-6 and loss(ours[-1]) < loss(w0) / 3

# Bias correction: m and v start at 0, so early on they are too small; dividing by 1 - beta^t fixes that.
raw = adam_path(w0, lr, steps, correct=False)
first, first_raw = (ours[0] - w0).abs(), (raw[0] - w0).abs()
print(f"first step with correction: {np.round(first.numpy(), 5).tolist()} (= lr in every coordinate)")
print(f"first step without:         {np.round(first_raw.numpy(), 5).tolist()} (= lr (1 - b1) / sqrt(1 - b2))")
assert torch.allclose(first, torch.full_like(first, lr), rtol=1e-6)
assert torch.allclose(first_raw, torch.full_like(first, lr * 0.1 / np.sqrt(0.001)), rtol=1e-6)
