"""Exercises for the sigmoid and softplus page: the sigmoid's slope, the gradient through a stack of
sigmoid units, softplus in float32, and the logistic loss as a softplus."""
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
        >>> printed("print(1 + 1)")
        '2'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"torch": torch})
    return out.getvalue().strip()


def stack_gradient(h0: float, w: float, b: float, layers: int) -> float:
    """dh_L/dh_0 through h_l = sigmoid(w h_(l-1) + b), by autograd in float64.

    Args:
        h0: the input.
        w: the weight of every layer.
        b: the bias of every layer.
        layers: the number of layers L.

    Returns:
        The derivative.

    Examples:
        >>> round(stack_gradient(0.0, 1.0, 0.0, 1), 6)
        0.25
    """
    x = torch.tensor(h0, dtype=torch.float64, requires_grad=True)
    h = x
    for _ in range(layers):
        h = torch.sigmoid(w * h + b)
    (g,) = torch.autograd.grad(h, x)
    return g.item()


if __name__ == "__main__":
    x1 = 2.0
    s1 = 1 / (1 + math.exp(-x1))
    slope = s1 * (1 - s1)
    xt = torch.tensor(x1, dtype=torch.float64, requires_grad=True)
    torch.sigmoid(xt).backward()
    assert abs(xt.grad.item() - slope) < 1e-12

    w, b, L = 6.0, -3.0, 5
    g_stack = stack_gradient(0.5, w, b, L)  # h0 = 0.5 puts every unit at a = 6 * 0.5 - 3 = 0
    assert abs(g_stack - (w / 4) ** L) < 1e-9
    g_small = stack_gradient(0.5, 1.0, -0.5, L)  # a = 0 everywhere too, weight 1: (1/4)^5
    assert abs(g_small - 0.25**L) < 1e-15

    code_fp32 = """x = torch.tensor([100.0, -20.0])  # float32
naive = torch.log(1 + torch.exp(x))
print(naive.tolist())"""
    out_fp32 = printed(code_fp32)
    assert out_fp32 == "[inf, 0.0]"

    z = -1.5  # logit of a positive example
    loss = math.log1p(math.exp(-z))  # softplus(-z) = -log sigmoid(z)
    assert abs(loss + math.log(1 / (1 + math.exp(-z)))) < 1e-12
    assert abs(torch.nn.functional.binary_cross_entropy_with_logits(torch.tensor(z, dtype=torch.float64),
                                                                   torch.tensor(1.0, dtype=torch.float64)).item() - loss) < 1e-12

    exercises = [
        {"id": "sigmoid-slope-at-2", "concept": "sigmoid-properties", "kind": "numeric",
         "question": "What is the slope $\\sigma'(x)$ of the logistic sigmoid at $x = 2$? Give 4 decimals.",
         "answer": round(slope, 6), "tolerance": 0.00015,
         "hint": "Compute $\\sigma(2)$ first; the derivative is a function of the sigmoid's own value.",
         "solution": f"$\\sigma(2) = 1/(1 + e^{{-2}}) = {s1:.4f}$, so "
                     f"$\\sigma'(2) = \\sigma(2)(1 - \\sigma(2)) = {s1:.4f} \\times {1 - s1:.4f} = {slope:.4f}$ "
                     "(autograd agrees), well below the maximum $\\tfrac14$ at 0."},
        {"id": "sigmoid-stack-large-weights", "concept": "sigmoid-properties", "kind": "numeric",
         "question": f"A scalar stack of {L} sigmoid units, $h_l = \\sigma(w h_{{l-1}} + b)$ with $w = {w:g}$ and "
                     f"$b = {b:g}$ in every layer, starts from $h_0 = 0.5$. What is $dh_{L}/dh_0$? Give 3 decimals.",
         "answer": round(g_stack, 6), "tolerance": 0.0015,
         "hint": "Check what pre-activation every unit receives; then each layer contributes one factor "
                 "$w\\,\\sigma'(a)$.",
         "solution": f"$a_1 = {w:g} \\times 0.5 {b:+g} = 0$, so $h_1 = 0.5$ and the same holds in every layer. "
                     f"Each layer multiplies the derivative by $w\\,\\sigma'(0) = {w:g}/4 = {w / 4:g}$, so "
                     f"$dh_{L}/dh_0 = {w / 4:g}^{L} = {g_stack:.3f}$ (autograd). With $w = 1$ and $b = -0.5$ "
                     f"the same stack gives $(1/4)^{L} = {g_small:.3g}$: the $\\tfrac14$ bounds only the "
                     "sigmoid's share of each factor."},
        {"id": "sigmoid-quarter-bound", "concept": "sigmoid-properties", "kind": "choice",
         "question": "Backpropagating through a deep stack of sigmoid layers $h_l = \\sigma(W_l h_{l-1} + b_l)$, "
                     "which statement is true?",
         "options": [
             {"text": "Each layer multiplies the gradient by a factor of at most $\\tfrac14$, whatever the weights",
              "why": "The factor is $W_l^\\top \\mathrm{diag}(\\sigma'(a_l))$; large weights can make it exceed 1."},
             {"text": "The $\\sigma'$ factor of each layer is at most $\\tfrac14$; the weights multiply in as well",
              "why": "Right: $\\sigma' \\le \\tfrac14$, but the Jacobian also carries $W_l$, which can be large."},
             {"text": "The gradient always grows, because $\\sigma' > 0$",
              "why": "Positive is not larger than 1: with small weights it shrinks at least fourfold per layer."},
             {"text": "The gradient is unchanged where the units are saturated",
              "why": "Saturated units have $\\sigma' \\approx 0$: that is where the gradient vanishes fastest."}],
         "answer": 1,
         "hint": "Write one layer's Jacobian and see which part the $\\tfrac14$ bounds.",
         "solution": f"$\\partial h_l / \\partial h_{{l-1}} = \\mathrm{{diag}}(\\sigma'(a_l))\\,W_l$. Only $\\sigma'$ is "
                     f"bounded by $\\tfrac14$; with $w = {w:g}$ the stack above grows to {g_stack:.3f}."},
        {"id": "softplus-naive-float32", "concept": "softplus", "kind": "predict",
         "question": "The textbook formula for softplus in float32 (the default dtype). What does this print?",
         "code": code_fp32, "answer": out_fp32,
         "hint": "float32 overflows near $e^{88.7}$, and $1 + u$ rounds to 1 when $u$ is below about $10^{-7}$.",
         "solution": f"It prints `{out_fp32}`: $e^{{100}}$ overflows to `inf`, and $1 + e^{{-20}}$ "
                     f"($e^{{-20}} \\approx {math.exp(-20):.1e}$) rounds to exactly 1 in float32, whose log is 0. "
                     "The stable form $\\max(x, 0) + \\mathrm{log1p}(e^{-|x|})$ gives 100 and "
                     f"{math.log1p(math.exp(-20)):.2e}."},
        {"id": "softplus-logistic-loss", "concept": "softplus", "kind": "numeric",
         "question": f"A binary classifier gives a positive example ($y = 1$) the logit $z = {z:g}$. What is its "
                     "negative log-likelihood $-\\ln\\sigma(z)$, in nats? Give 3 decimals.",
         "answer": round(loss, 6), "tolerance": 0.0015,
         "hint": "$-\\ln\\sigma(z)$ is a softplus of something simple.",
         "solution": f"$-\\ln\\sigma(z) = \\zeta(-z) = \\ln(1 + e^{{{-z:g}}}) = {loss:.3f}$, the same as "
                     "`binary_cross_entropy_with_logits`."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
