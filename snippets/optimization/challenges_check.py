"""Exercises for the challenges page: the contraction factor and the largest stable step on an
ill-conditioned quadratic, counting equivalent orderings, clipping by norm and by value, and how fast
a component with |lambda| < 1 fades."""
import contextlib
import io
import json
import math

import numpy as np
import torch


def printed(code: str) -> str:
    """What a few lines of code print, run in a fresh namespace that has torch.

    Args:
        code: the lines.

    Returns:
        Their output, stripped.

    Examples:
        >>> printed("print(torch.ones(2).sum().item())")
        '2.0'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"torch": torch})
    return out.getvalue().strip()


def gd_quadratic(curvatures: np.ndarray, theta0: np.ndarray, lr: float, steps: int) -> np.ndarray:
    """Gradient descent on J = 1/2 sum_i c_i theta_i^2 (gradient c * theta).

    Args:
        curvatures: the Hessian's eigenvalues c_i, shape (d,).
        theta0: the start, shape (d,).
        lr: the step size.
        steps: the number of steps.

    Returns:
        The iterates, shape (steps + 1, d).

    Examples:
        >>> gd_quadratic(np.array([1.0]), np.array([1.0]), 0.5, 2)[:, 0].tolist()
        [1.0, 0.5, 0.25]
    """
    path = [theta0]
    for _ in range(steps):
        path.append(path[-1] - lr * curvatures * path[-1])
    return np.array(path)


if __name__ == "__main__":
    kappa = 20.0
    lr = 2 / (1 + kappa)
    path = gd_quadratic(np.array([1.0, kappa]), np.array([1.0, 1.0]), lr, 5)
    ratios = path[1:] / path[:-1]
    contraction = (kappa - 1) / (kappa + 1)
    assert np.allclose(ratios[:, 0], contraction) and np.allclose(ratios[:, 1], -contraction)

    lam = np.array([0.5, 40.0])
    lr_max = 2 / lam.max()
    for eps, grows in ((0.99 * lr_max, False), (1.01 * lr_max, True)):
        p = gd_quadratic(lam, np.array([1.0, 1.0]), eps, 400)
        cost = 0.5 * (lam * p**2).sum(axis=1)
        assert (cost[-1] > cost[0]) == grows

    units, layers = 4, 2
    orderings = math.factorial(units) ** layers
    assert orderings == 576

    g = torch.tensor([3.0, 4.0, 12.0], dtype=torch.float64)
    v = 5.0
    p = torch.zeros(3, dtype=torch.float64, requires_grad=True)
    p.grad = g.clone()
    torch.nn.utils.clip_grad_norm_([p], v)
    clipped = p.grad[0].item()
    assert abs(clipped - 3 * v / 13) < 1e-5

    code_value = """p = torch.zeros(2, requires_grad=True)
