"""Exercises for the weight decay page: the L2 decay factor, the L1 soft-thresholding step, and how far
gradient descent can move in a given number of steps."""
import json

import numpy as np


def decay(theta: float, eta: float, lam: float, steps: int) -> float:
    """A weight after `steps` L2 steps with no data gradient: theta (1 - eta lam)^steps.

    Args:
        theta: the starting weight.
        eta: the learning rate.
        lam: the L2 strength (penalty lam / 2 |theta|^2).
        steps: the number of steps.

    Returns:
        The weight after the steps.

    Examples:
        >>> decay(1.0, 0.5, 1.0, 2)
        0.25
    """
    for _ in range(steps):
        theta = theta - eta * lam * theta  # the gradient of (lam / 2) theta^2 is lam theta
    return theta


def soft_threshold(v: np.ndarray, t: float) -> np.ndarray:
    """The L1 proximal step: sgn(v) max(|v| - t, 0).

    Args:
        v: the weights after the data step, shape (n,).
        t: eta times lambda.

    Returns:
        The thresholded weights, shape (n,).

    Examples:
        >>> soft_threshold(np.array([0.5, -0.05]), 0.1).round(3).tolist()
        [0.4, -0.0]
    """
    return np.sign(v) * np.maximum(np.abs(v) - t, 0.0)


