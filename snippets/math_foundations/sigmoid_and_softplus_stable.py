"""Softplus ln(1 + e^x): its derivative is the sigmoid, and a stable form avoids overflow."""
import torch
import torch.nn.functional as F


def softplus_naive(x: torch.Tensor) -> torch.Tensor:
    """ln(1 + exp(x)) exactly as written: overflows for large x, rounds to 0 for very negative x.

    Args:
        x: any tensor, shape (...).

    Returns:
        ln(1 + e^x), the same shape as ``x`` (``inf`` or 0 where floating point fails).

    Examples:
        >>> softplus_naive(torch.tensor([0.0, -40.0, 800.0], dtype=torch.float64)).tolist()
        [0.6931471805599453, 0.0, inf]
    """
    return torch.log(1 + torch.exp(x))


def softplus_stable(x: torch.Tensor) -> torch.Tensor:
    """max(x, 0) + log1p(exp(-|x|)): the same function, with no overflow; matches ``F.softplus``.

    Args:
        x: any tensor, shape (...).

    Returns:
        ln(1 + e^x), the same shape as ``x``, every entry positive.

    Examples:
        >>> softplus_stable(torch.tensor([0.0, 800.0], dtype=torch.float64)).tolist()
        [0.6931471805599453, 800.0]
        >>> f"{softplus_stable(torch.tensor(-40.0, dtype=torch.float64)).item():.4e}"  # ~ e^-40
        '4.2484e-18'
    """
    return torch.clamp(x, min=0) + torch.log1p(torch.exp(-x.abs()))


if __name__ == "__main__":
    # 1) The derivative of softplus is the sigmoid (autograd vs torch.sigmoid).
    x = torch.linspace(-10, 10, 201, dtype=torch.float64, requires_grad=True)
    (grad,) = torch.autograd.grad(softplus_stable(x).sum(), x)
    d_err = (grad - torch.sigmoid(x)).abs().max().item()
    assert d_err < 1e-12
    assert (softplus_stable(x) > 0).all()  # range (0, inf): it cannot output a negative value
    print(f"max |d softplus/dx - sigmoid(x)| on [-10, 10]: {'< 1e-15' if d_err < 1e-15 else f'{d_err:.1e}'}")

    # 2) Large |x|: the formula as written breaks, the rewritten one does not.
    big = torch.tensor([-100.0, -40.0, -1.0, 0.0, 1.0, 40.0, 800.0], dtype=torch.float64)
    naive, stable, ref = softplus_naive(big), softplus_stable(big), F.softplus(big)
    print(f"{'x':>7} {'naive':>12} {'stable':>22} {'torch':>22}")
    for xi, a, b, c in zip(big.tolist(), naive.tolist(), stable.tolist(), ref.tolist()):
        print(f"{xi:7.0f} {a:12.4g} {b:22.16g} {c:22.16g}")

    assert torch.allclose(stable, ref, rtol=1e-12, atol=0)  # agrees with torch everywhere
    assert torch.isinf(naive[-1])  # exp(800) overflows to inf
    assert naive[1] == 0 and stable[1] > 0  # 1 + e^-40 rounds to 1: answer lost
    assert abs(stable[1].item() / torch.exp(big[1]).item() - 1) < 1e-15  # softplus(x) ~ e^x for x << 0
    # Identities: softplus(x) - softplus(-x) = x, and softplus(-x) = -log sigmoid(x).
    assert torch.allclose(softplus_stable(x) - softplus_stable(-x), x, atol=1e-12)
    assert torch.allclose(softplus_stable(-x), -F.logsigmoid(x), atol=1e-12)
    print("softplus(x) - softplus(-x) = x and softplus(-x) = -log sigmoid(x): checked")
