"""Permuting hidden units (or rescaling a ReLU unit) gives exactly the same function."""
import math

import torch

torch.manual_seed(0)
n_in, n_hidden, n_out = 3, 5, 2
net = torch.nn.Sequential(torch.nn.Linear(n_in, n_hidden), torch.nn.ReLU(),
                          torch.nn.Linear(n_hidden, n_out)).double()
x = torch.randn(100, n_in, dtype=torch.float64)


def permuted_copy(net, perm):
    """A copy of the 1-hidden-layer net with its hidden units reordered by perm."""
    new = torch.nn.Sequential(torch.nn.Linear(n_in, n_hidden), torch.nn.ReLU(),
                              torch.nn.Linear(n_hidden, n_out)).double()
    with torch.no_grad():
        new[0].weight.copy_(net[0].weight[perm])       # rows: incoming weights of each unit
        new[0].bias.copy_(net[0].bias[perm])
        new[2].weight.copy_(net[2].weight[:, perm])    # columns: outgoing weights
        new[2].bias.copy_(net[2].bias)
    return new


perm = torch.randperm(n_hidden)
other = permuted_copy(net, perm)
w_diff = (other[0].weight - net[0].weight).abs().max().item()
out_diff = (other(x) - net(x)).abs().max().item()
print(f"permutation {perm.tolist()}: weights differ by up to {w_diff:.2f}, outputs by {out_diff:.1e}")
assert w_diff > 0.1 and out_diff < 1e-12

# ReLU is positively homogeneous: scale a unit's incoming weights by a, outgoing by 1/a.
scaled = permuted_copy(net, torch.arange(n_hidden))
a = 7.0
with torch.no_grad():
    scaled[0].weight[0] *= a
    scaled[0].bias[0] *= a
    scaled[2].weight[:, 0] /= a
scale_diff = (scaled(x) - net(x)).abs().max().item()
print(f"unit 0 rescaled by a = {a}: outputs differ by {scale_diff:.1e}")
assert scale_diff < 1e-12

# Every one of the n! orderings is a different parameter vector with the same loss.
y = torch.randn(100, n_out, dtype=torch.float64)
losses = set()
for p in [torch.randperm(n_hidden) for _ in range(20)]:
    losses.add(round(torch.nn.functional.mse_loss(permuted_copy(net, p)(x), y).item(), 12))
print(f"{n_hidden} hidden units -> {math.factorial(n_hidden)} equivalent orderings; "
      f"distinct losses over 20 random orderings: {len(losses)}")
assert len(losses) == 1
