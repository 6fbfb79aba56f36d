"""Batch, update, epoch: one update per batch, one epoch = every batch seen once."""
import math

import torch
from torch.utils.data import DataLoader, TensorDataset


def updates_per_epoch(n: int, batch_size: int, drop_last: bool = False) -> int:
    """The number of batches, and so of parameter updates, in one pass over n examples.

    Args:
        n: the number of training examples.
        batch_size: the batch size B.
        drop_last: skip the last, smaller batch (as ``DataLoader(drop_last=True)``).

    Returns:
        ceil(n / B), or floor(n / B) with drop_last; equals ``len(DataLoader(...))``.

    Examples:
        >>> updates_per_epoch(1003, 10), updates_per_epoch(1003, 10, drop_last=True)
        (101, 100)
    """
    return n // batch_size if drop_last else math.ceil(n / batch_size)


def one_epoch(loader: DataLoader) -> tuple[list[int], torch.Tensor]:
    """Walk once through a loader over a dataset of example indices.

    Args:
        loader: a DataLoader whose dataset yields one index per example (a TensorDataset of indices).

    Returns:
        (sizes, seen): the size of every batch, in order, and every index the epoch used, sorted,
        shape (sum(sizes),).

    Examples:
        >>> sizes, seen = one_epoch(DataLoader(TensorDataset(torch.arange(7)), batch_size=3))
        >>> sizes, seen.tolist()
        ([3, 3, 1], [0, 1, 2, 3, 4, 5, 6])
    """
    batches = [xb for (xb,) in loader]
    return [len(xb) for xb in batches], torch.cat(batches).sort().values


def batch_gradients(X: torch.Tensor, y: torch.Tensor, w: torch.Tensor, batch_size: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The gradient of the mean squared error of X @ w on all the data, and on each consecutive batch.

    Args:
        X: the inputs, shape (N, d).
        y: the targets, shape (N,).
        w: the weights at which to take the gradients, shape (d,).
        batch_size: the batch size B.

    Returns:
        (g_full, g_batches): shape (d,) and (ceil(N / B), d).

    Examples:
        >>> X, y = torch.tensor([[1.0], [2.0], [3.0], [4.0]]), torch.zeros(4)
        >>> g, gb = batch_gradients(X, y, torch.ones(1), 2)
        >>> g.tolist(), gb.tolist()
        ([15.0], [[5.0], [25.0]])
    """
    w = w.detach().requires_grad_(True)

    def grad(idx: slice) -> torch.Tensor:
        return torch.autograd.grad(((X[idx] @ w - y[idx]) ** 2).mean(), w)[0]

    return grad(slice(None)), torch.stack([grad(slice(i, i + batch_size)) for i in range(0, len(X), batch_size)])


if __name__ == "__main__":
    torch.manual_seed(0)
    for N, B in [(10000, 10), (10000, 100), (1003, 10)]:
        data = TensorDataset(torch.arange(N))  # each example is its own index
        sizes, seen = one_epoch(DataLoader(data, batch_size=B, shuffle=True))
        sizes_d, seen_d = one_epoch(DataLoader(data, batch_size=B, shuffle=True, drop_last=True))
        assert len(sizes) == updates_per_epoch(N, B) and len(sizes_d) == updates_per_epoch(N, B, True)
        assert torch.equal(seen, torch.arange(N))  # the epoch used every example exactly once
        assert len(seen_d) == N - N % B and len(seen_d.unique()) == len(seen_d)  # drop_last: N mod B left out
        assert sizes[-1] == (N % B or B)  # only the last batch can be smaller
        print(f"N={N:<6} B={B:<4} updates per epoch: {len(sizes)} (drop_last: {len(sizes_d)}),"
              f" last batch {sizes[-1]} examples; every example used once"
              + (f" (drop_last skips {N - len(seen_d)})" if N % B else ""))

    # the batch's gradient is a noisy estimate of the full-data gradient
    X = torch.randn(10000, 3, dtype=torch.float64)
    y = X @ torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64) + 0.1 * torch.randn(10000, dtype=torch.float64)
    g_full, g_batches = batch_gradients(X, y, torch.zeros(3, dtype=torch.float64), 10)
    print(f"full-data gradient {g_full.numpy().round(3)}; mean of the 1000 batch gradients"
          f" {g_batches.mean(0).numpy().round(3)}; spread (std) {g_batches.std(0).numpy().round(2)}")
    assert (g_batches.std(0) > 0.3 * g_full.abs()).all()  # one batch alone is noisy...
    assert torch.allclose(g_batches.mean(0), g_full, rtol=0, atol=1e-12)  # ...but equal-size batches average exactly
