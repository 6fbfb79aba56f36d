"""RMSProp from scratch against torch.optim.RMSprop; the lecture starts sigma at |g_0|, torch at 0."""
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


def rmsprop_path(w, lr, alpha, steps, start="torch", eps=1e-8):
    """RMSProp iterates; start="torch" matches torch.optim.RMSprop, "lecture" starts at sigma_0 = |g_0|."""
    # v <- alpha v + (1 - alpha) g^2, w -= lr g / (sqrt(v) + eps)
    # torch's v starts at 0, the lecture's at g_0^2
    v, path = None, []
    for t in range(steps):
        g = grad(w)
        if v is None:
            v = g**2 if start == "lecture" else (1 - alpha) * g**2
        else:
            v = alpha * v + (1 - alpha) * g**2
        w = w - lr * g / (v.sqrt() + eps)
        path.append(w)
    return torch.stack(path)


def torch_path(w, lr, alpha, steps, v0=None):
    """Iterates of torch.optim.RMSprop; v0, if given, replaces the zero initial square average."""
    w = w.clone().requires_grad_(True)
    opt, path = torch.optim.RMSprop([w], lr=lr, alpha=alpha), []
    if v0 is not None:  # torch fills an empty state with zeros; give it v0 instead
        opt.state[w] = {"step": torch.tensor(0.0), "square_avg": v0.clone()}
    for _ in range(steps):
        opt.zero_grad()
        loss(w).backward()
        opt.step()
        path.append(w.detach().clone())
    return torch.stack(path)


w0, lr, alpha, steps = torch.tensor([-2.0, 2.0, 1.0], dtype=torch.float64), 0.02, 0.9, 150
ours, theirs = rmsprop_path(w0, lr, alpha, steps), torch_path(w0, lr, alpha, steps)
d1 = (ours - theirs).abs().max().item()
print(f"from scratch vs torch.optim.RMSprop, {steps} steps: max difference {d1:.1e};"
      f" loss {loss(w0):.4f} -> {loss(ours[-1]):.4f}")
lecture = rmsprop_path(w0, lr, alpha, steps, start="lecture")
d2 = (lecture - torch_path(w0, lr, alpha, steps, v0=grad(w0) ** 2)).abs().max().item()
print(f"lecture's start (sigma_0 = |g_0|) vs torch started at v = g_0^2: max difference {d2:.1e}")
assert d1 < 1e-6 and d2 < 1e-6

first_torch, first_lecture = (ours[0] - w0).abs(), (lecture[0] - w0).abs()
ratio = first_torch / first_lecture
print(f"first step: torch {np.round(first_torch.numpy(), 4).tolist()},"
      f" lecture {np.round(first_lecture.numpy(), 4).tolist()},"
      f" ratio {ratio.mean():.3f} = 1/sqrt(1 - alpha) = {1 / np.sqrt(1 - alpha):.3f}")
assert torch.allclose(ratio, torch.full_like(ratio, 1 / np.sqrt(1 - alpha)), rtol=1e-6)
