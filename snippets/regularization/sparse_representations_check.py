"""Exercises for the sparse representations page: the L1 penalty on a ReLU code, and how rescaling dodges it."""
import json

import numpy as np


def relu_code(W: np.ndarray, b: np.ndarray, x: np.ndarray) -> np.ndarray:
    """The hidden code h = ReLU(W x + b).

    Args:
        W: the encoder weights, shape (H, d).
        b: the biases, shape (H,).
        x: the input, shape (d,).

    Returns:
        h, shape (H,).

    Examples:
        >>> relu_code(np.eye(2), np.zeros(2), np.array([1.0, -1.0])).tolist()
        [1.0, 0.0]
    """
    return np.maximum(W @ x + b, 0.0)


if __name__ == "__main__":
    W = np.array([[1.0, -1.0, 0.5], [0.5, 2.0, -1.0], [-1.0, 0.5, 0.0], [2.0, 0.0, 1.0], [0.0, -1.0, -1.0]])
    b = np.array([0.0, -1.0, 0.5, -2.0, 0.2])
    x = np.array([1.0, 0.5, 1.0])
    alpha = 0.1
    h = relu_code(W, b, x)
    active, penalty = int((h > 0).sum()), alpha * np.abs(h).sum()

    V = np.array([[1.0, -2.0, 0.5, 1.0, 3.0]])  # the next layer
    c = 0.5  # halve the code, double the next layer
    h_small = relu_code(c * W, c * b, x)
    assert np.allclose((V / c) @ h_small, V @ h) and abs(alpha * np.abs(h_small).sum() - c * penalty) < 1e-12

    exercises = [
        {"id": "sparse-code-penalty", "concept": "sparse-representations", "kind": "numeric",
         "question": "An encoder computes $h = \\mathrm{ReLU}(W x + b)$ with $W = "
                     "\\begin{pmatrix} " + " \\\\ ".join(" & ".join(f"{v:g}" for v in row) for row in W)
                     + " \\end{pmatrix}$, $b = (" + ", ".join(f"{v:g}" for v in b) + ")$ and $x = ("
                     + ", ".join(f"{v:g}" for v in x) + f")$. How many units are active, and what is the "
                     f"penalty $\\alpha \\lVert h \\rVert_1$ for $\\alpha = {alpha:g}$? Give both numbers.",
         "answer": [active, round(float(penalty), 6)], "tolerance": 1e-4,
         "hint": "Compute $W x + b$, set the negative entries to 0, then count and add up the rest.",
         "solution": f"$W x + b = ({', '.join(f'{v:g}' for v in W @ x + b)})$, so "
                     f"$h = ({', '.join(f'{v:g}' for v in h)})$: {active} active units and "
                     f"$\\alpha\\lVert h\\rVert_1 = {alpha:g} \\times {np.abs(h).sum():g} = {penalty:g}$."},
        {"id": "sparse-rescaling-dodge", "concept": "sparse-representations", "kind": "choice",
         "question": f"Multiply the encoder's $W$ and $b$ by {c:g} and the next layer's weights by {1 / c:g}. "
                     "What happens?",
         "options": [
             {"text": "The output and the penalty are both unchanged",
              "why": "The ReLU code shrinks with the encoder, so the L1 norm of $h$ shrinks too."},
             {"text": "The output changes, the penalty halves",
              "why": "The next layer's larger weights undo the smaller code exactly: ReLU is positively "
                     "homogeneous."},
             {"text": "The output is unchanged and the penalty halves",
              "why": "Right: this is how the activation penalty can be dodged without a bound on the next "
                     "layer's weights."},
             {"text": "Every unit switches off",
              "why": "Scaling by a positive number keeps the sign of every pre-activation."}],
         "answer": 2,
         "hint": "$\\mathrm{ReLU}(c z) = c\\,\\mathrm{ReLU}(z)$ for $c > 0$.",
         "solution": f"The code becomes {c:g}$h$, the next layer multiplies it back, and the penalty becomes "
                     f"{alpha * np.abs(h_small).sum():g} instead of {penalty:g}. Hence the usual bound or decay on "
                     "the next layer's weights."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
