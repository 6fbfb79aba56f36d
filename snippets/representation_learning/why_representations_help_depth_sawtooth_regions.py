"""Depth buys regions: a ReLU net of width 2 and depth k cuts [0, 1] into 2^k linear pieces."""
import matplotlib.pyplot as plt
import numpy as np
import torch
from torch import nn


def sawtooth_net(depth: int) -> nn.Sequential:
    """``depth`` hidden layers of 2 ReLUs, each pair applying the tent map t(h) = 2 relu(h) - 4 relu(h - 1/2).

    Args:
        depth: the number of hidden layers (at least 1).

    Returns:
        A float64 ``nn.Sequential`` computing t composed ``depth`` times on [0, 1].

    Examples:
        >>> net = sawtooth_net(2)
        >>> net(torch.tensor([[0.0], [0.25], [0.5], [0.75], [1.0]], dtype=torch.float64)).squeeze(1).tolist()
        [0.0, 1.0, 0.0, 1.0, 0.0]
    """
    first = nn.Linear(1, 2, dtype=torch.float64)
    with torch.no_grad():
        first.weight.copy_(torch.tensor([[1.0], [1.0]]))
        first.bias.copy_(torch.tensor([0.0, -0.5]))
    layers = [first, nn.ReLU()]
    for _ in range(depth - 1):  # t(previous) fed straight into the next pair of ReLUs
        mid = nn.Linear(2, 2, dtype=torch.float64)
        with torch.no_grad():
            mid.weight.copy_(torch.tensor([[2.0, -4.0], [2.0, -4.0]]))
            mid.bias.copy_(torch.tensor([0.0, -0.5]))
        layers += [mid, nn.ReLU()]
    out = nn.Linear(2, 1, dtype=torch.float64)
    with torch.no_grad():
        out.weight.copy_(torch.tensor([[2.0, -4.0]]))
        out.bias.zero_()
    return nn.Sequential(*layers, out)


def count_pieces(f: np.ndarray, grid: np.ndarray, tol: float = 1e-6) -> int:
    """The number of linear pieces of a function sampled on a grid: 1 + the places where the slope changes.

    Exact when every kink lies on a grid point.

    Args:
        f: the function's values, shape (N,).
        grid: the increasing grid, shape (N,).
        tol: the smallest change of slope that counts.

    Returns:
        The number of pieces.

    Examples:
        >>> g = np.linspace(-1, 1, 5)
        >>> count_pieces(np.abs(g), g), count_pieces(2 * g, g)
        (2, 1)
    """
    slope = np.diff(f) / np.diff(grid)
    return 1 + int((np.abs(np.diff(slope)) > tol).sum())


if __name__ == "__main__":
    torch.manual_seed(0)
    x = torch.linspace(0, 1, 2**12 + 1, dtype=torch.float64)[:, None]  # dyadic grid: every kink on a grid point
    xs = x.squeeze(1).numpy()
    print("depth | ReLU units | linear pieces on [0,1]")
    curves, pieces_at = {}, {}
    for depth in range(1, 9):
        net = sawtooth_net(depth)
        with torch.no_grad():
            y = net(x).squeeze(1).numpy()
        pieces = count_pieces(y, xs)
        units = sum(m.out_features for m in net if isinstance(m, nn.Linear)) - 1
        curves[depth], pieces_at[depth] = y, pieces
        print(f"{depth:5d} | {units:10d} | {pieces:5d}")
        assert pieces == 2**depth and units == 2 * depth

    # One hidden layer with the same budget of units: a 1-D input makes at most units + 1 pieces.
    shallow = nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1)).double()
    with torch.no_grad():
        kinks = (torch.randperm(2**12 - 1)[:16] + 1) / 2**12  # 16 distinct kinks, on grid points
        shallow[0].bias.copy_(-kinks * shallow[0].weight.squeeze(1))
        y_shallow = shallow(x).squeeze(1).numpy()
    pieces_shallow = count_pieces(y_shallow, xs)
    print(f"one hidden layer of 16 ReLUs: {pieces_shallow} pieces (depth 8 with 16 units: {pieces_at[8]})")
    assert pieces_shallow == 17  # every kink shows; still only units + 1

    fig, ax = plt.subplots(figsize=(6, 3.6))
    for depth, color in zip((1, 2, 3, 4), ("tab:blue", "tab:orange", "tab:green", "tab:red")):
        ax.plot(xs[::16], curves[depth][::16] + 1.2 * (depth - 1), color=color,
                label=f"depth {depth}: {pieces_at[depth]} pieces")
    ax.set_xlabel("input x")
    ax.set_yticks([])
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1, 1))
    plt.show()
