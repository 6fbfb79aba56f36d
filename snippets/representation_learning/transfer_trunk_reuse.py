"""Transfer learning: a trunk trained on task 1 (many labels) is reused for task 2 (20 labels)."""
import torch
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
F = nn.functional
D, K = 50, 4                               # input size; number of hidden factors behind both tasks
W, A, b = torch.randn(D, K) / D**0.5, torch.randn(K, 8), torch.randn(K)


def make_data(n):
    """n inputs x (n, D); task-1 targets (n, 8) and task-2 scores (n,), both functions of relu(x W)."""
    x = torch.randn(n, D)
    factors = torch.relu(x @ W)
    return x, factors @ A, factors @ b


def train(params, loss_fn, steps=100, lr=0.01):
    """Full-batch Adam on loss_fn()."""
    opt = torch.optim.Adam(params, lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        loss_fn().backward()
        opt.step()


def accuracy(model, x, y):
    """Fraction of rows of x whose argmax class under model equals y."""
    with torch.no_grad():
        return (model(x).argmax(1) == y).double().mean().item()


# Task 1: 1000 examples, 8 regression targets.  The trunk is what we keep.
x1, t1, s1 = make_data(1000)
trunk = nn.Sequential(nn.Linear(D, 8), nn.ReLU())
head1 = nn.Linear(8, 8)
train([*trunk.parameters(), *head1.parameters()], lambda: F.mse_loss(head1(trunk(x1)), t1), 150, 0.02)
with torch.no_grad():
    r2 = 1 - F.mse_loss(head1(trunk(x1)), t1).item() / t1.var().item()
print(f"task 1: trunk + head explain {r2:.3f} of the target variance")
assert r2 > 0.95

# Task 2: a yes/no question about the same factors, with only 20 labels per run.
threshold = s1.median()
x_test, _, s_test = make_data(1000)
y_test = (s_test > threshold).long()
for p in trunk.parameters():
    p.requires_grad_(False)              # reuse the trunk as a fixed feature extractor
transfer, scratch = [], []
for run in range(3):
    x2, _, s2 = make_data(20)
    y2 = (s2 > threshold).long()
    head2 = nn.Linear(8, 2)              # only 18 numbers are fitted to the 20 labels
    train(head2.parameters(), lambda: F.cross_entropy(head2(trunk(x2)), y2), lr=0.05)
    transfer.append(accuracy(nn.Sequential(trunk, head2), x_test, y_test))
    fresh = nn.Sequential(nn.Linear(D, 8), nn.ReLU(), nn.Linear(8, 2))  # same shape, 426 numbers
    train(fresh.parameters(), lambda: F.cross_entropy(fresh(x2), y2))
    scratch.append(accuracy(fresh, x_test, y_test))
    print(f"run {run}: task-2 test accuracy  transfer {transfer[-1]:.3f}   from scratch {scratch[-1]:.3f}")
mean_t, mean_s = sum(transfer) / 3, sum(scratch) / 3
print(f"mean over 3 runs:               transfer {mean_t:.3f}   from scratch {mean_s:.3f}")
assert all(t > s for t, s in zip(transfer, scratch))   # transfer wins every run
assert mean_t > mean_s + 0.15 and mean_t > 0.8
