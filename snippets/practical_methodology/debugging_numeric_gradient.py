"""Gradient checking: centred differences vs autograd, and torch.autograd.gradcheck on a custom op."""
from collections.abc import Callable

import torch


def numerical_grad(f: Callable[..., torch.Tensor], params: list[torch.Tensor], eps: float,
                   centred: bool = True) -> list[torch.Tensor]:
    """Finite-difference gradient of a scalar function, perturbing one entry at a time.

    Centred: (f(p + eps) - f(p - eps)) / (2 eps), error O(eps^2); forward: (f(p + eps) - f(p)) / eps, O(eps).

    Args:
        f: the scalar function, called as f(*params).
        params: the tensors it depends on (float64), any shapes.
        eps: the step.
        centred: centred (True) or forward (False) differences.

    Returns:
        One tensor per parameter, shaped like it.

    Examples:
        >>> g = numerical_grad(lambda a: (a**3).sum(), [torch.tensor([1.0, 2.0], dtype=torch.float64)], 1e-3)
        >>> g[0].round(decimals=5).tolist()  # 3 a^2, plus eps^2 = 1e-6
        [3.0, 12.0]
    """
    grads = []
    for k, p in enumerate(params):
        g = torch.zeros_like(p)
        for i in range(p.numel()):
            e = torch.zeros_like(p).view(-1)
            e[i] = eps
            plus = [q + e.view_as(q) if j == k else q for j, q in enumerate(params)]
            minus = [q - e.view_as(q) if j == k else q for j, q in enumerate(params)]
            lo = f(*minus) if centred else f(*params)
            g.view(-1)[i] = (f(*plus) - lo) / (2 * eps if centred else eps)
        grads.append(g)
    return grads


def rel_error(a: list[torch.Tensor], b: list[torch.Tensor]) -> float:
    """|a - b| / (|a| + |b|), with every tensor of each list flattened into one vector.

    Args:
        a: tensors, any shapes.
        b: tensors shaped like a.

    Returns:
        The relative error, in [0, 1].

    Examples:
        >>> rel_error([torch.tensor([3.0, 4.0])], [torch.tensor([3.0, 4.0])]), rel_error([torch.ones(2)], [-torch.ones(2)])
        (0.0, 1.0)
    """
    a, b = torch.cat([t.flatten() for t in a]), torch.cat([t.flatten() for t in b])
    return ((a - b).norm() / (a.norm() + b.norm())).item()


class _SiLUFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: torch.Tensor, buggy: bool) -> torch.Tensor:  # noqa: ANN001
        ctx.save_for_backward(x)
        ctx.buggy = buggy
        return x * torch.sigmoid(x)

    @staticmethod
    def backward(ctx, grad_out: torch.Tensor) -> tuple[torch.Tensor, None]:  # noqa: ANN001
        (x,) = ctx.saved_tensors
        s = torch.sigmoid(x)
        return grad_out * (s if ctx.buggy else s * (1 + x * (1 - s))), None  # the bug forgets the product rule


def silu(x: torch.Tensor, buggy: bool = False) -> torch.Tensor:
    """x * sigmoid(x) with a hand-written backward; matches torch.nn.functional.silu.

    Args:
        x: any shape.
        buggy: use a backward that forgets the product rule (sigmoid(x) instead of s (1 + x (1 - s))).

    Returns:
        The activation, shaped like x; differentiable through the hand-written backward.

    Examples:
        >>> x = torch.tensor([0.0, 2.0], dtype=torch.float64, requires_grad=True)
        >>> torch.autograd.grad(silu(x).sum(), x)[0].round(decimals=4).tolist()
        [0.5, 1.0908]
    """
    return _SiLUFunction.apply(x, buggy)


if __name__ == "__main__":
    torch.manual_seed(0)
    x, y = torch.randn(16, 3, dtype=torch.float64), torch.randn(16, 1, dtype=torch.float64)
    params = [torch.randn(3, 4, dtype=torch.float64), torch.randn(4, dtype=torch.float64),
              torch.randn(4, 1, dtype=torch.float64)]

    def loss_fn(W1: torch.Tensor, b1: torch.Tensor, W2: torch.Tensor) -> torch.Tensor:  # a 3-4-1 tanh network
        return ((torch.tanh(x @ W1 + b1) @ W2 - y) ** 2).mean()

    leaves = [p.clone().requires_grad_() for p in params]
    auto = torch.autograd.grad(loss_fn(*leaves), leaves)
    print(" eps     centred rel. error   forward rel. error")
    errs = {}
    for eps in [1e-2, 1e-4, 1e-6]:
        errs[eps] = (rel_error(auto, numerical_grad(loss_fn, params, eps)),
                     rel_error(auto, numerical_grad(loss_fn, params, eps, centred=False)))
        shown = [f"{e:18.1e}" if e > 1e-9 else f"{'< 1e-9':>18s}" for e in errs[eps]]  # below: round-off noise
        print(f"{eps:5.0e}   {shown[0]}   {shown[1]}")
    assert errs[1e-6][0] < 1e-8  # backprop agrees with the centred difference
    assert 50 < errs[1e-2][1] / errs[1e-4][1] < 200  # forward error ~ eps: 100x smaller eps, 100x
    assert errs[1e-2][0] / errs[1e-4][0] > 1000  # centred error ~ eps^2: ~10^4x
    assert errs[1e-4][0] / errs[1e-6][0] < 1000  # ... until round-off sets a floor

    z = torch.randn(20, dtype=torch.float64, requires_grad=True)
    ok = torch.autograd.gradcheck(silu, (z,))
    bad = torch.autograd.gradcheck(lambda t: silu(t, buggy=True), (z,), raise_exception=False)
    print(f"gradcheck, correct backward: {ok};  gradcheck, buggy backward: {bad}")
    assert ok and not bad
    g_ours = torch.autograd.grad(silu(z).sum(), z)[0]
    g_torch = torch.autograd.grad(torch.nn.functional.silu(z).sum(), z)[0]
    assert torch.allclose(g_ours, g_torch, atol=1e-12)
