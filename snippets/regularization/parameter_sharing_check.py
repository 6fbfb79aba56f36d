"""Exercises for the parameter sharing page: counting parameters, and equivariance versus invariance of
a circular convolution."""
import contextlib
import io
import json

import numpy as np


def circ_conv(x: np.ndarray, k: np.ndarray) -> np.ndarray:
    """1-D circular cross-correlation: y_i = sum_j k_j x_(i + j - len(k) // 2), indices mod len(x).

    Args:
        x: the signal, shape (n,).
        k: the kernel, shape (m,).

    Returns:
        y, shape (n,).

    Examples:
        >>> circ_conv(np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, 0.0])).tolist()
        [1.0, 2.0, 3.0]
    """
    c = len(k) // 2
    return sum(k[j] * np.roll(x, c - j) for j in range(len(k)))


def printed(code: str) -> str:
    """What a few lines of code print, with numpy as np and circ_conv available.

    Args:
        code: the lines.

    Returns:
        Their output, stripped.

    Examples:
        >>> printed("print(np.roll([1, 2, 3], 1))")
        '[3 1 2]'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"np": np, "circ_conv": circ_conv})
    return out.getvalue().strip()


if __name__ == "__main__":
    H = W = 28
    dense, conv = (H * W) ** 2, 3 * 3

    code = """x = np.array([0., 1., 3., 1., 0., 0., 2., 0.])
k = np.array([1., -2., 1.])
y, y_shift = circ_conv(x, k), circ_conv(np.roll(x, 2), k)
print(np.allclose(y_shift, np.roll(y, 2)), np.allclose(y_shift, y))"""
    out = printed(code)
    assert out == "True False"

    rng = np.random.default_rng(0)
    x, k = rng.normal(size=16), rng.normal(size=3)
    strided = lambda v: circ_conv(v, k)[::2]  # noqa: E731
    clean = {s: bool(np.allclose(strided(np.roll(x, s)), np.roll(strided(x), s // 2))) for s in (1, 2)}
    assert clean == {1: False, 2: True}

    exercises = [
        {"id": "dense-vs-conv-count", "concept": "parameter-sharing", "kind": "numeric",
         "question": f"A layer maps a one-channel ${H} \\times {W}$ image to a one-channel ${H} \\times {W}$ "
                     "feature map, with no biases. How many weights does a dense layer need, and how many a "
                     "$3 \\times 3$ convolution? Give both numbers.",
         "answer": [dense, conv], "tolerance": 0.5,
         "hint": "The dense layer has one weight per (input pixel, output pixel) pair; the convolution "
                 "reuses one kernel everywhere.",
         "solution": f"Dense: $({H} \\cdot {W})^2 = {dense}$. Convolution: ${conv}$, shared by all {H * W} "
                     "positions."},
        {"id": "conv-equivariant-not-invariant", "concept": "parameter-sharing", "kind": "predict",
         "question": "A circular convolution is applied to a signal and to the signal shifted by 2. What does "
                     "this print?",
         "code": code, "answer": out,
         "hint": "Shifting the input shifts the output (equivariance). Does it leave the output unchanged?",
         "solution": f"It prints `{out}`: the output of the shifted signal is the shifted output "
                     "(equivariance), but not the same output (no invariance)."},
        {"id": "stride-two-shifts", "concept": "parameter-sharing", "kind": "choice",
         "question": "After a convolution with stride 2, for which input shifts is the output simply a shifted "
                     "copy of the original output?",
         "options": [
             {"text": "Every shift", "why": "A shift by 1 lands between the kept positions."},
             {"text": "Odd shifts only", "why": "An odd shift moves the kept positions off the subsampling grid."},
             {"text": "Even shifts only",
              "why": "Right: a shift by 2 moves the stride-2 output by exactly 1 position."},
             {"text": "No shift at all", "why": "Even shifts do survive the subsampling."}],
         "answer": 2,
         "hint": "Subsampling keeps every second position. What does a shift by 1 do to that grid?",
         "solution": "On a random signal, a shift by 2 gives the strided output shifted by 1, while a shift by 1 "
                     "gives a different output: only even shifts pass the stride cleanly."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
