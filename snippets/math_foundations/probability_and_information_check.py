"""Exercises for the probability and information page: KL divergences in bits in both directions,
torch's kl_div argument order, cross entropy, and the parameters of a chain model."""
import contextlib
import io
import itertools
import json
import math

import numpy as np
import torch
import torch.nn.functional as F


def printed(code: str) -> str:
    """What a few lines of code print, run in a fresh namespace that has torch and F (torch.nn.functional).

    Args:
        code: the lines.

    Returns:
        Their output, stripped.

    Examples:
        >>> printed("print(F.relu(torch.tensor(-1.0)).item())")
        '0.0'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"torch": torch, "F": F})
    return out.getvalue().strip()


def kl_bits(p: list[float], q: list[float]) -> float:
    """D_KL(p || q) in bits.

    Args:
        p: a distribution, length K, positive entries.
        q: a distribution over the same K outcomes, positive entries.

    Returns:
        sum_i p_i log2(p_i / q_i).

    Examples:
        >>> kl_bits([0.5, 0.5], [0.5, 0.5])
        0.0
    """
    return sum(pi * math.log2(pi / qi) for pi, qi in zip(p, q))


def chain_parameters(n: int, k: int) -> int:
    """Free parameters of a chain x_1 -> x_2 -> ... -> x_n of variables with k values each.

    Args:
        n: the number of variables.
        k: the number of values per variable.

    Returns:
        (k - 1) for p(x_1) plus k (k - 1) for each of the n - 1 conditionals.

    Examples:
        >>> chain_parameters(3, 2)
        5
    """
    return (k - 1) + (n - 1) * k * (k - 1)


if __name__ == "__main__":
    P, Q = [0.5, 0.25, 0.25], [1 / 3, 1 / 3, 1 / 3]
    pq, qp = kl_bits(P, Q), kl_bits(Q, P)
    H_P = -sum(p * math.log2(p) for p in P)
    assert abs(pq - (math.log2(3) - H_P)) < 1e-12 and abs(pq - qp) > 1e-3

    code_kl = """P = torch.tensor([0.5, 0.5])
