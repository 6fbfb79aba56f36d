"""Exercises for the softmax and depth page: softmax and its gradient at a temperature, the smooth
maximum, and parameter counts of deep and shallow networks."""
import json
import math

import numpy as np


def softmax(z: np.ndarray, T: float = 1.0) -> np.ndarray:
    """softmax(z / T), computed stably.

    Args:
        z: the logits, shape (K,).
        T: the temperature.

    Returns:
        The probabilities, shape (K,).

    Examples:
        >>> softmax(np.array([0.0, 0.0])).tolist()
        [0.5, 0.5]
    """
    e = np.exp((z - z.max()) / T)
    return e / e.sum()


def n_params(sizes: list[int]) -> int:
    """Weights plus biases of a fully connected network with these layer sizes.

    Args:
        sizes: input size, hidden widths, output size.

    Returns:
        The count.

    Examples:
        >>> n_params([2, 3, 1])
        13
    """
    return sum(a * b + b for a, b in zip(sizes, sizes[1:]))


if __name__ == "__main__":
    z, T, y = np.array([2.0, 1.0, 0.0]), 2.0, 0
    p = softmax(z, T)
    grad = (p - np.eye(3)[y]) / T
    loss = lambda v: -math.log(softmax(v, T)[y])  # noqa: E731
    fd = np.array([(loss(z + 1e-6 * e) - loss(z - 1e-6 * e)) / 2e-6 for e in np.eye(3)])
    assert np.abs(fd - grad).max() < 1e-8  # the 1/T factor is real
    assert np.abs(fd - (p - np.eye(3)[y])).max() > 0.1  # and forgetting it is visibly wrong

    z2 = np.array([1.0, 3.0, 2.0])
    smooth = float(z2.max() + math.log(np.exp(z2 - z2.max()).sum()))
    assert z2.max() <= smooth <= z2.max() + math.log(3)

    sizes = [10, 4, 8, 8, 1]
    deep = n_params(sizes)
    width = next(h for h in range(1, 100) if n_params([10, h, 1]) >= deep)

    exercises = [
        {"id": "softmax-at-temperature", "concept": "softmax", "kind": "numeric",
         "question": "What probability does softmax give the first class for the logits $z = (2, 1, 0)$ at "
                     f"temperature $T = {T:g}$? Give 3 decimals.",
         "answer": round(float(p[0]), 6), "tolerance": 0.0015,
         "hint": "Divide the logits by $T$ first, then exponentiate and normalise.",
         "solution": f"$z/T = ({', '.join(f'{v:g}' for v in z / T)})$, so "
                     f"$p_1 = e^{{{z[0] / T:g}}} / ({' + '.join(f'e^{{{v:g}}}' for v in z / T)}) = {p[0]:.4f}$."},
        {"id": "softmax-gradient-temperature", "concept": "softmax", "kind": "numeric",
         "question": f"Same logits and $T = {T:g}$, true class the first one, loss "
                     "$L = -\\log \\operatorname{softmax}(z/T)_1$. Give the three components of "
                     "$\\partial L / \\partial z$, to 3 decimals.",
         "answer": [round(float(g), 6) for g in grad], "tolerance": 0.0015,
         "hint": "It is $(p - \\text{onehot}) / T$, not $p - \\text{onehot}$.",
         "solution": f"$p = ({', '.join(f'{v:.4f}' for v in p)})$, so "
                     f"$(p - \\text{{onehot}})/T = ({', '.join(f'{v:.4f}' for v in grad)})$; finite differences "
                     "of the loss give the same numbers."},
        {"id": "smooth-max", "concept": "softmax", "kind": "numeric",
         "question": "The smooth maximum $T \\log \\sum_j e^{z_j / T}$ at $T = 1$ for $z = (1, 3, 2)$: what is "
                     "it? Give 3 decimals.",
         "answer": round(smooth, 6), "tolerance": 0.0015,
         "hint": "Factor out $e^{\\max z}$ before taking the log.",
         "solution": f"$3 + \\log(e^{{-2}} + 1 + e^{{-1}}) = {smooth:.4f}$, between $\\max z = 3$ and "
                     f"$3 + \\log 3 = {3 + math.log(3):.4f}$."},
        {"id": "deep-vs-shallow-count", "concept": "deeper-is-better", "kind": "numeric",
         "question": "A deep network has layer sizes $[10, 4, 8, 8, 1]$ (weights and biases). How many "
                     "parameters does it have, and how many hidden units does a one-hidden-layer network "
                     "$[10, h, 1]$ need to have at least as many? Give both numbers.",
         "answer": [deep, width], "tolerance": 0.5,
         "hint": "A layer from $a$ to $b$ units has $ab + b$ parameters; the shallow one has $12h + 1$.",
         "solution": f"Deep: ${' + '.join(str(n_params(pair)) for pair in zip(sizes, sizes[1:]))} = {deep}$. Shallow: $12h + 1 \\ge {deep}$ first holds at "
                     f"$h = {width}$ ({n_params([10, width, 1])} parameters)."},
        {"id": "deeper-claim", "concept": "deeper-is-better", "kind": "choice",
         "question": "What exactly does the page's claim about depth say?",
         "options": [
             {"text": "Adding layers always lowers the test error",
              "why": "On small data sets more layers can overfit, and very deep plain nets can be hard to train."},
             {"text": "Adding layers always lowers the training error",
              "why": "The 56-layer vs 20-layer example shows a deeper net can train worse."},
             {"text": "At a comparable parameter count, on data with layered structure, deeper nets often "
                      "generalize better",
              "why": "Right: a tendency, tied to the parameter budget and to the structure of the data."},
             {"text": "Depth and width are interchangeable",
              "why": "How the parameters are arranged matters; that is the point of the claim."}],
         "answer": 2,
         "hint": "The claim compares networks at the same budget and is stated as a tendency.",
         "solution": "Depth acts as a prior that the target is a composition of simpler functions; where that "
                     "holds, a deep net at the same budget usually generalizes better. It is not a law."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
