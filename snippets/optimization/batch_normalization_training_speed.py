"""Batch normalization makes a deep ReLU network train faster and over a wider range of learning rates
and initial weight scales: many small networks trained side by side, with and without it."""
import matplotlib.pyplot as plt
import numpy as np
import torch


def train_mlps(x: torch.Tensor, y: torch.Tensor, lrs: torch.Tensor, scales: torch.Tensor, depth: int,
               width: int, steps: int, batch_norm: bool, generator: torch.Generator) -> torch.Tensor:
    """Train R independent ReLU networks by full-batch gradient descent on the squared loss, in parallel.

    Network r has ``depth`` hidden layers of ``width`` units, weights drawn from
    N(0, scales[r]^2 * 2 / fan_in) (``scales[r] = 1`` is He initialization), and learning rate lrs[r].
    With ``batch_norm``, each hidden layer's pre-activations are standardised over the batch
    (as ``torch.nn.BatchNorm1d`` in training mode) and multiplied by a learned gamma before the ReLU.

    Args:
        x: the inputs, shape (n, d).
        y: the targets, shape (n,).
        lrs: the learning rate of each network, shape (R,).
        scales: the initial weight scale of each network, relative to He initialization, shape (R,).
        depth: the number of hidden layers.
        width: the number of units per hidden layer.
        steps: the number of gradient steps.
        batch_norm: normalise the hidden pre-activations or not.
        generator: the random generator for the initial weights.

    Returns:
        The training loss of each network after the last step, shape (R,) (inf or nan where it diverged).

    Examples:
        >>> _ = torch.manual_seed(0)
        >>> x, y = torch.randn(32, 3), torch.randn(32)
        >>> lrs, scales = torch.tensor([0.0, 0.1]), torch.tensor([1.0, 1.0])
        >>> loss = train_mlps(x, y, lrs, scales, 2, 8, 50, True, torch.Generator().manual_seed(0))
        >>> loss.shape, bool(loss[1] < loss[0])  # lr = 0 does not learn; lr = 0.1 does
        (torch.Size([2]), True)
    """
    R, (n, d) = len(lrs), x.shape
    dims = [d] + [width] * depth + [1]
    ws = [torch.randn(R, a, b, generator=generator, dtype=x.dtype) * np.sqrt(2.0 / a) for a, b in zip(dims, dims[1:])]
    ws = [(w * scales.to(x.dtype).view(R, 1, 1) if i < depth else w).requires_grad_() for i, w in enumerate(ws)]
    bs = [torch.zeros(R, 1, b, dtype=x.dtype, requires_grad=True) for b in dims[1:]]
    gammas = [torch.ones(R, 1, width, dtype=x.dtype, requires_grad=True) for _ in range(depth)] if batch_norm else []
    params, rate = ws + bs + gammas, lrs.to(x.dtype).view(R, 1, 1)
    for _ in range(steps):
        h = x.expand(R, n, d)
        for i in range(depth + 1):
            h = torch.baddbmm(bs[i], h, ws[i])
            if i < depth:
                if batch_norm:  # standardise each unit over the batch (dim 1), then scale by gamma
                    c = h - h.mean(1, keepdim=True)
                    h = gammas[i] * c / torch.sqrt((c * c).mean(1, keepdim=True) + 1e-5)
                h = torch.relu(h)
        loss = ((h.squeeze(-1) - y) ** 2).mean(1)
        grads = torch.autograd.grad(loss.sum(), params)  # the networks are independent: one backward for all
        with torch.no_grad():
            for p, g in zip(params, grads):
                p -= rate * g
    return loss.detach()


if __name__ == "__main__":
    torch.manual_seed(0)
    x = torch.randn(64, 8)
    y = torch.sin(x @ torch.randn(8, 4)).sum(1)
    y = (y - y.mean()) / y.std()  # predicting the mean gives loss 1
    lr_grid, scale_grid, runs, steps, target = [0.01, 0.03, 0.1, 0.3], [0.5, 1.0, 2.0], 4, 100, 0.1
    grid = [(s, lr) for s in scale_grid for lr in lr_grid for _ in range(runs)]  # 4 networks per (scale, lr)
    lrs, scales = torch.tensor([lr for _, lr in grid]), torch.tensor([s for s, _ in grid])
    loss = {bn: train_mlps(x, y, lrs, scales, 4, 16, steps, bn, torch.Generator().manual_seed(1))  # same inits
            .nan_to_num(np.inf).view(len(scale_grid), len(lr_grid), runs) for bn in (False, True)}

    print(f"median loss after {steps} steps ({runs} networks each; 'div' = diverged), learning rate across:")
    print(f"{'':>19}" + "".join(f"{lr:>7}" for lr in lr_grid))
    for bn in (False, True):
        med = loss[bn].median(-1).values
        for i, s in enumerate(scale_grid):
            cells = "".join(f"{v:7.3f}" if v < 10 else f"{'div':>7}" for v in med[i].tolist())
            print(f"{'batch norm' if bn else 'plain':>10}, scale {s:>3}" + cells)
    hit = {bn: (loss[bn] < target).double().mean(-1) for bn in (False, True)}  # (scale, lr): rate of runs
    n_hit = {bn: int((loss[bn] < target).sum()) for bn in (False, True)}
    print(f"runs with loss < {target} after {steps} steps: plain {n_hit[False]} of {loss[False].numel()},"
          f" batch norm {n_hit[True]} of {loss[True].numel()}")
    print(f"best rate per init scale {scale_grid}: plain {hit[False].max(1).values.tolist()},"
          f" batch norm {hit[True].max(1).values.tolist()}")
    best = {bn: loss[bn][1].median(-1).values.min().item() for bn in (False, True)}  # He init, best learning rate
    print(f"He init (scale 1), best learning rate: median loss plain {best[False]:.3f}, batch norm {best[True]:.3f}")
    assert best[True] < best[False] / 5  # faster at its best learning rate ...
    assert n_hit[True] >= 0.5 * loss[True].numel() and n_hit[False] <= 0.1 * loss[False].numel()  # ... and over more of them
    assert (loss[True] < 1).all()  # with BN every run beats predicting the mean (loss 1) ...
    assert (hit[True].max(1).values >= 0.5).all()  # with BN, every init scale trains at some learning rate ...
    assert (hit[False][[0, 2]] == 0).all()  # ... without it, the scales off He init train at none
    med_bn = loss[True].median(-1).values
    assert (med_bn[2] > med_bn[0]).all()  # but with BN, large initial weights still train more slowly

    fig, axes = plt.subplots(1, 2, figsize=(8, 3.2), sharey=True, layout="constrained")
    for ax, bn in zip(axes, (False, True)):
        med = loss[bn].median(-1).values.clamp(max=10.0)
        for i, (s, c) in enumerate(zip(scale_grid, ("tab:blue", "tab:green", "tab:red"))):
            ax.plot(lr_grid, med[i], "o-", color=c, label=f"init scale {s}")
        ax.axhline(target, color="gray", ls=":", lw=1)
        ax.set(xscale="log", yscale="log", xlabel="learning rate", title="with batch norm" if bn else "plain (diverged: 10)")
    axes[0].set_ylabel(f"loss after {steps} steps (median)")
    axes[1].legend(fontsize=8)
    plt.show()
