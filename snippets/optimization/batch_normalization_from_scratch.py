"""Batch normalization from scratch vs torch.nn.BatchNorm1d, in training and in eval mode."""
import torch


def batchnorm_train(x: torch.Tensor, gamma: torch.Tensor, beta: torch.Tensor, run_mean: torch.Tensor,
                    run_var: torch.Tensor, momentum: float = 0.1,
                    eps: float = 1e-5) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Normalise a batch with its own statistics and update the running ones: ``BatchNorm1d`` in training mode.

    The biased variance (divide by B) normalises the batch; the unbiased one (divide by B - 1)
    updates the running estimate.

    Args:
        x: the batch, shape (B, F).
        gamma: the learned scale, shape (F,).
        beta: the learned shift, shape (F,).
        run_mean: the running mean so far, shape (F,).
        run_var: the running variance so far, shape (F,).
        momentum: the weight of the new batch in the running averages.
        eps: added to the variance before the square root.

    Returns:
        (y, new running mean, new running variance), shapes (B, F), (F,), (F,).

    Examples:
        >>> x = torch.tensor([[1.0, 10.0], [3.0, 30.0]], dtype=torch.float64)
        >>> one, zero = torch.ones(2, dtype=torch.float64), torch.zeros(2, dtype=torch.float64)
        >>> y, m, v = batchnorm_train(x, one, zero, zero, one, eps=0.0)
        >>> y.tolist(), m.round(decimals=3).tolist(), v.round(decimals=3).tolist()  # v = 0.9 * 1 + 0.1 * (2 or 200)
        ([[-1.0, -1.0], [1.0, 1.0]], [0.2, 2.0], [1.1, 20.9])
    """
    mu = x.mean(dim=0)
    var_biased = ((x - mu) ** 2).mean(dim=0)
    y = gamma * (x - mu) / torch.sqrt(var_biased + eps) + beta
    var_unbiased = var_biased * x.shape[0] / (x.shape[0] - 1)
    return y, (1 - momentum) * run_mean + momentum * mu, (1 - momentum) * run_var + momentum * var_unbiased


def batchnorm_eval(x: torch.Tensor, gamma: torch.Tensor, beta: torch.Tensor, run_mean: torch.Tensor,
                   run_var: torch.Tensor, eps: float = 1e-5) -> torch.Tensor:
    """Normalise with the running statistics: ``BatchNorm1d`` in eval mode (each example on its own).

    Args:
        x: the batch, shape (B, F).
        gamma: the learned scale, shape (F,).
        beta: the learned shift, shape (F,).
        run_mean: the running mean, shape (F,).
        run_var: the running variance, shape (F,).
        eps: added to the variance before the square root.

    Returns:
        The normalised batch, shape (B, F).

    Examples:
        >>> batchnorm_eval(torch.tensor([[3.0], [5.0]]), torch.ones(1), torch.zeros(1),
        ...                torch.tensor([1.0]), torch.tensor([4.0]), eps=0.0).tolist()
        [[1.0], [2.0]]
    """
    return gamma * (x - run_mean) / torch.sqrt(run_var + eps) + beta


def skew(v: torch.Tensor) -> torch.Tensor:
    """The sample skewness of each column, E[c^3] / E[c^2]^(3/2) with c = v - mean.

    Args:
        v: the data, shape (B, F).

    Returns:
        The skewness of each column, shape (F,).

    Examples:
        >>> [round(s, 3) for s in skew(torch.tensor([[0.0, 0.0], [0.0, 1.0], [3.0, 2.0]])).tolist()]
        [0.707, 0.0]
    """
    c = v - v.mean(0)
    return (c**3).mean(0) / (c**2).mean(0) ** 1.5


def bound(err: float) -> str:
    """An error as a bound that does not depend on rounding noise.

    Args:
        err: a non-negative error.

    Returns:
        "< 1e-k" for the smallest k in 6..12 that bounds it, or the error itself.

    Examples:
        >>> bound(3e-14), bound(4e-9), bound(0.5)
        ('< 1e-12', '< 1e-08', '5.0e-01')
    """
    return next((f"< 1e-{k:02d}" for k in range(12, 5, -1) if err < 10.0**-k), f"{err:.1e}")


if __name__ == "__main__":
    torch.manual_seed(0)
    F, B, momentum, eps = 4, 16, 0.1, 1e-5
    bn = torch.nn.BatchNorm1d(F, eps=eps, momentum=momentum, dtype=torch.float64)
    with torch.no_grad():
        bn.weight.copy_(torch.rand(F, dtype=torch.float64) + 0.5)  # gamma
        bn.bias.copy_(torch.randn(F, dtype=torch.float64))  # beta
    gamma, beta = bn.weight.detach().clone(), bn.bias.detach().clone()
    run_mean, run_var = torch.zeros(F, dtype=torch.float64), torch.ones(F, dtype=torch.float64)
    run_var_biased = run_var.clone()  # the tempting mistake, tracked for comparison

    # Skewed features with very different scales, the kind of input batch norm is for.
    scale = torch.tensor([1.0, 10.0, 0.1, 100.0], dtype=torch.float64)
    bn.train()
    train_err = 0.0
    for step in range(5):
        x = (torch.empty(B, F, dtype=torch.float64).exponential_() + 3.0) * scale
        y_ref = bn(x)
        y, run_mean, run_var = batchnorm_train(x, gamma, beta, run_mean, run_var, momentum, eps)
        run_var_biased = (1 - momentum) * run_var_biased + momentum * x.var(dim=0, unbiased=False)
        train_err = max(train_err, (y - y_ref).abs().max().item(), (run_mean - bn.running_mean).abs().max().item(),
                        (run_var - bn.running_var).abs().max().item())
    assert train_err < 1e-6
    assert not torch.allclose(run_var_biased, bn.running_var, rtol=1e-3)  # biased: does not match

    # A batch-normalised feature has mean beta and standard deviation gamma sqrt(var / (var + eps)).
    z, var = (y - beta) / gamma, x.var(0, unbiased=False)
    assert torch.allclose(z.mean(0), torch.zeros(F, dtype=torch.float64), atol=1e-9)
    assert torch.allclose(z.std(0, unbiased=False), torch.sqrt(var / (var + eps)), atol=1e-9)

    bn.eval()
    x_test = (torch.empty(3, F, dtype=torch.float64).exponential_() + 3.0) * scale
    y_eval = batchnorm_eval(x_test, gamma, beta, run_mean, run_var, eps)
    eval_err = (y_eval - bn(x_test)).abs().max().item()
    assert eval_err < 1e-6
    assert torch.allclose(bn(x_test[:1]), y_eval[:1], atol=1e-12)  # in eval mode the batch no longer matters

    # The shape is untouched: a large batch of skewed features stays exactly as skewed (it is not made normal).
    x_big = (torch.empty(2000, F, dtype=torch.float64).exponential_() + 3.0) * scale
    y_big = batchnorm_train(x_big, gamma, beta, run_mean, run_var, momentum, eps)[0]
    assert torch.allclose(skew(y_big), skew(x_big), atol=1e-9) and (skew(y_big) > 1).all()

    print(f"train mode: max |ours - torch| {bound(train_err)} (outputs and running statistics, 5 batches)")
    print(f"eval mode:  max |ours - torch| {bound(eval_err)}")
    print(f"running mean after 5 batches: {run_mean.numpy().round(2)}")
    print(f"skewness of 2000 examples, before: {skew(x_big).numpy().round(2)}, after: {skew(y_big).numpy().round(2)}")
