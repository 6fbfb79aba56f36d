"""Exercises for the ReLU, layers and depth page: a ReLU's kink and value, hard sigmoids and broken lines
built of ReLUs, the collapse of linear layers, counting parameters, and choosing the depth."""
import contextlib
import io
import json

import numpy as np
import torch


def printed(code: str) -> str:
    """What a few lines of code print, run in a fresh namespace that has torch.

    Args:
        code: the lines.

    Returns:
        Their output, stripped.

    Examples:
        >>> printed("print(3 - 1)")
        '2'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"torch": torch})
    return out.getvalue().strip()


def relu_per_knot(x: np.ndarray, xk: np.ndarray, yk: np.ndarray) -> np.ndarray:
    """The broken line through (xk, yk), flat outside, as y0 + one ReLU per knot: sum_k s_k max(0, x - xk[k]).

    Args:
        x: where to evaluate, shape (m,).
        xk: the knots' x, increasing, shape (K + 1,).
        yk: the knots' y, shape (K + 1,).

    Returns:
        The curve at x, shape (m,); s_k is the change of slope at knot k.

    Examples:
        >>> relu_per_knot(np.array([-1.0, 0.5, 2.0]), np.array([0.0, 1.0]), np.array([0.0, 2.0])).tolist()
        [0.0, 1.0, 2.0]
    """
    slopes = np.r_[0.0, np.diff(yk) / np.diff(xk), 0.0]  # flat, the segments, flat
    s = np.diff(slopes)  # one change of slope per knot
    return yk[0] + (s * np.maximum(0.0, x[:, None] - xk)).sum(1)


def slopes_of(act: torch.nn.Module, width: int = 8) -> torch.Tensor:
    """The slopes between 61 points of [-3, 3] of a random network: 5 Linear layers with act between them.

    Args:
        act: the activation module put after each of the first four layers.
        width: the hidden width.

    Returns:
        The 60 slopes (differences of the output over differences of x), shape (60,).

    Examples:
        >>> s = slopes_of(torch.nn.Identity())
        >>> s.shape, bool((s.max() - s.min()) < 1e-9)
        (torch.Size([60]), True)
    """
    layers = [torch.nn.Linear(1, width), act]
    for _ in range(3):
        layers += [torch.nn.Linear(width, width), act]
    net = torch.nn.Sequential(*layers, torch.nn.Linear(width, 1)).double()
    xg = torch.linspace(-3, 3, 61, dtype=torch.float64)[:, None]
    with torch.no_grad():
        y = net(xg)[:, 0]
    return torch.diff(y) / torch.diff(xg[:, 0])


if __name__ == "__main__":
    torch.manual_seed(0)
    # a ReLU c max(0, b + w x)
    c, b, w, xq = -2.0, 3.0, -1.5, -1.0
    kink, value = -b / w, c * max(0.0, b + w * xq)
    assert value == c * torch.relu(torch.tensor(b + w * xq)).item()

    # a hard sigmoid from x0 = 1 to x1 = 3 with height 2, as two ReLUs h max(0, w x + b1) - h max(0, w x + b2)
    x0, x1, h = 1.0, 3.0, 2.0
    wr, b1, b2 = 1 / (x1 - x0), -x0 / (x1 - x0), -x1 / (x1 - x0)
    grid = np.arange(-32, 97) / 16
    two = h * np.maximum(0, wr * grid + b1) - h * np.maximum(0, wr * grid + b2)
    assert np.array_equal(two, h * np.clip((grid - x0) / (x1 - x0), 0, 1))

    # a broken line with K = 5 segments: one ReLU per knot (K + 1 = 6) is enough
    xk, yk = np.array([0.0, 1.0, 2.0, 3.5, 4.0, 6.0]), np.array([1.0, 2.0, 0.0, 0.5, 3.0, 2.0])
    xs = np.linspace(-2, 8, 1001)
    K = len(xk) - 1
    assert np.abs(relu_per_knot(xs, xk, yk) - np.interp(xs, xk, yk)).max() < 1e-12

    # two linear layers without activation: one line
    W1, c1, W2, c2 = np.array([[1.0], [2.0]]), np.array([0.0, 1.0]), np.array([[1.0, -1.0]]), 0.5
    slope, intercept = (W2 @ W1)[0, 0], (W2 @ c1)[0] + c2
    xt = torch.linspace(-3, 3, 7, dtype=torch.float64)[:, None]
    lin = torch.nn.Sequential(torch.nn.Linear(1, 2), torch.nn.Linear(2, 1)).double()
    with torch.no_grad():
        lin[0].weight.copy_(torch.tensor(W1)), lin[0].bias.copy_(torch.tensor(c1))
        lin[1].weight.copy_(torch.tensor(W2)), lin[1].bias.fill_(c2)
        assert torch.allclose(lin(xt)[:, 0], slope * xt[:, 0] + intercept, atol=1e-12)

    # which activation leaves a deep stack a straight line?
    spread = {name: (s.max() - s.min()).item() for name, s in
              [("identity", slopes_of(torch.nn.Identity())), ("relu", slopes_of(torch.nn.ReLU())),
               ("sigmoid", slopes_of(torch.nn.Sigmoid())), ("tanh", slopes_of(torch.nn.Tanh()))]}
    assert spread["identity"] < 1e-9 and min(spread["relu"], spread["sigmoid"], spread["tanh"]) > 1e-6

    sizes = [4, 8, 8, 1]
    mlp = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 8), torch.nn.ReLU(),
                              torch.nn.Linear(8, 1))
    n_params = sum(p.numel() for p in mlp.parameters())
    assert n_params == sum(a * b + b for a, b in zip(sizes, sizes[1:]))
    code_tensors = """net = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(),
                          torch.nn.Linear(8, 8), torch.nn.ReLU(),
                          torch.nn.Linear(8, 1))
