"""A ReLU network is linear inside one activation pattern and nonlinear across patterns."""
import torch


def pattern(net: torch.nn.Sequential, x: torch.Tensor) -> torch.Tensor:
    """The on/off pattern of the hidden units of Linear, ReLU, Linear, ReLU, Linear at one input.

    Args:
        net: the network (modules 0 and 2 are the hidden Linear layers).
        x: one input, shape (d,).

    Returns:
        True where a unit's pre-activation is positive, first layer then second, shape (h1 + h2,).

    Examples:
        >>> net = torch.nn.Sequential(torch.nn.Linear(1, 1), torch.nn.ReLU(), torch.nn.Linear(1, 1), torch.nn.ReLU(), torch.nn.Linear(1, 1))
        >>> with torch.no_grad():
        ...     _ = [m.weight.fill_(1.0) for m in net[::2]] + [m.bias.fill_(0.0) for m in net[::2]]
        >>> pattern(net, torch.tensor([2.0])).tolist(), pattern(net, torch.tensor([-2.0])).tolist()
        ([True, True], [False, False])
    """
    z1 = net[0](x)
    z2 = net[2](torch.relu(z1))
    return torch.cat([z1 > 0, z2 > 0])


def thin_linear_net(net: torch.nn.Sequential, x: torch.Tensor) -> torch.Tensor:
    """The matrix W3 D2 W2 D1 W1 of the linear network left after deleting the units that are off at x.

    Args:
        net: the network Linear, ReLU, Linear, ReLU, Linear.
        x: one input, shape (d,).

    Returns:
        The matrix, shape (out, d): the Jacobian of the network at x.

    Examples:
        >>> net = torch.nn.Sequential(torch.nn.Linear(1, 1), torch.nn.ReLU(), torch.nn.Linear(1, 1), torch.nn.ReLU(), torch.nn.Linear(1, 1))
        >>> with torch.no_grad():
        ...     _ = [m.weight.fill_(2.0) for m in net[::2]] + [m.bias.fill_(0.0) for m in net[::2]]
        >>> thin_linear_net(net, torch.tensor([1.0])).tolist(), thin_linear_net(net, torch.tensor([-1.0])).tolist()
        ([[8.0]], [[0.0]])
    """
    with torch.no_grad():
        m = pattern(net, x).to(x.dtype)
        h1 = net[0].out_features
        return net[4].weight @ torch.diag(m[h1:]) @ net[2].weight @ torch.diag(m[:h1]) @ net[0].weight


def safe_radius(net: torch.nn.Sequential, x: torch.Tensor) -> float:
    """A distance r such that every move |d| < r keeps every hidden unit on its side of 0.

    A first-layer pre-activation z_i moves by at most |W1_i| |d|; a second-layer one by at most
    |W2_j| ||W1||_2 |d|, since ReLU never stretches distances.

    Args:
        net: the network Linear, ReLU, Linear, ReLU, Linear.
        x: one input, shape (d,).

    Returns:
        r, a float.

    Examples:
        >>> net = torch.nn.Sequential(torch.nn.Linear(1, 1), torch.nn.ReLU(), torch.nn.Linear(1, 1), torch.nn.ReLU(), torch.nn.Linear(1, 1))
        >>> with torch.no_grad():
        ...     _ = [m.weight.fill_(2.0) for m in net[::2]] + [m.bias.fill_(0.0) for m in net[::2]]
        >>> safe_radius(net, torch.tensor([1.0]))  # the units switch off at x = 0
        1.0
    """
    W1, W2 = net[0].weight.detach(), net[2].weight.detach()
    with torch.no_grad():
        z1 = net[0](x)
        z2 = net[2](torch.relu(z1))
    r1 = (z1.abs() / W1.norm(dim=1)).min()
    r2 = (z2.abs() / (W2.norm(dim=1) * torch.linalg.matrix_norm(W1, 2))).min()
    return min(r1, r2).item()


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    net = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.ReLU(), torch.nn.Linear(16, 16), torch.nn.ReLU(),
                              torch.nn.Linear(16, 1))
    for layer in net[::2]:  # He-scaled weights, so slopes and gaps are easy to read
        torch.nn.init.normal_(layer.weight, std=(2 / layer.in_features) ** 0.5)
        torch.nn.init.normal_(layer.bias, std=0.5)

    def jac(x: torch.Tensor) -> torch.Tensor:  # df/dx, shape (1, 2), by autograd
        return torch.autograd.functional.jacobian(net, x)

    x0 = torch.tensor([0.3, -0.2])
    J0 = jac(x0)
    print("units on at x0:", int(pattern(net, x0).sum()), "of 32")
    print("Jacobian at x0:          ", J0.numpy().round(6))
    print("thin linear network at x0:", thin_linear_net(net, x0).numpy().round(6))
    assert torch.allclose(J0, thin_linear_net(net, x0), atol=1e-12)

    # Moves shorter than the safe radius keep every unit on its side: there the net is exactly f(x0) + J0 d.
    r = safe_radius(net, x0)
    with torch.no_grad():
        for d in torch.randn(5, 2):
            d = 0.9 * r * d / d.norm()
            assert torch.equal(pattern(net, x0 + d), pattern(net, x0))
            assert torch.allclose(jac(x0 + d), J0, atol=1e-12)
            assert torch.allclose(net(x0 + d), net(x0) + J0 @ d, atol=1e-12)
    print(f"5 moves of length 0.9 r, r = {r:.4f} (the safe radius):"
          " same pattern, same Jacobian, f(x0 + d) = f(x0) + J0 d to 1e-12")

    # A long walk crosses unit boundaries: new patterns, new slopes, and the line no longer predicts f.
    walk = [x0 + t * torch.tensor([3.0, 2.0]) for t in torch.linspace(0, 1, 101)]
    with torch.no_grad():
        patterns = {tuple(pattern(net, x).tolist()) for x in walk}
        miss = max((net(x) - net(x0) - J0 @ (x - x0)).abs().item() for x in walk)
    slope_change = max((jac(x) - J0).abs().max().item() for x in walk)
    print("activation patterns met along the walk:", len(patterns))
    print("Jacobian at the end of the walk:", jac(walk[-1]).numpy().round(6))
    print(f"largest |f(x) - (f(x0) + J0 (x - x0))| along the walk: {miss:.4f}")
    assert len(patterns) > 1 and slope_change > 0.1 and miss > 0.05
