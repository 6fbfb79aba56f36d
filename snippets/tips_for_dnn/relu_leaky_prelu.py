"""Leaky ReLU and Parametric ReLU from scratch, checked against torch.nn.LeakyReLU and PReLU."""
import torch


def leaky_relu(z: torch.Tensor, slope: float = 0.01) -> torch.Tensor:
    """z for z > 0, slope * z otherwise; matches torch.nn.LeakyReLU(slope).

    Args:
        z: the pre-activations, any shape.
        slope: the fixed slope on the negative side.

    Returns:
        The activations, the shape of z.

    Examples:
        >>> leaky_relu(torch.tensor([-2.0, 3.0]), slope=0.5).tolist()
        [-1.0, 3.0]
    """
    return torch.where(z > 0, z, slope * z)


def prelu(z: torch.Tensor, alpha: torch.Tensor) -> torch.Tensor:
    """Like leaky_relu, but the slope alpha is a trained tensor; matches torch.nn.PReLU (one alpha).

    Args:
        z: the pre-activations, any shape.
        alpha: the negative-side slope, shape (1,) (a parameter: it may require grad).

    Returns:
        The activations, the shape of z.

    Examples:
        >>> prelu(torch.tensor([-2.0, 3.0]), torch.tensor([0.25])).tolist()
        [-0.5, 3.0]
    """
    return torch.where(z > 0, z, alpha * z)


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    z = torch.randn(1000)
    upstream = torch.randn(1000)  # some dL/dy arriving from the layers above

    # Leaky ReLU: values and input gradients.
    z1, z2 = z.clone().requires_grad_(), z.clone().requires_grad_()
    (leaky_relu(z1) * upstream).sum().backward()
    (torch.nn.LeakyReLU(0.01)(z2) * upstream).sum().backward()
    assert torch.allclose(leaky_relu(z), torch.nn.LeakyReLU(0.01)(z), atol=1e-12)
    assert torch.allclose(z1.grad, z2.grad, atol=1e-12)
    slopes = sorted(set((z1.grad / upstream).round(decimals=12).tolist()))
    print("Leaky ReLU: dy/dz takes the values", slopes, "(z < 0 and z > 0); it is never 0")
    assert slopes == [0.01, 1.0]

    # PReLU: values, input gradients and the gradient of alpha itself.
    alpha = torch.tensor([0.25], requires_grad=True)
    z1, z2 = z.clone().requires_grad_(), z.clone().requires_grad_()
    torch_prelu = torch.nn.PReLU(num_parameters=1, init=0.25)
    (prelu(z1, alpha) * upstream).sum().backward()
    (torch_prelu(z2) * upstream).sum().backward()
    alpha_grad_by_hand = (z * upstream)[z <= 0].sum()  # dL/dalpha = sum over z <= 0 of z * dL/dy
    print(f"dL/dalpha: by hand {alpha_grad_by_hand.item():.6f}, ours {alpha.grad.item():.6f}, "
          f"torch {torch_prelu.weight.grad.item():.6f}")
    assert torch.allclose(prelu(z, alpha), torch_prelu(z), atol=1e-12)
    assert torch.allclose(z1.grad, z2.grad, atol=1e-12)
    assert torch.allclose(alpha.grad, torch_prelu.weight.grad, atol=1e-12)
    assert torch.allclose(alpha.grad, alpha_grad_by_hand, atol=1e-12)

    # alpha is a parameter like any weight: gradient descent learns it from data.
    layer = torch.nn.PReLU()
    print("parameters of torch.nn.PReLU:", [name for name, _ in layer.named_parameters()])
    assert layer.weight.item() == 0.25  # torch's initial value
    assert torch.nn.PReLU(num_parameters=3).weight.shape == (3,)  # or one alpha per channel
    target = leaky_relu(z, slope=0.3)  # data made with a negative-side slope of 0.3
    for step in range(50):
        layer.zero_grad()
        ((layer(z) - target) ** 2).mean().backward()
        with torch.no_grad():
            layer.weight -= 0.5 * layer.weight.grad  # a plain gradient step, learning rate 0.5
    print(f"alpha after 50 gradient steps: {layer.weight.item():.6f} (started at 0.25)")
    assert abs(layer.weight.item() - 0.3) < 1e-3
