"""Exercises for the batch normalization page: one normalised output, the running variance after one
batch, evaluation mode right after construction, and the gradient of rescaled weights."""
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
        >>> printed("print(torch.ones(1).item())")
        '1.0'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"torch": torch})
    return out.getvalue().strip()


def batch_norm_train(x: list[float], gamma: float, beta: float, eps: float) -> list[float]:
    """Batch normalization of one feature in training mode, with the biased batch variance.

    Args:
        x: the feature's values over the batch, length m.
        gamma: the learned scale.
        beta: the learned shift.
        eps: the constant added to the variance.

    Returns:
        gamma (x_i - mean) / sqrt(var + eps) + beta for every i.

    Examples:
        >>> batch_norm_train([1.0, 3.0], 1.0, 0.0, 0.0)
        [-1.0, 1.0]
    """
    m = len(x)
    mu = sum(x) / m
    var = sum((v - mu) ** 2 for v in x) / m
    return [gamma * (v - mu) / math.sqrt(var + eps) + beta for v in x]


if __name__ == "__main__":
    xs, gamma, beta, eps = [1.0, 2.0, 3.0, 6.0], 2.0, 0.5, 1e-5
    ys = batch_norm_train(xs, gamma, beta, eps)
    bn = torch.nn.BatchNorm1d(1, eps=eps, dtype=torch.float64)
    with torch.no_grad():
        bn.weight.fill_(gamma)
        bn.bias.fill_(beta)
    ref = bn(torch.tensor(xs, dtype=torch.float64).view(-1, 1)).flatten().tolist()
    assert max(abs(a - b) for a, b in zip(ys, ref)) < 1e-12
    mu = sum(xs) / len(xs)
    var_b = sum((v - mu) ** 2 for v in xs) / len(xs)
    var_u = var_b * len(xs) / (len(xs) - 1)
    running = bn.running_var.item()
    assert abs(running - (0.9 * 1.0 + 0.1 * var_u)) < 1e-12

    code_eval = """bn = torch.nn.BatchNorm1d(1)
bn.eval()
x = torch.tensor([[4.0], [6.0]])
print(bn(x).flatten().round(decimals=2).tolist())"""
    out_eval = printed(code_eval)
    assert out_eval == "[4.0, 6.0]"

    code_scale = """torch.manual_seed(0)
x = torch.randn(32, 5)
w = torch.randn(5, 3, requires_grad=True)
w10 = (10 * w).detach().requires_grad_()
bn = torch.nn.BatchNorm1d(3)
for v in (w, w10):
    (bn(x @ v) ** 3).sum().backward()
print(round((w10.grad.norm() / w.grad.norm()).item(), 3))"""
    out_scale = printed(code_scale)
    assert abs(float(out_scale) - 0.1) < 0.002

    exercises = [
        {"id": "batchnorm-one-output", "concept": "batch-normalization", "kind": "numeric",
         "question": f"A batch holds the values $({', '.join(f'{v:g}' for v in xs)})$ of one feature. Batch "
                     f"normalization in training mode with $\\gamma = {gamma:g}$, $\\beta = {beta:g}$ and "
                     f"$\\varepsilon = 10^{{-5}}$: what is the output for the value {xs[-1]:g}? Give 3 decimals.",
         "answer": round(ys[-1], 6), "tolerance": 0.0015,
         "hint": "Use the batch mean and the biased batch variance (divide by $m$), then scale and shift.",
         "solution": f"$\\mu_B = {mu:g}$, $\\sigma_B^2 = {var_b:g}$, so $y = {gamma:g} \\cdot ({xs[-1]:g} - {mu:g})/"
                     f"\\sqrt{{{var_b:g} + 10^{{-5}}}} + {beta:g} = {ys[-1]:.3f}$ (`BatchNorm1d` agrees)."},
        {"id": "batchnorm-running-variance", "concept": "batch-normalization", "kind": "numeric",
         "question": "A fresh `torch.nn.BatchNorm1d(1)` (running variance 1, momentum 0.1) sees that same batch once in "
                     "training mode. What is its running variance afterwards? Give 4 decimals.",
         "answer": round(running, 6), "tolerance": 0.00015,
         "hint": "The running estimate is fed the *unbiased* batch variance (divide by $m - 1$).",
         "solution": f"The unbiased variance is ${var_b * len(xs):g}/{len(xs) - 1} = {var_u:.4f}$, so "
                     f"$0.9 \\times 1 + 0.1 \\times {var_u:.4f} = {running:.4f}$ (torch agrees). With the biased "
                     f"variance one would get {0.9 + 0.1 * var_b:.4f}."},
        {"id": "batchnorm-eval-fresh", "concept": "batch-normalization", "kind": "predict",
         "question": "A batch normalization layer is put in evaluation mode before it has seen any data. What does "
                     "this print?",
         "code": code_eval, "answer": out_eval,
         "hint": "In evaluation mode the layer uses its running statistics, not the batch's. What are they at first?",
         "solution": f"It prints `{out_eval}`: the running mean starts at 0 and the running variance at 1, so the "
                     "layer divides by $\\sqrt{1 + 10^{-5}}$ and changes almost nothing. In training mode the same "
                     "batch would give $(-1, 1)$."},
        {"id": "batchnorm-weight-scale-gradient", "concept": "batch-normalization", "kind": "predict",
         "question": "The weights feeding a batch normalization layer are multiplied by 10. What does this print "
                     "(the ratio of the weight-gradient norms)?",
         "code": code_scale, "answer": float(out_scale), "tolerance": 0.002,
         "hint": "Scaling the weights by $c$ leaves the normalised output unchanged; how does the gradient scale?",
         "solution": f"It prints `{out_scale}`: the output is the same, so the loss is the same function of "
                     "$c\\,W$ as of $W$, and the chain rule divides the gradient by $c = 10$. Larger weights take "
                     "relatively smaller steps."},
        {"id": "batchnorm-not-gaussian", "concept": "batch-normalization", "kind": "choice",
         "question": "A feature is strongly right-skewed. After batch normalization (with $\\gamma = 1$, "
                     "$\\beta = 0$), over the batch it has…",
         "options": [
             {"text": "a standard normal distribution",
              "why": "Subtracting a mean and dividing by a standard deviation cannot change the shape."},
             {"text": "mean 0, variance about 1, and the same skewness as before",
              "why": "Right: standardising is an affine map, which keeps the skewness."},
             {"text": "mean 0 but its old variance",
              "why": "The division by $\\sqrt{\\sigma_B^2 + \\varepsilon}$ sets the variance to about 1."},
             {"text": "zero skewness and unchanged mean",
              "why": "The mean is removed, and the skewness stays."}],
         "answer": 1,
         "hint": "Is $x \\mapsto (x - \\mu)/\\sigma$ able to change a distribution's shape?",
         "solution": "Batch normalization standardises; it does not Gaussianise. The page's example shows skewed "
                     "features with the same skewness before and after."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
