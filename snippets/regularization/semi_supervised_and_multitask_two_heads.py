"""A shared trunk with two heads: a data-rich task B regularizes a data-poor task A (usually)."""
import copy

import torch
from torch import nn


class TwoHead(nn.Module):
    """R independent networks side by side, each a shared trunk with two heads.

    Trunk: x (n, d) -> h = tanh(x W + c), shape (n, width); head A: h -> (n,); head B: h -> (n, m).

    Args:
        R: the number of independent networks.
        d: the input size.
        m: the number of outputs of task B.
        width: the width of the trunk.
        gen: the random generator for the initial weights, N(0, 1 / fan_in).

    Examples:
        >>> net = TwoHead(3, d=5, m=2, gen=torch.Generator().manual_seed(0))
        >>> ya, yb = net(torch.zeros(3, 7, 5))
        >>> ya.shape, yb.shape
        (torch.Size([3, 7]), torch.Size([3, 7, 2]))
    """

    def __init__(self, R: int, d: int, m: int, width: int = 4, gen: torch.Generator | None = None) -> None:
        super().__init__()
        self.trunk_w = nn.Parameter(torch.randn(R, d, width, generator=gen) / d**0.5)
        self.trunk_b = nn.Parameter(torch.zeros(R, 1, width))
        self.head_a = nn.Parameter(torch.randn(R, width, 1, generator=gen) / width**0.5)
        self.head_a_b = nn.Parameter(torch.zeros(R, 1, 1))
        self.head_b = nn.Parameter(torch.randn(R, width, m, generator=gen) / width**0.5)
        self.head_b_b = nn.Parameter(torch.zeros(R, 1, m))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h = torch.tanh(torch.baddbmm(self.trunk_b, x, self.trunk_w))  # (R, n, width), shared by both heads
        return torch.baddbmm(self.head_a_b, h, self.head_a).squeeze(-1), torch.baddbmm(self.head_b_b, h, self.head_b)


def train(net: TwoHead, xa: torch.Tensor, ya: torch.Tensor, xb: torch.Tensor, yb: torch.Tensor, multitask: bool,
          steps: int = 300, lr: float = 0.02) -> TwoHead:
    """AdamW (weight decay 0.1) on task A's squared error, plus task B's when ``multitask``.

    Args:
        net: the networks to train (in place).
        xa: task A inputs, shape (R, na, d); ya: its targets, shape (R, na).
        ya: task A targets, shape (R, na).
        xb: task B inputs, shape (R, nb, d).
        yb: task B targets, shape (R, nb, m).
        multitask: add task B's loss, so that its data also shape the trunk.
        steps: the number of steps.
        lr: the learning rate.

    Returns:
        ``net``, trained.

    Examples:
        >>> g = torch.Generator().manual_seed(0)
        >>> x = torch.randn(1, 20, 3, generator=g)
        >>> net = train(TwoHead(1, 3, 1, gen=g), x, x[..., 0], x, x[..., :1], multitask=True)
        >>> bool(((net(x)[0] - x[..., 0]) ** 2).mean() < 0.05)
        True
    """
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=0.1)
    for _ in range(steps):
        loss = ((net(xa)[0] - ya) ** 2).mean(1).sum()  # the R networks do not interact
        if multitask:
            loss = loss + ((net(xb)[1] - yb) ** 2).mean((1, 2)).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
    return net


if __name__ == "__main__":
    gen = torch.Generator().manual_seed(0)
    R, d, k, m = 20, 20, 2, 4  # 20 task pairs; input size, hidden factors shared by both tasks, outputs of B
    U = torch.randn(R, d, k, generator=gen) / d**0.5
    a, B = torch.randn(R, k, 1, generator=gen), torch.randn(R, k, m, generator=gen)

    def task_data(n: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:  # both tasks depend on tanh(U x)
        x = torch.randn(R, n, d, generator=gen)
        z = torch.tanh(x @ U)
        return x, (z @ a).squeeze(-1) + 0.05 * torch.randn(R, n, generator=gen), z @ B + 0.05 * torch.randn(R, n, m, generator=gen)

    xa, ya, _ = task_data(10)  # task A: only 10 labeled examples
    xb, _, yb = task_data(300)  # task B: 300 examples
    xt, yt, _ = task_data(1000)  # test set for task A
    net0 = TwoHead(R, d, m, gen=gen)
    nets = {mt: train(copy.deepcopy(net0), xa, ya, xb, yb, multitask=mt) for mt in (False, True)}  # same start
    with torch.no_grad():
        err = {mt: (((net(xa)[0] - ya) ** 2).mean(1), ((net(xt)[0] - yt) ** 2).mean(1) / yt.var(1))
               for mt, net in nets.items()}
    sizes = [sum(p[0].numel() for p in pair) for pair in [(net0.trunk_w, net0.trunk_b), (net0.head_a, net0.head_a_b),
                                                          (net0.head_b, net0.head_b_b)]]
    print("parameters per network: shared trunk {}, head A {}, head B {}".format(*sizes))
    print(f"task A, 10 training examples, {R} task pairs   train MSE   test MSE / Var(y)   (medians)")
    for mt, name in [(False, "task A alone"), (True, "tasks A and B, shared trunk")]:
        print(f"  {name:42s} {err[mt][0].median():9.5f}   {err[mt][1].median():17.3f}")
    ratio = err[True][1] / err[False][1]
    print(f"sharing the trunk lowered A's test error in {int((ratio < 1).sum())} of {R} task pairs, "
          f"by more than half in {int((ratio < 0.5).sum())}")
    assert err[False][1].median() > 0.3  # alone: A's 10 examples cannot pin down the trunk
    assert ratio.median() < 0.5 and (ratio < 1).sum() >= 14  # usually a large gain, not always
