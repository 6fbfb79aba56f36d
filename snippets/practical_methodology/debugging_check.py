"""Exercises for "Debugging strategies": worst mistakes, tiny data sets, gradient checks, monitoring units."""
import contextlib
import io
import json
import math

import numpy as np


def run_code(code: str) -> str:
    """Run a few lines as a fresh script and return what they printed, stripped.

    Examples:
        >>> run_code("print(2 + 3)")
        '5'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"__name__": "__exercise__"})
    return out.getvalue().strip()


def blind_loss(counts: list[int]) -> float:
    """The cross-entropy (nats) of the best input-blind guess: the entropy of the label frequencies.

    Examples:
        >>> round(blind_loss([4, 4]), 4)  # ln 2
        0.6931
    """
    n = sum(counts)
    return -sum(c / n * math.log(c / n) for c in counts if c)


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """||a - b|| / (||a|| + ||b||), the relative error of two gradients.

    Examples:
        >>> relative_error(np.array([1.0, 0.0]), np.array([1.0, 0.0]))
        0.0
    """
    return float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))


if __name__ == "__main__":
    exercises = []

    # debug-visualize
    code = ("probs  = [[0.9, 0.1], [0.2, 0.8], [0.55, 0.45], [0.03, 0.97], [0.6, 0.4]]\n"
            "labels = [0, 0, 1, 0, 1]\n"
            "pred = [max(range(2), key=p.__getitem__) for p in probs]\n"
            "wrong = [i for i in range(5) if pred[i] != labels[i]]\n"
            "print(max(wrong, key=lambda i: max(probs[i])))")
    worst = int(run_code(code))
    exercises.append({
        "id": "most-confident-mistake", "concept": "debug-visualize", "kind": "predict",
        "question": "Which example index tops the list of most confidently wrong predictions? Predict what this prints.",
        "code": code, "answer": worst, "tolerance": 0.1,
        "hint": "First keep the misclassified examples, then sort them by the probability of the predicted class.",
        "solution": f"Examples 1, 2, 3 and 4 are misclassified; their confidences are 0.8, 0.55, 0.97 and 0.6, so "
                    f"example {worst} comes first. A label of 0 against a confidence of 0.97 is worth checking by eye: "
                    "it may well be a labelling error.",
    })
    exercises.append({
        "id": "top-of-the-list", "concept": "debug-visualize", "kind": "choice",
        "question": "The top rows of a list of most confidently wrong predictions most often show what?",
        "options": [
            {"text": "Hard examples near a class boundary", "why": "Those are usually wrong with low confidence, further down the list."},
            {"text": "Problems in the data: wrong labels, badly cropped or differently preprocessed inputs", "why": "The model is sure because its prediction fits the input; the label or the input is what is off."},
            {"text": "Random examples: confidence says nothing about mistakes", "why": "A sharp softmax puts confident mistakes where the model and the label truly disagree."},
        ],
        "answer": 1,
        "hint": "Why would a model be very sure and still disagree with the label?",
        "solution": "Confident mistakes are where a good model and the data disagree most, which is where bad labels and "
                    "preprocessing bugs show up.",
    })

    # debug-fit-tiny-dataset
    counts = [4, 2, 2]
    floor = blind_loss(counts)
    exercises.append({
        "id": "tiny-blind-loss", "concept": "debug-fit-tiny-dataset", "kind": "numeric",
        "question": f"A tiny data set of 8 examples has {counts[0]} of class A, {counts[1]} of class B and {counts[2]} of "
                    "class C. A training loop whose inputs are shuffled separately from the labels stalls at the loss of "
                    "the best input-blind guess. What is that cross-entropy, in nats, to 3 decimals?",
        "answer": floor, "tolerance": 0.0015,
        "hint": "The best guess that ignores the input predicts the label frequencies; its loss is their entropy.",
        "solution": f"$-(0.5 \\ln 0.5 + 2 \\cdot 0.25 \\ln 0.25) = {floor:.3f}$ nats, above 0 where a correct loop "
                    "ends after memorizing the 8 examples.",
    })
    exercises.append({
        "id": "tiny-stuck-means", "concept": "debug-fit-tiny-dataset", "kind": "choice",
        "question": "A network with a million parameters, trained on 5 examples for 2000 steps, keeps its loss near "
                    "its starting value. What is the most likely explanation?",
        "options": [
            {"text": "The model is too small", "why": "A million parameters can memorize 5 examples, even with random labels."},
            {"text": "It needs more training data", "why": "More data makes fitting harder, not easier; 5 examples should be memorized."},
            {"text": "A bug in the data pipeline, the loss, the gradient or the update", "why": "Any reasonable network fits a handful of examples; failing to is the sign of a bug."},
        ],
        "answer": 2,
        "hint": "What should any reasonable network do with five examples?",
        "solution": "Failing to memorize a tiny set is not underfitting: look for the bug (labels paired with the wrong "
                    "inputs, a detached loss, an optimizer that was given no parameters, ...).",
    })

    # gradient-check
    g_bp, g_num = np.array([0.5, -1.2, 2.0]), np.array([0.5003, -1.1996, 2.0001])
    rel = relative_error(g_bp, g_num)
    exercises.append({
        "id": "relative-error", "concept": "gradient-check", "kind": "numeric",
        "question": f"Backprop gives $g = {g_bp.tolist()}$, the centred difference gives ${g_num.tolist()}$. What is "
                    "the relative error $\\lVert a - b \\rVert / (\\lVert a \\rVert + \\lVert b \\rVert)$, in units of "
                    "$10^{-4}$, to 2 decimals?",
        "answer": rel * 1e4, "tolerance": 0.006,
        "hint": "The difference is a small vector; its norm is a square root of a sum of squares of a few $10^{-4}$.",
        "solution": f"$\\lVert a - b \\rVert = {np.linalg.norm(g_bp - g_num) * 1e4:.3f} \\times 10^{{-4}}$, "
                    f"$\\lVert a \\rVert + \\lVert b \\rVert = {np.linalg.norm(g_bp) + np.linalg.norm(g_num):.4f}$, "
                    f"ratio ${rel * 1e4:.2f} \\times 10^{{-4}}$: small, yet far above what a correct float64 "
                    "gradient gives with a centred difference.",
    })
    code = ("f = lambda x: x ** 3          # f'(1) = 3\n"
            "x, eps = 1.0, 0.1\n"
            "forward = (f(x + eps) - f(x)) / eps\n"
            "centred = (f(x + eps) - f(x - eps)) / (2 * eps)\n"
            "print(round(abs(centred - 3), 6))")
    err_c = float(run_code(code))
    fwd = ((1.1) ** 3 - 1) / 0.1 - 3
    exercises.append({
        "id": "centred-error", "concept": "gradient-check", "kind": "predict",
        "question": "What does this print: the error of the centred difference of $x^3$ at $x = 1$?",
        "code": code, "answer": err_c, "tolerance": 1e-4,
        "hint": "Expand $(1 \\pm \\varepsilon)^3$: the even powers of $\\varepsilon$ cancel in the centred difference.",
        "solution": f"$((1.1)^3 - (0.9)^3)/0.2 = 3 + \\varepsilon^2 = 3.01$, an error of {err_c:g}; the forward "
                    f"difference is off by {fwd:.2f} ($3\\varepsilon + \\varepsilon^2$), {fwd / err_c:.0f} times more.",
    })
    e1, e2, err1 = 1e-2, 1e-3, 4e-5
    err2 = err1 * (e2 / e1) ** 2
    exercises.append({
        "id": "centred-error-scaling", "concept": "gradient-check", "kind": "numeric",
        "question": "A centred difference has a relative error of $4 \\times 10^{-5}$ at $\\varepsilon = 10^{-2}$, "
                    "far above round-off. What error do you expect at $\\varepsilon = 10^{-3}$, in units of $10^{-7}$?",
        "answer": err2 / 1e-7, "tolerance": 0.05,
        "hint": "The centred difference's error is proportional to $\\varepsilon^2$.",
        "solution": f"{e1 / e2:.0f} times smaller $\\varepsilon$, {(e1 / e2) ** 2:.0f} times smaller error: "
                    f"${err2 / 1e-7:.1f} \\times 10^{{-7}}$ (the forward difference would only gain a factor {e1 / e2:.0f}).",
    })

    # monitor-activations-gradients
    z0 = 2.5
    slope = 1 - math.tanh(z0) ** 2
    exercises.append({
        "id": "tanh-slope", "concept": "monitor-activations-gradients", "kind": "numeric",
        "question": f"A tanh unit sits at pre-activation $z = {z0}$. By what factor does it scale the gradient that "
                    "flows back through it, to 4 decimals?",
        "answer": slope, "tolerance": 0.00015,
        "hint": "$\\tanh'(z) = 1 - \\tanh^2 z$.",
        "solution": f"$\\tanh {z0} = {math.tanh(z0):.5f}$, so $1 - \\tanh^2 = {slope:.4f}$: a saturated unit passes "
                    f"back about {slope:.0%} of the gradient.",
    })
    code = ("import numpy as np\n"
            "z = np.array([[ 1.0, -2.0, -0.5,  3.0],    # pre-activations:\n"
            "              [-1.0, -3.0,  0.2,  2.0],    # 3 inputs (rows) x 4 ReLU units\n"
            "              [ 0.5, -1.0, -0.1, -4.0]])\n"
            "dead = (z <= 0).all(axis=0)   # off for every input\n"
            "print(dead.mean())")
    dead = float(run_code(code))
    assert dead == 0.25  # the solution names the second column
    exercises.append({
        "id": "dead-relu-share", "concept": "monitor-activations-gradients", "kind": "predict",
        "question": "What share of these ReLU units is dead on this batch? Predict what the code prints.",
        "code": code, "answer": dead, "tolerance": 0.001,
        "hint": "A dead unit is off for every input: look down each column.",
        "solution": f"Only the second column is non-positive in every row: {dead:g} of the units. The third unit is "
                    "off for two inputs out of three, but alive: it still gets a gradient from the second.",
    })
    lr, g_norm, w_norm = 0.01, 2.0, 5.0
    ratio = lr * g_norm / w_norm
    exercises.append({
        "id": "update-ratio", "concept": "monitor-activations-gradients", "kind": "numeric",
        "question": f"A weight matrix has norm {w_norm}; its gradient has norm {g_norm}, and plain SGD uses learning "
                    f"rate {lr}. What is the size of one update relative to the weights, as a fraction (e.g. 0.5 for 50%)?",
        "answer": ratio, "tolerance": 0.0001,
        "hint": "The update is the learning rate times the gradient.",
        "solution": f"${lr} \\cdot {g_norm} / {w_norm} = {ratio:g}$, i.e. {ratio:.1%} per step: within a factor of a "
                    "few of the 1% rule of thumb, neither tiny nor huge.",
    })
    print(json.dumps(exercises, ensure_ascii=False))
