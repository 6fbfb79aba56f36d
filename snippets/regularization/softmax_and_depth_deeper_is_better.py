"""At a similar parameter count, a deep narrow ReLU network generalizes better than a shallow wide one
on a target that is a composition: a wiggly function of one direction of a 20-dimensional input."""
import math

import torch


def mlp_init(R: int, sizes: list[int], gen: torch.Generator) -> list[torch.Tensor]:
    """Weights and biases of R independent ReLU networks with the layer sizes ``sizes``.

    Args:
        R: the number of networks, trained side by side.
        sizes: input size, hidden widths, output size, e.g. [20, 18, 1].
        gen: the random generator for the initial weights (N(0, 1/fan_in)).

    Returns:
        [W1, b1, W2, b2, ...] with W shape (R, fan_in, fan_out) and b shape (R, 1, fan_out).

    Examples:
        >>> [tuple(p.shape) for p in mlp_init(3, [4, 5, 1], torch.Generator().manual_seed(0))]
        [(3, 4, 5), (3, 1, 5), (3, 5, 1), (3, 1, 1)]
    """
    params = []
    for a, b in zip(sizes, sizes[1:]):
        params += [torch.randn(R, a, b, generator=gen, dtype=torch.float64) / math.sqrt(a),
                   torch.zeros(R, 1, b, dtype=torch.float64)]
    return [p.requires_grad_() for p in params]


def mlp_forward(params: list[torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    """The outputs of R ReLU networks, each on its own batch.

    Args:
        params: [W1, b1, ...] as returned by ``mlp_init``.
        x: the inputs, shape (R, n, input size).

    Returns:
        The outputs, shape (R, n) (a single output unit).

    Examples:
        >>> params = [torch.ones(1, 2, 1, dtype=torch.float64), torch.zeros(1, 1, 1, dtype=torch.float64)]
        >>> mlp_forward(params, torch.tensor([[[1.0, 2.0]]], dtype=torch.float64)).tolist()
        [[3.0]]
    """
    h = x
    for i in range(0, len(params), 2):
        h = torch.baddbmm(params[i + 1], h, params[i])  # h W + b, for every network at once
        if i + 2 < len(params):
            h = torch.relu(h)
    return h.squeeze(-1)


def n_params(sizes: list[int]) -> int:
    """The number of weights and biases of a fully connected network with these layer sizes.

    Args:
        sizes: input size, hidden widths, output size.

    Returns:
        sum of fan_in * fan_out + fan_out over the layers.

    Examples:
        >>> n_params([20, 18, 1]), n_params([20, 2, 16, 16, 1])
        (397, 379)
    """
    return sum(a * b + b for a, b in zip(sizes, sizes[1:]))


def train(sizes: list[int], x: torch.Tensor, y: torch.Tensor, gen: torch.Generator, steps: int = 150,
          lr: float = 0.02) -> list[torch.Tensor]:
    """Full-batch Adam on the mean squared error, for R networks of the same shape at once.

    Args:
        sizes: the layer sizes.
        x: the training inputs, shape (R, n, sizes[0]).
        y: the training targets, shape (R, n).
        gen: the random generator for the initial weights.
        steps: the number of Adam steps.
        lr: the learning rate.

    Returns:
        The trained parameters (see ``mlp_init``).

    Examples:
        >>> x = torch.linspace(-1, 1, 8, dtype=torch.float64).reshape(1, 8, 1)
        >>> p = train([1, 4, 1], x, 2 * x[..., 0], torch.Generator().manual_seed(0), steps=300)
        >>> ((mlp_forward(p, x) - 2 * x[..., 0]) ** 2).mean().item() < 1e-3
        True
    """
    params = mlp_init(len(x), sizes, gen)
    opt = torch.optim.Adam(params, lr=lr)
    for _ in range(steps):
        loss = ((mlp_forward(params, x) - y) ** 2).mean(1).sum()  # the networks do not interact
        opt.zero_grad()
        loss.backward()
        opt.step()
    return params


if __name__ == "__main__":
    gen = torch.Generator().manual_seed(0)
    R, d, n = 10, 20, 300  # 10 independent tasks, 20 inputs, 300 training examples each
    u = torch.randn(R, d, 1, generator=gen, dtype=torch.float64)
    u = u / u.norm(dim=1, keepdim=True)  # each task's hidden direction

    def task(m: int) -> tuple[torch.Tensor, torch.Tensor]:  # y = sin(2 u.x): a function of a function of x
        x = torch.randn(R, m, d, generator=gen, dtype=torch.float64)
        return x, torch.sin(2 * (x @ u).squeeze(-1))

    (x, y), (x_test, y_test) = task(n), task(2000)
    y = y + 0.1 * torch.randn(R, n, generator=gen, dtype=torch.float64)
    shapes = {"deep    [20, 2, 16, 16, 1]": [d, 2, 16, 16, 1], "shallow [20, 18, 1]       ": [d, 18, 1]}
    test = {}
    print("network                     parameters   train MSE   test MSE / Var(y)   (medians over 10 tasks)")
    for name, sizes in shapes.items():
        params = train(sizes, x, y, gen)
        with torch.no_grad():
            tr = ((mlp_forward(params, x) - y) ** 2).mean(1)
            test[name] = ((mlp_forward(params, x_test) - y_test) ** 2).mean(1) / y_test.var(1)
        print(f"{name}  {n_params(sizes):10d}   {tr.median().item():9.3f}   {test[name].median().item():17.2f}")
    deep, shallow = test.values()
    wins = int((deep < shallow).sum())
    print(f"the deep network has the lower test error in {wins} of {R} tasks")
    assert abs(n_params(shapes["deep    [20, 2, 16, 16, 1]"]) - n_params([d, 18, 1])) < 0.1 * n_params([d, 18, 1])
    assert wins >= 8  # usually, not always: a tendency on data with this layered structure
    assert shallow.median() > 1 and deep.median() < shallow.median() / 2  # shallow: worse than the mean
