"""RAdam beside Adam on one problem; RAdam from scratch against torch.optim.RAdam."""
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


def radam_path(w, lr, steps, beta1=0.9, beta2=0.999, eps=1e-8):
    """RAdam iterates as in torch.optim.RAdam; also returns the rectification factor r_t (0 while off)."""
    m, v, path, rect = torch.zeros_like(w), torch.zeros_like(w), [], []
    rho_inf = 2 / (1 - beta2) - 1  # length of the moving average at t = infinity
    for t in range(1, steps + 1):
        g = grad(w)
        m, v = beta1 * m + (1 - beta1) * g, beta2 * v + (1 - beta2) * g**2
        m_hat = m / (1 - beta1**t)
        rho = rho_inf - 2 * t * beta2**t / (1 - beta2**t)  # how many g^2 the average v really holds
        if rho > 5:  # enough samples: Adam's step, scaled by r_t < 1
            r = np.sqrt((rho - 4) * (rho - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho))
            w = w - lr * r * m_hat * np.sqrt(1 - beta2**t) / (v.sqrt() + eps)
        else:  # too few: no adaptive denominator, plain momentum
            r = 0.0
            w = w - lr * m_hat
        path.append(w)
        rect.append(r)
    return torch.stack(path), np.array(rect)


def torch_path(opt_class, w, lr, steps):
    """Iterates of a torch optimizer (Adam or RAdam, default betas) on the loss above."""
    w = w.clone().requires_grad_(True)
    opt, path = opt_class([w], lr=lr), []
    for _ in range(steps):
        opt.zero_grad()
        loss(w).backward()
        opt.step()
        path.append(w.detach().clone())
    return torch.stack(path)


w0, lr, steps = torch.tensor([-2.0, 2.0, 1.0], dtype=torch.float64), 0.1, 150
ours, rect = radam_path(w0, lr, steps)
radam, adam = torch_path(torch.optim.RAdam, w0, lr, steps), torch_path(torch.optim.Adam, w0, lr, steps)
diff = (ours - radam).abs().max().item()
print(f"from scratch vs torch.optim.RAdam, {steps} steps: max difference {diff:.1e}")
print(f"rectification r_t at t = 1..8: {np.round(rect[:8], 3).tolist()}, at t = {steps}: {rect[-1]:.3f}")
print(" step   Adam loss   RAdam loss   Adam |step|   RAdam |step|")
step_a, step_r = [(torch.cat([w0[None], p]).diff(dim=0)).norm(dim=1) for p in (adam, radam)]
for t in [1, 5, 10, 50, 150]:
    print(f"{t:5d}   {loss(adam[t - 1]):.4f}      {loss(radam[t - 1]):.4f}"
          f"       {step_a[t - 1]:.4f}        {step_r[t - 1]:.4f}")
assert diff < 1e-6
assert np.all(rect[:5] == 0) and rect[5] > 0 and np.all(np.diff(rect[5:]) > 0) and rect[-1] < 1
assert torch.all(step_r[:10] < step_a[:10])  # smaller early steps: a built-in warmup
assert loss(adam[-1]) < loss(radam[-1]) < loss(w0) / 3  # both learn; here the warmup costs RAdam speed

# The variance argument: with pure-noise gradients g ~ N(0, 1), how spread out is Adam's 1/sqrt(v_hat_t)?
g2, v, spread = rng.normal(size=(2000, 100)) ** 2, np.zeros(2000), {}  # 2000 independent runs
for t in range(1, 101):
    v = 0.999 * v + 0.001 * g2[:, t - 1]
    if t in (1, 5, 20, 100):
        lo, hi = np.percentile(1 / np.sqrt(v / (1 - 0.999**t)), [5, 95])
        spread[t] = hi / lo
        print(f"t = {t:3d}: 90% of runs have 1/sqrt(v_hat) in [{lo:.2f}, {hi:.2f}]")
assert spread[1] > 10 * spread[100]  # the adaptive learning rate is wildly uncertain at the start
