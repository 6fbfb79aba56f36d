"""Permuting hidden units (or rescaling a ReLU unit) gives exactly the same function."""
import copy
import math

import torch


def permuted_copy(net: torch.nn.Sequential, perm: torch.Tensor) -> torch.nn.Sequential:
    """A copy of a one-hidden-layer network (Linear, activation, Linear) with its hidden units reordered.

    Unit j of the copy is unit perm[j] of ``net``: its incoming weights (a row of the first layer),
    its bias and its outgoing weights (a column of the second layer) move together.

    Args:
        net: the network, ``Sequential(Linear(n_in, n_hidden), activation, Linear(n_hidden, n_out))``.
        perm: a permutation of range(n_hidden), shape (n_hidden,).

    Returns:
        The reordered copy, which computes the same function.

    Examples:
        >>> net = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.ReLU(), torch.nn.Linear(3, 1))
        >>> other = permuted_copy(net, torch.tensor([2, 0, 1]))
        >>> x = torch.ones(1, 2)
        >>> bool(torch.equal(other[0].weight[0], net[0].weight[2])), bool(torch.allclose(other(x), net(x)))
        (True, True)
    """
    new = copy_of(net)
    with torch.no_grad():
        new[0].weight.copy_(net[0].weight[perm])  # rows: incoming weights of each unit
        new[0].bias.copy_(net[0].bias[perm])
        new[2].weight.copy_(net[2].weight[:, perm])  # columns: outgoing weights
    return new


def copy_of(net: torch.nn.Sequential) -> torch.nn.Sequential:
    """An independent copy of a network (same modules, same weights).

    Args:
        net: any ``torch.nn.Sequential``.

    Returns:
        A copy whose parameters can be changed without touching ``net``.

    Examples:
        >>> net = torch.nn.Sequential(torch.nn.Linear(1, 1))
        >>> twin = copy_of(net)
        >>> twin is net, bool(torch.equal(twin[0].weight, net[0].weight))
        (False, True)
    """
    return copy.deepcopy(net)


if __name__ == "__main__":
    torch.manual_seed(0)
    n_in, n_hidden, n_out = 3, 5, 2
    net = torch.nn.Sequential(torch.nn.Linear(n_in, n_hidden), torch.nn.ReLU(),
                              torch.nn.Linear(n_hidden, n_out)).double()
    x = torch.randn(100, n_in, dtype=torch.float64)

    perm = torch.randperm(n_hidden)
    while torch.equal(perm, torch.arange(n_hidden)):  # the identity would show nothing
        perm = torch.randperm(n_hidden)
    other = permuted_copy(net, perm)
    w_diff = (other[0].weight - net[0].weight).abs().max().item()
    out_diff = (other(x) - net(x)).abs().max().item()
    print(f"permutation {perm.tolist()}: weights differ by up to {w_diff:.2f}, outputs by < 1e-12")
    assert w_diff > 0.1 and out_diff < 1e-12

    # ReLU is positively homogeneous: scale a unit's incoming weights by a, outgoing by 1/a.
    scaled, a = copy_of(net), 7.0
    with torch.no_grad():
        scaled[0].weight[0] *= a
        scaled[0].bias[0] *= a
        scaled[2].weight[:, 0] /= a
    scale_diff = (scaled(x) - net(x)).abs().max().item()
    print(f"unit 0 rescaled by a = {a}: outputs differ by < 1e-12")
    assert scale_diff < 1e-12
    tanh_net = torch.nn.Sequential(net[0], torch.nn.Tanh(), net[2])  # a tanh unit is not homogeneous
    tanh_scaled = torch.nn.Sequential(scaled[0], torch.nn.Tanh(), scaled[2])
    assert (tanh_scaled(x) - tanh_net(x)).abs().max() > 1e-3

    # Every one of the n! orderings is a different parameter vector with the same loss.
    y = torch.randn(100, n_out, dtype=torch.float64)
    losses = [torch.nn.functional.mse_loss(permuted_copy(net, torch.randperm(n_hidden))(x), y).item()
              for _ in range(20)]
    print(f"{n_hidden} hidden units -> {math.factorial(n_hidden)} equivalent orderings; "
          f"spread of the loss over 20 random orderings: < 1e-12")
    assert max(losses) - min(losses) < 1e-12
