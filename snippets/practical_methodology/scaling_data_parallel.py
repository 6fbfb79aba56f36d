"""Data parallelism: shard gradients averaged = full-batch gradient; stale (asynchronous) updates."""
import torch


def flat_grad(net: torch.nn.Module, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The gradient of the mean squared error of net on one batch, all parameters in one vector.

    Args:
        net: the model, shape (n, d) to (n, k).
        x: the inputs, shape (n, d).
        y: the targets, shape (n, k).

    Returns:
        The gradient, shape (number of parameters,).

    Examples:
        >>> net = torch.nn.Linear(1, 1, bias=False)
        >>> _ = torch.nn.init.zeros_(net.weight)
        >>> flat_grad(net, torch.ones(2, 1), torch.ones(2, 1)).tolist()  # d/dw mean((w - 1)^2) at w = 0
        [-2.0]
    """
    net.zero_grad()
    torch.nn.functional.mse_loss(net(x), y).backward()
    return torch.cat([p.grad.flatten() for p in net.parameters()])


def stale_gd(A: torch.Tensor, b: torch.Tensor, delay: int, lr: float, steps: int) -> float:
    """Gradient descent on |A w - b|^2 / n from w = 0, each gradient computed `delay` updates ago.

    This is asynchronous SGD in miniature: other workers wrote `delay` updates between the read of
    the parameters and the write of the update computed from them.

    Args:
        A: the inputs, shape (n, p).
        b: the targets, shape (n, 1).
        delay: how many updates old the parameters behind each gradient are.
        lr: the learning rate.
        steps: the number of updates.

    Returns:
        The final loss.

    Examples:
        >>> A, b = torch.eye(2, dtype=torch.float64), torch.ones(2, 1, dtype=torch.float64)
        >>> stale_gd(A, b, delay=0, lr=0.5, steps=3), stale_gd(A, b, delay=1, lr=0.5, steps=3)  # w: 0.875 vs 1.25
        (0.015625, 0.0625)
    """
    history = [torch.zeros(A.shape[1], 1, dtype=A.dtype)]
    for _ in range(steps):
        stale = history[max(0, len(history) - 1 - delay)]
        history.append(history[-1] - lr * 2 * A.T @ (A @ stale - b) / len(A))
    return ((A @ history[-1] - b) ** 2).mean().item()


if __name__ == "__main__":
    torch.manual_seed(0)
    X, y = torch.randn(64, 5, dtype=torch.float64), torch.randn(64, 1, dtype=torch.float64)
    net = torch.nn.Sequential(torch.nn.Linear(5, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1)).double()
    full = flat_grad(net, X, y)
    bound = lambda d: "< 1e-12" if d < 1e-12 else f"{d:.1e}"  # noqa: E731  below: rounding noise

    # K = 4 workers, equal shards of 16: each returns its own mean-loss gradient, the server averages.
    equal = torch.stack([flat_grad(net, xb, yb) for xb, yb in zip(X.split(16), y.split(16))]).mean(0)
    print(f"4 equal shards, plain average:   max |diff| from full batch {bound((equal - full).abs().max())}")
    assert torch.allclose(equal, full, atol=1e-12)

    # Unequal shards (8, 16, 40): a plain average over-weights the small shard; weight by size instead.
    sizes = [8, 16, 40]
    parts = [flat_grad(net, xb, yb) for xb, yb in zip(X.split(sizes), y.split(sizes))]
    plain, weighted = torch.stack(parts).mean(0), sum(n / 64 * g for n, g in zip(sizes, parts))
    print(f"unequal shards, plain average:  max |diff| {bound((plain - full).abs().max())}")
    print(f"unequal shards, size-weighted:  max |diff| {bound((weighted - full).abs().max())}")
    assert (plain - full).abs().max() > 1e-3 and torch.allclose(weighted, full, atol=1e-12)

    A = torch.randn(200, 10, dtype=torch.float64)
    b = A @ torch.randn(10, 1, dtype=torch.float64)
    L = 2 * torch.linalg.eigvalsh(A.T @ A / len(A)).max()  # curvature: synchronous GD is stable for lr < 2/L
    start = (b**2).mean().item()
    res = {(d, c): stale_gd(A, b, d, c / L, 300) for d in [0, 2, 6] for c in [1.5, 0.1]}
    show = lambda v: "diverged" if v > start else "< 1e-10" if v < 1e-10 else f"{v:.1e}"  # noqa: E731
    print(f"loss at the start {start:.2f}; final loss after 300 updates:")
    for d in [0, 2, 6]:
        print(f"  delay {d}:  lr = 1.5/L -> {show(res[d, 1.5]):>9s}   lr = 0.1/L -> {show(res[d, 0.1]):>9s}")
    assert res[0, 1.5] < 1e-6 and min(res[2, 1.5], res[6, 1.5]) > start  # staleness breaks a good step size
    assert all(res[d, 0.1] < 1e-6 for d in [0, 2, 6])  # a smaller step size tolerates it
