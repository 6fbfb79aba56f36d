"""Transfer learning: a trunk trained on task 1 (many labels) is reused for task 2 (20 labels)."""
from collections.abc import Callable, Iterable

import torch
from torch import nn
import torch.nn.functional as F


def make_data(n: int, W: torch.Tensor, A: torch.Tensor, b: torch.Tensor) -> tuple[torch.Tensor, ...]:
    """n inputs and the targets of two tasks that depend on the same hidden factors relu(x W).

    Args:
        n: the number of examples.
        W: the map from inputs to the K hidden factors, shape (D, K).
        A: the map from factors to the 8 task-1 targets, shape (K, 8).
        b: the map from factors to the task-2 score, shape (K,).

    Returns:
        (x, task-1 targets, task-2 scores), shapes (n, D), (n, 8) and (n,).

    Examples:
        >>> x, t, s = make_data(3, torch.ones(5, 2), torch.ones(2, 8), torch.ones(2))
        >>> x.shape, t.shape, s.shape
        (torch.Size([3, 5]), torch.Size([3, 8]), torch.Size([3]))
    """
    x = torch.randn(n, W.shape[0])
    factors = torch.relu(x @ W)
    return x, factors @ A, factors @ b


def train(params: Iterable[torch.Tensor], loss_fn: Callable[[], torch.Tensor], steps: int = 100,
          lr: float = 0.01) -> float:
    """Full-batch Adam on loss_fn(), which computes the loss of the current parameters.

    Args:
        params: the parameters to update.
        loss_fn: a function of no arguments that returns the loss, a scalar tensor.
        steps: the number of Adam steps.
        lr: the learning rate.

    Returns:
        The loss after training, a float.

    Examples:
        >>> w = torch.tensor([3.0], requires_grad=True)
        >>> train([w], lambda: (w ** 2).sum(), steps=200, lr=0.1) < 1e-3
        True
    """
    opt = torch.optim.Adam(params, lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        loss_fn().backward()
        opt.step()
    with torch.no_grad():
        return loss_fn().item()


def accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """Fraction of rows of x whose argmax class under model equals y.

    Args:
        model: maps x, shape (n, d), to class scores, shape (n, c).
        x: the inputs, shape (n, d).
        y: the class labels, shape (n,).

    Returns:
        The accuracy, a float in [0, 1].

    Examples:
        >>> accuracy(nn.Identity(), torch.tensor([[0.0, 1.0], [2.0, 1.0]]), torch.tensor([1, 1]))
        0.5
    """
    with torch.no_grad():
        return (model(x).argmax(1) == y).double().mean().item()


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float64)
    D, K = 50, 4                               # input size; number of hidden factors behind both tasks
    W, A, b = torch.randn(D, K) / D**0.5, torch.randn(K, 8), torch.randn(K)

    # Task 1: 1000 examples, 8 regression targets.  The trunk is what we keep.
    x1, t1, s1 = make_data(1000, W, A, b)
    trunk = nn.Sequential(nn.Linear(D, 8), nn.ReLU())
    head1 = nn.Linear(8, 8)
    mse = train([*trunk.parameters(), *head1.parameters()], lambda: F.mse_loss(head1(trunk(x1)), t1), 150, 0.02)
    r2 = 1 - mse / t1.var().item()
    print(f"task 1: trunk + head explain {r2:.3f} of the target variance")
    assert r2 > 0.95

    # Task 2: a yes/no question about the same factors, with only 20 labels per run.
    threshold = s1.median()
    x_test, _, s_test = make_data(1000, W, A, b)
    y_test = (s_test > threshold).long()
    for p in trunk.parameters():
        p.requires_grad_(False)              # reuse the trunk as a fixed feature extractor
    transfer, scratch = [], []
    for run in range(3):
        x2, _, s2 = make_data(20, W, A, b)
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
