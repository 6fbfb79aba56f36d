"""Sanity check: a working training loop drives the loss to ~0 on 8 examples; a buggy one cannot."""
import math

import torch


def train_tiny(net: torch.nn.Module, x: torch.Tensor, y: torch.Tensor, steps: int = 100,
               shuffle_labels_separately: bool = False) -> list[float]:
    """Full-batch Adam (lr 1e-2) on the cross-entropy of (x, y); optionally with a common data bug.

    Args:
        net: the model, logits of shape (n, classes).
        x: the inputs, shape (n, d).
        y: the labels, shape (n,).
        steps: the number of updates.
        shuffle_labels_separately: the bug: permute the labels on their own at every step, so that
            each input is paired with a random label.

    Returns:
        The loss before each update, ``steps`` floats.

    Examples:
        >>> torch.manual_seed(0) and None
        >>> net = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.ReLU(), torch.nn.Linear(16, 2)).double()
        >>> losses = train_tiny(net, torch.eye(2, dtype=torch.float64), torch.tensor([0, 1]), steps=100)
        >>> losses[-1] < 0.01 < losses[0]
        True
    """
    opt = torch.optim.Adam(net.parameters(), lr=1e-2)
    losses = []
    for _ in range(steps):
        yb = y[torch.randperm(len(y))] if shuffle_labels_separately else y
        loss = torch.nn.functional.cross_entropy(net(x), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return losses


if __name__ == "__main__":
    torch.manual_seed(0)
    x = torch.randn(8, 10, dtype=torch.float64)
    y = torch.tensor([0, 1] * 4)[torch.randperm(8)]  # random labels, four of each: only memorisation fits them
    runs = {}
    for bug in (False, True):
        torch.manual_seed(1)  # the same initial weights for both loops
        net = torch.nn.Sequential(torch.nn.Linear(10, 32), torch.nn.ReLU(), torch.nn.Linear(32, 32),
                                  torch.nn.ReLU(), torch.nn.Linear(32, 2)).double()
        runs[bug] = train_tiny(net, x, y, shuffle_labels_separately=bug)
    good, bad = runs[False], runs[True]
    for step in [0, 10, 25, 50, 99]:
        print(f"step {step:3d}: loss {good[step]:.2e} (correct loop)   {bad[step]:.3f} (buggy loop)")
    floor = math.log(2)  # the loss of predicting the label frequencies (1/2, 1/2) whatever the input
    print(f"loss of the best input-blind guess: {floor:.3f}; buggy loop, mean of the last 50 steps: "
          f"{sum(bad[-50:]) / 50:.3f}")
    assert good[50] < 1e-3 and good[-1] < 1e-3  # memorised within a few dozen steps: the pipeline can learn
    assert sum(bad[-50:]) / 50 > 0.9 * floor  # the bug leaves it no better than guessing
