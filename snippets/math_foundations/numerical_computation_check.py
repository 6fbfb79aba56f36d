"""Exercises for the numerical computation page: a softmax and a log-sum-exp of shifted inputs, what a
naive softmax prints, and condition numbers."""
import contextlib
import io
import json
import math

import numpy as np


def printed(code: str) -> str:
    """What a few lines of code print, run in a fresh namespace that has numpy as np (warnings silenced).

    Args:
        code: the lines.

    Returns:
        Their output, stripped.

    Examples:
        >>> printed("print(np.zeros(2))")
        '[0. 0.]'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out), np.errstate(all="ignore"):
        exec(code, {"np": np})
    return out.getvalue().strip()


def softmax_stable(x: np.ndarray) -> np.ndarray:
    """softmax(x - max x), which neither overflows nor underflows to 0/0.

    Args:
        x: the scores, shape (K,).

    Returns:
        The probabilities, shape (K,).

    Examples:
        >>> softmax_stable(np.array([1000.0, 1000.0])).tolist()
        [0.5, 0.5]
    """
    e = np.exp(x - x.max())
    return e / e.sum()


if __name__ == "__main__":
    x = np.array([1002.0, 1000.0, 999.0])
    p = softmax_stable(x)
    assert abs(p[0] - 1 / (1 + math.exp(-2) + math.exp(-3))) < 1e-12

    y = np.array([-1000.0, -1000.0, -1000.0, -1000.0])
    lse = y.max() + math.log(np.exp(y - y.max()).sum())
    with np.errstate(all="ignore"):
        assert abs(lse - (-1000 + math.log(4))) < 1e-12 and np.isneginf(np.log(np.exp(y).sum()))

    code_naive = """x = np.array([710.0, 0.0])
e = np.exp(x)
print(e / e.sum())"""
    out_naive = printed(code_naive)
    options = [("`[1. 0.]`", "That is the true softmax, which the stable version returns; the naive one never gets there."),
               ("`[nan  0.]`", "Right: $e^{710}$ is `inf`, `inf / inf` is `nan`, and `1 / inf` is 0."),
               ("`[inf 0.]`", "The sum is `inf` too, and `inf / inf` is not `inf`."),
               ("an `OverflowError`", "numpy does not raise on overflow; it returns `inf` and only warns.")]
    right = [i for i, (t, _) in enumerate(options) if t.strip("`").replace(" ", "") == out_naive.replace(" ", "")]
    assert right == [1]

    A = np.array([[5.0, 4.0], [4.0, 5.0]])
    kappa = float(np.linalg.cond(A))
    ev = np.linalg.eigvalsh(A)
    assert abs(kappa - 9) < 1e-9

    s_max, s_min, rel_b = 50.0, 0.02, 1e-6
    worst = s_max / s_min * rel_b
    U = np.linalg.qr(np.array([[1.0, 2.0], [3.0, 4.0]]))[0]
    M = U @ np.diag([s_max, s_min]) @ U.T
    b, db = U[:, 0], rel_b * U[:, 1]  # b along the most stretched direction, db along the least
    x0, x1 = np.linalg.solve(M, b), np.linalg.solve(M, b + db)
    measured = np.linalg.norm(x1 - x0) / np.linalg.norm(x0)
    assert abs(measured / worst - 1) < 1e-6

    exercises = [
        {"id": "softmax-shifted-large", "concept": "overflow-underflow", "kind": "numeric",
         "question": "In float64, $e^{1002}$ overflows, so a naive softmax of $x = (1002, 1000, 999)$ returns `nan`. "
                     "What is the true first probability $\\mathrm{softmax}(x)_1$? Give 3 decimals.",
         "answer": round(float(p[0]), 6), "tolerance": 0.0015,
         "hint": "Subtracting the same number from every score changes nothing.",
         "solution": f"Subtract the maximum: $x - 1002 = (0, -2, -3)$, so $\\mathrm{{softmax}}(x)_1 = "
                     f"1/(1 + e^{{-2}} + e^{{-3}}) = {p[0]:.3f}$."},
        {"id": "logsumexp-underflow", "concept": "overflow-underflow", "kind": "numeric",
         "question": "Four scores are all $-1000$. Computed naively, $\\log\\sum_j e^{x_j}$ gives $-\\infty$ in float64. "
                     "What is its true value? Give 3 decimals.",
         "answer": round(lse, 6), "tolerance": 0.0015,
         "hint": "Use $\\log\\sum_j e^{x_j} = m + \\log\\sum_j e^{x_j - m}$ with $m = \\max_j x_j$.",
         "solution": f"$m = -1000$ and every $x_j - m = 0$, so the value is $-1000 + \\ln 4 = {lse:.3f}$. "
                     "Naively each $e^{-1000}$ underflows to 0 and $\\log 0 = -\\infty$."},
        {"id": "naive-softmax-710", "concept": "overflow-underflow", "kind": "predict",
         "question": "What does this naive softmax print (numpy only warns on overflow)?",
         "code": code_naive,
         "options": [{"text": t, "why": w} for t, w in options], "answer": right[0],
         "hint": "$e^{709}$ is the last integer power that float64 can hold.",
         "solution": f"It prints `{out_naive}`: `e` is `[inf 1.]`, the sum is `inf`, and `inf / inf` is `nan` "
                     "while `1 / inf` is 0. Subtracting the maximum first gives `[1. 0.]`."},
        {"id": "condition-number-2x2", "concept": "poor-conditioning", "kind": "numeric",
         "question": "What is the condition number $\\kappa(A)$ of $A = \\begin{pmatrix} 5 & 4 \\\\ 4 & 5 \\end{pmatrix}$?",
         "answer": round(kappa, 9), "tolerance": 0.01,
         "hint": "$A$ is symmetric: try the vectors $(1, 1)$ and $(1, -1)$ as eigenvectors.",
         "solution": f"The eigenvalues are {ev[1]:g} (along $(1, 1)$) and {ev[0]:g} (along $(1, -1)$); for a symmetric "
                     f"matrix the singular values are their magnitudes, so $\\kappa = {ev[1]:g}/{ev[0]:g} = {kappa:g}$ "
                     "(`np.linalg.cond` agrees)."},
        {"id": "condition-worst-case-error", "concept": "poor-conditioning", "kind": "numeric",
         "question": f"A matrix has singular values {s_max:g} and {s_min:g}. The right-hand side $\\mathbf b$ of "
                     f"$A\\mathbf x = \\mathbf b$ carries a relative error of $10^{{-6}}$. What is the largest relative "
                     "error this can cause in $\\mathbf x$, whatever solver is used?",
         "answer": worst, "tolerance": worst * 0.01,
         "hint": "The relative error is amplified by at most the condition number.",
         "solution": f"$\\kappa = {s_max:g}/{s_min:g} = {s_max / s_min:g}$, so the bound is "
                     f"${s_max / s_min:g} \\times 10^{{-6}} = {worst:g}$. It is reached when $\\mathbf b$ lies along the "
                     f"most stretched direction and the error along the least: solving such a case gives {measured:.4g}."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
