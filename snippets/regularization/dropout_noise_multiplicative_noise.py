"""Why dropout's noise is multiplicative: a ReLU network trained with additive noise on its hidden
units outgrows the noise, one trained with dropout cannot; batch norm injects noise too."""
import math

import torch
from torch import nn


def relative_noise(clean: torch.Tensor, noisy: torch.Tensor) -> float:
    """The RMS of the noise divided by the RMS of the clean signal.

    Args:
        clean: the signal, any shape.
        noisy: the signal with noise, the same shape.

    Returns:
        sqrt(mean((noisy - clean)^2) / mean(clean^2)).

    Examples:
        >>> relative_noise(torch.tensor([2.0, 2.0]), torch.tensor([3.0, 1.0]))
        0.5
    """
    return ((noisy - clean).pow(2).mean() / clean.pow(2).mean()).sqrt().item()


def relu_net(params: list[torch.Tensor], x: torch.Tensor, noise: str = "none", size: float = 0.0,
             gen: torch.Generator | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """R one-hidden-layer ReLU networks side by side, with noise on the hidden units.

    Args:
        params: [W1 (R, d, H), b1 (R, 1, H), W2 (R, H, 1), b2 (R, 1, 1)].
        x: the inputs, shape (R, n, d).
        noise: "none", "additive" (h + size * N(0, 1)) or "dropout" (h * mask, the mask 0 with
            probability p = size and 1 / (1 - p) otherwise, as ``torch.nn.Dropout(p)``).
        size: the noise's standard deviation, or the drop probability p.
        gen: the random generator for the noise.

    Returns:
        (the outputs (R, n), the clean hidden activations (R, n, H)).

    Examples:
        >>> p = [torch.ones(1, 1, 2), torch.zeros(1, 1, 2), torch.ones(1, 2, 1), torch.zeros(1, 1, 1)]
        >>> out, h = relu_net(p, torch.tensor([[[1.0], [-1.0]]]))
        >>> out.tolist(), h.shape
        ([[2.0, 0.0]], torch.Size([1, 2, 2]))
    """
    h = torch.relu(torch.baddbmm(params[1], x, params[0]))
    noisy = h
    if noise == "additive":
        noisy = h + size * torch.randn(h.shape, generator=gen, dtype=h.dtype)
    elif noise == "dropout":
        noisy = h * (torch.rand(h.shape, generator=gen, dtype=h.dtype) >= size) / (1 - size)
    return torch.baddbmm(params[3], noisy, params[2]).squeeze(-1), h


def train(init: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor, noise: str, size: float,
          gen: torch.Generator, steps: int = 300, lr: float = 0.03) -> list[torch.Tensor]:
    """Full-batch Adam on the squared error of ``relu_net`` with fresh hidden-unit noise at every step.

    Args:
        init: the initial [W1, b1, W2, b2] (see ``relu_net``).
        x: the inputs, shape (R, n, d).
        y: the targets, shape (R, n).
        noise: "none", "additive" or "dropout".
        size: the noise's standard deviation, or the drop probability.
        gen: the random generator for the noise.
        steps: the number of Adam steps.
        lr: the learning rate.

    Returns:
        The trained [W1, b1, W2, b2].

    Examples:
        >>> x = torch.linspace(0, 1, 8, dtype=torch.float64).reshape(1, 8, 1)
        >>> p0 = [torch.ones(1, 1, 4, dtype=torch.float64), torch.zeros(1, 1, 4, dtype=torch.float64),
        ...       torch.zeros(1, 4, 1, dtype=torch.float64), torch.zeros(1, 1, 1, dtype=torch.float64)]
        >>> p = train(p0, x, 3 * x[..., 0], "none", 0.0, torch.Generator().manual_seed(0))
        >>> ((relu_net(p, x)[0] - 3 * x[..., 0]) ** 2).mean().item() < 1e-3
        True
    """
    params = [p.clone().requires_grad_() for p in init]
    opt = torch.optim.Adam(params, lr=lr)
    for _ in range(steps):
        loss = ((relu_net(params, x, noise, size, gen)[0] - y) ** 2).mean(1).sum()  # independent networks
        opt.zero_grad()
        loss.backward()
        opt.step()
    return [p.detach() for p in params]


if __name__ == "__main__":
    gen = torch.Generator().manual_seed(0)
    sigma, p = 0.5, 0.2  # additive noise of standard deviation 0.5; dropout with drop probability 0.2
    h = torch.relu(torch.randn(100000, generator=gen, dtype=torch.float64))  # some hidden activations
    eps = sigma * torch.randn(h.shape, generator=gen, dtype=h.dtype)
    mask = (torch.rand(h.shape, generator=gen, dtype=h.dtype) >= p) / (1 - p)
    print("scale of h   relative noise: additive   multiplicative (dropout)")
    for c in [1.0, 10.0, 100.0]:
        print(f"{c:10.0f}   {relative_noise(c * h, c * h + eps):24.4f}   {relative_noise(c * h, c * h * mask):24.4f}")
    assert abs(relative_noise(h, h * mask) - math.sqrt(p / (1 - p))) < 0.02  # sqrt(p / (1 - p)) at any scale

    # Train 6 ReLU networks with each kind of noise on their 16 hidden units, from the same start.
    R, n, d, H = 6, 100, 2, 16
    x = torch.randn(R, n, d, generator=gen, dtype=torch.float64)
    y = torch.sin(2 * x[..., 0]) + 0.5 * x[..., 1] ** 2
    init = [torch.randn(R, d, H, generator=gen, dtype=torch.float64) / math.sqrt(d), torch.zeros(R, 1, H, dtype=torch.float64),
            torch.randn(R, H, 1, generator=gen, dtype=torch.float64) / math.sqrt(H), torch.zeros(R, 1, 1, dtype=torch.float64)]
    h0 = relu_net(init, x)[1]
    print(f"{R} ReLU networks trained with noise on their hidden units: "
          f"size of the hidden activations, relative size of the noise")
    growth = {}
    for noise, size in [("additive", sigma), ("dropout", p)]:
        h1 = relu_net(train(init, x, y, noise, size, gen), x)[1]
        growth[noise] = h1.pow(2).mean((1, 2)).sqrt() / h0.pow(2).mean((1, 2)).sqrt()  # (R,)
        rel = [relative_noise(h, h + sigma * torch.randn(h.shape, generator=gen, dtype=h.dtype)) if noise == "additive"
               else relative_noise(h, h * (torch.rand(h.shape, generator=gen, dtype=h.dtype) >= p) / (1 - p))
               for h in (h0, h1)]
        print(f"  {noise:9s} activations x{growth[noise].min():.1f} to x{growth[noise].max():.1f};"
              f"  noise {rel[0]:.2f} -> {rel[1]:.2f}")
    assert growth["additive"].min() > 1.5  # additive noise: every network scales its activations up ...
    assert growth["dropout"].max() < 1.25  # ... while under dropout, growing them buys nothing

    # Batch norm in training mode: one example's output depends on the rest of its batch.
    bn = nn.BatchNorm1d(3).double()
    x1 = torch.randn(1, 3, generator=gen, dtype=torch.float64)
    batch1 = torch.cat([x1, torch.randn(7, 3, generator=gen, dtype=torch.float64)])
    batch2 = torch.cat([x1, torch.randn(7, 3, generator=gen, dtype=torch.float64)])
    out1, out2 = bn.train()(batch1)[0], bn(batch2)[0]
    print(f"same example, two batches, train mode: {out1.detach().numpy().round(3)} vs "
          f"{out2.detach().numpy().round(3)}")
    assert (out1 - out2).abs().max() > 0.1
    e1, e2 = bn.eval()(batch1)[0], bn(batch2)[0]
    assert torch.equal(e1, e2)  # eval mode uses running statistics: no noise
    print("eval mode: identical outputs")
