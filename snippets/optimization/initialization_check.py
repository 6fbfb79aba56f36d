"""Exercises for the initialization page: the Xavier bound and variance, the variance a small Gaussian
initialization gives through linear layers, He's standard deviation, and symmetric units."""
import contextlib
import io
import json
import math

import torch


def printed(code: str) -> str:
    """What a few lines of code print, run in a fresh namespace that has torch.

    Args:
        code: the lines.

    Returns:
        Their output, stripped.

    Examples:
        >>> printed("print(torch.zeros(1).item())")
        '0.0'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"torch": torch})
    return out.getvalue().strip()


def xavier_bound(n_in: int, n_out: int) -> float:
    """The half-width a of Glorot and Bengio's normalized initialization U(-a, a).

    Args:
        n_in: the fan-in.
        n_out: the fan-out.

    Returns:
        sqrt(6 / (n_in + n_out)); the variance of U(-a, a) is a^2 / 3 = 2 / (n_in + n_out).

    Examples:
        >>> xavier_bound(3, 3)
        1.0
    """
    return math.sqrt(6.0 / (n_in + n_out))


if __name__ == "__main__":
    n_in, n_out = 256, 128
    a = xavier_bound(n_in, n_out)
    torch.manual_seed(0)
    w = torch.nn.init.xavier_uniform_(torch.empty(n_out, n_in, dtype=torch.float64))  # torch: (fan_out, fan_in)
    assert w.abs().max().item() <= a and abs(w.var().item() / (a * a / 3) - 1) < 0.05

    n, std, layers = 500, 0.01, 3
    per_layer = n * std**2
    x = torch.randn(1000, n, dtype=torch.float64)
    h = x
    for _ in range(layers):
        h = h @ (torch.randn(n, n, dtype=torch.float64) * std)
    measured = h.var().item()
    assert abs(measured / per_layer**layers - 1) < 0.15

    fan_in = 512
    he_std = math.sqrt(2.0 / fan_in)
    wk = torch.nn.init.kaiming_normal_(torch.empty(256, fan_in, dtype=torch.float64), nonlinearity="relu")
    assert abs(wk.std().item() / he_std - 1) < 0.02

    code_sym = """W1 = torch.full((2, 3), 0.5, requires_grad=True)  # two hidden units, same weights
w2 = torch.full((2,), 0.3, requires_grad=True)
x, y = torch.tensor([1.0, -2.0, 0.5]), torch.tensor(1.0)
((w2 @ torch.tanh(W1 @ x) - y) ** 2).backward()
print(torch.equal(W1.grad[0], W1.grad[1]))"""
    out_sym = printed(code_sym)
    assert out_sym == "True"

    exercises = [
        {"id": "xavier-bound", "concept": "parameter-initialization", "kind": "numeric",
         "question": f"A layer with {n_in} inputs and {n_out} outputs uses the normalized (Xavier) uniform "
                     "initialization $U(-a, a)$. What is $a$? Give 4 decimals.",
         "answer": round(a, 6), "tolerance": 0.00015,
         "hint": "$a = \\sqrt{6/(n_{\\text{in}} + n_{\\text{out}})}$.",
         "solution": f"$a = \\sqrt{{6/({n_in} + {n_out})}} = {a:.4f}$; the variance is $a^2/3 = 2/{n_in + n_out} = "
                     f"{a * a / 3:.5f}$ (`torch.nn.init.xavier_uniform_` draws within that bound)."},
        {"id": "small-init-variance", "concept": "parameter-initialization", "kind": "numeric",
         "question": f"Inputs with unit variance pass through {layers} linear layers (no nonlinearity, no bias), each "
                     f"with {n} inputs and weights drawn from $\\mathcal N(0, {std:g}^2)$. What is the variance of the "
                     "output? Give it in scientific notation, e.g. 3.2e-5.",
         "answer": round(per_layer**layers, 12), "tolerance": 0.01 * per_layer**layers,
         "hint": "Each layer multiplies the variance by $n_{\\text{in}}\\operatorname{Var}(W)$.",
         "solution": f"One layer multiplies the variance by ${n} \\times {std:g}^2 = {per_layer:g}$, so {layers} layers "
                     f"give ${per_layer:g}^{layers} = {per_layer**layers:.3g}$ (a simulation gives {measured:.3g}): "
                     "the signal vanishes."},
        {"id": "he-std", "concept": "parameter-initialization", "kind": "numeric",
         "question": f"He initialization for a ReLU layer with {fan_in} inputs draws weights from "
                     "$\\mathcal N(0, \\sigma^2)$. What is the standard deviation $\\sigma$? Give 4 decimals.",
         "answer": round(he_std, 6), "tolerance": 0.00015,
         "hint": "ReLU zeroes half its inputs, so the variance is doubled relative to $1/n_{\\text{in}}$.",
         "solution": f"$\\operatorname{{Var}}(W) = 2/{fan_in}$, so $\\sigma = \\sqrt{{2/{fan_in}}} = {he_std:.4f}$ "
                     "(`kaiming_normal_` agrees)."},
        {"id": "symmetric-units-gradient", "concept": "parameter-initialization", "kind": "predict",
         "question": "Two hidden units start with identical weights. What does this print?",
         "code": code_sym, "answer": out_sym,
         "hint": "Do the two units compute different values or receive different gradients?",
         "solution": f"It prints `{out_sym}`: both units compute the same activation and get the same outgoing weight, "
                     "so their gradients are identical, and so is every later update. Only a random start breaks "
                     "the symmetry."},
        {"id": "bias-zero-why", "concept": "parameter-initialization", "kind": "choice",
         "question": "Why can biases usually start at zero while weights cannot?",
         "options": [
             {"text": "The random weights already make the units differ",
              "why": "Right: symmetry is broken by the weights, so equal biases do no harm."},
             {"text": "Biases receive no gradient",
              "why": "They do; they are trained like the weights."},
             {"text": "A zero bias keeps every unit saturated",
              "why": "A zero bias centres the pre-activation, the opposite of saturation."},
             {"text": "Zero biases are required for batch normalization",
              "why": "Batch normalization makes a bias redundant, but that is not why zero is a safe start."}],
         "answer": 0,
         "hint": "What must an initialization achieve to keep units from behaving alike?",
         "solution": "Units need to start different. Random weights already give each unit its own function of the "
                     "input, so the biases may all start at 0."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
