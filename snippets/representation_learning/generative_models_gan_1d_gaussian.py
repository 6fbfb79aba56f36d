"""A tiny GAN learns a 1-D Gaussian: the generated mean and spread approach the data's, in most runs.

Eight independent GANs are trained side by side (batched weights), to show how often it works."""
from collections.abc import Callable

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F


def init_mlp(runs: int, sizes: list[int]) -> list[torch.Tensor]:
    """Weights of `runs` independent MLPs, drawn like ``nn.Linear``'s default, U(+-1/sqrt(fan_in)).

    Args:
        runs: the number of independent copies.
        sizes: the layer sizes, input first.

    Returns:
        [W, b] for each layer, flattened: W of shape (runs, fan_in, fan_out), b of shape (runs, 1, fan_out).

    Examples:
        >>> [tuple(p.shape) for p in init_mlp(3, [1, 16, 1])]
        [(3, 1, 16), (3, 1, 16), (3, 16, 1), (3, 1, 1)]
    """
    return [((torch.rand(runs, *shape) * 2 - 1) / a**0.5).requires_grad_()
            for a, b in zip(sizes, sizes[1:]) for shape in ((a, b), (1, b))]


def mlp(x: torch.Tensor, params: list[torch.Tensor], act: Callable[[torch.Tensor], torch.Tensor]) -> torch.Tensor:
    """Run each copy's input through its own one-hidden-layer MLP: act(x W1 + b1) W2 + b2.

    Args:
        x: the inputs, shape (runs, n, fan_in).
        params: [W1, b1, W2, b2], as from ``init_mlp``.
        act: the hidden activation, e.g. ``torch.tanh``.

    Returns:
        The outputs, shape (runs, n, fan_out).

    Examples:
        >>> p = [torch.ones(1, 1, 2), torch.zeros(1, 1, 2), torch.ones(1, 2, 1), torch.zeros(1, 1, 1)]
        >>> mlp(torch.tensor([[[1.0], [-1.0]]]), p, torch.relu).flatten().tolist()
        [2.0, 0.0]
    """
    W1, b1, W2, b2 = params
    return torch.baddbmm(b2, act(torch.baddbmm(b1, x, W1)), W2)


def bce_per_run(logits: torch.Tensor, label: float) -> torch.Tensor:
    """The binary cross entropy of logits against one label, averaged within each run.

    Args:
        logits: the discriminator's logits of "real", shape (runs, n, 1).
        label: 1.0 for "real", 0.0 for "generated".

    Returns:
        The loss of each run, shape (runs,). The discriminator minimises
        bce(D(real), 1) + bce(D(fake), 0); the generator, in the non-saturating form,
        minimises bce(D(fake), 1) = -mean log D(G(z)).

    Examples:
        >>> round(bce_per_run(torch.zeros(1, 2, 1), 1.0).item(), 4)  # D(x) = 1/2: log 2
        0.6931
    """
    return F.binary_cross_entropy_with_logits(
        logits, torch.full_like(logits, label), reduction="none").mean((1, 2))


