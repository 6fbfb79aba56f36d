"""Exercises for the training-recipe page: reading the losses, the identity construction, overfitting."""
import contextlib
import io
import json

import numpy as np
from numpy.polynomial import legendre

VERDICTS = ["model bias", "optimization issue", "overfitting", "mismatch", "done"]


def diagnose(train: float, val: float, test: float, smaller_train: float, target: float) -> str:
    """The decision table of the training recipe: losses in, verdict out.

    Args:
        train: the model's training loss.
        val: its loss on held-out data from the training distribution.
        test: its loss on the test data.
        smaller_train: the training loss of a smaller (easier to optimize) model on the same data.
        target: the loss that counts as good enough.

    Returns:
        One of VERDICTS.

    Examples:
        >>> diagnose(0.05, 0.5, 0.5, 0.3, target=0.1)
        'overfitting'
    """
    if train > target:
        return "optimization issue" if smaller_train < train else "model bias"
    if val > target:
        return "overfitting"
    if test > target:
        return "mismatch"
    return "done"


def printed(code: str) -> str:
    """What ``code`` prints, stripped.

    Args:
        code: Python source.

    Returns:
        Its standard output without the trailing newline.

    Examples:
        >>> printed("print([1, 2])")
        '[1, 2]'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {})
    return out.getvalue().strip()


def option_list(right: str, why: dict[str, str], names: list[str]) -> tuple[list[dict], int]:
    """The options of a diagnosis question, one per verdict in ``names``, and the index of ``right``.

    Args:
        right: the correct verdict.
        why: a one-line explanation per verdict.
        names: the verdicts offered, in order.

    Returns:
        The options and the answer index.

    Examples:
        >>> option_list("mismatch", {v: "." for v in VERDICTS[:4]}, VERDICTS[:4])[1]
        3
    """
    return [{"text": v, "why": why[v]} for v in names], names.index(right)


if __name__ == "__main__":
    ex = []

    losses = {"train": 0.03, "val": 0.04, "test": 0.45, "smaller_train": 0.2}
    verdict = diagnose(**losses, target=0.1)
    assert verdict == "mismatch"
    options, answer = option_list(verdict, {
        "model bias": "The training loss is small: the model can fit.",
        "optimization issue": "The training loss is small: the optimizer found a good fit.",
        "overfitting": "Overfitting would show on the validation set, which is fine here.",
        "mismatch": "Right: good on both samples of the training distribution, bad only on the test data."}, VERDICTS[:4])
    ex.append({"id": "tg-read-mismatch", "concept": "training-guide", "kind": "choice",
               "question": "Target loss 0.1. A model has training loss 0.03, validation loss 0.04 (same distribution "
                           "as the training data) and test loss 0.45. What does the recipe say?",
               "options": options, "answer": answer,
               "hint": "Read the columns in order: training, then validation, then test.",
               "solution": f"Training and validation losses are below the target, the test loss is not: {verdict}. "
                           "More training data of the same kind will not help; data like the test data would."})

    losses = {"train": 0.40, "val": 0.42, "test": 0.43, "smaller_train": 0.25}
    verdict = diagnose(**losses, target=0.1)
    assert verdict == "optimization issue"
    options, answer = option_list(verdict, {
        "model bias": "A smaller model does better on the training data, so the big one is flexible enough.",
        "optimization issue": "Right: the bigger model could copy the smaller one, yet ends higher.",
        "overfitting": "Overfitting needs a small training loss; this one is large.",
        "mismatch": "The training loss is already too large; the test data are not the question yet."}, VERDICTS[:4])
    ex.append({"id": "tg-read-optimization", "concept": "model-bias-vs-optimization", "kind": "choice",
               "question": "Target loss 0.1. A 20-layer network ends with training loss 0.40; a linear model on the same "
                           "data reaches 0.25. What is the 20-layer network's problem?",
               "options": options, "answer": answer,
               "hint": "Could the deep network express what the linear model does?",
               "solution": f"The training loss is above the target and a simpler model does better: {verdict}. "
                           "Try a better optimizer, a learning-rate schedule or a better initialization."})

    code = ("import torch\n"
            "layer = torch.nn.Linear(3, 3)\n"
            "with torch.no_grad():\n"
            "    layer.weight.copy_(torch.eye(3))\n"
            "    layer.bias.zero_()\n"
            "a = torch.tensor([-0.5, 1.0, 2.0])\n"
            "print(torch.relu(layer(a)).tolist())")
    out = json.loads(printed(code))
    assert out != [-0.5, 1.0, 2.0]  # a negative input does not pass: the copy needs a ReLU before the layer
    ex.append({"id": "tg-identity-layer", "concept": "model-bias-vs-optimization", "kind": "predict",
               "question": "An extra layer with identity weights and zero bias, followed by a ReLU. What do these lines "
                           "print? Give the three numbers.",
               "code": code, "answer": out, "tolerance": 0.0005,
               "hint": "The linear layer passes $a$ through unchanged; then the ReLU acts.",
               "solution": f"The layer gives $a$ back, and the ReLU zeroes the negative entry: {out}. In the "
                           "identity construction the extra layers come after a ReLU, whose outputs are never "
                           "negative, so there they copy exactly."})

    code = ("import numpy as np\n"
            "x = np.array([-1.0, -0.5, 0.0, 0.5, 1.0])\n"
            "y = np.array([0.3, -0.2, 0.9, 0.1, -0.4])\n"
            "w = np.polyfit(x, y, 4)  # a degree-4 polynomial\n"
            "print(round(abs(float(np.mean((np.polyval(w, x) - y) ** 2))), 6))")
    out = float(printed(code))
    assert out < 1e-6
    ex.append({"id": "tg-interpolate", "concept": "overfitting-definition", "kind": "predict",
               "question": "A degree-4 polynomial is fitted by least squares to 5 points with noisy labels. What does "
                           "this print (the training loss)?",
               "code": code, "answer": out, "tolerance": 0.0005,
               "hint": "How many coefficients does a degree-4 polynomial have?",
               "solution": f"5 coefficients, 5 points: the polynomial passes through every point, noise included, and "
                           f"the training loss is {out:g}. It says nothing about the points in between."})

    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, 8)
    y = np.cos(3 * x) + 0.2 * rng.normal(size=8)
    A = lambda x, deg: legendre.legvander(x, 6)[:, deg]
    mirrored = np.linalg.lstsq(A(np.r_[x, -x], list(range(7))), np.r_[y, y], rcond=None)[0]
    even = np.linalg.lstsq(A(x, [0, 2, 4, 6]), y, rcond=None)[0]
    assert np.abs(mirrored[1::2]).max() < 1e-9 and np.abs(mirrored[0::2] - even).max() < 1e-9
    ex.append({"id": "tg-mirror", "concept": "overfitting-definition", "kind": "choice",
               "question": "The target is even, $f(-x) = f(x)$. You add every training point mirrored ($x \\to -x$, same "
                           "label) and fit a polynomial of degree 6 by least squares. Which constrained model gives the "
                           "same fit?",
               "options": [{"text": "A polynomial with only even powers, fitted to the original points",
                            "why": "Right: on symmetric data the odd coefficients come out exactly zero."},
                           {"text": "A polynomial of degree 3", "why": "Fewer powers, but not the ones symmetry removes."},
                           {"text": "The same polynomial with an L2 penalty",
                            "why": "A penalty shrinks all coefficients; it does not make a fit even."},
                           {"text": "A polynomial with only odd powers", "why": "Odd powers describe odd functions, "
                                                                             "the opposite of the target."}],
               "answer": 0,
               "hint": "On data that is symmetric about 0, what happens to the coefficients of $x, x^3, x^5$?",
               "solution": f"With 8 random points the mirrored fit has odd coefficients below $10^{{-9}}$ and even "
                           "ones equal to the even-only fit: augmentation put the constraint into the data."})

    print(json.dumps(ex, ensure_ascii=False))
