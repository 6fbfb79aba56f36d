"""Small vs large batches: how noisy one update is, and how long one epoch takes."""
import time

import numpy as np
import torch


def minibatch_grads(per_example: np.ndarray, B: int, batches: int, rng: np.random.Generator) -> np.ndarray:
    """Minibatch gradients from shuffled passes over the data: each pass splits a permutation into N / B batches.

    Args:
        per_example: the gradient of each example's loss, shape (N, D); B must divide N.
        B: the batch size.
        batches: how many minibatch gradients to return (a multiple of N / B).
        rng: the generator for the shuffles.

    Returns:
        The mean of ``per_example`` over each batch, shape (batches, D).

    Examples:
        >>> grads = minibatch_grads(np.array([[1.0], [3.0], [5.0], [7.0]]), 2, 4, np.random.default_rng(0))
        >>> grads.shape, float(grads.mean())  # every pass uses each example once: the mean is the full gradient
        ((4, 1), 4.0)
    """
    N = len(per_example)
    return np.array([per_example[idx].mean(axis=0) for _ in range(batches * B // N)
                     for idx in np.split(rng.permutation(N), N // B)])


def epoch_seconds(X: torch.Tensor, y: torch.Tensor, B: int, repeats: int = 3) -> float:
    """Wall time of one epoch of ``torch.optim.SGD`` on a linear model with batch size B, best of ``repeats``.

    Args:
        X: the inputs, shape (N, D).
        y: the targets, shape (N, 1).
        B: the batch size.
        repeats: how many epochs to time; the fastest counts (the others met a busy machine).

    Returns:
        Seconds for one epoch.

    Examples:
        >>> epoch_seconds(torch.ones(8, 2), torch.ones(8, 1), B=4) > 0
        True
    """
    best = float("inf")
    for _ in range(repeats):
        model = torch.nn.Linear(X.shape[1], 1)
        opt = torch.optim.SGD(model.parameters(), lr=0.01)
        start = time.perf_counter()
        for idx in torch.randperm(len(X)).split(B):
            opt.zero_grad()
            ((model(X[idx]) - y[idx]) ** 2).mean().backward()
            opt.step()
        best = min(best, time.perf_counter() - start)
    return best


if __name__ == "__main__":
    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    N, D = 1000, 5  # examples, features
    X = rng.normal(size=(N, D))
    y = X @ rng.normal(size=D) + 0.5 * rng.normal(size=N)
    w = np.zeros(D)  # measure the gradient noise at this fixed point
    per_example = 2 * (X @ w - y)[:, None] * X  # gradient of (x.w - y)^2 for each example, shape (N, D)
    full = per_example.mean(axis=0)
    sigma2 = ((per_example - full) ** 2).sum(axis=1).mean()  # per-example gradient variance (trace)

    print(" B   updates/epoch   noise = rms |g_B - g|   theory")
    noise = {}
    for B in [1, 10, 100, 1000]:
        g = minibatch_grads(per_example, B, 1000, rng)
        noise[B] = np.sqrt(((g - full) ** 2).sum(axis=1).mean())
        theory = np.sqrt(sigma2 / B * (N - B) / (N - 1))  # sampling without replacement
        print(f"{B:4d}   {N // B:5d}          {noise[B]:8.3f}             {theory:6.3f}")
        if B < N:
            assert abs(noise[B] / theory - 1) < 0.1
    assert 8 < noise[1] / noise[100] < 12  # 100 times the batch: about 10 times less noise
    assert noise[1000] < 1e-12  # the full batch has no sampling noise at all

    # Time is measured, but printed only as a conclusion: the seconds differ from run to run and machine to machine.
    Xt, yt = torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)[:, None]
    ratio = epoch_seconds(Xt, yt, 1, repeats=1) / epoch_seconds(Xt, yt, 1000)  # a busy machine slows B = 1 only more
    assert ratio > 10  # 1000 small updates cost far more than one big one (measured: hundreds of times)
    print("one epoch with B = 1 (1000 updates) takes more than 10 times as long as with B = 1000 (one update)")
