"""Exercises for the three-steps page: which step is which, a prediction, labels from a series, a loss by
hand, MAE against MSE, and cross entropy with its gradient."""
import contextlib
import io
import json

import numpy as np
import torch
import torch.nn.functional as F


def printed(code: str) -> str:
    """What a few lines of code print, run in a fresh namespace that has torch.

    Args:
        code: the lines.

    Returns:
        Their output, stripped.

    Examples:
        >>> printed("print(1 + 2)")
        '3'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"torch": torch})
    return out.getvalue().strip()


def mae_mse(errors: np.ndarray) -> tuple[float, float]:
    """The mean absolute and the mean squared value of the errors y - label, shape (N,).

    Examples:
        >>> mae_mse(np.array([1.0, -3.0]))
        (2.0, 5.0)
    """
    return float(np.abs(errors).mean()), float((errors**2).mean())


if __name__ == "__main__":
    # model: a prediction with three features
    b, w, x = 0.1, np.array([0.5, -0.2, 0.3]), np.array([1.0, 0.6, 2.0])
    y = float(b + w @ x)
    code_linear = """layer = torch.nn.Linear(1, 1)
with torch.no_grad():
    layer.weight.fill_(2.0)
    layer.bias.fill_(-1.0)
print(layer(torch.tensor([[0.5], [3.0]])).tolist())"""
    out_linear = printed(code_linear)
    assert out_linear == "[[0.0], [5.0]]"

    # labels from a series
    T, k = 30, 7
    series = np.arange(T, dtype=float)
    X = np.stack([series[n : n + k] for n in range(T - k)])
    n_examples = len(X)
    assert n_examples == len(series[k:])
    s5 = np.array([0.9, 1.0, 0.95, 0.3, 0.4])
    pairs = {tuple(s5[n : n + 2]): s5[n + 2] for n in range(len(s5) - 2)}
    label_of = pairs[(1.0, 0.95)]

    # a loss by hand
    bb, ww = 0.1, 0.9
    x1, lab = np.array([1.0, 0.5, 2.0]), np.array([1.2, 0.4, 1.5])
    e = np.abs(bb + ww * x1 - lab)
    L = float(e.mean())
    assert abs(L - torch.nn.L1Loss()(torch.tensor(bb + ww * x1), torch.tensor(lab)).item()) < 1e-12

    # MAE and MSE
    errs = np.array([0.1, -0.2, 0.3, 2.0])
    mae, mse = mae_mse(errs)
    labels = np.array([1.0, 2.0, 3.0, 10.0])
    cs = np.linspace(0, 12, 12001)
    best_mse = min(float(((labels - cc) ** 2).mean()) for cc in cs)
    assert abs(best_mse - labels.var()) < 1e-9

    # cross entropy
    z, cls = torch.tensor([2.0, 0.0, -1.0], dtype=torch.float64, requires_grad=True), 0
    ce = F.cross_entropy(z[None], torch.tensor([cls]))
    ce.backward()
    p = torch.softmax(z, 0).detach()
    assert torch.allclose(z.grad, p - F.one_hot(torch.tensor(cls), 3).double(), atol=1e-12)
    code_twice = """z = torch.tensor([[4.0, 0.0, 0.0]])