if __name__ == "__main__":
    torch.manual_seed(0)
    MU, SIGMA, BATCH, RUNS = 3.0, 0.8, 64, 8           # the data distribution N(3, 0.8^2)
    g_params, d_params = init_mlp(RUNS, [1, 16, 1]), init_mlp(RUNS, [1, 32, 1])
    G = lambda z: mlp(z, g_params, torch.tanh)                              # noise z -> sample
    D = lambda x: mlp(x, d_params, lambda h: F.leaky_relu(h, 0.2))          # sample -> logit of "real"
    opt_g = torch.optim.Adam(g_params, lr=0.005, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d_params, lr=0.02, betas=(0.5, 0.999))         # the critic learns faster
    z_eval = torch.randn(1, 2000, 1).expand(RUNS, -1, -1)

    def samples() -> np.ndarray:                       # 2000 samples of each run, shape (RUNS, 2000)
        with torch.no_grad():
            return G(z_eval)[..., 0].numpy()

    start = samples()
    history = [np.stack([start.mean(1), start.std(1)], 1)]
    for step in range(250):
        real, fake = MU + SIGMA * torch.randn(RUNS, BATCH, 1), G(torch.randn(RUNS, BATCH, 1))
        # Discriminator: maximise log D(real) + log(1 - D(fake)); fake is detached so G is untouched.
        opt_d.zero_grad()
        d_loss = bce_per_run(D(real), 1.0) + bce_per_run(D(fake.detach()), 0.0)
        d_loss.sum().backward()                        # the runs are independent: summing keeps them apart
        opt_d.step()
        # Generator (non-saturating form): maximise log D(fake).
        opt_g.zero_grad()
        bce_per_run(D(fake), 1.0).sum().backward()
        opt_g.step()
        if step % 5 == 4:
            now = samples()
            history.append(np.stack([now.mean(1), now.std(1)], 1))

    end, hist = samples(), np.array(history)           # hist: (checkpoints, RUNS, [mean, std])
    m0, s0, m1, s1 = hist[0, :, 0], hist[0, :, 1], hist[-1, :, 0], hist[-1, :, 1]
    skew = ((end - end.mean(1, keepdims=True)) / end.std(1, keepdims=True)) ** 3
    skew, peak = skew.mean(1), hist[:, :, 0].max(0)
    good_mean, good_std = np.abs(m1 - MU) < 0.15, np.abs(s1 - SIGMA) < 0.25
    print(f"data:                  mean {MU:.3f}  std {SIGMA:.3f}")
    print(f"run 0, step   0:       mean {m0[0]:.3f}  std {s0[0]:.3f}")
    print(f"run 0, step 250:       mean {m1[0]:.3f}  std {s1[0]:.3f}")
    print(f"run 0: largest generated mean on the way: {peak[0]:.3f}; final skewness {skew[0]:.2f}")
    print(f"all {RUNS} runs at step 250: mean within 0.15 of the data's in {good_mean.sum()},"
          f" std within 0.25 in {good_std.sum()}; stds {' '.join(f'{s:.2f}' for s in s1)}")
    assert np.all(m0 < MU - 1) and np.all(s0 < SIGMA)         # every run starts off-centre and too narrow
    assert good_mean.sum() >= RUNS - 1                          # the mean is learned almost always ...
    assert good_std.sum() >= RUNS // 2                          # ... the spread usually (not always)
    assert np.sum(peak > MU + 0.3) >= RUNS // 2              # the mean usually overshoots first
    assert np.sum(np.abs(skew) > 0.3) >= RUNS // 2           # right moments, wrong shape

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.4))
    grid = np.linspace(-1.5, 6, 200)
    density = np.exp(-0.5 * ((grid - MU) / SIGMA) ** 2) / (SIGMA * np.sqrt(2 * np.pi))
    ax1.plot(grid, density, "k", label="data density")
    bins = np.linspace(-1.5, 6, 50)
    ax1.hist(start[0], bins=bins, density=True, histtype="step", color="tab:red", label="run 0, step 0")
    ax1.hist(end[0], bins=bins, density=True, histtype="step", color="tab:blue", label="run 0, step 250")
    ax1.set_xlabel("x")
    ax1.legend(fontsize=8)
    steps = 5 * np.arange(len(hist))
    ax2.plot(steps, hist[:, 1:, 0], color="tab:blue", alpha=0.25, lw=0.8)
    ax2.plot(steps, hist[:, 1:, 1], color="tab:orange", alpha=0.25, lw=0.8)
    ax2.plot(steps, hist[:, 0, 0], color="tab:blue", label="generated mean (run 0; others faint)")
    ax2.plot(steps, hist[:, 0, 1], color="tab:orange", label="generated std")
    ax2.axhline(MU, color="tab:blue", ls=":")
    ax2.axhline(SIGMA, color="tab:orange", ls=":")
    ax2.set_xlabel("training step")
    ax2.legend(fontsize=8)
    plt.show()
