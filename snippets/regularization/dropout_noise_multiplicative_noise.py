"""Why dropout's noise is multiplicative, and how batch norm injects noise too."""
import torch
from torch import nn

torch.manual_seed(0)
h = torch.relu(torch.randn(10000, dtype=torch.float64))  # some hidden activations
eps = 0.5 * torch.randn_like(h)  # additive noise, fixed scale
keep = (torch.rand_like(h) < 0.8).double() / 0.8  # dropout mask (keep 0.8), inverted convention


def relative_noise(clean, noisy):
    """RMS of the noise divided by RMS of the clean signal."""
    return ((noisy - clean).pow(2).mean() / clean.pow(2).mean()).sqrt().item()


print("scale of h   relative noise: additive   multiplicative (dropout)")
rows = []
for c in [1.0, 10.0, 100.0]:
    rows.append((relative_noise(c * h, c * h + eps), relative_noise(c * h, c * h * keep)))
    print(f"{c:10.0f}   {rows[-1][0]:24.4f}   {rows[-1][1]:24.4f}")
assert abs(rows[0][0] / rows[-1][0] - 100) < 1e-9  # 100 x larger h: additive noise 100 x smaller
assert abs(rows[-1][1] - rows[0][1]) < 1e-12  # but multiplicative noise is scale-free
assert abs(rows[0][1] - (0.2 / 0.8) ** 0.5) < 0.02  # sqrt((1 - p) / p)

# Batch norm in training mode: one example's output depends on the rest of its batch.
bn = nn.BatchNorm1d(3).double()
x = torch.randn(1, 3, dtype=torch.float64)
batch1 = torch.cat([x, torch.randn(7, 3, dtype=torch.float64)])
batch2 = torch.cat([x, torch.randn(7, 3, dtype=torch.float64)])
out1, out2 = bn.train()(batch1)[0], bn(batch2)[0]
print(f"same example, two batches, train mode: {out1.detach().numpy().round(3)} vs "
      f"{out2.detach().numpy().round(3)}")
assert (out1 - out2).abs().max() > 0.1
e1, e2 = bn.eval()(batch1)[0], bn(batch2)[0]
assert torch.equal(e1, e2)  # eval mode uses running statistics: no noise
print("eval mode: identical outputs")
