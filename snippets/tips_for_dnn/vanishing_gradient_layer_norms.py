"""Vanishing gradients: gradient norm per layer, deep sigmoid net vs the same net with ReLU."""
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.ticker import FormatStrFormatter


def layer_grad_norms(act: Callable[[torch.Tensor], torch.Tensor], weights: list[torch.Tensor], head: torch.Tensor,
                     x: torch.Tensor, y: torch.Tensor) -> list[float]:
    """The norm of dL/dW for every layer of the net h <- act(h W), ..., output h @ head, L = mean squared error.

    Args:
        act: the activation, elementwise.
        weights: the layers' weight matrices, first layer first, each of shape (width, width).
        head: the output weights, shape (width, 1).
        x: the inputs, shape (n, width).
        y: the targets, shape (n, 1).

    Returns:
        One gradient norm per layer, first layer (next to the input) first.

    Examples:
        >>> norms = layer_grad_norms(torch.sigmoid, [torch.eye(2)] * 3, torch.ones(2, 1), torch.ones(1, 2), torch.zeros(1, 1))
        >>> [round(v, 4) for v in norms]  # smaller and smaller toward the input
        [0.0511, 0.19, 0.8]
    """
    ws = [w.clone().requires_grad_() for w in weights]
    h = x
    for w in ws:
        h = act(h @ w)
    ((h @ head - y) ** 2).mean().backward()
    return [w.grad.norm().item() for w in ws]


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    depth, width = 10, 64
    x = torch.randn(256, width)
    y = torch.randn(256, 1)
    # One set of weights (He-scaled, std sqrt(2/fan_in)), shared by both activations.
    weights = [torch.randn(width, width) * (2 / width) ** 0.5 for _ in range(depth)]
    head = torch.randn(width, 1) * (1 / width) ** 0.5

    sig = layer_grad_norms(torch.sigmoid, weights, head, x, y)
    rel = layer_grad_norms(torch.relu, weights, head, x, y)
    print("layer  |dL/dW| sigmoid   |dL/dW| ReLU")
    for i, (s, r) in enumerate(zip(sig, rel), start=1):
        print(f"{i:>5}  {s:15.3e}  {r:12.3e}")
    slope, offset = np.polyfit(np.arange(depth), np.log10(sig), 1)  # a straight line on the log scale
    fit = offset + slope * np.arange(depth)
    r2 = 1 - np.sum((np.log10(sig) - fit) ** 2) / np.sum((np.log10(sig) - np.log10(sig).mean()) ** 2)
    print(f"input layer / output layer, sigmoid: {sig[0] / sig[-1]:.1e}")
    print(f"input layer / output layer, ReLU:    {rel[0] / rel[-1]:.1e}")
    print(f"sigmoid: each step back divides the gradient by {10**slope:.1f} on average (R^2 of the line {r2:.3f});"
          f" ReLU: largest / smallest layer {max(rel) / min(rel):.1f}")
    # Sigmoid: the gradient shrinks by a roughly constant factor on the way back to the input...
    assert sig[0] / sig[-1] < 1e-2 and 10**slope > 1.5 and r2 > 0.85
    # ...while with ReLU and the same weights all ten layers stay within a factor of 30 of each other.
    assert max(rel) / min(rel) < 30
    # sigma'(z) = sigma(z)(1 - sigma(z)) never exceeds 1/4: every sigmoid layer damps the gradient.
    z = torch.linspace(-8, 8, 1601, requires_grad=True)
    torch.sigmoid(z).sum().backward()
    assert abs(z.grad.max().item() - 0.25) < 1e-12 and abs(z[z.grad.argmax()].item()) < 1e-9

    fig, ax = plt.subplots(figsize=(6, 3.6))
    layers = range(1, depth + 1)
    ax.semilogy(layers, sig, "o-", color="#d62728", label="sigmoid")
    ax.semilogy(layers, rel, "s-", color="#1f77b4", label="ReLU")
    ax.yaxis.set_major_formatter(FormatStrFormatter("%.0e"))  # plain labels, no mathtext
    ax.set_xlabel("layer (1 = next to the input)")
    ax.set_ylabel("gradient norm of the layer's weights")
    ax.set_xticks(list(layers))
    ax.grid(True, which="major", alpha=0.3)
    ax.legend()
    plt.show()
