"""Label smoothing by hand vs torch's cross_entropy(label_smoothing=eps)."""
import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
N, K, eps = 6, 5, 0.1
logits = torch.randn(N, K, dtype=torch.float64) * 3
y = torch.randint(0, K, (N,))


def smoothed_targets(y, K, eps):
    """Targets (N, K) for labels y (N,): torch's convention, eps spread over all K classes."""
    return (1 - eps) * F.one_hot(y, K).double() + eps / K


def smoothed_cross_entropy(logits, y, eps):
    """Mean of -sum_k q_k log softmax(logits)_k; matches F.cross_entropy(label_smoothing=eps)."""
    q = smoothed_targets(y, logits.shape[1], eps)
    return -(q * torch.log_softmax(logits, dim=1)).sum(1).mean()


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


def losses_at(gap):
    """(hard, smoothed) cross entropy of logits [gap, 0, ..., 0] with true class 0."""
    z = torch.tensor([[gap] + [0.0] * (K - 1)], dtype=torch.float64, requires_grad=True)
    hard = F.cross_entropy(z, torch.tensor([0]))
    soft = F.cross_entropy(z, torch.tensor([0]), label_smoothing=eps)
    return hard, soft, z


# Why it regularizes: with hard targets the loss keeps falling as the true logit grows
# without bound; the smoothed loss has a finite minimizer, where softmax(z) = q.
best_gap = math.log((1 - eps + eps / K) / (eps / K))
gaps = [2.0, 5.0, 10.0, 20.0]
table = [losses_at(g)[:2] for g in gaps]
for g, (hard, soft) in zip(gaps, table):
    print(f"logit gap {g:5.1f}: hard-target loss {hard.item():.2e}  smoothed loss {soft.item():.4f}")
hard, soft, z = losses_at(best_gap)
soft.backward()
print(f"logit gap {best_gap:5.2f}: smoothed loss {soft.item():.4f}  <- log((1-eps+eps/K)/(eps/K))")
assert z.grad.abs().max() < 1e-12  # autograd: zero gradient at the finite optimum
assert all(soft < s for _, s in table)
assert all(a > b > 0 for (a, _), (b, _) in zip(table, table[1:]))  # hard: no finite minimizer
