"""The tangent prop penalty: the output's derivative along a known transformation of the input."""
from collections.abc import Callable

import torch
from torch import nn


def bump(s: float, t: torch.Tensor) -> torch.Tensor:
    """A 1-D 'image': a Gaussian bump centred at 12 + s on the pixel grid t.

    Args:
        s: the shift, a continuous number of pixels.
        t: the pixel positions, shape (D,).

    Returns:
        exp(-(t - 12 - s)^2 / 8), shape (D,).

    Examples:
        >>> bump(0.0, torch.tensor([12.0, 14.0], dtype=torch.float64)).round(decimals=4).tolist()
        [1.0, 0.6065]
    """
    return torch.exp(-((t - 12 - s) ** 2) / 8)


def tangent_penalty(net: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """The tangent prop penalty (grad_x f(x) . v)^2, differentiable in the network's weights.

    Args:
        net: a network with one output, applied to one input.
        x: the input, shape (D,).
        v: the tangent vector of the transformation at x, shape (D,).

    Returns:
        The penalty, a 0-dimensional tensor (its graph reaches the weights: create_graph=True).

    Examples:
        >>> net = nn.Linear(2, 1, bias=False)
        >>> _ = net.weight.data.copy_(torch.tensor([[3.0, 1.0]]))
        >>> tangent_penalty(net, torch.zeros(2), torch.tensor([1.0, 1.0])).item()  # (3 + 1)^2
        16.0
    """
    x = x.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(net(x).sum(), x, create_graph=True)
    return (g @ v) ** 2


if __name__ == "__main__":
    torch.manual_seed(0)
    t = torch.arange(32, dtype=torch.float64)
    x = bump(0.0, t)
    v = (t - 12) / 4 * x  # tangent vector d bump(s) / ds at s = 0, by hand
    h = 1e-5
    assert torch.allclose(v, (bump(h, t) - bump(-h, t)) / (2 * h), atol=1e-8)  # matches the difference
    net = nn.Sequential(nn.Linear(32, 8), nn.Tanh(), nn.Linear(8, 1)).double()

    penalty = tangent_penalty(net, x, v)
    with torch.no_grad():
        dfds = ((net(bump(h, t)) - net(bump(-h, t))) / (2 * h)).item()  # how f changes as the bump shifts
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