right = torch.tensor([0])
a = torch.nn.functional.cross_entropy(z, right)
b = torch.nn.functional.cross_entropy(torch.softmax(z, 1), right)
print(b.item() - a.item())"""
    out_twice = printed(code_twice)
    moves = ["larger", "smaller", "the same"]
    key = 0 if float(out_twice) > 1e-9 else 1 if float(out_twice) < -1e-9 else 2
    assert moves[key] == "larger"

    exercises = [
        {"id": "which-step", "concept": "three-steps", "kind": "choice",
         "question": "You switch from the mean absolute error to the mean squared error, and keep the model and "
                     "the optimizer. Which of the three steps did you change?",
         "options": [
             {"text": "Step 2, the loss", "why": "Right: MAE and MSE are two ways of scoring a choice of parameters."},
             {"text": "Step 1, the model", "why": "The form $y = b + w x_1$ and its parameters are unchanged."},
             {"text": "Step 3, the optimization",
              "why": "Gradient descent still runs the same way; it just descends a different $L$."},
             {"text": "None: the loss is part of the data", "why": "The data are fixed; the loss is a choice."}],
         "answer": 0,
         "hint": "Which step says how bad a choice of $(b, w)$ is?",
         "solution": "Step 1 fixes the form, step 2 scores any choice of its parameters, step 3 searches for the "
                     "best score. Changing how errors are scored is step 2."},
        {"id": "prediction-three-features", "concept": "model-with-unknown-parameters", "kind": "numeric",
         "question": f"A model $y = b + \\sum_j w_j x_j$ has $b = {b:g}$ and $w = ({', '.join(f'{v:g}' for v in w)})$. "
                     f"What does it predict for $x = ({', '.join(f'{v:g}' for v in x)})$?",
         "answer": round(y, 9), "tolerance": 1e-6,
         "hint": "Multiply each feature by its own weight, add them up, add the bias.",
         "solution": f"${b:g} + " + " + ".join(f"({wi:g})({xi:g})" for wi, xi in zip(w, x)) + f" = {y:g}$."},
        {"id": "linear-layer-predicts", "concept": "model-with-unknown-parameters", "kind": "predict",
         "question": "A `torch.nn.Linear(1, 1)` layer is the model $y = b + w x_1$. What does this print?",
         "code": code_linear, "answer": out_linear,
         "hint": "`weight` is $w$ and `bias` is $b$; each row of the input is one example.",
         "solution": f"It prints `{out_linear}`: $-1 + 2 \\cdot 0.5 = 0$ and $-1 + 2 \\cdot 3 = 5$, one row per example."},
        {"id": "examples-from-a-series", "concept": "label", "kind": "numeric",
         "question": f"A series has {T} recorded days. Each example uses the previous {k} days as features and "
                     "the day after them as its label. How many labeled examples does the series give?",
         "answer": n_examples, "tolerance": 0.5,
         "hint": "The first day that can be a label is the first one with a full week before it.",
         "solution": f"Days {k + 1} to {T} can be labels, so there are ${T} - {k} = {n_examples}$ examples."},
        {"id": "label-of-an-example", "concept": "label", "kind": "numeric",
         "question": f"The views are ${', '.join(f'{v:g}' for v in s5)}$ on five days in a row. Each example uses "
                     "the two previous days as features. What is the label of the example whose features are "
                     "$(1, 0.95)$?",
         "answer": float(label_of), "tolerance": 1e-6,
         "hint": "The label is the value recorded on the day right after the feature days.",
         "solution": f"The features $(1, 0.95)$ are days 2 and 3, so the label is day 4: ${label_of:g}$. The same "
                     "number is a feature of the next example."},
        {"id": "mae-loss-by-hand", "concept": "loss-function", "kind": "numeric",
         "question": f"With $(b, w) = ({bb:g}, {ww:g})$, compute the loss $L = \\frac1N \\sum_n |y_n - \\hat y_n|$ "
                     f"on the examples $x_1 = ({', '.join(f'{v:g}' for v in x1)})$ with labels "
                     f"$\\hat y = ({', '.join(f'{v:g}' for v in lab)})$. Give 3 decimals.",
         "answer": round(L, 9), "tolerance": 0.0015,
         "hint": "Predict each example, take the distance to its label, then average.",
         "solution": f"The predictions are $({', '.join(f'{v:g}' for v in bb + ww * x1)})$, the errors "
                     f"$({', '.join(f'{v:.2f}' for v in e)})$, and their mean is ${L:.4f}$ "
                     "(`torch.nn.L1Loss` agrees)."},
        {"id": "loss-input", "concept": "loss-function", "kind": "choice",
         "question": "In $L(b, w)$, what is the input of the loss function?",
         "options": [
             {"text": "The parameters $b$ and $w$",
              "why": "Right: the training data are fixed, and $L$ scores each choice of the parameters."},
             {"text": "The training data",
              "why": "The data are fixed while we search; they are inside $L$, not its argument."},
             {"text": "The label of one example", "why": "Labels enter the errors, but they are fixed data."},
             {"text": "The learning rate", "why": "The learning rate belongs to step 3, not to the loss."}],
         "answer": 0,
         "hint": "What do we vary when we search for the lowest loss?",
         "solution": "Step 3 looks for the $(b, w)$ with the smallest $L(b, w)$; the examples stay the same "
                     "throughout, so $L$ is a function of the parameters."},
        {"id": "mae-and-mse-of-errors", "concept": "mae-mse", "kind": "numeric",
         "question": f"The errors $y_n - \\hat y_n$ of four examples are ${', '.join(f'{v:g}' for v in errs)}$. "
                     "What are the MAE and the MSE? Give both, to 3 decimals.",
         "answer": [round(mae, 9), round(mse, 9)], "tolerance": 0.0015,
         "hint": "MAE averages the absolute values, MSE the squares.",
         "solution": f"MAE $= ({' + '.join(f'{abs(v):g}' for v in errs)})/4 = {mae:.3f}$; MSE $= "
                     f"({' + '.join(f'{v * v:g}' for v in errs)})/4 = {mse:.4f}$. The single error of 2 is most "
                     "of the MSE."},
        {"id": "best-constant-mse", "concept": "mae-mse", "kind": "numeric",
         "question": f"The labels are ${', '.join(f'{v:g}' for v in labels)}$, and the model may only predict one "
                     "constant. What is the smallest MSE it can reach?",
         "answer": round(float(labels.var()), 9), "tolerance": 0.01,
         "hint": "Under MSE the best constant is the mean of the labels.",
         "solution": f"The mean is ${labels.mean():g}$; the squared distances to it average "
                     f"${labels.var():g}$, the variance of the labels (a search over 12001 constants finds the same)."},
        {"id": "cross-entropy-and-gradient", "concept": "cross-entropy", "kind": "numeric",
         "question": "A classifier gives the scores $z = (2, 0, -1)$ and the correct class is the first. What is "
                     "$\\partial e / \\partial z_1$, the derivative of the cross entropy with respect to the "
                     "correct class's score? Give 3 decimals.",
         "answer": round(float(z.grad[0]), 9), "tolerance": 0.0015,
         "hint": "With softmax, $\\partial e / \\partial z = y - \\hat y$ for one example.",
         "solution": f"softmax$(z) = ({', '.join(f'{v:.4f}' for v in p.tolist())})$, so the cross entropy is "
                     f"$-\\ln {p[0]:.4f} = {ce.item():.4f}$ and $\\partial e/\\partial z_1 = {p[0]:.4f} - 1 = "
                     f"{z.grad[0].item():.4f}$ (autograd agrees)."},
        {"id": "softmax-twice", "concept": "cross-entropy", "kind": "predict",
         "question": "`cross_entropy` expects raw scores; `b` feeds it probabilities instead, for an example "
                     "classified confidently and correctly. Compared with `a`, is the loss `b` larger, smaller or "
                     "the same (is the printed difference positive, negative or zero)?",
         "code": code_twice,
         "options": [{"text": "larger", "why": "Right: a second softmax flattens the probabilities, so the "
                                               "correct class gets less and the loss rises."},
                     {"text": "smaller", "why": "Softmax of values in $[0, 1]$ cannot be more confident than the "
                                                "original; the correct class loses probability."},
                     {"text": "the same", "why": "Softmax is not idempotent: applied twice it gives other "
                                                 "probabilities, hence another loss."}],
         "answer": key,
         "hint": "Softmax of numbers between 0 and 1 is close to uniform.",
         "solution": f"It prints about {float(out_twice):.4f}: the loss is {moves[key]}. The second softmax "
                     "squeezes the confident probabilities towards $1/3$ each, so the correct class gets less probability and the loss goes up."},
    ]
    for ex in exercises:  # the right option is written first; move it to a place that varies with the id
        if ex["kind"] == "choice" and ex["answer"] == 0:
            k = len(ex["id"]) % len(ex["options"])
            ex["options"].insert(k, ex["options"].pop(0))
            ex["answer"] = k
    print(json.dumps(exercises, ensure_ascii=False))
