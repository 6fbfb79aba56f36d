"""A ReLU network is linear inside one activation pattern and nonlinear across patterns."""
import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
net = torch.nn.Sequential(
    torch.nn.Linear(2, 16), torch.nn.ReLU(),
    torch.nn.Linear(16, 16), torch.nn.ReLU(),
    torch.nn.Linear(16, 1),
)
for layer in net[::2]:  # He-scaled weights, so slopes and gaps are easy to read
    torch.nn.init.normal_(layer.weight, std=(2 / layer.in_features) ** 0.5)
    torch.nn.init.normal_(layer.bias, std=0.5)
W1, W2, W3 = (net[i].weight.detach() for i in (0, 2, 4))


def pattern(x):
    """On/off pattern of the 32 hidden units (bool tensor) for one input x of shape (2,)."""
    z1 = net[0](x)
    z2 = net[2](torch.relu(z1))
    return torch.cat([z1 > 0, z2 > 0])


def thin_linear_net(x):
    """Matrix (1, 2) of the linear network left after deleting the units that are off at x."""
    m = pattern(x).double()
    return W3 @ torch.diag(m[16:]) @ W2 @ torch.diag(m[:16]) @ W1


def jac(x):
    """Jacobian df/dx of the network at x, shape (1, 2), by autograd."""
    return torch.autograd.functional.jacobian(net, x)


x0 = torch.tensor([0.3, -0.2])
J0 = jac(x0)
print("units on at x0:", int(pattern(x0).sum()), "of 32")
print("Jacobian at x0:          ", J0.numpy().round(6))
print("thin linear network at x0:", thin_linear_net(x0).numpy().round(6))
assert torch.allclose(J0, thin_linear_net(x0), atol=1e-12)

# Small moves keep every unit on the same side of 0: the net is exactly f(x0) + J0 d there.
with torch.no_grad():
    for d in 1e-3 * torch.randn(5, 2):
        assert torch.equal(pattern(x0 + d), pattern(x0))
        assert torch.allclose(jac(x0 + d), J0, atol=1e-12)
        assert torch.allclose(net(x0 + d), net(x0) + J0 @ d, atol=1e-12)
print("5 small moves: same pattern, same Jacobian, f(x0 + d) = f(x0) + J0 d to 1e-12")

# A long walk crosses unit boundaries: new patterns, new slopes, and the line no longer predicts f.
with torch.no_grad():
    walk = [x0 + t * torch.tensor([3.0, 2.0]) for t in torch.linspace(0, 1, 101)]
    patterns = {tuple(pattern(x).tolist()) for x in walk}
    x1 = walk[-1]
    gap = (net(x1) - net(x0) - J0 @ (x1 - x0)).abs().item()
J1 = jac(x1)
print("activation patterns met along the walk:", len(patterns))
print("Jacobian at the end of the walk:", J1.numpy().round(6))
print(f"|f(x1) - (f(x0) + J0 (x1 - x0))| = {gap:.4f}")
assert len(patterns) > 1
assert not torch.equal(pattern(x1), pattern(x0))
assert (J1 - J0).abs().max() > 0.1 and gap > 0.1