print(len(list(net.parameters())))"""
    out_tensors = printed(code_tensors)
    assert out_tensors == "6"

    depths, train, held = [1, 2, 4, 8], [0.11, 0.06, 0.02, 0.05], [0.31, 0.29, 0.41, 0.38]
    pick = int(np.argmin(held))
    assert depths[pick] == 2 and depths[int(np.argmin(train))] == 4

    exercises = [
        {"id": "relu-kink-and-value", "concept": "relu", "kind": "numeric",
         "question": f"$y = c \\max(0, b + wx)$ with $c = {c:g}$, $b = {b:g}$, $w = {w:g}$. Where is the kink, "
                     f"and what is $y$ at $x = {xq:g}$? Give both numbers.",
         "answer": [kink, value], "tolerance": 1e-6,
         "hint": "The kink is where $b + wx = 0$. With $w < 0$, which side of it is active?",
         "solution": f"Kink at $x = -b/w = {kink:g}$. Since $w < 0$, the ReLU is active to the left of it; at "
                     f"$x = {xq:g}$, $b + wx = {b + w * xq:g}$, so $y = {c:g} \\times {b + w * xq:g} = {value:g}$."},
        {"id": "hard-sigmoid-from-two-relus", "concept": "two-relus-make-hard-sigmoid", "kind": "numeric",
         "question": f"Write the hard sigmoid that ramps from $x_0 = {x0:g}$ to $x_1 = {x1:g}$ with height "
                     f"$h = {h:g}$ as $h\\max(0, wx + b_1) - h\\max(0, wx + b_2)$. What are $w$, $b_1$ and $b_2$?",
         "answer": [wr, b1, b2], "tolerance": 1e-6,
         "hint": "Both ReLUs have the ramp's slope per unit height, $1/(x_1 - x_0)$; each switches on at one end.",
         "solution": f"$w = 1/(x_1 - x_0) = {wr:g}$, $b_1 = -w x_0 = {b1:g}$, $b_2 = -w x_1 = {b2:g}$. "
                     "On a grid of exact binary fractions the two ReLUs equal the hard sigmoid bit for bit."},
        {"id": "fewest-relus-for-broken-line", "concept": "two-relus-make-hard-sigmoid", "kind": "numeric",
         "question": f"A broken line has {K} segments (so {K + 1} knots) and is flat outside them. The page's "
                     "construction uses two ReLUs per segment. How many ReLUs (plus a constant) are enough "
                     "if each ReLU may switch on at any knot?",
         "answer": K + 1, "tolerance": 0.5,
         "hint": "What changes at a knot? One ReLU $s\\max(0, x - x_k)$ changes the slope by $s$ from $x_k$ on.",
         "solution": f"One ReLU per knot, {K + 1} in all: the slope goes from 0 to the first segment's, then "
                     f"changes at every inner knot, then back to 0 at the last. The check file rebuilds a curve "
                     f"with {K} segments from {K + 1} ReLUs with an error below $10^{{-12}}$; the two-per-segment "
                     f"construction would use {2 * K}."},
        {"id": "two-linear-layers-collapse", "concept": "activation-function", "kind": "numeric",
         "question": "Two linear layers without activation: $\\mathbf h = W_1 x + \\mathbf b_1$ with "
                     "$W_1 = \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}$, $\\mathbf b_1 = (0, 1)$, then "
                     f"$y = W_2 \\mathbf h + b_2$ with $W_2 = (1, -1)$, $b_2 = {c2:g}$. The result is one line "
                     "$y = a x + d$. What are $a$ and $d$?",
         "answer": [float(slope), float(intercept)], "tolerance": 1e-6,
         "hint": "$a = W_2 W_1$ and $d = W_2 \\mathbf b_1 + b_2$.",
         "solution": f"$a = 1 \\cdot 1 + (-1) \\cdot 2 = {slope:g}$ and $d = 1 \\cdot 0 + (-1) \\cdot 1 + {c2:g} "
                     f"= {intercept:g}$; `torch.nn.Sequential(Linear(1, 2), Linear(2, 1))` with these weights "
                     "gives the same line."},
        {"id": "which-activation-stays-linear", "concept": "activation-function", "kind": "choice",
         "question": "A network of five `Linear` layers with the same activation between them, random weights. "
                     "With which activation is it still a straight line in $x$?",
         "options": [
             {"text": "`torch.nn.Identity()` (no activation)",
              "why": "Right: a composition of linear maps is one linear map; its slope is the same everywhere."},
             {"text": "`torch.nn.ReLU()`",
              "why": "Each ReLU bends where its unit switches on, so the slope changes along $x$."},
             {"text": "`torch.nn.Sigmoid()`",
              "why": "The sigmoid is curved everywhere, so the output is too."},
             {"text": "`torch.nn.Tanh()`",
              "why": "tanh is a rescaled sigmoid: nonlinear, so the stack bends."}],
         "answer": 0,
         "hint": "Only one of these is itself a linear function.",
         "solution": "The check file measures the slope of each network on 61 points: with `Identity` it varies "
                     f"by less than $10^{{-9}}$, with the others by more than $10^{{-6}}$ "
                     f"(ReLU {spread['relu']:.2g}, sigmoid {spread['sigmoid']:.2g}, tanh {spread['tanh']:.2g})."},
        {"id": "count-mlp-parameters", "concept": "neuron-layer-network", "kind": "numeric",
         "question": "How many numbers does this network learn: 4 inputs, two hidden layers of 8 ReLU neurons, "
                     "one output, every layer with a bias?",
         "answer": n_params, "tolerance": 0.5,
         "hint": "A `Linear(a, b)` layer holds $a \\cdot b$ weights and $b$ biases.",
         "solution": "$" + " + ".join(f"({a} \\cdot {b} + {b})" for a, b in zip(sizes, sizes[1:]))
                     + f" = {n_params}$, as `sum(p.numel() for p in net.parameters())` counts."},
        {"id": "count-parameter-tensors", "concept": "neuron-layer-network", "kind": "predict",
         "question": "Same network. What does this print?",
         "code": code_tensors, "answer": out_tensors,
         "hint": "`parameters()` yields tensors, not numbers. Which modules hold tensors, and how many each?",
         "solution": f"It prints `{out_tensors}`: each `Linear` holds a weight matrix and a bias vector, and the "
                     "ReLUs hold none."},
        {"id": "pick-the-depth", "concept": "deeper-overfits", "kind": "choice",
         "question": "Networks with 1, 2, 4 and 8 hidden layers end with training losses "
                     f"{', '.join(f'{v:g}' for v in train)} and held-out losses {', '.join(f'{v:g}' for v in held)}. "
                     "Which depth do you keep?",
         "options": [{"text": f"{d} layer{'s' if d > 1 else ''}", "why": why} for d, why in zip(depths, [
             "Its held-out loss is not the lowest.",
             "Right: it has the lowest held-out loss, which is what the choice is made on.",
             "It fits the training data best, partly by fitting noise: its held-out loss is higher.",
             "Neither loss is the lowest; the same budget trains it worse than 4 layers."])],
         "answer": pick,
         "hint": "Which of the two losses was measured on data that played no part in training?",
         "solution": f"The held-out losses are lowest at {depths[pick]} layers ({held[pick]:g}). The lowest "
                     f"training loss ({min(train):g}, at {depths[int(np.argmin(train))]} layers) says how well a "
                     "network fits the data it was trained on, not how it does on new data."},
        {"id": "deeper-trains-worse", "concept": "deeper-overfits", "kind": "choice",
         "question": "With the same number of training steps, the 8-layer network ends with a *higher training* "
                     "loss than the 4-layer one. What is the best reading?",
         "options": [
             {"text": "An optimization problem: the deeper network is harder to train in the same budget",
              "why": "Right: a deeper network of the same width is at least as flexible, so a higher training "
                     "loss means the search fell short (compare the 56-layer vs 20-layer net)."},
             {"text": "Overfitting",
              "why": "Overfitting shows as a low training loss with a high held-out loss, not a high training loss."},
             {"text": "Model bias of the 8-layer family",
              "why": "The deeper family is the more flexible one; the limit is in the search, not the family."},
             {"text": "The test set is too small",
              "why": "The training loss does not involve the test set."}],
         "answer": 0,
         "hint": "Overfitting and model bias each leave a typical mark on the *training* loss. Which one fits?",
         "solution": "More layers of the same width can do at least what fewer can, so failing to reach the "
                     "shallower net's training loss is a failure of optimization, which a longer budget, a "
                     "better optimizer or residual connections address."},
    ]
    for ex in exercises:  # the right option is written first; move it to a place that varies with the id
        if ex["kind"] == "choice" and ex["answer"] == 0 and ex["id"] != "pick-the-depth":
            k = len(ex["id"]) % len(ex["options"])
            ex["options"].insert(k, ex["options"].pop(0))
            ex["answer"] = k
    print(json.dumps(exercises, ensure_ascii=False))
