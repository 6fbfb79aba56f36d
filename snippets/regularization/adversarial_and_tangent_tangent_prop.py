"""The tangent prop penalty: the output's derivative along a known transformation of the input."""
import torch
from torch import nn

torch.manual_seed(0)
t = torch.arange(32, dtype=torch.float64)


def bump(s):
    """A 1-D 'image' (32,): a Gaussian bump centered at 12 + s; s is a continuous shift."""
    return torch.exp(-((t - 12 - s) ** 2) / 8)


x = bump(0.0)
v = (t - 12) / 4 * x  # tangent vector d bump(s) / ds at s = 0, by hand
h = 1e-5
assert torch.allclose(v, (bump(h) - bump(-h)) / (2 * h), atol=1e-8)  # matches the difference

net = nn.Sequential(nn.Linear(32, 8), nn.Tanh(), nn.Linear(8, 1)).double()


def tangent_penalty(net, x, v):
    """(grad_x f(x) . v)^2 for one input x (D,) and tangent v (D,); differentiable in the weights."""
    x = x.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(net(x).sum(), x, create_graph=True)
    return (g @ v) ** 2


penalty = tangent_penalty(net, x, v)
with torch.no_grad():
    dfds = ((net(bump(h)) - net(bump(-h))) / (2 * h)).item()  # how f changes as the bump shifts
print(f"sqrt(penalty) = |grad_x f . v| (autograd)  {penalty.sqrt().item():.10f}")
print(f"|d f(bump(s)) / ds| (finite difference)    {abs(dfds):.10f}")
assert abs(penalty.sqrt().item() - abs(dfds)) < 1e-8

# The penalty is a function of the weights, so it can be trained down like any loss term.
opt = torch.optim.SGD(net.parameters(), lr=0.5)
for _ in range(20):
    opt.zero_grad()
    tangent_penalty(net, x, v).backward()
    opt.step()
after = tangent_penalty(net, x, v).item()
print(f"penalty before {penalty.item():.3e}, after 20 SGD steps on it {after:.3e}")
assert after < 0.1 * penalty.item()
