"""Without an activation function, stacked layers collapse into one linear layer."""
import torch


def collapse(layers: list[torch.nn.Linear]) -> tuple[torch.Tensor, torch.Tensor]:
    """The one linear layer that a stack of linear layers without activations equals.

    W3 (W2 (W1 x + b1) + b2) + b3 = (W3 W2 W1) x + (W3 W2 b1 + W3 b2 + b3), and so on for any depth.

    Args:
        layers: the linear layers, applied first to last; layer k maps size n_k to n_(k+1).

    Returns:
        (W, b) with W of shape (n_out, n_in) and b of shape (n_out,).

    Examples:
        >>> l1, l2 = torch.nn.Linear(1, 2), torch.nn.Linear(2, 1)
        >>> with torch.no_grad():
        ...     _ = l1.weight.copy_(torch.tensor([[1.0], [2.0]])), l1.bias.copy_(torch.tensor([0.0, 1.0]))
        ...     _ = l2.weight.copy_(torch.tensor([[3.0, -1.0]])), l2.bias.fill_(0.5)
        >>> W, b = collapse([l1, l2])
        >>> W.tolist(), b.tolist()
        ([[1.0]], [-0.5])
    """
    with torch.no_grad():
        W, b = layers[0].weight.clone(), layers[0].bias.clone()
        for layer in layers[1:]:
            W, b = layer.weight @ W, layer.weight @ b + layer.bias
    return W, b


def slope_range(y: torch.Tensor, dx: float) -> tuple[float, float]:
    """The smallest and largest slope between neighbouring points of a curve sampled every dx.

    Args:
        y: the values on an even grid, shape (m,).
        dx: the grid spacing.

    Returns:
        (min slope, max slope); equal for a straight line.

    Examples:
        >>> slope_range(torch.tensor([0.0, 0.0, 1.0, 3.0]), 0.5)
        (0.0, 4.0)
    """
    s = torch.diff(y) / dx
    return s.min().item(), s.max().item()


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    lin1, lin2, lin3 = torch.nn.Linear(1, 8), torch.nn.Linear(8, 8), torch.nn.Linear(8, 1)
    linear_stack = torch.nn.Sequential(lin1, lin2, lin3)  # no activation
    relu_stack = torch.nn.Sequential(lin1, torch.nn.ReLU(), lin2, torch.nn.ReLU(), lin3)

    W, b = collapse([lin1, lin2, lin3])
    x = torch.linspace(-3, 3, 61)[:, None]
    with torch.no_grad():
        y_lin, y_relu = linear_stack(x)[:, 0], relu_stack(x)[:, 0]
    gap = (y_lin - (W * x + b)[:, 0]).abs().max().item()
    print(f"three linear layers = one line y = {W.item():.4f} x {'+-'[b.item() < 0]} {abs(b.item()):.4f};"
          f" max difference {'< 1e-12' if gap < 1e-12 else f'{gap:.1e}'}")
    # a straight line has one slope everywhere; the ReLU stack bends
    (lo_lin, hi_lin), (lo_relu, hi_relu) = slope_range(y_lin, 0.1), slope_range(y_relu, 0.1)
    print(f"slope over [-3, 3]: without activation {lo_lin:.4f} .. {hi_lin:.4f},"
          f" with ReLU {lo_relu:.4f} .. {hi_relu:.4f}")
    assert gap < 1e-12
    assert hi_lin - lo_lin < 1e-9  # one slope: rounding error only
    assert hi_relu - lo_relu > 1e-3  # the same layers with ReLUs bend, a million times more than rounding
