"""Batch, update, epoch: one update per batch, one epoch = every batch seen once."""
import math

import torch
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)


def updates_per_epoch(N, B, drop_last=False):
    """Number of batches (= parameter updates) in one pass over N examples with batch size B."""
    return N // B if drop_last else math.ceil(N / B)


for N, B in [(10000, 10), (10000, 100), (1003, 10)]:
    data = TensorDataset(torch.arange(N, dtype=torch.float32))
    full = DataLoader(data, batch_size=B, shuffle=True)
    drop = DataLoader(data, batch_size=B, shuffle=True, drop_last=True)
    sizes = [len(xb) for (xb,) in full] if N < 2000 else None
    print(f"N={N:<6} B={B:<4} updates per epoch: {updates_per_epoch(N, B)}"
          f" (drop_last: {updates_per_epoch(N, B, True)})"
          + (f", last batch has {sizes[-1]} examples" if sizes else ""))
    assert len(full) == updates_per_epoch(N, B) and len(drop) == updates_per_epoch(N, B, True)
    if sizes:                                          # every example is used exactly once
        assert sum(sizes) == N and sizes[-1] == N % B
        seen = torch.cat([xb for (xb,) in full]).sort().values
        assert torch.equal(seen, torch.arange(N, dtype=torch.float32))

# the batch's gradient is a noisy estimate of the full-data gradient
X = torch.randn(10000, 3)
y = X @ torch.tensor([1.0, -2.0, 0.5]) + 0.1 * torch.randn(10000)
w = torch.zeros(3, requires_grad=True)
grad = lambda idx: torch.autograd.grad(((X[idx] @ w - y[idx]) ** 2).mean(), w)[0]
g_full = grad(slice(None))
g_batches = torch.stack([grad(slice(i, i + 10)) for i in range(0, 10000, 10)])
print(f"full-data gradient {g_full.numpy().round(3)}; mean of the 1000 batch gradients"
      f" {g_batches.mean(0).numpy().round(3)}; spread (std) {g_batches.std(0).numpy().round(2)}")
assert (g_batches.std(0) > 0.3 * g_full.abs()).all()           # one batch alone is noisy...
assert torch.allclose(g_batches.mean(0), g_full, atol=1e-4)   # ...but equal-size batches average exactly
