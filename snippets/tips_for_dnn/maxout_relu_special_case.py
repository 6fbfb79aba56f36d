"""Maxout: the max over k linear pieces; with pieces (w.x + b, 0) it is exactly ReLU."""
import matplotlib.pyplot as plt
import torch


def maxout(x: torch.Tensor, W: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """A maxout layer with explicit loops: unit u outputs max_j (W[u, j] . x + b[u, j]).

    Args:
        x: the inputs, shape (n, d).
        W: the pieces' weights, shape (units, k, d).
        b: the pieces' biases, shape (units, k).

    Returns:
        The outputs, shape (n, units); equal to ``Linear(d, units * k)`` + ``view(n, units, k)`` + ``amax(2)``.

    Examples:
        >>> maxout(torch.tensor([[-2.0], [3.0]]), torch.tensor([[[1.0], [0.0]]]), torch.zeros(1, 2))  # ReLU
        tensor([[0.],
                [3.]])
    """
    out = torch.empty(x.shape[0], W.shape[0], dtype=x.dtype)
    for u in range(W.shape[0]):
        pieces = torch.stack([x @ W[u, j] + b[u, j] for j in range(W.shape[1])], dim=1)
        out[:, u] = pieces.max(dim=1).values
    return out


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    n, d, units, k = 200, 5, 3, 4
    x = torch.randn(n, d)
    W, b = torch.randn(units, k, d), torch.randn(units, k)
    # The usual torch implementation: one Linear layer with units*k outputs, then max over groups of k.
    layer = torch.nn.Linear(d, units * k)
    with torch.no_grad():
        layer.weight.copy_(W.reshape(units * k, d))
        layer.bias.copy_(b.reshape(units * k))
        grouped = layer(x).view(n, units, k).amax(dim=2)
    diff = (maxout(x, W, b) - grouped).abs().max().item()
    print(f"maxout from scratch vs Linear + view + amax: max diff {'< 1e-12' if diff < 1e-12 else f'{diff:.1e}'}")
    assert diff < 1e-12

    # ReLU is maxout with k = 2 pieces: w.x + b and the constant 0.
    w, c = torch.randn(d), torch.randn(())
    W_relu = torch.stack([w, torch.zeros(d)])[None]  # (1, 2, d)
    b_relu = torch.stack([c, torch.zeros(())])[None]  # (1, 2)
    same = torch.equal(maxout(x, W_relu, b_relu)[:, 0], torch.relu(x @ w + c))
    print("maxout with pieces (w.x + b, 0) equals torch.relu(w.x + b) bit for bit:", same)
    assert same

    # On a scalar input a maxout unit is convex and piecewise linear, with at most k linear segments.
    t = torch.linspace(-3, 3, 601)[:, None]
    shapes = {
        "ReLU: pieces (t, 0)": (torch.tensor([[[1.0], [0.0]]]), torch.zeros(1, 2)),
        "|t|: pieces (t, -t)": (torch.tensor([[[1.0], [-1.0]]]), torch.zeros(1, 2)),
        "random, k = 4": (torch.randn(1, 4, 1), torch.randn(1, 4)),
    }
    fig, ax = plt.subplots(figsize=(6, 3.6))
    styles = [("#1f77b4", "--", 3), ("#2ca02c", "-", 2), ("#d62728", "-", 2)]  # ReLU dashed, on top
    for (name, (Wi, bi)), (color, ls, z) in zip(shapes.items(), styles):
        y = maxout(t, Wi, bi)[:, 0]
        convex = bool(((y[2:] - 2 * y[1:-1] + y[:-2]) > -1e-12).all())  # second differences >= 0
        winner = (t @ Wi[0].T + bi[0]).argmax(dim=1)  # which piece is the max at each t
        segments = 1 + int((winner[1:] != winner[:-1]).sum())
        print(f"{name:<20} convex: {convex}, linear segments: {segments} (k = {Wi.shape[1]})")
        assert convex and segments <= Wi.shape[1]
        ax.plot(t[:, 0], y, color=color, linestyle=ls, linewidth=2, zorder=z, label=name)
    ax.set_xlabel("input t")
    ax.set_ylabel("maxout output")
    ax.legend()
    ax.grid(alpha=0.3)
    plt.show()
