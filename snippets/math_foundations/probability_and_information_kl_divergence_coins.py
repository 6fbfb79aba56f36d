"""KL divergence of two coins, in nats and bits, both directions, checked against torch."""
import math

import torch
import torch.nn.functional as F


def kl(p: torch.Tensor, q: torch.Tensor) -> torch.Tensor:
    """D_KL(p || q) = sum_i p_i log(p_i / q_i), in nats; equals ``F.kl_div(q.log(), p, reduction="sum")``.

    Args:
        p: a probability distribution, shape (K,), all entries positive.
        q: a probability distribution over the same K outcomes, shape (K,), all entries positive.

    Returns:
        The divergence, a 0-dimensional tensor (divide by ln 2 for bits).

    Examples:
        >>> round(kl(torch.tensor([0.5, 0.5]), torch.tensor([0.5, 0.5])).item(), 6)
        0.0
        >>> round(kl(torch.tensor([0.5, 0.5]), torch.tensor([0.25, 0.75])).item() / math.log(2), 4)  # bits
        0.2075
    """
    return torch.sum(p * (torch.log(p) - torch.log(q)))


if __name__ == "__main__":
    P = torch.tensor([0.5, 0.5], dtype=torch.float64)
    Q = torch.tensor([0.9, 0.1], dtype=torch.float64)

    pq, qp = kl(P, Q).item(), kl(Q, P).item()
    # F.kl_div(input, target) computes sum target * (log target - input):
    # the INPUT must already be log-probabilities, and the TARGET plays the role of P.
    torch_pq = F.kl_div(Q.log(), P, reduction="sum").item()
    torch_qp = F.kl_div(P.log(), Q, reduction="sum").item()

    print(f"D_KL(P||Q) = {pq:.4f} nats = {pq / math.log(2):.4f} bits")
    print(f"D_KL(Q||P) = {qp:.4f} nats = {qp / math.log(2):.4f} bits")
    print(f"torch kl_div(Q.log(), P): {torch_pq:.4f}   kl_div(P.log(), Q): {torch_qp:.4f}")

    assert abs(pq - torch_pq) < 1e-12 and abs(qp - torch_qp) < 1e-12
    assert abs(pq - (0.5 * math.log(0.5 / 0.9) + 0.5 * math.log(0.5 / 0.1))) < 1e-12
    assert pq > 0 and qp > 0 and abs(pq - qp) > 0.1  # positive, and not symmetric
    terms = P * (P.log() - Q.log())  # per-outcome contributions
    assert terms[1] > 2 * abs(terms[0])  # the outcome Q finds unlikely dominates
    # 0.36 (the notes' value) is not D_KL(P||Q) in nats or in bits; it is close only to D_KL(Q||P) in nats.
    assert abs(pq - 0.36) > 0.1 and abs(pq / math.log(2) - 0.36) > 0.1
    assert abs(qp - 0.36) < 0.01
    # Cross entropy = entropy + KL:  H(P, Q) = H(P) + D_KL(P||Q).
    H_P = -(P * P.log()).sum().item()
    H_PQ = -(P * Q.log()).sum().item()
    assert abs(H_PQ - (H_P + pq)) < 1e-12
    print(f"H(P) = {H_P:.4f}, H(P, Q) = {H_PQ:.4f} = H(P) + D_KL(P||Q)")

    # Never negative, zero only when P = Q: 1000 random pairs of distributions over 5 outcomes.
    torch.manual_seed(0)
    ps, qs = torch.rand(1000, 5, dtype=torch.float64), torch.rand(1000, 5, dtype=torch.float64)
    ps, qs = ps / ps.sum(1, keepdim=True), qs / qs.sum(1, keepdim=True)
    d = torch.stack([kl(p, q) for p, q in zip(ps, qs)])
    same = torch.stack([kl(p, p) for p in ps]).abs().max().item()
    print(f"1000 random pairs: smallest D_KL(P||Q) {'> 0' if d.min() > 0 else '<= 0'}; "
          f"largest |D_KL(P||P)| {'< 1e-15' if same < 1e-15 else f'{same:.1e}'}")
    assert d.min() > 0 and same < 1e-15