p.grad = torch.tensor([3.0, 0.5])
torch.nn.utils.clip_grad_value_([p], 1.0)
print(p.grad.tolist())"""
    out_value = printed(code_value)
    assert out_value == "[1.0, 0.5]"

    lam_small, tol = 0.9, 1e-3
    t_fade = math.ceil(math.log(tol) / math.log(lam_small))
    assert lam_small**t_fade < tol <= lam_small ** (t_fade - 1)

    exercises = [
        {"id": "ill-conditioned-contraction", "concept": "ill-conditioning", "kind": "numeric",
         "question": f"Gradient descent on $J = \\tfrac12(\\theta_1^2 + {kappa:g}\\,\\theta_2^2)$ uses the best fixed step "
                     "$\\epsilon = 2/(\\lambda_{\\min} + \\lambda_{\\max})$. By what factor does $|\\theta_1|$ shrink per step? "
                     "Give 3 decimals.",
         "answer": round(contraction, 6), "tolerance": 0.0015,
         "hint": "Each coordinate is multiplied by $1 - \\epsilon\\lambda_i$.",
         "solution": f"$\\epsilon = 2/{1 + kappa:g}$, so $\\theta_1$ is multiplied by $1 - 2/{1 + kappa:g} = "
                     f"{contraction:.3f}$ and $\\theta_2$ by $1 - {2 * kappa:g}/{1 + kappa:g} = {-contraction:.3f}$: "
                     "the steep coordinate flips sign every step while the flat one creeps."},
        {"id": "ill-conditioned-largest-step", "concept": "ill-conditioning", "kind": "numeric",
         "question": f"The Hessian of a quadratic cost has eigenvalues {lam[0]:g} and {lam[1]:g}. Above what step size "
                     "does gradient descent diverge?",
         "answer": lr_max, "tolerance": 0.0005,
         "hint": "The steepest direction sets the limit: a coordinate is multiplied by $1 - \\epsilon\\lambda$.",
         "solution": f"$|1 - \\epsilon\\lambda_{{\\max}}| < 1$ needs $\\epsilon < 2/\\lambda_{{\\max}} = 2/{lam[1]:g} = "
                     f"{lr_max:g}$ (400 steps at 0.99 and 1.01 times that: the cost falls, then blows up). In the flat "
                     f"direction such a step shrinks the coordinate only by the factor {1 - lr_max * lam[0]:.4f}."},
        {"id": "weight-symmetry-count", "concept": "identifiability-weight-symmetry", "kind": "numeric",
         "question": f"A network has {layers} hidden layers of {units} units each. Counting only permutations of units "
                     "within a layer, how many parameter vectors compute the same function as a given one (itself "
                     "included)?",
         "answer": orderings, "tolerance": 0.5,
         "hint": "Each layer's units can be reordered independently of the other layer's.",
         "solution": f"$({units}!)^{layers} = {math.factorial(units)}^{layers} = {orderings}$ equivalent orderings, all "
                     "with exactly the same cost."},
        {"id": "clip-by-norm-component", "concept": "exploding-gradients-clipping", "kind": "numeric",
         "question": f"The gradient is $\\mathbf g = (3, 4, 12)$ and it is clipped by norm with threshold $v = {v:g}$. "
                     "What is the first component after clipping? Give 3 decimals.",
         "answer": round(clipped, 6), "tolerance": 0.0015,
         "hint": "Compute $\\|\\mathbf g\\|$ first; if it exceeds $v$, the whole vector is scaled by $v/\\|\\mathbf g\\|$.",
         "solution": f"$\\|\\mathbf g\\| = 13 > {v:g}$, so $\\mathbf g \\leftarrow ({v:g}/13)\\,\\mathbf g$ and the first "
                     f"component is $3 \\cdot {v:g}/13 = {clipped:.3f}$ (`clip_grad_norm_` agrees). The direction is kept."},
        {"id": "clip-by-value-direction", "concept": "exploding-gradients-clipping", "kind": "predict",
         "question": "Clipping each element instead of the norm. What does this print?",
         "code": code_value, "answer": out_value,
         "hint": "`clip_grad_value_` clamps every entry to $[-1, 1]$ separately.",
         "solution": f"It prints `{out_value}`: only the first entry is cut, so the direction changes from "
                     "$(3, 0.5)$ (mostly along the first axis) to $(1, 0.5)$. Clipping by norm would give a multiple "
                     "of $(3, 0.5)$."},
        {"id": "long-term-fade-steps", "concept": "long-term-dependencies", "kind": "numeric",
         "question": f"In $\\mathbf h^{{(t)}} = W^t \\mathbf h^{{(0)}}$, a component along an eigenvector with "
                     f"$\\lambda = {lam_small:g}$ starts at 1. After how many steps is it first below $10^{{-3}}$?",
         "answer": t_fade, "tolerance": 0.5,
         "hint": "The component after $t$ steps is $\\lambda^t$; solve $\\lambda^t < 10^{-3}$ for the smallest integer $t$.",
         "solution": f"$t > \\ln 10^{{-3}}/\\ln {lam_small:g} = {math.log(tol) / math.log(lam_small):.2f}$, so $t = {t_fade}$ "
                     f"(${lam_small:g}^{{{t_fade}}} = {lam_small**t_fade:.2e}$). Dependencies that many steps back barely "
                     "reach the gradient."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
