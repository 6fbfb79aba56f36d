"""A shared trunk with two heads: a data-rich task B regularizes a data-poor task A."""
import torch
from torch import nn

torch.manual_seed(0)
d, k, m = 20, 2, 4  # input size, hidden factors shared by both tasks, outputs of task B
U = torch.randn(k, d) / d**0.5
a, B = torch.randn(k), torch.randn(m, k)


def task_data(n):
    """x (n, d) with targets of task A (n,) and task B (n, m); both depend on tanh(U x)."""
    x = torch.randn(n, d)
    z = torch.tanh(x @ U.T)
    return x, z @ a + 0.05 * torch.randn(n), z @ B.T + 0.05 * torch.randn(n, m)


xa, ya, _ = task_data(10)  # task A: only 10 labeled examples
xb, _, yb = task_data(300)  # task B: 300 examples
xt, yt, _ = task_data(1000)  # test set for task A


# --8<-- [start:twohead]
class TwoHead(nn.Module):
    """Shared trunk x (N, d) -> h (N, 4); head A gives (N,), head B gives (N, m)."""

    def __init__(self, d, m, width=4):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(d, width), nn.Tanh())
        self.head_a = nn.Linear(width, 1)
        self.head_b = nn.Linear(width, m)

    def forward(self, x):
        h = self.trunk(x)
        return self.head_a(h).squeeze(-1), self.head_b(h)
# --8<-- [end:twohead]


def train(multitask, steps=150):
    """Adam on task A's loss (plus task B's when multitask); returns (net, train MSE, test MSE)."""
    torch.manual_seed(1)  # same initial weights for both runs
    net = TwoHead(d, m)
    opt = torch.optim.Adam(net.parameters(), lr=0.02)
    for _ in range(steps):
        loss = ((net(xa)[0] - ya) ** 2).mean()
        if multitask:
            loss = loss + ((net(xb)[1] - yb) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():
        return net, ((net(xa)[0] - ya) ** 2).mean().item(), ((net(xt)[0] - yt) ** 2).mean().item()


net, single_train, single_test = train(multitask=False)
_, multi_train, multi_test = train(multitask=True)
sizes = [sum(p.numel() for p in part.parameters()) for part in (net.trunk, net.head_a, net.head_b)]
print("parameters: shared trunk {}, head A {}, head B {}".format(*sizes))
print("task A, 10 training examples   train MSE   test MSE")
print(f"  task A alone                 {single_train:9.5f}  {single_test:9.4f}")
print(f"  tasks A and B, shared trunk  {multi_train:9.5f}  {multi_test:9.4f}")
print(f"  predicting the mean                      {yt.var().item():9.4f}")
assert single_train < 0.01 and single_test > 0.5 * yt.var()  # alone: fits 10 points, overfits
assert multi_test < 0.2 * single_test  # the shared trunk learned the factors from task B
