"""Model compression: train a small net on a big net's outputs at freshly sampled inputs."""
import torch


def tanh_mlp(width: int) -> torch.nn.Module:
    """A 2-width-width-1 network with tanh units, in float64.

    Args:
        width: the units per hidden layer.

    Returns:
        A ``torch.nn.Sequential`` mapping shape (n, 2) to shape (n, 1).

    Examples:
        >>> sum(p.numel() for p in tanh_mlp(8).parameters())  # 2*8+8 + 8*8+8 + 8+1
        105
    """
    return torch.nn.Sequential(torch.nn.Linear(2, width), torch.nn.Tanh(), torch.nn.Linear(width, width),
                               torch.nn.Tanh(), torch.nn.Linear(width, 1)).double()


def fit(net: torch.nn.Module, x: torch.Tensor, y: torch.Tensor, steps: int, lbfgs: bool = False) -> torch.nn.Module:
    """Minimise the mean squared error of net on (x, y), full batch: Adam (lr 1e-2) or L-BFGS.

    Args:
        net: the model, shape (n, d) to (n, 1).
        x: the inputs, shape (n, d).
        y: the targets, shape (n, 1).
        steps: Adam updates, or L-BFGS iterations.
        lbfgs: use L-BFGS with a line search, which converges reliably on a small full-batch problem.

    Returns:
        The trained net (trained in place).

    Examples:
        >>> x = torch.linspace(-1, 1, 20, dtype=torch.float64)[:, None].repeat(1, 2)
        >>> net = fit(tanh_mlp(4), x, x[:, :1] ** 2, steps=100, lbfgs=True)
        >>> torch.nn.functional.mse_loss(net(x), x[:, :1] ** 2).item() < 1e-4
        True
    """
    opt = (torch.optim.LBFGS(net.parameters(), max_iter=steps, history_size=10, line_search_fn="strong_wolfe",
                             tolerance_grad=1e-12, tolerance_change=1e-14) if lbfgs
           else torch.optim.Adam(net.parameters(), lr=1e-2))

    def closure() -> torch.Tensor:
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(net(x), y)
        loss.backward()
        return loss

    for _ in range(1 if lbfgs else steps):  # one L-BFGS call runs all its iterations
        opt.step(closure)
    return net


if __name__ == "__main__":
    torch.manual_seed(0)
    truth = lambda x: torch.sin(2 * x[:, :1]) * torch.cos(x[:, 1:])  # noqa: E731  the function behind the labels
    x_tr = torch.rand(200, 2, dtype=torch.float64) * 4 - 2  # 200 labelled examples
    y_tr = truth(x_tr) + 0.1 * torch.randn(200, 1, dtype=torch.float64)
    x_te = torch.rand(1000, 2, dtype=torch.float64) * 4 - 2
    teacher = fit(tanh_mlp(32), x_tr, y_tr, 250)  # Adam, stopped early
    with torch.no_grad():  # sample inputs like the data: training points, jittered
        x_new = x_tr.repeat(5, 1) + 0.3 * torch.randn(1000, 2, dtype=torch.float64)
        y_new = teacher(x_new)  # the teacher labels as many points as we care to draw
    student = fit(tanh_mlp(8), x_new, y_new, 300, lbfgs=True)

    with torch.no_grad():
        err_t = torch.nn.functional.mse_loss(teacher(x_te), truth(x_te)).item()
        err_s = torch.nn.functional.mse_loss(student(x_te), truth(x_te)).item()
        gap = torch.nn.functional.mse_loss(student(x_te), teacher(x_te)).item()
        spread = teacher(x_te).var().item()
    n_t, n_s = (sum(p.numel() for p in net.parameters()) for net in (teacher, student))
    print(f"parameters: teacher {n_t}, student {n_s}")
    print(f"test MSE against the true function: teacher {err_t:.4f}, student {err_s:.4f}")
    print(f"student vs teacher: MSE {gap:.4f}, while the teacher's outputs vary with variance {spread:.3f}")
    assert n_s * 10 < n_t
    assert gap < 0.02 * spread  # the student reproduces the teacher's function closely ...
    assert err_s < 1.5 * err_t  # ... and so stays nearly as accurate with 1/10 of the weights
