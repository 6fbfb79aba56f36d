"""More layers of the same width usually fit the training data better, up to a point; held-out data pick the depth."""
import math

import matplotlib.pyplot as plt
import torch


def relu_nets(n_nets: int, depth: int, width: int) -> list[torch.Tensor]:
    """The weights of n_nets independent ReLU networks 1 -> depth hidden layers of width -> 1.

    Each layer is drawn as torch.nn.Linear draws it: weights and biases uniform in
    (-1/sqrt(fan_in), 1/sqrt(fan_in)), from torch's global generator.

    Args:
        n_nets: how many networks (one per draw of the data).
        depth: the number of hidden layers.
        width: the neurons per hidden layer.

    Returns:
        [W1, b1, W2, b2, ...] with W of shape (n_nets, fan_in, fan_out) and b of shape (n_nets, 1, fan_out).

    Examples:
        >>> [tuple(p.shape) for p in relu_nets(5, 2, 8)]
        [(5, 1, 8), (5, 1, 8), (5, 8, 8), (5, 1, 8), (5, 8, 1), (5, 1, 1)]
    """
    sizes, params = [1] + [width] * depth + [1], []
    for n_in, n_out in zip(sizes, sizes[1:]):
        bound = 1 / math.sqrt(n_in)
        params += [(torch.rand(n_nets, n_in, n_out) * 2 - 1) * bound, (torch.rand(n_nets, 1, n_out) * 2 - 1) * bound]
    return [p.requires_grad_() for p in params]


