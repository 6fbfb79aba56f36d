"""In a network trained from a small start, early stopping already limits the weights; decay on top adds little."""
import math

import torch


def mlp_batch(n_nets: int, sizes: list[int]) -> list[torch.Tensor]:
    """The weights of n_nets independent ReLU networks with the given layer sizes, drawn as torch.nn.Linear draws them.

    Args:
        n_nets: how many networks.
        sizes: the input size, the hidden widths, the output size.

    Returns:
        [W1, b1, W2, b2, ...], W of shape (n_nets, fan_in, fan_out), b of shape (n_nets, 1, fan_out), each
        uniform in (-1/sqrt(fan_in), 1/sqrt(fan_in)).

    Examples:
        >>> [tuple(p.shape) for p in mlp_batch(4, [1, 8, 1])]
        [(4, 1, 8), (4, 1, 8), (4, 8, 1), (4, 1, 1)]
    """
    params = []
    for n_in, n_out in zip(sizes, sizes[1:]):
        bound = 1 / math.sqrt(n_in)
        params += [(torch.rand(n_nets, n_in, n_out) * 2 - 1) * bound, (torch.rand(n_nets, 1, n_out) * 2 - 1) * bound]
    return params


def mlp_forward(params: list[torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    """All the networks at once: ReLU after every layer but the last.

    Args:
        params: as returned by mlp_batch.
        x: one input batch per network, shape (n_nets, n, fan_in).

    Returns:
        The outputs, shape (n_nets, n) (one output per input).

    Examples:
        >>> mlp_forward([torch.ones(1, 1, 1), torch.tensor([[[-1.0]]])], torch.tensor([[[3.0]]])).tolist()
        [[2.0]]
    """
    a = x
    for k in range(0, len(params), 2):
        a = torch.baddbmm(params[k + 1], a, params[k])
        a = torch.relu(a) if k < len(params) - 2 else a
    return a[..., 0]


def mse(params: list[torch.Tensor], x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The mean squared error of every network on its own data.

    Args:
        params: the weights of n_nets networks (as returned by mlp_batch).
        x: the inputs, shape (n_nets, n, fan_in).
        y: the targets, shape (n_nets, n).

    Returns:
        One loss per network, shape (n_nets,).

    Examples:
        >>> mse([torch.zeros(1, 1, 1), torch.ones(1, 1, 1)], torch.zeros(1, 2, 1), torch.tensor([[1.0, 3.0]])).tolist()
        [2.0]
    """
    return ((mlp_forward(params, x) - y) ** 2).mean(1)


if __name__ == "__main__":
    torch.manual_seed(0)
    R, lams, steps = 20, [0.0, 1e-3, 1e-2, 1e-1], 400  # 20 draws of data and start, each trained with every lambda
    L = len(lams)
    x, x_val, x_test = (torch.rand(R, m, 1) * 6 - 3 for m in (30, 200, 200))  # a noisy sine, 30 training points
    y, y_val, y_test = (torch.sin(v[..., 0]) + 0.5 * torch.randn(v.shape[:2]) for v in (x, x_val, x_test))
    start = mlp_batch(R, [1, 32, 32, 1])
    params = [p.repeat(L, 1, 1).requires_grad_() for p in start]  # network l * R + r: lambda l, draw r, same start
    lam = torch.tensor(lams).repeat_interleave(R)

    def rep(t: torch.Tensor) -> torch.Tensor:  # the data of each draw, once for every lambda
        return t.repeat(L, *[1] * (t.dim() - 1))

    opt = torch.optim.Adam(params, lr=0.01)  # the networks share nothing, so each trains as if alone
    val, test, dist = [], [], []
    for step in range(1, steps + 1):
        opt.zero_grad()
        penalty = 0.5 * lam * sum((W**2).sum((1, 2)) for W in params[::2])  # (lambda/2)|W|^2, biases left out
        (mse(params, rep(x), rep(y)) + penalty).sum().backward()
        opt.step()
        if step % 10 == 0:  # the validation loss is checked every 10 steps
            with torch.no_grad():
                val.append(mse(params, rep(x_val), rep(y_val)).view(L, R))
                test.append(mse(params, rep(x_test), rep(y_test)).view(L, R))
                moved = sum(((p - rep(s)) ** 2).sum((1, 2)) for p, s in zip(params, start))
                dist.append(moved.sqrt().view(L, R))  # distance from the starting weights
    val, test, dist = torch.stack(val), torch.stack(test), torch.stack(dist)  # (checks, L, R)

    stop = val.argmin(0)[None]  # early stopping: the check with the best validation loss, per lambda and draw
    test_stop, dist_stop = test.gather(0, stop)[0], dist.gather(0, stop)[0]  # (L, R)
    pick = val.gather(0, stop)[0].argmin(0)  # early stopping plus weight decay: lambda chosen on validation too
    test_both = test_stop.gather(0, pick[None])[0]
    end, es = test[-1, 0], test_stop[0]  # lambda = 0: train to the end, or stop early
    print(f"{R} draws, test loss (mean):  no regularization {end.mean():.3f},  early stopping {es.mean():.3f},"
          f"  early stopping + decay {test_both.mean():.3f}  (noise alone: 0.25)")
    print(f"distance from the start, lambda = 0:  at the early stop {dist_stop[0].mean():.2f},"
          f"  after {steps} steps {dist[-1, 0].mean():.2f}")
    print("lambdas picked on validation data:", [lams[k] for k in pick.tolist()])
    gain_es, gain_wd = end - es, es - test_both
    print(f"early stopping beats training to the end in {(gain_es > 0).sum()} of {R} draws, gaining {gain_es.mean():.3f}"
          f" on average; decay on top gains {gain_wd.mean():.3f}, and less than stopping did in {(gain_wd < gain_es).sum()}")
    assert (dist_stop[0] < dist[-1, 0]).sum() >= 0.8 * R  # stopping early keeps the weights near their start...
    assert (gain_es > 0).sum() >= 0.8 * R  # ...which usually helps on new data
    assert gain_es.mean() > 2 * gain_wd.mean() and (gain_wd < gain_es).sum() >= 0.6 * R  # a penalty adds less
