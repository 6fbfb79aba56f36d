"""Small vs large batches: how noisy one update is, and how long one epoch takes."""
import time

import numpy as np
import torch

torch.manual_seed(0)
rng = np.random.default_rng(0)
N, D = 1000, 5  # examples, features
X = rng.normal(size=(N, D))
y = X @ rng.normal(size=D) + 0.5 * rng.normal(size=N)
w = np.zeros(D)  # measure the gradient noise at this fixed point
per_example = 2 * (X @ w - y)[:, None] * X  # gradient of (x.w - y)^2 for each example, shape (N, D)
full = per_example.mean(axis=0)


def minibatch_grads(B, batches=1000):
    """Gradients of `batches` minibatches of size B from shuffled passes over the data; shape (batches, D)."""
    out = [per_example[idx].mean(axis=0) for _ in range(batches * B // N)
           for idx in np.split(rng.permutation(N), N // B)]
    return np.array(out)


def epoch_time(B):
    """Wall seconds for one epoch of SGD with batch size B on a torch linear model."""
    model = torch.nn.Linear(D, 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    Xt, yt = torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)[:, None]
    start = time.perf_counter()
    for idx in torch.randperm(N).split(B):
        opt.zero_grad()
        ((model(Xt[idx]) - yt[idx]) ** 2).mean().backward()
        opt.step()
    return time.perf_counter() - start


sigma2 = ((per_example - full) ** 2).sum(axis=1).mean()  # per-example gradient variance (trace)
print(" B   updates/epoch   noise = rms |g_B - g|   theory   seconds/epoch")
batch_sizes = [1, 10, 100, 1000]
seconds = {B: min(epoch_time(B) for _ in range(1 if B == 1 else 3)) for B in batch_sizes}  # best of 3
noise = {}
for B in batch_sizes:
    g = minibatch_grads(B)
    noise[B] = np.sqrt(((g - full) ** 2).sum(axis=1).mean())
    theory = np.sqrt(sigma2 / B * (N - B) / (N - 1))  # sampling without replacement
    print(f"{B:4d}   {N // B:5d}          {noise[B]:8.3f}             {theory:6.3f}   {seconds[B]:.4f}")
    if B < N:
        assert abs(noise[B] / theory - 1) < 0.1
assert 8 < noise[1] / noise[100] < 12  # 100 times the batch: about 10 times less noise
assert noise[1000] < 1e-12  # the full batch has no sampling noise at all
assert seconds[1] > 2 * seconds[1000]  # generous: 1000 small updates cost more than one big one