def forward(params: list[torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    """All the networks at once: a = max(0, b + a W) per hidden layer, then a linear output.

    Args:
        params: as returned by relu_nets, for n_nets networks.
        x: one input column per network, shape (n_nets, n, 1).

    Returns:
        The outputs, shape (n_nets, n).

    Examples:
        >>> params = [torch.ones(1, 1, 2), torch.tensor([[[0.0, -1.0]]]), torch.ones(1, 2, 1), torch.zeros(1, 1, 1)]
        >>> forward(params, torch.tensor([[[-1.0], [2.0]]])).tolist()  # max(0, x) + max(0, x - 1)
        [[0.0, 3.0]]
    """
    a = x
    for k in range(0, len(params), 2):
        a = torch.baddbmm(params[k + 1], a, params[k])
        a = torch.relu(a) if k < len(params) - 2 else a
    return a[..., 0]


def mse(params: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The mean squared error of every network on its own data.

    Args:
        params: the weights of n_nets networks.
        x: the inputs, shape (n_nets, n, 1).
        y: the targets, shape (n_nets, n).

    Returns:
        One loss per network, shape (n_nets,).

    Examples:
        >>> mse([torch.zeros(1, 1, 1), torch.ones(1, 1, 1)], torch.zeros(1, 2, 1), torch.tensor([[1.0, 3.0]])).tolist()
        [2.0]
    """
    return ((forward(params, x) - y) ** 2).mean(1)


if __name__ == "__main__":
    torch.manual_seed(0)
    R, depths, width, noise = 20, [1, 2, 4, 8], 32, 0.5  # 20 draws of data and initial weights
    x_train = torch.linspace(-3, 3, 20)[None, :, None].expand(R, 20, 1)  # 20 noisy points of a sine per draw
    y_train = torch.sin(x_train[..., 0]) + noise * torch.randn(R, 20)
    x_val, x_test = (torch.rand(R, 200, 1) * 6 - 3 for _ in range(2))  # 200 held-out and 200 test points per draw
    y_val, y_test = (torch.sin(x[..., 0]) + noise * torch.randn(R, 200) for x in (x_val, x_test))
    nets = [relu_nets(R, d, width) for d in depths]

    reference = torch.nn.Sequential(torch.nn.Linear(1, width), torch.nn.ReLU(), torch.nn.Linear(width, width),
                                    torch.nn.ReLU(), torch.nn.Linear(width, 1))
    with torch.no_grad():  # the batched forward pass is torch.nn's, checked on the first 2-layer net
        for layer, W, b in zip(reference[::2], nets[1][::2], nets[1][1::2]):
            layer.weight.copy_(W[0].T), layer.bias.copy_(b[0, 0])
        assert torch.allclose(forward(nets[1], x_val)[0], reference(x_val[0])[:, 0], atol=1e-6)

    # every network has its own parameters, so one Adam on the sum of the losses trains each as if alone
    opt = torch.optim.Adam([p for net in nets for p in net], lr=0.008)
    for step in range(120):  # the same training budget for every depth
        opt.zero_grad()
        sum(mse(net, x_train, y_train).sum() for net in nets).backward()
        opt.step()
    with torch.no_grad():
        train, val, test = (torch.stack([mse(net, x, y) for net in nets], 1)
                            for x, y in [(x_train, y_train), (x_val, y_val), (x_test, y_test)])
    best = val.argmin(1)  # each draw picks its depth on held-out data only
    print("first draw:  layers   train loss   held-out loss")
    for k, d in enumerate(depths):
        print(f"{d:19d}   {train[0, k]:10.3f}   {val[0, k]:13.3f}" + ("   <- picked" if k == best[0] else ""))
    falls = (train[:, 1:] < train[:, :-1]).sum(0).tolist()
    print(f"over {R} draws, the training loss falls from 1 to 2 layers in {falls[0]}, from 2 to 4 in {falls[1]},"
          f" from 4 to 8 in {falls[2]}")
    fit_best = train.argmin(1)
    print(f"the depth that fits the training data best is not the one picked on held-out data in"
          f" {(fit_best != best).sum()} of {R} draws; depths picked: {[depths[k] for k in best.tolist()]}")
    wins = (test.gather(1, best[:, None])[:, 0] < test[:, -1]).sum()
    print(f"the picked net has a lower test loss than the 8-layer net in {wins} of {R} draws"
          f" (noise alone gives {noise**2:.2f})")
    assert falls[0] >= 0.8 * R and falls[1] >= 0.75 * R  # usually a deeper net fits better, up to a point...
    assert falls[2] <= 0.75 * R  # ...but not beyond it: in a quarter of the draws or more, 8 layers fit worse than 4
    assert (train.min(1).values < noise**2).sum() >= 0.8 * R  # the best fit usually goes below the noise: it memorises
    assert (fit_best != best).sum() >= 0.75 * R  # the best training fit is usually not the depth to keep...
    assert wins >= 0.7 * R  # ...and the depth picked on held-out data usually beats the deepest net on test data

    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(9, 3.2))
    for r in range(R):
        ax.plot(depths, train[r], color="tab:blue", alpha=0.15, lw=0.8)
        ax.plot(depths, val[r], color="tab:orange", alpha=0.15, lw=0.8)
    ax.plot(depths, train.median(0).values, "o-", color="tab:blue", label="training loss (median)")
    ax.plot(depths, val.median(0).values, "s-", color="tab:orange", label="held-out loss (median)")
    ax.axhline(noise**2, color="gray", ls=":", label="noise variance")
    ax.set_xscale("log", base=2)
    ax.set_xticks(depths, [str(d) for d in depths])
    ax.minorticks_off()
    ax.set_xlabel("hidden layers")
    ax.set_ylabel("mean squared error")
    ax.legend(fontsize=8)
    xs = torch.linspace(-3, 3, 200)[None, :, None].expand(R, 200, 1)
    ax2.scatter(x_train[0, :, 0], y_train[0], color="black", s=12, zorder=3, label="training data (first draw)")
    ax2.plot(xs[0, :, 0], torch.sin(xs[0, :, 0]), color="gray", ls=":", label="true curve")
    with torch.no_grad():
        for k, col, what in [(best[0], "tab:orange", "picked"), (fit_best[0], "tab:red", "best training fit")]:
            ax2.plot(xs[0, :, 0], forward(nets[k], xs)[0], color=col, label=f"{depths[k]} layer(s), {what}")
    ax2.set_xlabel("x")
    ax2.legend(fontsize=8)
    plt.show()
