"""Activation variance through 10 tanh layers under small, Xavier and large initialization."""
import math
from collections.abc import Callable

import matplotlib.pyplot as plt
import torch


def xavier_uniform(fan_out: int, fan_in: int) -> torch.Tensor:
    """Normalized (Xavier, Glorot) initialization: W ~ U(-a, a), a = sqrt(6 / (fan_in + fan_out)).

    Then Var(W) = a^2 / 3 = 2 / (fan_in + fan_out); ``torch.nn.init.xavier_uniform_`` uses the same a.

    Args:
        fan_out: the number of output units (rows).
        fan_in: the number of input units (columns).

    Returns:
        The weights, shape (fan_out, fan_in), float64.

    Examples:
        >>> w = xavier_uniform(3, 5)
        >>> w.shape, bool(w.abs().max() <= math.sqrt(6 / 8))
        (torch.Size([3, 5]), True)
    """
    a = math.sqrt(6.0 / (fan_in + fan_out))
    return (torch.rand(fan_out, fan_in, dtype=torch.float64) * 2 - 1) * a


def layer_variances(x: torch.Tensor, make_weight: Callable[[], torch.Tensor], depth: int) -> tuple[list[float], float]:
    """Send x through ``depth`` tanh layers h <- tanh(h W^T), a new W = make_weight() for each layer.

    Args:
        x: the inputs, shape (n, width).
        make_weight: draws one weight matrix, shape (width, width).
        depth: the number of layers.

    Returns:
        (the variance of each layer's activations, a list of ``depth`` floats; the fraction of
        units of the last layer with |h| > 0.99, saturated where tanh' is nearly 0).

    Examples:
        >>> var, sat = layer_variances(torch.ones(4, 2), lambda: torch.zeros(2, 2), depth=3)
        >>> var, sat  # zero weights: every activation is tanh(0) = 0
        ([0.0, 0.0, 0.0], 0.0)
    """
    h, var = x, []
    for _ in range(depth):
        h = torch.tanh(h @ make_weight().T)
        var.append(h.var().item())
    return var, (h.abs() > 0.99).double().mean().item()


if __name__ == "__main__":
    torch.manual_seed(0)
    width, depth = 128, 10
    x = torch.randn(200, width, dtype=torch.float64)

    # torch's xavier_uniform_ and ours: the same bound, and variance 2 / (fan_in + fan_out) (16 matrices each).
    w = torch.stack([torch.nn.init.xavier_uniform_(torch.empty(width, width, dtype=torch.float64)) for _ in range(16)])
    ours = torch.stack([xavier_uniform(width, width) for _ in range(16)])
    for sample in (w, ours):
        assert sample.abs().max() <= math.sqrt(6.0 / (2 * width)) and abs(sample.var().item() * width - 1) < 0.02

    inits = {"small: N(0, 0.01^2)": lambda: torch.randn(width, width, dtype=torch.float64) * 0.01,
             "Xavier (normalized)": lambda: xavier_uniform(width, width),
             "large: N(0, 1)": lambda: torch.randn(width, width, dtype=torch.float64)}
    variances, saturated = {}, {}
    for name, make in inits.items():
        variances[name], saturated[name] = layer_variances(x, make, depth)
        var = variances[name]
        print(f"{name:>20}: variance at layers 1, 5, 10 = "
              f"{var[0]:.2e}, {var[4]:.2e}, {var[9]:.2e};  saturated units {saturated[name]:.0%}")

    small, xav, large = variances.values()
    assert small[9] < 1e-15  # the signal dies: variance x ~0.01^2 * width per layer
    assert all(b < 0.1 * a for a, b in zip(small, small[1:]))
    assert saturated["large: N(0, 1)"] > 0.5 and large[9] > 0.8  # everything pinned at +-1
    assert 0.02 < xav[9] < 0.5 and saturated["Xavier (normalized)"] < 0.01  # signal survives, unsaturated

    fig, ax = plt.subplots(figsize=(6, 3.4))
    for (name, var), c in zip(variances.items(), ["tab:blue", "tab:green", "tab:red"]):
        ax.semilogy(range(1, depth + 1), var, "o-", color=c, ms=4, label=name)
    ax.set_xlabel("layer")
    ax.set_ylabel("variance of tanh activations")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    plt.show()
