"""Exercises for the dropout page, with p the drop probability as in torch.nn.Dropout(p): the two
scaling conventions, mask probabilities, and the ensemble of sub-networks."""
import itertools
import json
from collections.abc import Callable

import numpy as np


def ensemble_mean(w: np.ndarray, x: np.ndarray, p: float, act: Callable[[float], float]) -> float:
    """The average of act(w . (m * x)) over all dropout masks m, weighted by their probabilities.

    Args:
        w: the weights, shape (n,).
        x: the inputs, shape (n,).
        p: the drop probability of each input.
        act: the unit's activation, a function of a float.

    Returns:
        The exact ensemble average.

    Examples:
        >>> ensemble_mean(np.array([1.0, 1.0]), np.array([1.0, 1.0]), 0.5, lambda z: z)
        1.0
    """
    total = 0.0
    for m in itertools.product([0.0, 1.0], repeat=len(x)):
        m = np.array(m)
        prob = np.prod(np.where(m == 1, 1 - p, p))
        total += prob * act(float(w @ (m * x)))
    return float(total)


if __name__ == "__main__":
    p, a = 0.2, 3.0
    inverted = a / (1 - p)
    p2, w_train = 0.4, 2.5
    w_test = (1 - p2) * w_train

    p3, n = 0.2, 5
    kept = [1, 0, 1, 1, 0]
    prob_mask = (1 - p3) ** sum(kept) * p3 ** (n - sum(kept))

    w, x, p4 = np.array([1.0, 2.0]), np.array([3.0, -1.0]), 0.5
    relu = lambda z: max(z, 0.0)  # noqa: E731
    mean_relu = ensemble_mean(w, x, p4, relu)
    scaled_relu = relu(float((1 - p4) * w @ x))
    assert mean_relu > scaled_relu  # Jensen: a convex unit's ensemble mean is never below the scaled value
    mean_lin = ensemble_mean(w, x, p4, lambda z: z)
    assert abs(mean_lin - (1 - p4) * w @ x) < 1e-12

    exercises = [
        {"id": "inverted-dropout-scale", "concept": "dropout", "kind": "numeric",
         "question": f"`torch.nn.Dropout(p={p:g})` in training mode receives an activation of {a:g}, and keeps "
                     "it. What value does it output? Give 2 decimals.",
         "answer": inverted, "tolerance": 0.005,
         "hint": "$p$ is the drop probability; torch scales the survivors so that the mean is unchanged.",
         "solution": f"A kept entry is divided by $1 - p = {1 - p:g}$: ${a:g} / {1 - p:g} = {inverted:g}$."},
        {"id": "scale-at-test-weight", "concept": "dropout", "kind": "numeric",
         "question": f"A network is trained with the lecture's rule (no rescaling during training) and drop "
                     f"probability $p = {p2:g}$. A weight ends training at {w_train:g}. Which value should it "
                     "have in the test-time network?",
         "answer": w_test, "tolerance": 1e-6,
         "hint": "During training the unit's input was present only a fraction of the time. Which fraction?",
         "solution": f"Multiply by the keep probability $1 - p = {1 - p2:g}$: "
                     f"${w_train:g} \\times {1 - p2:g} = {w_test:g}$."},
        {"id": "dropout-mask-probability", "concept": "dropout-ensemble", "kind": "numeric",
         "question": f"Five units are each dropped independently with $p = {p3:g}$. What is the probability of "
                     f"the mask that keeps units 1, 3 and 4 and drops units 2 and 5? Give 4 decimals.",
         "answer": round(prob_mask, 8), "tolerance": 0.00015,
         "hint": "Multiply one factor per unit: the keep probability for a kept unit, $p$ for a dropped one.",
         "solution": f"$(1 - p)^3 p^2 = {1 - p3:g}^3 \\times {p3:g}^2 = {prob_mask:.4f}$."},
        {"id": "relu-ensemble-mean", "concept": "dropout-ensemble", "kind": "numeric",
         "question": f"A ReLU unit $\\max(0, w_1 x_1 + w_2 x_2)$ with $w = ({w[0]:g}, {w[1]:g})$ gets the input "
                     f"$x = ({x[0]:g}, {x[1]:g})$, and each input is dropped with $p = {p4:g}$. What is the "
                     "average output over the four sub-networks? (The weight-scaled network gives "
                     f"{scaled_relu:g}.)",
         "answer": mean_relu, "tolerance": 1e-6,
         "hint": "List the four masks, the ReLU output of each, and average them (each has probability "
                 "$\\tfrac14$).",
         "solution": f"The sub-networks output $\\max(0, {w @ x:g})$, $\\max(0, {w[0] * x[0]:g})$, "
                     f"$\\max(0, {w[1] * x[1]:g})$ and 0, whose average is {mean_relu:g}. It exceeds the "
                     f"weight-scaled {scaled_relu:g}: for a convex unit, weight scaling is only an approximation "
                     "(Jensen's inequality), while for the linear unit the two agree."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
