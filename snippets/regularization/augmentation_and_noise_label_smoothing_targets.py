"""Label smoothing by hand vs torch's cross_entropy(label_smoothing=eps)."""
import math

import torch
import torch.nn.functional as F


def smoothed_targets(y: torch.Tensor, K: int, eps: float) -> torch.Tensor:
    """Label-smoothed targets in torch's convention: (1 - eps) onehot(y) + eps / K, eps spread over all K classes.

    Args:
        y: the labels, shape (N,).
        K: the number of classes.
        eps: the smoothing, in [0, 1].

    Returns:
        The targets, shape (N, K), float64, each row summing to 1.

    Examples:
        >>> smoothed_targets(torch.tensor([1]), K=4, eps=0.2).round(decimals=4).tolist()
        [[0.05, 0.85, 0.05, 0.05]]
    """
    return (1 - eps) * F.one_hot(y, K).double() + eps / K


def smoothed_cross_entropy(logits: torch.Tensor, y: torch.Tensor, eps: float) -> torch.Tensor:
    """The mean of -sum_k q_k log softmax(logits)_k; matches ``F.cross_entropy(logits, y, label_smoothing=eps)``.

    Args:
        logits: the scores, shape (N, K).
        y: the labels, shape (N,).
        eps: the smoothing.

    Returns:
        The loss, a 0-dimensional tensor.

    Examples:
        >>> round(smoothed_cross_entropy(torch.zeros(1, 4, dtype=torch.float64), torch.tensor([0]), 0.1).item(), 4)
        1.3863
    """
    q = smoothed_targets(y, logits.shape[1], eps)
    return -(q * torch.log_softmax(logits, dim=1)).sum(1).mean()


def losses_at(gap: float, K: int, eps: float) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The hard-target and the smoothed cross entropy of the logits [gap, 0, ..., 0] with true class 0.

    Args:
        gap: how far the true class's logit is above the others.
        K: the number of classes.
        eps: the smoothing.

    Returns:
        (hard loss, smoothed loss, the logits (1, K) with requires_grad, for autograd).

    Examples:
        >>> hard, soft, z = losses_at(0.0, 4, 0.1)
        >>> round(hard.item(), 4), round(soft.item(), 4)  # uniform prediction: log 4 either way
        (1.3863, 1.3863)
    """
    z = torch.tensor([[gap] + [0.0] * (K - 1)], dtype=torch.float64, requires_grad=True)
    hard = F.cross_entropy(z, torch.tensor([0]))
    soft = F.cross_entropy(z, torch.tensor([0]), label_smoothing=eps)
    return hard, soft, z


if __name__ == "__main__":
    torch.manual_seed(0)
    N, K, eps = 6, 5, 0.1
    logits = torch.randn(N, K, dtype=torch.float64) * 3
    y = torch.randint(0, K, (N,))
    ours = smoothed_cross_entropy(logits, y, eps)
    theirs = F.cross_entropy(logits, y, label_smoothing=eps)
    print(f"by hand {ours.item():.10f}\ntorch   {theirs.item():.10f}")
    assert abs(ours - theirs) < 1e-12

    q = smoothed_targets(y, K, eps)[0]
    print(f"torch targets, eps = {eps}: true class {q.max():.3f}, others {q.min():.3f}")
    # The "correct with probability 1 - eps" convention puts eps/(K-1) on each wrong class;
    # it is torch's convention with eps * K / (K - 1).
    book = torch.full((K,), eps / (K - 1), dtype=torch.float64)
    book[y[0]] = 1 - eps
    torch_eq = smoothed_targets(y[:1], K, eps * K / (K - 1))[0]
    print(f"book targets,  eps = {eps}: true class {book.max():.3f}, others {book.min():.4f}")
    assert torch.allclose(book, torch_eq, atol=1e-15)

    # Why it regularizes: with hard targets the loss keeps falling as the true logit grows
    # without bound; the smoothed loss has a finite minimizer, where softmax(z) = q.
    best_gap = math.log((1 - eps + eps / K) / (eps / K))
    gaps = [2.0, 5.0, 10.0, 20.0]
    table = [losses_at(g, K, eps)[:2] for g in gaps]
    for g, (hard, soft) in zip(gaps, table):
        print(f"logit gap {g:5.1f}: hard-target loss {hard.item():.2e}  smoothed loss {soft.item():.4f}")
    hard, soft, z = losses_at(best_gap, K, eps)
    soft.backward()
    print(f"logit gap {best_gap:5.2f}: smoothed loss {soft.item():.4f}  <- log((1-eps+eps/K)/(eps/K))")
    assert z.grad.abs().max() < 1e-12  # autograd: zero gradient at the finite optimum
    assert all(soft < s for _, s in table)
    assert all(a > b > 0 for (a, _), (b, _) in zip(table, table[1:]))  # hard: no finite minimizer
