"""ReLU's derivative: 0 left of the corner, 1 right of it, and a convention at exactly 0."""
from collections.abc import Callable

import torch


def autograd_derivative(f: Callable[[torch.Tensor], torch.Tensor], points: torch.Tensor) -> torch.Tensor:
    """The derivative autograd reports for an elementwise function at each point.

    Args:
        f: an elementwise function.
        points: where to differentiate, shape (m,).

    Returns:
        df/dz at each point, shape (m,).

    Examples:
        >>> autograd_derivative(torch.relu, torch.tensor([-1.0, 0.0, 2.0])).tolist()
        [0.0, 0.0, 1.0]
    """
    z = points.clone().requires_grad_()
    f(z).sum().backward()
    return z.grad


def relu_net_gradient(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, y: torch.Tensor,
                      w1: torch.Tensor, w2: torch.Tensor) -> torch.Tensor:
    """The gradient of the mean squared error of the net f(x w1) w2 with respect to (w1, w2), flattened.

    Args:
        f: the activation (a version of ReLU).
        x: the inputs, shape (n, d).
        y: the targets, shape (n, 1).
        w1: the hidden weights, shape (d, h).
        w2: the output weights, shape (h, 1).

    Returns:
        dL/dw1 and dL/dw2 side by side, shape (d h + h,).

    Examples:
        >>> relu_net_gradient(torch.relu, torch.ones(1, 1), torch.zeros(1, 1), torch.ones(1, 1), torch.ones(1, 1)).tolist()
        [2.0, 2.0]
    """
    a, b = w1.clone().requires_grad_(), w2.clone().requires_grad_()
    ((f(x @ a) @ b - y) ** 2).mean().backward()
    return torch.cat([a.grad.flatten(), b.grad.flatten()])


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    points = torch.tensor([-1.0, 0.0, 1.0])
    versions = {
        "torch.relu(z)": torch.relu,
        "z.clamp(min=0)": lambda z: z.clamp(min=0),
        "torch.maximum(z, 0)": lambda z: torch.maximum(z, torch.zeros_like(z)),
    }
    grads = {}
    for name, f in versions.items():
        grads[name] = autograd_derivative(f, points)
        print(f"{name:<20} value {f(points).tolist()}  gradient at -1, 0, 1: {grads[name].tolist()}")
    assert grads["torch.relu(z)"].tolist() == [0.0, 0.0, 1.0]  # torch's ReLU uses 0 at z = 0
    assert autograd_derivative(torch.nn.ReLU(), torch.zeros(1)).item() == 0.0  # so does the module torch.nn.ReLU
    assert grads["z.clamp(min=0)"].tolist() == [0.0, 1.0, 1.0]
    assert grads["torch.maximum(z, 0)"].tolist() == [0.0, 0.5, 1.0]
    for g in grads.values():  # every value in [0, 1] is a valid subgradient at the corner; elsewhere they agree
        assert g[0] == 0 and g[2] == 1 and 0 <= g[1] <= 1

    # In a real network a pre-activation lands exactly on 0 essentially never, so the convention
    # does not change the gradient that training uses.
    x, y = torch.randn(512, 8), torch.randn(512, 1)
    w1, w2 = torch.randn(8, 32), torch.randn(32, 1)
    exact_zeros = int(((x @ w1) == 0).sum())
    print("pre-activations exactly 0 among", 512 * 32, ":", exact_zeros)
    assert exact_zeros == 0
    loss_grads = [relu_net_gradient(f, x, y, w1, w2) for f in versions.values()]
    assert all(torch.equal(loss_grads[0], g) for g in loss_grads[1:])
    print("the loss gradient of a small ReLU net is bit-identical under all three conventions")
