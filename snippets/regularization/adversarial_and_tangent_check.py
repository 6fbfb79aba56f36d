"""Exercises for the adversarial training and tangent propagation page: the FGSM step on a linear model,
and the tangent prop penalty of a small unit."""
import itertools
import json

import numpy as np


def logistic_loss(w: np.ndarray, x: np.ndarray, y: int) -> float:
    """The logistic loss log(1 + exp(-s w.x)) of a linear classifier, s = +1 for y = 1 and -1 for y = 0.

    Args:
        w: the weights, shape (n,).
        x: the input, shape (n,).
        y: the label, 0 or 1.

    Returns:
        The loss.

    Examples:
        >>> round(logistic_loss(np.array([0.0]), np.array([1.0]), 1), 4)  # log 2
        0.6931
    """
    s = 1.0 if y == 1 else -1.0
    return float(np.log1p(np.exp(-s * w @ x)))


def tangent_penalty(w: np.ndarray, x: np.ndarray, v: np.ndarray) -> float:
    """The tangent prop penalty (grad_x f . v)^2 of the unit f(x) = tanh(w . x).

    Args:
        w: the weights, shape (n,).
        x: the input, shape (n,).
        v: the tangent vector, shape (n,).

    Returns:
        The penalty.

    Examples:
        >>> tangent_penalty(np.array([1.0, 0.0]), np.zeros(2), np.array([2.0, 5.0]))
        4.0
    """
    grad = (1 - np.tanh(w @ x) ** 2) * w  # d tanh(w.x)/dx
    return float((grad @ v) ** 2)


if __name__ == "__main__":
    w = np.array([0.5, -1.2, 0.3, 2.0, -0.1])
    eps = 0.1
    change = eps * np.abs(w).sum()

    # FGSM on a linear classifier finds the worst corner of the L-infinity ball exactly.
    x0, y0 = np.array([0.3, 0.1, -0.2, 0.4, 0.0]), 1
    grad_x = -(1 - 1 / (1 + np.exp(-w @ x0))) * w  # d loss / dx for y = 1
    fgsm = logistic_loss(w, x0 + eps * np.sign(grad_x), y0)
    corners = max(logistic_loss(w, x0 + eps * np.array(s), y0) for s in itertools.product([-1, 1], repeat=5))
    assert abs(fgsm - corners) < 1e-12

    wt, xt, vt = np.array([1.0, -2.0, 0.5]), np.array([0.2, 0.1, 0.4]), np.array([1.0, 1.0, -2.0])
    pen = tangent_penalty(wt, xt, vt)
    h = 1e-6  # the penalty is the squared rate of change of f along v: check by a finite difference
    rate = (np.tanh(wt @ (xt + h * vt)) - np.tanh(wt @ (xt - h * vt))) / (2 * h)
    assert abs(rate**2 - pen) < 1e-8

    exercises = [
        {"id": "fgsm-linear-change", "concept": "adversarial-training", "kind": "numeric",
         "question": f"A linear score $w^\\top x$ has $w = ({', '.join(f'{v:g}' for v in w)})$. By how much can "
                     f"a perturbation with $\\lVert \\delta \\rVert_\\infty \\le {eps:g}$ raise the score at most?",
         "answer": round(change, 8), "tolerance": 1e-4,
         "hint": "Move every coordinate by the full $\\varepsilon$, in the direction of the sign of its weight.",
         "solution": f"$\\delta = \\varepsilon \\operatorname{{sign}}(w)$ raises the score by "
                     f"$\\varepsilon \\lVert w \\rVert_1 = {eps:g} \\times {np.abs(w).sum():g} = {change:g}$."},
        {"id": "fgsm-linear-exact", "concept": "adversarial-training", "kind": "choice",
         "question": f"For a logistic-regression classifier with the $w$ above, compare the loss after one FGSM "
                     f"step of size {eps:g} with the largest loss over all $2^5$ corners "
                     f"$x + {eps:g}\\,s$, $s \\in \\{{-1, 1\\}}^5$.",
         "options": [
             {"text": "They are equal: for a linear model FGSM finds the exact worst case in the ball",
              "why": "Right: the loss grows with the margin's decrease, which is linear in the input."},
             {"text": "FGSM's loss is smaller: it is only a one-step approximation",
              "why": "That is the situation for a deep network, not for a linear model."},
             {"text": "FGSM's loss is larger than every corner",
              "why": "FGSM's point is itself one of the corners."},
             {"text": "It depends on the label",
              "why": "For either label, the sign of the input gradient picks the worst corner."}],
         "answer": 0,
         "hint": "The input gradient of a linear model's loss always points along $\\pm w$.",
         "solution": f"FGSM's loss is {fgsm:.4f}, and the worst of the 32 corners is {corners:.4f}: the same."},
        {"id": "tangent-prop-penalty", "concept": "tangent-prop", "kind": "numeric",
         "question": "The unit $f(x) = \\tanh(w^\\top x)$ has $w = (1, -2, 0.5)$. At $x = (0.2, 0.1, 0.4)$, with "
                     "the tangent vector $v = (1, 1, -2)$, what is the tangent prop penalty "
                     "$\\big((\\nabla_x f)^\\top v\\big)^2$? Give 3 decimals.",
         "answer": round(pen, 6), "tolerance": 0.0015,
         "hint": "$\\nabla_x f = (1 - \\tanh^2(w^\\top x))\\, w$.",
         "solution": f"$w^\\top x = {wt @ xt:g}$ and $w^\\top v = {wt @ vt:g}$, so the penalty is "
                     f"$\\big((1 - \\tanh^2 {wt @ xt:g}) \\times ({wt @ vt:g})\\big)^2 = {pen:.4f}$; a finite "
                     "difference of $f$ along $v$ gives the same rate."},
        {"id": "tangent-which-method", "concept": "tangent-prop", "kind": "choice",
         "question": "Which method needs no transformations specified by hand?",
         "options": [
             {"text": "The manifold tangent classifier",
              "why": "Right: it learns the tangent vectors from unlabeled data with an autoencoder."},
             {"text": "Tangent prop", "why": "It penalizes the derivative along tangent vectors you supply."},
             {"text": "Tangent distance", "why": "It needs the tangent planes of the known transformations."},
             {"text": "Dataset augmentation", "why": "It applies transformations you choose."}],
         "answer": 0,
         "hint": "One of them estimates the manifold itself.",
         "solution": "The manifold tangent classifier learns the tangent directions with an autoencoder, then "
                     "applies the tangent prop penalty with them."},
    ]
    for ex in exercises:  # the right option is written first; move it to a place that varies with the id
        if ex["kind"] == "choice" and ex["answer"] == 0:
            k = len(ex["id"]) % len(ex["options"])
            ex["options"].insert(k, ex["options"].pop(0))
            ex["answer"] = k
    print(json.dumps(exercises, ensure_ascii=False))
