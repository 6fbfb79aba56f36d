"""The sigmoid's derivative is sigma(1 - sigma), largest (0.25) at x = 0; through a deep stack the weights multiply in too."""
import matplotlib.pyplot as plt
import torch


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    """The logistic sigmoid 1 / (1 + exp(-x)), elementwise; matches ``torch.sigmoid``.

    Args:
        x: any tensor, shape (...).

    Returns:
        sigma(x), the same shape as ``x``, every entry in (0, 1).

    Examples:
        >>> sigmoid(torch.tensor([0.0, 2.0, -2.0], dtype=torch.float64)).round(decimals=4).tolist()
        [0.5, 0.8808, 0.1192]
    """
    return 1.0 / (1.0 + torch.exp(-x))


def chain_gradient(h0: float, weights: list[float], biases: list[float]) -> tuple[float, float]:
    """dh_L/dh_0 through the scalar stack h_l = sigmoid(w_l h_(l-1) + b_l), two ways.

    Args:
        h0: the input of the stack.
        weights: w_1, ..., w_L, one weight per layer.
        biases: b_1, ..., b_L.

    Returns:
        (the derivative by autograd, the product of w_l * sigma'(a_l) over the layers).

    Examples:
        >>> chain_gradient(0.0, [1.0], [0.0])  # one layer at a = 0: w * sigma'(0) = 1/4
        (0.25, 0.25)
        >>> [round(g, 6) for g in chain_gradient(0.5, [8.0, 8.0], [-4.0, -4.0])]  # (8/4)^2
        [4.0, 4.0]
    """
    x = torch.tensor(h0, dtype=torch.float64, requires_grad=True)
    h, product = x, 1.0
    for w, b in zip(weights, biases):
        h = sigmoid(w * h + b)
        product *= w * (h * (1 - h)).item()  # backprop multiplies by w_l sigma'(a_l)
    (grad,) = torch.autograd.grad(h, x)
    return grad.item(), product


if __name__ == "__main__":
    x = torch.linspace(-8, 8, 401, dtype=torch.float64, requires_grad=True)
    s = sigmoid(x)
    (grad,) = torch.autograd.grad(s.sum(), x)  # d sigma / dx at every grid point
    formula = (s * (1 - s)).detach()

    err = (grad - formula).abs().max().item()
    assert torch.allclose(s, torch.sigmoid(x), atol=1e-12)
    assert err < 1e-12
    assert ((s > 0) & (s < 1)).all()  # range (0, 1)
    assert torch.allclose(sigmoid(-x), 1 - s, atol=1e-12)  # sigma(-x) = 1 - sigma(x)
    i = grad.argmax().item()
    assert abs(x[i].item()) < 1e-12 and abs(grad[i].item() - 0.25) < 1e-12  # max slope at 0
    assert grad[0].item() < 1e-3 and grad[-1].item() < 1e-3  # saturated tails

    print(f"max |autograd - sigma(1 - sigma)| on [-8, 8]: {'< 1e-15' if err < 1e-15 else f'{err:.1e}'}")
    print(f"largest slope: {grad[i].item():.4f} at x = {abs(x[i].item()):.1f}")
    print(f"slope at x = -8 and x = 8: {grad[0].item():.2e}, {grad[-1].item():.2e}")

    # A stack of 10 sigmoid layers: each layer multiplies the gradient by w * sigma'(a), not by sigma'(a) alone.
    L = 10
    small = chain_gradient(0.0, [1.0] * L, [0.0] * L)  # |w| = 1: at most (1/4)^L
    large = chain_gradient(0.5, [8.0] * L, [-4.0] * L)  # w = 8 at a = 0 in every layer: (8/4)^L
    for name, (auto, prod) in [("w = 1, b = 0 ", small), ("w = 8, b = -4", large)]:
        assert abs(auto - prod) <= 1e-12 * abs(prod)  # autograd = product of w sigma'(a)
        print(f"{L} sigmoid layers, {name}: dh_{L}/dh_0 = {auto:.4g}")
    print(f"(1/4)^{L} = {0.25**L:.4g}")
    assert 0 < small[0] <= 0.25**L  # small weights: the sigma' factors shrink it at least 4-fold per layer
    assert abs(large[0] - 2.0**L) < 1e-9 * 2.0**L  # large weights: it grows 2-fold per layer

    fig, ax = plt.subplots(figsize=(6, 3.2))
    xs = x.detach().numpy()
    ax.plot(xs, s.detach().numpy(), color="tab:blue", label=r"$\sigma(x)$")
    ax.plot(xs, grad.numpy(), color="tab:orange", label=r"$\sigma'(x)=\sigma(x)(1-\sigma(x))$")
    ax.axhline(0.25, color="gray", lw=0.8, ls=":")
    ax.set_xlabel("x")
    ax.legend(loc="upper left")
    ax.grid(alpha=0.3)
    plt.show()
