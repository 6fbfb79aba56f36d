"""Exercises for the dropout-as-noise page, with p the drop probability as in torch.nn.Dropout(p): the
relative size of multiplicative noise, and the weight scaling rule over all masks."""
import itertools
import json
import math

import numpy as np


def relative_noise(h: np.ndarray, noisy: np.ndarray) -> float:
    """The RMS of the noise divided by the RMS of the signal.

    Args:
        h: the clean activations, any shape.
        noisy: the same activations with noise.

    Returns:
        sqrt(mean((noisy - h)^2) / mean(h^2)).

    Examples:
        >>> relative_noise(np.array([2.0, 2.0]), np.array([3.0, 1.0]))
        0.5
    """
    return float(np.sqrt(np.mean((noisy - h) ** 2) / np.mean(h**2)))


def mask_average(w: np.ndarray, x: np.ndarray, p: float) -> float:
    """The average of w . (m * x) over all dropout masks m (1 = kept, each unit dropped with p).

    Args:
        w: the weights, shape (n,).
        x: the inputs, shape (n,).
        p: the drop probability.

    Returns:
        The exact average.

    Examples:
        >>> mask_average(np.array([2.0]), np.array([1.0]), 0.25)
        1.5
    """
    total = 0.0
    for m in itertools.product([0.0, 1.0], repeat=len(x)):
        m = np.array(m)
        total += np.prod(np.where(m == 1, 1 - p, p)) * float(w @ (m * x))
    return float(total)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    p = 0.3
    rel = math.sqrt(p / (1 - p))
    h = rng.random(200000) + 0.5
    masks = (rng.random(h.shape) >= p) / (1 - p)
    for c in (1.0, 10.0):  # the same relative size at every scale of the activations
        assert abs(relative_noise(c * h, c * h * masks) - rel) < 0.01

    sigma, rms = 0.5, 2.0  # additive noise of sd 0.5 on activations of RMS 2, then scaled by 10
    before, after = sigma / rms, sigma / (10 * rms)
    hh = rms * np.ones(100000)
    eps = sigma * rng.normal(size=hh.shape)
    assert abs(relative_noise(10 * hh, 10 * hh + eps) - after) < 0.002

    w, x, p2 = np.array([0.5, 0.5, 1.0]), np.array([1.0, 3.0, -1.0]), 0.25
    avg = mask_average(w, x, p2)
    assert abs(avg - (1 - p2) * w @ x) < 1e-12

    exercises = [
        {"id": "dropout-relative-noise", "concept": "dropout-multiplicative-noise", "kind": "numeric",
         "question": f"Inverted dropout with drop probability $p = {p:g}$ multiplies a unit by 0 or "
                     "$1/(1 - p)$. What is the RMS of the noise relative to the size of the unit, "
                     "$\\sqrt{\\operatorname{Var}[\\mu h]} / |h|$? Give 3 decimals.",
         "answer": round(rel, 6), "tolerance": 0.0015,
         "hint": "$\\mu$ has mean 1; compute $\\mathbb E[\\mu^2] - 1$.",
         "solution": f"$\\mathbb E[\\mu^2] = (1 - p)/(1 - p)^2 = 1/(1 - p)$, so the variance is "
                     f"$p/(1 - p)$ and the ratio is $\\sqrt{{{p:g}/{1 - p:g}}} = {rel:.4f}$, at every scale of $h$."},
        {"id": "additive-noise-outgrown", "concept": "dropout-multiplicative-noise", "kind": "numeric",
         "question": f"Hidden activations have RMS {rms:g} and get additive noise of standard deviation "
                     f"{sigma:g}, so the relative noise is {before:g}. A ReLU network multiplies these activations "
                     "by 10 and divides the next layer's weights by 10. What is the relative noise now?",
         "answer": after, "tolerance": 1e-4,
         "hint": "The noise keeps its size while the signal grows.",
         "solution": f"${sigma:g} / ({10 * rms:g}) = {after:g}$: ten times smaller, while the function is "
                     "unchanged. Dropout's relative noise would not move."},
        {"id": "weight-scaling-average", "concept": "weight-scaling-inference", "kind": "numeric",
         "question": f"A linear unit $w^\\top x$ with $w = ({', '.join(f'{v:g}' for v in w)})$ receives "
                     f"$x = ({', '.join(f'{v:g}' for v in x)})$, and each input is dropped with $p = {p2:g}$ "
                     "(no rescaling during training). What is the average output over all $2^3$ masks?",
         "answer": round(avg, 8), "tolerance": 1e-4,
         "hint": "For a linear unit the average over masks is the weight-scaled output.",
         "solution": f"$(1 - p)\\,w^\\top x = {1 - p2:g} \\times {w @ x:g} = {avg:g}$; summing the 8 masks "
                     "with their probabilities gives the same number."},
        {"id": "weight-scaling-torch", "concept": "weight-scaling-inference", "kind": "choice",
         "question": "A network was trained with `torch.nn.Dropout(p=0.3)`. What must you do to its weights "
                     "for testing, after `model.eval()`?",
         "options": [
             {"text": "Multiply them by 0.7", "why": "That is the rule when training did not rescale; torch did."},
             {"text": "Multiply them by 0.3", "why": "0.3 is the drop probability, not the keep probability."},
             {"text": "Divide them by 0.7", "why": "That would double-count the scaling done in training."},
             {"text": "Nothing", "why": "Right: torch divides by $1 - p$ during training (inverted dropout), "
                                        "so the test-time network is the plain one."}],
         "answer": 3,
         "hint": "Which of the two conventions does `torch.nn.Dropout` implement?",
         "solution": "Inverted dropout scales the kept units by $1/(1 - p)$ in training, so the weight scaling "
                     "is already done; in evaluation mode dropout is the identity."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
