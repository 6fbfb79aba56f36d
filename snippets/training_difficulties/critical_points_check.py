"""Exercises for the critical-points page: gradients, slices, Taylor, Hessians and their eigenvalues."""
import contextlib
import io
import json
import math

import numpy as np
import torch


def two_weight_loss(w: torch.Tensor) -> torch.Tensor:
    """L(w) = (1 - w1 w2)^2, the one-example loss of the page.

    Args:
        w: the weights (w1, w2), shape (2,).

    Returns:
        The loss, a scalar tensor.

    Examples:
        >>> two_weight_loss(torch.tensor([2.0, 0.5])).item()
        0.0
    """
    return (1 - w[0] * w[1]) ** 2


def grad_and_hessian(w: list[float]) -> tuple[np.ndarray, np.ndarray]:
    """The gradient and the Hessian of ``two_weight_loss`` at ``w``, by autograd in float64.

    Args:
        w: the point (w1, w2).

    Returns:
        The gradient, shape (2,), and the Hessian, shape (2, 2).

    Examples:
        >>> g, H = grad_and_hessian([0.0, 0.0])
        >>> g.tolist() == [0.0, 0.0], H.tolist()
        (True, [[0.0, -2.0], [-2.0, 0.0]])
    """
    p = torch.tensor(w, dtype=torch.float64)
    g = torch.autograd.functional.jacobian(two_weight_loss, p)
    return g.numpy(), torch.autograd.functional.hessian(two_weight_loss, p).numpy()


