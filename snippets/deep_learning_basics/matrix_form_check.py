"""Exercises for the matrix-form page: one forward pass by hand, the shapes of a batch, counting and
updating the parameters in theta, and counting the updates of an epoch."""
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
        >>> printed("print(2 * 3)")
        '6'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"torch": torch})
    return out.getvalue().strip()


def network(x: np.ndarray, W: np.ndarray, b: np.ndarray, c: np.ndarray, b0: float) -> float:
    """y = b0 + c^T sigmoid(b + W x) for one input x of shape (J,), with W of shape (I, J).

    Examples:
        >>> network(np.zeros(2), np.ones((1, 2)), np.zeros(1), np.array([2.0]), 0.5)
        1.5
    """
    return float(b0 + c @ (1 / (1 + np.exp(-(b + W @ x)))))


def n_parameters(features: int, sigmoids: int) -> int:
    """How many entries theta has for y = b + c^T sigmoid(b + W x): W, the inner b, c and the outer b.

    Examples:
        >>> n_parameters(3, 4)
        21
    """
    return features * sigmoids + sigmoids + sigmoids + 1


if __name__ == "__main__":
    torch.manual_seed(0)
    W, bv, c, b0, x = np.array([[1.0, -1.0], [0.0, 2.0]]), np.array([0.0, -1.0]), np.array([2.0, -1.0]), 0.5, \
        np.array([1.0, 1.0])
    y = network(x, W, bv, c, b0)
    r = bv + W @ x
    net = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.Sigmoid(), torch.nn.Linear(2, 1)).double()
    with torch.no_grad():
        net[0].weight.copy_(torch.tensor(W)), net[0].bias.copy_(torch.tensor(bv))
        net[2].weight.copy_(torch.tensor(c)[None]), net[2].bias.fill_(b0)
    assert abs(net(torch.tensor(x)).item() - y) < 1e-12

    code_shape = """X = torch.randn(5, 3)      # 5 inputs, 3 features each
W = torch.randn(4, 3)      # 4 sigmoids
b = torch.randn(4)
print(tuple(torch.sigmoid(X @ W.T + b).shape))"""
    out_shape = printed(code_shape)
    assert out_shape == "(5, 4)"

    J, I = 10, 50
    n_theta = n_parameters(J, I)
    model = torch.nn.Sequential(torch.nn.Linear(J, I), torch.nn.Sigmoid(), torch.nn.Linear(I, 1))
    assert n_theta == torch.nn.utils.parameters_to_vector(model.parameters()).numel()

    theta0, eta = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True), 0.1
    loss = (theta0[0] * theta0[1] - 1) ** 2
    (g,) = torch.autograd.grad(loss, theta0)
    theta1 = (theta0 - eta * g).detach()
    assert torch.allclose(g, torch.tensor([4.0, 2.0], dtype=torch.float64))

    N, B, epochs = 1000, 32, 3
    per_epoch = math.ceil(N / B)
    loader = torch.utils.data.DataLoader(range(N), batch_size=B)
    assert epochs * per_epoch == sum(1 for _ in range(epochs) for _ in loader)

    code_loader = """from torch.utils.data import DataLoader
batches = list(DataLoader(range(23), batch_size=5))
print(len(batches), len(batches[-1]))
print(len(DataLoader(range(23), batch_size=5, drop_last=True)))"""
    out_loader = printed(code_loader)
    assert out_loader == "5 3\n4"

    exercises = [
        {"id": "forward-pass-by-hand", "concept": "matrix-form", "kind": "numeric",
         "question": "Compute $y = b + \\mathbf c^\\top \\sigma(\\mathbf b + W \\mathbf x)$ with "
                     "$W = \\begin{pmatrix} 1 & -1 \\\\ 0 & 2 \\end{pmatrix}$, $\\mathbf b = (0, -1)$, "
                     f"$\\mathbf c = (2, -1)$, $b = {b0:g}$ and $\\mathbf x = (1, 1)$. Give 3 decimals.",
         "answer": round(y, 6), "tolerance": 0.0015,
         "hint": "First $\\mathbf r = \\mathbf b + W\\mathbf x$, then the sigmoid of each entry, then the "
                 "weighted sum.",
         "solution": f"$\\mathbf r = ({r[0]:g}, {r[1]:g})$, $\\sigma(\\mathbf r) = ({1 / (1 + np.exp(-r[0])):.4f}, "
                     f"{1 / (1 + np.exp(-r[1])):.4f})$, so $y = {b0:g} + 2 \\cdot {1 / (1 + np.exp(-r[0])):.4f} "
                     f"- {1 / (1 + np.exp(-r[1])):.4f} = {y:.4f}$ (a `torch.nn.Sequential` with these "
                     "weights agrees)."},
        {"id": "batch-shape", "concept": "matrix-form", "kind": "predict",
         "question": "A batch of inputs goes through the sigmoid layer in one product. What does this print?",
         "code": code_shape, "answer": out_shape,
         "hint": "$X W^\\top$ multiplies a (5, 3) matrix by a (3, 4) one.",
         "solution": f"It prints `{out_shape}`: one row per input, one column per sigmoid. The bias of shape "
                     "(4,) is added to every row (broadcasting)."},
        {"id": "count-theta", "concept": "theta-all-parameters", "kind": "numeric",
         "question": f"The model $y = b + \\mathbf c^\\top \\sigma(\\mathbf b + W \\mathbf x)$ has {J} features "
                     f"and {I} sigmoids. How many entries does $\\theta$ have?",
         "answer": n_theta, "tolerance": 0.5,
         "hint": "Count $W$, the inner bias vector, $\\mathbf c$ and the outer constant separately.",
         "solution": f"$W$: ${I} \\times {J} = {I * J}$; $\\mathbf b$: {I}; $\\mathbf c$: {I}; $b$: 1. "
                     f"In all {n_theta}, as `parameters_to_vector` of the same `torch.nn` model counts."},
        {"id": "one-theta-step", "concept": "theta-all-parameters", "kind": "numeric",
         "question": f"$L(\\theta) = (\\theta_1 \\theta_2 - 1)^2$. Starting from $\\theta^0 = (1, 2)$, take one "
                     f"gradient-descent step with $\\eta = {eta:g}$. What is $\\theta^1$?",
         "answer": [float(v) for v in theta1], "tolerance": 1e-6,
         "hint": "$\\partial L / \\partial \\theta_1 = 2(\\theta_1\\theta_2 - 1)\\,\\theta_2$, and symmetrically "
                 "for $\\theta_2$.",
         "solution": f"At $\\theta^0$, $\\theta_1\\theta_2 - 1 = 1$, so $\\mathbf g = ({g[0]:g}, {g[1]:g})$ and "
                     f"$\\theta^1 = \\theta^0 - {eta:g}\\,\\mathbf g = ({theta1[0]:g}, {theta1[1]:g})$."},
        {"id": "what-gets-updated", "concept": "theta-all-parameters", "kind": "choice",
         "question": "In $\\theta^1 = \\theta^0 - \\eta\\,\\mathbf g$, which of these is recomputed at every step "
                     "and is *not* itself updated?",
         "options": [
             {"text": "The gradient $\\mathbf g$",
              "why": "Right: it is the slope of $L$ at the current $\\theta$, computed afresh each step."},
             {"text": "The parameter vector $\\theta$",
              "why": "$\\theta$ is what the update changes."},
             {"text": "The training data",
              "why": "The data are fixed; batches only choose which examples a step looks at."},
             {"text": "Nothing: $\\theta$ and $\\mathbf g$ are the same vector",
              "why": "They have the same length, but $\\theta$ holds parameters and $\\mathbf g$ holds derivatives."}],
         "answer": 0,
         "hint": "Which of the two vectors depends on where you stand?",
         "solution": "$\\theta$ is the point; $\\mathbf g = \\nabla L(\\theta)$ is the slope at that point. Each "
                     "step moves $\\theta$, then a new $\\mathbf g$ is computed there."},
        {"id": "updates-in-three-epochs", "concept": "batch-update-epoch", "kind": "numeric",
         "question": f"{N} examples, batch size {B}, the last smaller batch kept. How many parameter updates do "
                     f"{epochs} epochs make?",
         "answer": epochs * per_epoch, "tolerance": 0.5,
         "hint": "An epoch has $\\lceil N / B \\rceil$ updates.",
         "solution": f"$\\lceil {N} / {B} \\rceil = {per_epoch}$ updates per epoch, so {epochs * per_epoch} in "
                     f"{epochs} epochs (a `DataLoader` yields exactly that many batches)."},
        {"id": "dataloader-last-batch", "concept": "batch-update-epoch", "kind": "predict",
         "question": "What does this print? It prints two lines; type the three numbers in order, separated by spaces.",
         "code": code_loader, "answer": out_loader.replace("\n", " "),
         "hint": "23 = 4 × 5 + 3. What happens to the 3 left over, with and without `drop_last`?",
         "solution": f"It prints `{out_loader.splitlines()[0]}` and then `{out_loader.splitlines()[1]}`: five "
                     "batches, the last holding the 3 examples left over; with `drop_last=True` those are "
                     "skipped and 4 batches remain."},
    ]
    for ex in exercises:  # the right option is written first; move it to a place that varies with the id
        if ex["kind"] == "choice" and ex["answer"] == 0:
            k = len(ex["id"]) % len(ex["options"])
            ex["options"].insert(k, ex["options"].pop(0))
            ex["answer"] = k
    print(json.dumps(exercises, ensure_ascii=False))
