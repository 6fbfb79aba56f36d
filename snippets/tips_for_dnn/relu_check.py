"""Exercises for the ReLU page: the thin linear network, the sum of shifted sigmoids, the derivative at
0, and the gradient of PReLU's slope."""
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
        >>> printed("print(1 + 1)")
        '2'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"torch": torch})
    return out.getvalue().strip()


def relu_jacobian(Ws: list[np.ndarray], x: np.ndarray) -> np.ndarray:
    """The Jacobian of a bias-free ReLU network (ReLU after every layer but the last) at x: the product
    of the weight matrices with the inactive units' rows removed.

    Args:
        Ws: the weight matrices, Ws[l] of shape (n_(l+1), n_l).
        x: the input, shape (n_0,).

    Returns:
        df/dx, shape (n_out, n_0).

    Examples:
        >>> relu_jacobian([np.array([[1.0], [-1.0]]), np.array([[1.0, 1.0]])], np.array([2.0])).tolist()
        [[1.0]]
    """
    J, a = np.eye(len(x)), x
    for k, W in enumerate(Ws):
        z = W @ a
        D = np.diag((z > 0).astype(float)) if k < len(Ws) - 1 else np.eye(len(z))
        J, a = D @ W @ J, D @ z
    return J


if __name__ == "__main__":
    W1, W2 = np.array([[1.0, -1.0], [2.0, 1.0], [-1.0, 0.5]]), np.array([[1.0, 2.0, -1.0]])
    x0 = np.array([1.0, 3.0])
    J = relu_jacobian([W1, W2], x0)[0]
    xt = torch.tensor(x0, requires_grad=True)
    (torch.tensor(W2) @ torch.relu(torch.tensor(W1) @ xt)).sum().backward()
    assert np.abs(xt.grad.numpy() - J).max() < 1e-12  # autograd agrees
    pre = W1 @ x0

    z = 2.0
    total = sum(1 / (1 + math.exp(-(z - i + 0.5))) for i in range(1, 201))
    soft = math.log1p(math.exp(z))
    assert abs(total - soft) < 0.01

    code_grad = """z = torch.zeros(1, requires_grad=True)
torch.relu(z).backward()
a = z.grad.item()
z.grad = None
z.clamp(min=0).backward()
print(a, z.grad.item())"""
    out_grad = printed(code_grad)
    assert out_grad == "0.0 1.0"

    zs, dy = [-2.0, 1.5, -0.5, 3.0, -1.0], [1.0, 1.0, 2.0, -1.0, 0.5]
    alpha = torch.tensor(0.25, requires_grad=True)
    zt = torch.tensor(zs)
    (torch.where(zt > 0, zt, alpha * zt) * torch.tensor(dy)).sum().backward()
    g_alpha = sum(zi * di for zi, di in zip(zs, dy) if zi <= 0)
    assert abs(alpha.grad.item() - g_alpha) < 1e-6

    exercises = [
        {"id": "relu-thin-network-slope", "concept": "relu-why", "kind": "numeric",
         "question": "A bias-free ReLU network $f(x) = W^{(2)}\\,\\mathrm{ReLU}(W^{(1)} x)$ has "
                     "$W^{(1)} = \\begin{pmatrix} 1 & -1 \\\\ 2 & 1 \\\\ -1 & 0.5 \\end{pmatrix}$ and "
                     "$W^{(2)} = (1,\\ 2,\\ -1)$. What is its gradient $\\partial f / \\partial x$ at "
                     "$x = (1, 3)$? Give both components.",
         "answer": [float(v) for v in J], "tolerance": 1e-6,
         "hint": "Find which hidden units are active at this $x$, delete the others, and multiply the "
                 "matrices that are left.",
         "solution": f"The hidden pre-activations are $({', '.join(f'{v:g}' for v in pre)})$; only units "
                     f"{', '.join(str(i + 1) for i in np.flatnonzero(pre > 0))} are active. The thin network is "
                     f"$W^{{(2)}} D W^{{(1)}}$, which gives $({', '.join(f'{v:g}' for v in J)})$ (autograd agrees)."},
        {"id": "relu-sum-of-sigmoids-at-2", "concept": "relu-why", "kind": "numeric",
         "question": "The page approximates ReLU by $\\sum_{i \\ge 1} \\sigma(z - i + \\tfrac12)$. What does the "
                     "sum come to at $z = 2$? Give 2 decimals (the exact integral is enough).",
         "answer": round(total, 6), "tolerance": 0.01,
         "hint": "The sum is a midpoint rule for $\\int_0^\\infty \\sigma(z - b)\\,db$, which is softplus.",
         "solution": f"$\\ln(1 + e^2) = {soft:.4f}$; the sum of 200 terms is {total:.4f}. ReLU would give 2: "
                     "the sum is softplus, not ReLU."},
        {"id": "relu-derivative-at-zero", "concept": "relu-derivative", "kind": "predict",
         "question": "Two ways of writing ReLU, both differentiated at exactly $z = 0$. What two numbers does this print?",
         "code": code_grad, "answer": [float(v) for v in out_grad.split()], "tolerance": 0.01,
         "hint": "At the corner each function must pick one subgradient from $[0, 1]$; they do not pick the same.",
         "solution": f"It prints `{out_grad}`: `torch.relu` uses 0 at the corner, `clamp(min=0)` passes the "
                     "gradient through and uses 1. Both are valid subgradients."},
        {"id": "prelu-alpha-gradient", "concept": "leaky-relu", "kind": "numeric",
         "question": f"A PReLU with slope $\\alpha$ gets the pre-activations $z = ({', '.join(f'{v:g}' for v in zs)})$ "
                     f"and the upstream gradients $\\partial L / \\partial y = ({', '.join(f'{v:g}' for v in dy)})$. "
                     "What is $\\partial L / \\partial \\alpha$?",
         "answer": g_alpha, "tolerance": 1e-6,
         "hint": "Only the inputs on the negative side depend on $\\alpha$, each through $y = \\alpha z$.",
         "solution": "$\\sum_{z_i \\le 0} z_i\\,\\partial L / \\partial y_i = "
                     + " + ".join(f"({zi:g})({di:g})" for zi, di in zip(zs, dy) if zi <= 0)
                     + f" = {g_alpha:g}$ (autograd agrees)."},
        {"id": "prelu-parameter-or-hyper", "concept": "leaky-relu", "kind": "choice",
         "question": "In Parametric ReLU, what is the negative-side slope $\\alpha$?",
         "options": [
             {"text": "A parameter learned by gradient descent with the weights",
              "why": "Right: it has a gradient and `torch.nn.PReLU` lists it among its parameters."},
             {"text": "A hyperparameter tuned on the validation set",
              "why": "That describes Leaky ReLU's fixed 0.01 if one tuned it; PReLU learns its slope."},
             {"text": "Always 0.01",
              "why": "0.01 is Leaky ReLU's usual fixed choice; PReLU starts at 0.25 in torch and then moves."},
             {"text": "Always 0, as in ReLU",
              "why": "Then it would be plain ReLU, with dead units."}],
         "answer": 0,
         "hint": "Does $\\alpha$ get a gradient?",
         "solution": "$\\alpha$ receives $\\partial L/\\partial\\alpha = \\sum_{z_i \\le 0} z_i\\,\\partial L/\\partial y_i$ "
                     "and is updated like any weight; only its initial value is chosen by hand."},
    ]
    for ex in exercises:  # the right option is written first; move it to a place that varies with the id
        if ex["kind"] == "choice" and ex["answer"] == 0:
            k = len(ex["id"]) % len(ex["options"])
            ex["options"].insert(k, ex["options"].pop(0))
            ex["answer"] = k
    print(json.dumps(exercises, ensure_ascii=False))
