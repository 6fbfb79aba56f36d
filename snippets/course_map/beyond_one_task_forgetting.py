"""Lifelong learning: train on task A, then on task B, and task A is forgotten."""
import torch

torch.manual_seed(0)


def make_task(center, flip, n=400):
    """n points around (center, 0); label = [x2 > 0], or [x2 < 0] when flip."""
    x = torch.randn(n, 2) + torch.tensor([center, 0.0])
    return x, ((x[:, 1] > 0) ^ flip).long()


def new_net():
    """A fresh 2-32-2 ReLU classifier (same seed each time)."""
    torch.manual_seed(1)
    return torch.nn.Sequential(torch.nn.Linear(2, 32), torch.nn.ReLU(), torch.nn.Linear(32, 2))


def train(net, x, y, steps=200):
    """Full-batch Adam on cross entropy; only (x, y) is seen."""
    opt = torch.optim.Adam(net.parameters(), lr=0.01)
    for _ in range(steps):
        opt.zero_grad()
        torch.nn.functional.cross_entropy(net(x), y).backward()
        opt.step()


def acc(net, x, y):
    """Fraction of (n, 2) inputs x whose predicted class equals y."""
    return (net(x).argmax(1) == y).float().mean().item()


A, B = make_task(-2.0, False), make_task(+2.0, True)       # two regions, opposite rules
A_test, B_test = make_task(-2.0, False), make_task(+2.0, True)

net = new_net()
train(net, *A)
a_after_a = acc(net, *A_test)
train(net, *B)                                              # task A's data is gone now
a_after_b, b_after_b = acc(net, *A_test), acc(net, *B_test)

joint = new_net()                                           # the same net, both tasks at once
train(joint, torch.cat([A[0], B[0]]), torch.cat([A[1], B[1]]))
ja, jb = acc(joint, *A_test), acc(joint, *B_test)

print("                      acc on A   acc on B")
print(f"after training on A     {a_after_a:.3f}")
print(f"then after B            {a_after_b:.3f}      {b_after_b:.3f}")
print(f"A and B together        {ja:.3f}      {jb:.3f}")
assert a_after_a > 0.9 and b_after_b > 0.9
assert a_after_b < a_after_a - 0.3 and a_after_b < 0.6   # catastrophic forgetting
assert ja > 0.9 and jb > 0.9                # the net is big enough for both tasks