if __name__ == "__main__":
    eta, lam, theta0, steps = 0.1, 0.4, 2.0, 10
    left = decay(theta0, eta, lam, steps)
    assert abs(left - theta0 * (1 - eta * lam) ** steps) < 1e-12

    v = np.array([0.35, -0.04, 0.12, -0.9, 0.07])
    t = 0.05 * 2.0
    th = soft_threshold(v, t)
    l2 = v * (1 - t)  # one L2 step of the same eta * lambda shrinks every weight but zeroes none
    assert (th == 0).sum() == 2 and (l2 == 0).sum() == 0

    lam_own = 0.003  # a penalty written lam |theta|^2, without the 1/2
    wd = 2 * lam_own

    n_steps, lr, G = 200, 0.005, 4.0
    bound = n_steps * lr * G

    exercises = [
        {"id": "l2-decay-ten-steps", "concept": "l2-regularization", "kind": "numeric",
         "question": f"A weight starts at $\\theta = {theta0:g}$. Gradient descent with learning rate "
                     f"$\\eta = {eta:g}$ runs on the penalty $\\tfrac{{\\lambda}}{{2}}\\theta^2$ alone, with "
                     f"$\\lambda = {lam:g}$ (the data gradient is 0). What is $\\theta$ after {steps} steps? "
                     "Give 3 decimals.",
         "answer": round(left, 6), "tolerance": 0.0015,
         "hint": "Each step multiplies the weight by the same factor. Which one?",
         "solution": f"Each step multiplies by $1 - \\eta\\lambda = {1 - eta * lam:g}$, so "
                     f"$\\theta = {theta0:g} \\times {1 - eta * lam:g}^{{{steps}}} = {left:.4f}$."},
        {"id": "l2-weight-decay-setting", "concept": "l2-regularization", "kind": "numeric",
         "question": f"You write the penalty as $\\lambda\\lVert\\theta\\rVert^2$ with $\\lambda = {lam_own:g}$ "
                     "(no factor $\\tfrac12$). Which value of `weight_decay` in `torch.optim.SGD` gives the same "
                     "updates?",
         "answer": wd, "tolerance": 1e-6,
         "hint": "`weight_decay` is the number that multiplies $\\theta$ in the gradient of the penalty.",
         "solution": f"The gradient of $\\lambda\\lVert\\theta\\rVert^2$ is $2\\lambda\\theta$, so "
                     f"`weight_decay` $= 2\\lambda = {wd:g}$."},
        {"id": "l1-soft-threshold", "concept": "l1-regularization", "kind": "numeric",
         "question": f"After the data step the weights are $v = ({', '.join(f'{x:g}' for x in v)})$. Apply the "
                     f"L1 soft-thresholding step with $\\eta\\lambda = {t:g}$. Give the five new weights.",
         "answer": [round(float(x), 6) for x in th + 0.0], "tolerance": 1e-4,
         "hint": "Move every weight toward 0 by $\\eta\\lambda$, and stop at 0 if it would cross.",
         "solution": "$\\operatorname{sgn}(v)\\max(|v| - \\eta\\lambda, 0)$ gives "
                     f"$({', '.join(f'{x:g}' for x in th + 0.0)})$: the two weights smaller than "
                     f"{t:g} in size land exactly on 0."},
        {"id": "l1-vs-l2-zeros", "concept": "l1-regularization", "kind": "choice",
         "question": f"Take the same $v$ and apply one L2 step instead, $v \\leftarrow (1 - {t:g})\\,v$. How many "
                     "weights are exactly 0 afterwards, compared with the L1 step?",
         "options": [
             {"text": "L2 gives none, L1 gives two",
              "why": "L2 multiplies every weight by the same factor, which never makes a nonzero weight 0; L1 "
                     "subtracts a fixed amount and stops at 0."},
             {"text": "Both give two",
              "why": "L2's pull is proportional to the weight, so a small weight is pulled only a little and "
                     "never reaches 0."},
             {"text": "L2 gives two, L1 gives none",
              "why": "It is the other way round: the constant pull of L1 makes exact zeros."},
             {"text": "Neither gives any",
              "why": "Soft thresholding stops at 0 exactly, so the small weights do become 0 under L1."}],
         "answer": 0,
         "hint": "Compare a pull proportional to the weight with a pull of fixed size.",
         "solution": f"L2: $({', '.join(f'{x:.4g}' for x in l2)})$, no zeros. L1: "
                     f"$({', '.join(f'{x:g}' for x in th + 0.0)})$, two zeros."},
        {"id": "dnn-distance-bound", "concept": "regularization-in-dnn", "kind": "numeric",
         "question": f"Gradient descent runs {n_steps} steps with learning rate {lr:g}, and no gradient on the "
                     f"way has a norm above {G:g}. At most how far (Euclidean distance) can the weights be from "
                     "their starting point?",
         "answer": bound, "tolerance": 1e-6,
         "hint": "Each step moves the weights by $\\eta$ times the gradient's norm.",
         "solution": f"Each step moves at most $\\eta G = {lr * G:g}$, so after {n_steps} steps the distance "
                     f"is at most ${n_steps} \\times {lr * G:g} = {bound:g}$."},
        {"id": "dnn-why-penalty-matters-less", "concept": "regularization-in-dnn", "kind": "choice",
         "question": "Why does an explicit weight penalty usually matter more for ridge regression solved in "
                     "closed form than for a deep network trained with early stopping?",
         "options": [
             {"text": "The closed-form solver goes straight to the optimum, so nothing but the penalty keeps "
                      "the weights small",
              "why": "Right: there is no sequence of updates to cut short."},
             {"text": "Deep networks cannot overfit",
              "why": "They can and do; that is why early stopping and dropout exist."},
             {"text": "Weight decay is not defined for networks with more than one layer",
              "why": "It is defined for any parameters; SGD's weight_decay applies it to every layer."},
             {"text": "Ridge regression starts from large weights",
              "why": "A closed-form solver has no starting point at all."}],
         "answer": 0,
         "hint": "Which of the two has a path from a small start that can be stopped early?",
         "solution": "A network starts near 0 and moves a bounded distance per step, so stopping early "
                     "already limits the weights; the closed-form ridge solution has no such path."},
    ]
    for ex in exercises:  # the right option is written first; move it to a place that varies with the id
        if ex["kind"] == "choice" and ex["answer"] == 0:
            k = len(ex["id"]) % len(ex["options"])
            ex["options"].insert(k, ex["options"].pop(0))
            ex["answer"] = k
    print(json.dumps(exercises, ensure_ascii=False))
