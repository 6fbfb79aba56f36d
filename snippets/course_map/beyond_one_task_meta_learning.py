"""Meta learning: learn the learning rate (then the starting point) of a learner across many small tasks."""
from collections.abc import Callable

import torch

def adapt_and_test(theta0: torch.Tensor, lr: torch.Tensor, tasks: tuple[torch.Tensor, ...]) -> torch.Tensor:
    """The learner F: one gradient step on each task's few examples from theta0, then its test MSE.

    Args:
        theta0: the starting weights, shape (d,).
        lr: the learning rate of the step, a scalar tensor.
        tasks: (X_train (n, k, d), y_train (n, k), X_test (n, m, d), y_test (n, m)) for n tasks
            of linear regression y = x . w_task.

    Returns:
        The test MSE after adapting, averaged over the tasks (a scalar tensor, differentiable in
        theta0 and lr).

    Examples:
        >>> X = torch.tensor([[[1.0]]]); y = torch.tensor([[2.0]])
        >>> adapt_and_test(torch.zeros(1), torch.tensor(0.5), (X, y, X, y))  # w = 0 + 0.5 * 2 * 2 * 1
        tensor(0.)
    """
    e = (tasks[0] @ theta0) - tasks[1]  # the training errors, (n, k)
    grad = 2 * (tasks[0] * e[..., None]).mean(1)  # d MSE / d w for each task, (n, d)
    w = theta0 - lr * grad
    return (((tasks[2] @ w[..., None])[..., 0] - tasks[3]) ** 2).mean()


def meta_train(sample: Callable[[int], tuple[torch.Tensor, ...]], theta0: torch.Tensor, lr: float, steps: int,
               learn_start: bool) -> tuple[torch.Tensor, float]:
    """Improve the learner across tasks: Adam on its test loss, through the adaptation step.

    Args:
        sample: draws a batch of n new tasks.
        theta0: the starting weights, shape (d,).
        lr: the starting learning rate of the learner.
        steps: meta-updates, each on 20 fresh tasks.
        learn_start: also learn theta0 (as MAML does), not only the learning rate.

    Returns:
        The learned theta0 (shape (d,)) and learning rate.

    Examples:
        >>> start, lr = meta_train(lambda n: None, torch.zeros(2), 0.1, steps=0, learn_start=False)
        >>> start, round(lr, 6)
        (tensor([0., 0.]), 0.1)
    """
    log_lr = torch.tensor(lr, dtype=theta0.dtype).log().requires_grad_()
    theta0 = theta0.clone().requires_grad_(learn_start)
    opt = torch.optim.Adam([log_lr, theta0] if learn_start else [log_lr], lr=0.05)
    for _ in range(steps):
        loss = adapt_and_test(theta0, log_lr.exp(), sample(20))
        opt.zero_grad()
        loss.backward()
        opt.step()
    return theta0.detach(), log_lr.exp().item()


if __name__ == "__main__":
    torch.manual_seed(0)
    d, k, m = 5, 5, 50  # 5 weights per task, 5 training and 50 test examples per task
    w_family = torch.randn(d, dtype=torch.float64)  # what the tasks have in common (the learner never sees it)

    def sample(n: int) -> tuple[torch.Tensor, ...]:  # n regression tasks, w_task = w_family + 0.3 noise
        w = w_family + 0.3 * torch.randn(n, d, dtype=torch.float64)
        X = torch.randn(n, k + m, d, dtype=torch.float64)
        y = (X @ w[:, :, None])[..., 0] + 0.1 * torch.randn(n, k + m, dtype=torch.float64)
        return X[:, :k], y[:, :k], X[:, k:], y[:, k:]

    new = sample(500)  # tasks never used in meta-training
    th = torch.zeros(d, dtype=torch.float64, requires_grad=True)  # the hand gradient is autograd's
    (((new[0][0] @ th) - new[1][0]) ** 2).mean().backward()
    e = new[0][0] @ torch.zeros(d, dtype=torch.float64) - new[1][0]
    assert torch.allclose(th.grad, 2 * (new[0][0] * e[:, None]).mean(0), atol=1e-12)

    zero = torch.zeros(d, dtype=torch.float64)
    grid = torch.linspace(0.02, 0.6, 30, dtype=torch.float64)  # tuning by hand: 30 rates tried on the new tasks
    grid_loss = torch.stack([adapt_and_test(zero, g, new) for g in grid])
    guess = adapt_and_test(zero, torch.tensor(0.05), new).item()
    _, lr_meta = meta_train(sample, zero, 0.05, steps=100, learn_start=False)
    loss_lr = adapt_and_test(zero, torch.tensor(lr_meta), new).item()
    start, lr_both = meta_train(sample, zero, 0.05, steps=200, learn_start=True)
    loss_both = adapt_and_test(start, torch.tensor(lr_both), new).item()
    print(f"start at 0, lr = 0.05 (a guess):      test MSE on new tasks {guess:.3f}")
    print(f"start at 0, best lr of a grid: {grid[grid_loss.argmin()]:.2f}   test MSE on new tasks {grid_loss.min():.3f}")
    print(f"start at 0, learned lr:        {lr_meta:.2f}   test MSE on new tasks {loss_lr:.3f}")
    print(f"learned start and lr:          {lr_both:.2f}   test MSE on new tasks {loss_both:.3f}")
    assert loss_lr < 1.02 * grid_loss.min() < 0.8 * guess  # learned across tasks = tuned on the new ones
    assert loss_both < 0.4 * loss_lr  # learning the starting point too helps far more
