"""Gradient norm clipping from scratch vs torch.nn.utils.clip_grad_norm_, and a cliff."""
import torch


def clip_grad_norm(grads: list[torch.Tensor], max_norm: float,
                   eps: float = 1e-6) -> tuple[list[torch.Tensor], torch.Tensor]:
    """Rescale gradient tensors so that their joint L2 norm is at most ``max_norm``.

    Matches ``torch.nn.utils.clip_grad_norm_``: the norm is taken over all tensors together,
    and a gradient whose norm is already below ``max_norm`` passes unchanged.

    Args:
        grads: the gradients, any shapes.
        max_norm: the threshold v.
        eps: added to the norm in the denominator.

    Returns:
        (the clipped gradients, same shapes; their joint norm before clipping, a scalar tensor).

    Examples:
        >>> clipped, norm = clip_grad_norm([torch.tensor([3.0]), torch.tensor([4.0])], max_norm=1.0)
        >>> norm.item(), [round(g.item(), 4) for g in clipped]
        (5.0, [0.6, 0.8])
    """
    total = torch.sqrt(sum((g**2).sum() for g in grads))
    coef = torch.clamp(max_norm / (total + eps), max=1.0)  # never scales gradients UP
    return [g * coef for g in grads], total


def cliff_loss(w: torch.Tensor) -> torch.Tensor:
    """L(w) = (w^20 - 1)^2: almost flat for |w| < 1 and a wall beyond it.

    Args:
        w: the parameter, any shape.

    Returns:
        The loss, same shape as w.

    Examples:
        >>> cliff_loss(torch.tensor([0.0, 1.0])).tolist()
        [1.0, 0.0]
    """
    return (w**20 - 1) ** 2


if __name__ == "__main__":
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1)).double()
    x, y = torch.randn(32, 4, dtype=torch.float64), torch.randn(32, 1, dtype=torch.float64)
    for max_norm, label_scale in [(1.0, 100.0), (100.0, 1.0)]:  # a large and a small gradient
        net.zero_grad()
        torch.nn.functional.mse_loss(net(x), label_scale * y).backward()
        before = [p.grad.clone() for p in net.parameters()]
        ours, total = clip_grad_norm(before, max_norm)
        total_ref = torch.nn.utils.clip_grad_norm_(net.parameters(), max_norm)
        diff = max((a - p.grad).abs().max().item() for a, p in zip(ours, net.parameters()))
        new_norm = torch.sqrt(sum((g**2).sum() for g in ours)).item()
        print(f"max_norm {max_norm:5.1f}: norm before {total.item():9.3f}, after {new_norm:9.3f},"
              f" max |ours - torch| {'< 1e-12' if diff < 1e-12 else f'{diff:.1e}'}")
        assert abs(total.item() - total_ref.item()) < 1e-9 and diff < 1e-9
        assert new_norm <= max_norm + 1e-6
        cos = sum((a * b).sum() for a, b in zip(ours, before)) / (new_norm * total)
        assert abs(cos.item() - 1) < 1e-9  # the direction is kept, only the length changes
        if total <= max_norm:
            assert abs(new_norm - total.item()) < 1e-9  # small gradients pass unchanged
        else:
            assert abs(new_norm - max_norm) < 1e-6  # large ones come out with norm max_norm

    w0, lr = torch.tensor(1.2, dtype=torch.float64, requires_grad=True), 0.01
    (g,) = torch.autograd.grad(cliff_loss(w0), w0)
    w_plain = w0.detach() - lr * g  # one ordinary step
    (g_clip,), _ = clip_grad_norm([g], max_norm=10.0)
    w_clip = w0.detach() - lr * g_clip  # one clipped step
    print(f"at w = 1.2: gradient {g.item():.3e}, loss {cliff_loss(w0).item():.1f}")
    print(f"plain step   -> w = {w_plain.item():10.3f}, loss {cliff_loss(w_plain).item():.3e}")
    print(f"clipped step -> w = {w_clip.item():10.3f}, loss {cliff_loss(w_clip).item():.3e}")
    assert abs(w_plain.item()) > 100 and cliff_loss(w_plain) > 1e40  # thrown far off the cliff
    assert abs((w_clip - w0).item()) <= lr * 10.0 + 1e-12  # step length <= lr * max_norm
    assert cliff_loss(w_clip) < cliff_loss(w0)  # and it actually helps
