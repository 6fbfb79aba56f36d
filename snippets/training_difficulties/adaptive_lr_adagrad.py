"""AdaGrad from scratch against torch.optim.Adagrad, and the lecture's two ways of writing sigma."""
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


def adagrad_path(w, lr, steps, rule, eps=1e-10):
    """AdaGrad iterates for rule "torch" (matches torch.optim.Adagrad), "rms" (the lecture) or "typo"."""
    # torch: w -= lr g / (sqrt(sum_k g_k^2) + eps); rms: sigma = sqrt(mean_k g_k^2); typo: sqrt(mean g_t^2)
    total, path = torch.zeros_like(w), []
    for t in range(steps):  # t = 0, 1, 2, ... as in the lecture
        g = grad(w)
        total = total + g**2  # sum over k = 0..t of g_k^2
        sigma = {"torch": total.sqrt() + eps, "rms": (total / (t + 1)).sqrt(), "typo": (g**2).sqrt()}[rule]
        w = w - lr * g / sigma
        path.append(w)
    return torch.stack(path)


def torch_path(w, lr, steps, lr_factor=lambda t: 1.0):
    """Iterates of torch.optim.Adagrad, its learning rate multiplied by lr_factor(t) through LambdaLR."""
    w = w.clone().requires_grad_(True)
    opt = torch.optim.Adagrad([w], lr=lr)  # initial_accumulator_value=0, lr_decay=0, eps=1e-10
    sched, path = torch.optim.lr_scheduler.LambdaLR(opt, lr_factor), []
    for _ in range(steps):
        opt.zero_grad()
        loss(w).backward()
        opt.step()
        sched.step()
        path.append(w.detach().clone())
    return torch.stack(path)


w0, steps = torch.tensor([-2.0, 2.0, 1.0], dtype=torch.float64), 150
reference = torch_path(w0, 0.5, steps)
d1 = (adagrad_path(w0, 0.5, steps, "torch") - reference).abs().max().item()
print(f"sum form vs torch.optim.Adagrad, {steps} steps: max difference {d1:.1e};"
      f" loss {loss(w0):.4f} -> {loss(reference[-1]):.4f}")
# The lecture's root-MEAN-square is the sum form with eta_t = eta * sqrt(t + 1).
rms = adagrad_path(w0, 0.5, steps, "rms")
d2 = (rms - torch_path(w0, 0.5, steps, lambda t: np.sqrt(t + 1))).abs().max().item()
print(f"lecture's RMS form vs Adagrad + LambdaLR(sqrt(t+1)): max difference {d2:.1e}")
assert d1 < 1e-6 and d2 < 1e-6

typo = adagrad_path(w0, 0.5, steps, "typo")
steps_typo = (torch.cat([w0[None], typo]).diff(dim=0)).abs()
print(f"typo form: every coordinate moves by exactly {steps_typo.min():.4f}..{steps_typo.max():.4f} per step"
      f" (sign descent);"
      f" distance from the RMS path after {steps} steps: {(typo - rms).abs().max():.2f}")
assert torch.allclose(steps_typo, torch.full_like(steps_typo, 0.5))  # |eta g / |g|| = eta
assert (typo - rms).abs().max() > 0.1  # a different algorithm, not a rounding difference