Q = torch.tensor([0.8, 0.2])
print(round(F.kl_div(P.log(), Q, reduction="sum").item(), 3))"""
    out_kl = printed(code_kl)
    kl_qp_nats = 0.8 * math.log(0.8 / 0.5) + 0.2 * math.log(0.2 / 0.5)
    assert float(out_kl) == round(kl_qp_nats, 3)

    Pc, Qc = [0.5, 0.5], [0.8, 0.2]
    ce = -sum(p * math.log(q) for p, q in zip(Pc, Qc))
    assert abs(ce - (math.log(2) + kl_bits(Pc, Qc) * math.log(2))) < 1e-12

    n, k = 5, 3
    n_chain, n_full = chain_parameters(n, k), k**n - 1

    # a -> b -> c: c is independent of a given b, but not independent of a (checked on a random chain).
    rng = np.random.default_rng(0)
    pa = rng.dirichlet(np.ones(3))
    pba, pcb = rng.dirichlet(np.ones(3), size=3), rng.dirichlet(np.ones(3), size=3)
    joint = pa[:, None, None] * pba[:, :, None] * pcb[None, :, :]
    c_given_ab = joint / joint.sum(2, keepdims=True)
    assert all(np.allclose(c_given_ab[a, b], pcb[b]) for a, b in itertools.product(range(3), range(3)))
    p_ac = joint.sum(1)
    assert np.abs(p_ac - p_ac.sum(1, keepdims=True) * p_ac.sum(0, keepdims=True)).max() > 1e-3

    exercises = [
        {"id": "kl-bits-three-outcomes", "concept": "kl-divergence", "kind": "numeric",
         "question": "$P = (\\tfrac12, \\tfrac14, \\tfrac14)$ and $Q$ is uniform over the same three outcomes. "
                     "What is $D_{\\mathrm{KL}}(P\\|Q)$ in bits? Give 3 decimals.",
         "answer": round(pq, 6), "tolerance": 0.0015,
         "hint": "Use $\\log_2$; or note that against a uniform $Q$ the divergence is $\\log_2 3 - H(P)$.",
         "solution": f"$\\tfrac12\\log_2\\frac{{1/2}}{{1/3}} + 2 \\cdot \\tfrac14\\log_2\\frac{{1/4}}{{1/3}} = "
                     f"\\log_2 3 - H(P) = {math.log2(3):.4f} - {H_P:.4f} = {pq:.3f}$ bits."},
        {"id": "kl-bits-reverse", "concept": "kl-divergence", "kind": "numeric",
         "question": "Same two distributions, the other direction: what is $D_{\\mathrm{KL}}(Q\\|P)$ in bits, "
                     "with $Q$ uniform and $P = (\\tfrac12, \\tfrac14, \\tfrac14)$? Give 3 decimals.",
         "answer": round(qp, 6), "tolerance": 0.0015,
         "hint": "Now the weights of the average are $Q$'s: $\\sum_x Q(x)\\log_2(Q(x)/P(x))$.",
         "solution": f"$\\tfrac13\\left(\\log_2\\frac{{1/3}}{{1/2}} + 2\\log_2\\frac{{1/3}}{{1/4}}\\right) = {qp:.3f}$ bits, "
                     f"not the {pq:.3f} of the other direction: the divergence is not symmetric."},
        {"id": "kl-div-argument-order", "concept": "kl-divergence", "kind": "predict",
         "question": "What does this print? (The printed number is in nats.)",
         "code": code_kl, "answer": float(out_kl), "tolerance": 0.0015,
         "hint": "`kl_div(input, target)` sums `target * (log(target) - input)`: which distribution weights the sum?",
         "solution": f"It prints `{out_kl}`. With `input = P.log()` and `target = Q` it computes "
                     f"$\\sum Q \\log(Q/P) = D_{{\\mathrm{{KL}}}}(Q\\|P) = 0.8\\ln 1.6 + 0.2\\ln 0.4 = {kl_qp_nats:.4f}$ nats, "
                     f"not $D_{{\\mathrm{{KL}}}}(P\\|Q) = {kl_bits(Pc, Qc) * math.log(2):.4f}$."},
        {"id": "cross-entropy-from-kl", "concept": "kl-divergence", "kind": "numeric",
         "question": "A fair coin $P$ is modelled by $Q = (0.8, 0.2)$. What is the cross entropy $H(P, Q)$ in nats? "
                     "Give 3 decimals.",
         "answer": round(ce, 6), "tolerance": 0.0015,
         "hint": "$H(P, Q) = -\\sum_x P(x)\\ln Q(x)$, which is also $H(P) + D_{\\mathrm{KL}}(P\\|Q)$.",
         "solution": f"$-0.5\\ln 0.8 - 0.5\\ln 0.2 = {ce:.3f}$ nats $= \\ln 2 + D_{{\\mathrm{{KL}}}}(P\\|Q) = "
                     f"{math.log(2):.4f} + {ce - math.log(2):.4f}$."},
        {"id": "chain-parameter-count", "concept": "structured-probabilistic-model", "kind": "numeric",
         "question": f"A chain $x_1 \\to x_2 \\to \\dots \\to x_{n}$ has {n} variables with {k} values each. How many free "
                     "parameters does the chain model need?",
         "answer": n_chain, "tolerance": 0.5,
         "hint": "$p(x_1)$ needs $k - 1$ numbers; each conditional table $p(x_i \\mid x_{i-1})$ needs $k - 1$ per "
                 "value of the parent.",
         "solution": f"$(k - 1) + (n - 1)k(k - 1) = {k - 1} + {n - 1} \\cdot {k * (k - 1)} = {n_chain}$, against "
                     f"${k}^{n} - 1 = {n_full}$ for the full joint table."},
        {"id": "chain-independence", "concept": "structured-probabilistic-model", "kind": "choice",
         "question": "For the chain $a \\to b \\to c$, $p(a, b, c) = p(a)\\,p(b \\mid a)\\,p(c \\mid b)$ with generic "
                     "tables, which statement holds?",
         "options": [
             {"text": "$c$ is independent of $a$",
              "why": "No: $a$ influences $c$ through $b$; on a random chain $p(a, c) \\ne p(a)p(c)$."},
             {"text": "$c$ is independent of $a$ given $b$",
              "why": "Right: once $b$ is known, $p(c \\mid a, b) = p(c \\mid b)$, as the factorisation says."},
             {"text": "$a$ is independent of $b$",
              "why": "No: the edge $a \\to b$ is a direct dependence."},
             {"text": "All three are mutually independent",
              "why": "That would be the graph with no edges, $p(a)p(b)p(c)$."}],
         "answer": 1,
         "hint": "Which variables does the graph connect directly, and which only through another?",
         "solution": "On a chain with random tables the snippet finds $p(c \\mid a, b) = p(c \\mid b)$ to rounding "
                     "error, while $p(a, c)$ differs from $p(a)p(c)$: the dependence passes through $b$."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
