"""Momentum as velocity: under a constant force the step grows to eps |g| / (1 - alpha)."""
import torch

torch.manual_seed(0)
alpha, eps = 0.9, 0.01
g = torch.tensor([3.0, -4.0], dtype=torch.float64)      # a constant gradient (|g| = 5)


def momentum_steps(g, alpha, eps, T):
    """Velocity form v <- alpha v - eps g, theta <- theta + v; returns the T parameter vectors."""
    theta, v, out = torch.zeros_like(g), torch.zeros_like(g), []
    for _ in range(T):
        v = alpha * v - eps * g          # friction alpha, force -g, unit mass
        theta = theta + v
        out.append(theta.clone())
    return torch.stack(out)


T = 100
ours = momentum_steps(g, alpha, eps, T)

# The same trajectory from torch's form of the update: buf <- alpha buf + grad, theta -= eps buf,
# with the gradient of the linear loss g . theta taken by autograd (v = -eps buf).
p, buf, theirs = torch.zeros(2, dtype=torch.float64, requires_grad=True), 0.0, []
for _ in range(T):
    (grad,) = torch.autograd.grad(p @ g, p)
    buf = alpha * buf + grad
    p = (p - eps * buf).detach().requires_grad_(True)
    theirs.append(p.detach())
theirs = torch.stack(theirs)
assert torch.allclose(ours, theirs, atol=1e-12)

step_len = torch.diff(torch.cat([torch.zeros(1, 2, dtype=torch.float64), ours]), dim=0).norm(dim=1)
terminal = eps * g.norm().item() / (1 - alpha)
print(f"plain gradient step: eps |g| = {eps * g.norm().item():.3f}; "
      f"terminal momentum step eps |g| / (1 - alpha) = {terminal:.3f}")
for t in (1, 2, 5, 10, 20, 50, 100):
    print(f"step {t:>3}: length {step_len[t - 1].item():.4f}")
# After t steps the speed is eps |g| (1 - alpha^t) / (1 - alpha): it approaches 1/(1-alpha) = 10x.
t = torch.arange(1, T + 1, dtype=torch.float64)
assert torch.allclose(step_len, terminal * (1 - alpha**t), atol=1e-12)
assert abs(step_len[-1].item() / (eps * g.norm().item()) - 1 / (1 - alpha)) < 1e-3
print(f"velocity form vs accumulated-gradient form over {T} steps: "
      f"max difference {(ours - theirs).abs().max().item():.1e}")