def printed(code: str) -> str:
    """What ``code`` prints, stripped.

    Args:
        code: Python source.

    Returns:
        Its standard output without the trailing newline.

    Examples:
        >>> printed("print(1 + 1)")
        '2'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {})
    return out.getvalue().strip()


if __name__ == "__main__":
    ex = []
    L = lambda w: float(two_weight_loss(torch.tensor(w, dtype=torch.float64)))

    g, _ = grad_and_hessian([1.0, 0.5])
    ex.append({"id": "cp-gradient", "concept": "critical-point", "kind": "numeric",
               "question": "For $L(w_1, w_2) = (1 - w_1 w_2)^2$, what is the gradient at $(w_1, w_2) = (1, 0.5)$? "
                           "Give both components. Is this a critical point?",
               "answer": g.round(6).tolist(), "tolerance": 0.005,
               "hint": "$\\partial L/\\partial w_1 = -2 w_2 (1 - w_1 w_2)$, and symmetrically for $w_2$.",
               "solution": f"With $r = 1 - w_1 w_2 = {1 - 0.5:g}$: $\\partial L/\\partial w_1 = -2 \\cdot 0.5 \\cdot r = {g[0]:g}$"
                           f" and $\\partial L/\\partial w_2 = -2 \\cdot 1 \\cdot r = {g[1]:g}$ (autograd agrees). "
                           "The gradient is not zero, so this is not a critical point."})

    code = ("w1, w2 = 0.0, 0.0\n"
            "for _ in range(100):\n"
            "    r = 1 - w1 * w2\n"
            "    w1, w2 = w1 + 0.2 * w2 * r, w2 + 0.2 * w1 * r  # w - 0.1 * gradient\n"
            "print(round((1 - w1 * w2) ** 2, 3))")
    out = float(printed(code))
    assert out == 1.0
    ex.append({"id": "cp-gd-from-origin", "concept": "critical-point", "kind": "predict",
               "question": "These lines run gradient descent ($\\eta = 0.1$) on $(1 - w_1 w_2)^2$ from the origin. "
                           "What do they print?",
               "code": code, "answer": out, "tolerance": 0.0005,
               "hint": "What is the gradient at the starting point?",
               "solution": f"The origin is a critical point: both partial derivatives contain a factor $w_2$ or $w_1$, "
                           f"which are 0. No step ever moves, so the loss stays $L(0, 0) = {out:g}$, "
                           "although the minimum value is 0."})

    down, up = L([0.8, 0.8]), L([0.8, -0.8])
    assert down < L([0, 0]) < up
    ex.append({"id": "cp-saddle-slices", "concept": "saddle-point", "kind": "numeric",
               "question": "Starting from the saddle $(0, 0)$ of $(1 - w_1 w_2)^2$, where $L = 1$: what is $L$ at "
                           "$(0.8, 0.8)$ and at $(0.8, -0.8)$? Give both to 3 decimals.",
               "answer": [round(down, 6), round(up, 6)], "tolerance": 0.0015,
               "hint": "Along $w_2 = \\pm w_1 = \\pm t$ the product $w_1 w_2$ is $\\pm t^2$.",
               "solution": f"$(1 - 0.64)^2 = {down:.4f}$, lower than 1, and $(1 + 0.64)^2 = {up:.4f}$, higher: "
                           "one direction goes down and another up, which is what makes the origin a saddle."})

    g, H = grad_and_hessian([1.0, 0.5])
    v = np.array([0.1, 0.2])
    second = L([1.0, 0.5]) + g @ v + 0.5 * v @ H @ v
    true = L([1.1, 0.7])
    ex.append({"id": "cp-taylor-second", "concept": "taylor-approximation", "kind": "numeric",
               "question": "At $\\theta' = (1, 0.5)$ the loss $(1 - w_1 w_2)^2$ is 0.25, its gradient is "
                           "$(-0.5, -1)$ and its Hessian is $\\begin{pmatrix} 0.5 & 0 \\\\ 0 & 2 \\end{pmatrix}$. "
                           "What does the second-order Taylor approximation predict at $\\theta = (1.1, 0.7)$, and "
                           "what is the true loss there? Give both to 4 decimals.",
               "answer": [round(second, 6), round(true, 6)], "tolerance": 0.00015,
               "hint": "$\\mathbf v = \\theta - \\theta' = (0.1, 0.2)$; add $\\mathbf v^\\top \\mathbf g$ and "
                       "$\\tfrac12 \\mathbf v^\\top H \\mathbf v$ to 0.25.",
               "solution": f"$\\mathbf v^\\top\\mathbf g = {g @ v:.4f}$, $\\tfrac12\\mathbf v^\\top H\\mathbf v = "
                           f"{0.5 * v @ H @ v:.4f}$, so the prediction is ${second:.4f}$; the truth is "
                           f"$(1 - 1.1 \\cdot 0.7)^2 = {true:.4f}$. The gap comes from the third- and fourth-order "
                           "terms the approximation drops."})

    p0, d = np.array([0.6, 0.9]), np.array([0.6, 0.8])
    g, H = grad_and_hessian(p0.tolist())
    err = lambda r: abs(L((p0 + r * d).tolist()) - (L(p0.tolist()) + r * g @ d + 0.5 * r**2 * d @ H @ d))
    ratio = err(0.09) / err(0.03)
    assert 20 < ratio < 34  # third order: about 3^3 = 27
    ex.append({"id": "cp-taylor-order", "concept": "taylor-approximation", "kind": "choice",
               "question": "Near a point that is not critical, you divide the distance $r$ from $\\theta'$ by 3. "
                           "By about what factor does the error of the *second-order* Taylor approximation shrink?",
               "options": [{"text": "3", "why": "That would be an error of order $r$; dropping only the third-order "
                                                "and higher terms leaves more than that."},
                           {"text": "9", "why": "That is the first-order approximation, whose error is of order $r^2$."},
                           {"text": "27", "why": "Right: the error is of order $r^3$, and $3^3 = 27$."},
                           {"text": "81", "why": "That would need the third-order term to vanish too."}],
               "answer": 2,
               "hint": "What is the lowest power of $r$ that the second-order approximation leaves out?",
               "solution": f"The dropped terms start at $r^3$. On the page's loss at $\\theta' = (0.6, 0.9)$ the error "
                           f"at $r = 0.09$ is {ratio:.1f} times the error at $r = 0.03$."})

    _, H = grad_and_hessian([1.0, 2.0])
    ex.append({"id": "cp-hessian-entries", "concept": "hessian", "kind": "numeric",
               "question": "What is the Hessian of $(1 - w_1 w_2)^2$ at $(w_1, w_2) = (1, 2)$? "
                           "Give $H_{11}$, $H_{12}$ and $H_{22}$.",
               "answer": [round(float(H[0, 0]), 6), round(float(H[0, 1]), 6), round(float(H[1, 1]), 6)],
               "tolerance": 0.005,
               "hint": "Differentiate $-2 w_2 (1 - w_1 w_2)$ once more with respect to $w_1$ and to $w_2$ "
                       "(product rule for the second).",
               "solution": f"$H_{{11}} = 2 w_2^2 = {H[0, 0]:g}$, $H_{{22}} = 2 w_1^2 = {H[1, 1]:g}$, "
                           f"$H_{{12}} = -2(1 - w_1 w_2) + 2 w_1 w_2 = {H[0, 1]:g}$ (autograd agrees)."})

    lam = np.linalg.eigvalsh(np.array([[1.0, 3.0], [3.0, 1.0]]))
    ex.append({"id": "cp-eigenvalues", "concept": "hessian-eigenvalues", "kind": "numeric",
               "question": "At a critical point the Hessian is $\\begin{pmatrix} 1 & 3 \\\\ 3 & 1 \\end{pmatrix}$. "
                           "What are its eigenvalues (smaller first)?",
               "answer": lam.round(6).tolist(), "tolerance": 0.005,
               "hint": "For $\\begin{pmatrix} a & b \\\\ b & a \\end{pmatrix}$ the eigenvectors are $(1, 1)$ and "
                       "$(1, -1)$.",
               "solution": f"$a - b = {lam[0]:g}$ along $(1, -1)$ and $a + b = {lam[1]:g}$ along $(1, 1)$: "
                           "one negative, one positive, so the point is a saddle."})

    Hs = np.array([[3.0, 2.0], [2.0, 1.0]])
    lam = np.linalg.eigvalsh(Hs)
    kinds = ["a local minimum", "a local maximum", "a saddle point", "undecided: a zero eigenvalue"]
    verdict = 2 if lam[0] < 0 < lam[1] else 0 if lam[0] > 0 else 1 if lam[1] < 0 else 3
    assert verdict == 2 and np.all(np.diag(Hs) > 0)
    ex.append({"id": "cp-classify-positive-diagonal", "concept": "hessian-eigenvalues", "kind": "choice",
               "question": "At a critical point the Hessian is $\\begin{pmatrix} 3 & 2 \\\\ 2 & 1 \\end{pmatrix}$: "
                           "both diagonal entries are positive. What is the point?",
               "options": [{"text": kinds[0], "why": "A positive diagonal says the loss rises along the two axes, "
                                                      "not along every direction."},
                           {"text": kinds[1], "why": "The diagonal entries are positive, so it rises along the axes."},
                           {"text": kinds[2], "why": "Right: the determinant is negative, so the eigenvalues have "
                                                      "opposite signs."},
                           {"text": kinds[3], "why": "The determinant is not zero, so no eigenvalue is zero."}],
               "answer": verdict,
               "hint": "The product of the eigenvalues is the determinant.",
               "solution": f"$\\det H = 3 - 4 = -1 < 0$: the eigenvalues are {lam[0]:.3f} and {lam[1]:.3f}. "
                           "The downhill direction is not an axis, so the diagonal does not show it."})

    a = 0.4
    taylor, exact = 1 - a**2, L([a / math.sqrt(2), a / math.sqrt(2)])
    ex.append({"id": "cp-escape-step", "concept": "escape-saddle", "kind": "numeric",
               "question": "At the saddle $(0, 0)$ of $(1 - w_1 w_2)^2$ the Hessian has the eigenvalue $-2$ with "
                           "unit eigenvector $\\mathbf u = (1, 1)/\\sqrt2$. Step to $a\\,\\mathbf u$ with $a = 0.4$: "
                           "what loss does the Taylor approximation predict, and what is the true loss? 4 decimals.",
               "answer": [round(taylor, 6), round(exact, 6)], "tolerance": 0.00015,
               "hint": "Prediction: $L + \\tfrac12 \\lambda a^2$. Truth: $w_1 w_2 = a^2/2$ at that point.",
               "solution": f"$1 + \\tfrac12(-2)(0.16) = {taylor:.4f}$; truly $(1 - 0.08)^2 = {exact:.4f}$. Both are "
                           "below 1: the step leaves the saddle downhill."})

    eta, start, goal = 0.05, 1e-6, 1e-3
    w, steps = np.full(2, start / math.sqrt(2)), 0
    while np.linalg.norm(w) <= goal:
        r = 1 - w[0] * w[1]
        w, steps = w + 2 * eta * r * w[::-1], steps + 1
    linear = math.ceil(math.log(goal / start) / math.log(1 + 2 * eta))
    assert steps == linear
    ex.append({"id": "cp-escape-steps", "concept": "escape-saddle", "kind": "numeric",
               "question": f"Gradient descent with $\\eta = {eta:g}$ starts $10^{{-6}}$ away from the saddle "
                           "$(0, 0)$ of $(1 - w_1 w_2)^2$, along the eigenvector of $\\lambda = -2$. After how many "
                           "steps is it first more than $10^{-3}$ away?",
               "answer": steps, "tolerance": 0.5,
               "hint": "Near the saddle each step multiplies the offset along $\\mathbf u$ by $1 - \\eta\\lambda$.",
               "solution": f"The factor is $1 - {eta:g} \\cdot (-2) = {1 + 2 * eta:g}$; the smallest $n$ with "
                           f"${1 + 2 * eta:g}^n > 1000$ is $n = \\lceil \\ln 1000 / \\ln {1 + 2 * eta:g} \\rceil = {linear}$. "
                           f"Running gradient descent on the loss itself takes the same {steps} steps."})

    x = torch.zeros(3, dtype=torch.float64)
    f_min = lambda v: 1.5 * v[0] ** 2 + 2.5 * v[1] ** 2 + v[2] ** 4
    f_sad = lambda v: 1.5 * v[0] ** 2 + 2.5 * v[1] ** 2 + v[2] ** 3
    H1, H2 = (torch.autograd.functional.hessian(f, x) for f in (f_min, f_sad))
    assert torch.equal(H1, H2) and torch.linalg.eigvalsh(H1).tolist() == [0.0, 3.0, 5.0]
    z = torch.tensor([0.0, 0.0, -0.1], dtype=torch.float64)
    assert f_sad(z) < 0 == f_sad(x) and f_min(z) > 0  # same Hessian: one has a way down, the other not
    ex.append({"id": "cp-zero-eigenvalue", "concept": "local-minima-rare", "kind": "choice",
               "question": "At a critical point the Hessian has the eigenvalues 0, 3 and 5. What can you conclude?",
               "options": [{"text": "It is a local minimum", "why": "A minimum needs no negative eigenvalue, but "
                                                                  "that alone does not make one."},
                           {"text": "The Hessian cannot tell; higher-order terms decide", "why": "Right: along the "
                                                                      "eigenvector of 0 the quadratic term is flat."},
                           {"text": "It is a saddle: there is a way down", "why": "Only a negative eigenvalue "
                                                                               "guarantees a way down."},
                           {"text": "It cannot be a minimum, since the minimum ratio is below 1",
                            "why": "Minima with zero eigenvalues are common; $(1 - w_1 w_2)^2$ has them."}],
               "answer": 1,
               "hint": "Think of $v_3^4$ and $v_3^3$: what is their second derivative at 0?",
               "solution": "$1.5 v_1^2 + 2.5 v_2^2 + v_3^4$ and $1.5 v_1^2 + 2.5 v_2^2 + v_3^3$ both have this "
                           f"Hessian at 0 (autograd: eigenvalues {torch.linalg.eigvalsh(H1).tolist()}). The first has "
                           f"a minimum there; the second is lower at $v_3 = -0.1$ ({f_sad(z).item():.4f} < 0)."})

    Hm = np.array([[2.0, 1.0, 0.0], [1.0, 2.0, 0.0], [0.0, 0.0, -1.0]])
    lam = np.linalg.eigvalsh(Hm)
    ratio = float((lam > 0).mean())
    ex.append({"id": "cp-minimum-ratio", "concept": "local-minima-rare", "kind": "numeric",
               "question": "What is the minimum ratio of a critical point whose Hessian is "
                           "$\\begin{pmatrix} 2 & 1 & 0 \\\\ 1 & 2 & 0 \\\\ 0 & 0 & -1 \\end{pmatrix}$? 3 decimals.",
               "answer": round(ratio, 6), "tolerance": 0.0015,
               "hint": "The matrix is block-diagonal: a 2 x 2 block and a 1 x 1 block.",
               "solution": f"The eigenvalues are {lam.round(3).tolist()}: {int((lam > 0).sum())} of 3 positive, ratio "
                           f"{ratio:.3f}. The negative one guarantees a way down: a saddle."})

    print(json.dumps(ex, ensure_ascii=False))
