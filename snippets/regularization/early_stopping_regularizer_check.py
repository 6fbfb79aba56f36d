"""Exercises for the early-stopping-as-regularization page: the kept fraction along an eigenvector after
tau steps, and the matching L2 strength."""
import json

import numpy as np


def gd_kept_fraction(lam: float, eta: float, tau: int) -> float:
    """The fraction of w* that gradient descent from 0 has reached along an eigenvector of curvature lam.

    Args:
        lam: the eigenvalue of the Hessian.
        eta: the learning rate.
        tau: the number of steps.

    Returns:
        1 - (1 - eta lam)^tau.

    Examples:
        >>> gd_kept_fraction(1.0, 0.5, 2)
        0.75
    """
    return 1 - (1 - eta * lam) ** tau


if __name__ == "__main__":
    lam, eta, tau = 0.5, 0.1, 20
    kept = gd_kept_fraction(lam, eta, tau)
    H, w_star, w = np.diag([lam, 4.0]), np.array([1.0, 1.0]), np.zeros(2)
    for _ in range(tau):  # gradient descent on 1/2 (w - w*)^T H (w - w*), from 0
        w = w - eta * H @ (w - w_star)
    assert abs(w[0] - kept) < 1e-12
    alpha = 1 / (tau * eta)
    ridge = lam / (lam + alpha)

    lam2, eta2, tau2 = 0.01, 0.1, 20  # a flat direction: eta lam tau small, the dictionary is accurate
    gd2, ridge2 = gd_kept_fraction(lam2, eta2, tau2), lam2 / (lam2 + 1 / (tau2 * eta2))
    assert abs(gd2 - ridge2) / gd2 < 0.05 and kept - ridge > 0.1

    exercises = [
        {"id": "es-kept-fraction", "concept": "early-stopping-as-regularizer", "kind": "numeric",
         "question": f"Gradient descent starts at $w = 0$ on a quadratic loss. Along an eigenvector with "
                     f"curvature $\\lambda = {lam:g}$, with learning rate $\\eta = {eta:g}$, what fraction of "
                     f"$w^*$ has it reached after $\\tau = {tau}$ steps? Give 3 decimals.",
         "answer": round(kept, 6), "tolerance": 0.0015,
         "hint": "Each step closes the same fraction $\\eta\\lambda$ of the remaining distance.",
         "solution": f"$1 - (1 - \\eta\\lambda)^\\tau = 1 - {1 - eta * lam:g}^{{{tau}}} = {kept:.4f}$ (20 steps "
                     "of gradient descent reach the same value)."},
        {"id": "es-matching-alpha", "concept": "early-stopping-as-regularizer", "kind": "numeric",
         "question": f"Which L2 strength $\\alpha$ does stopping after $\\tau = {tau}$ steps with "
                     f"$\\eta = {eta:g}$ correspond to, to first order? And what fraction of $w^*$ does that ridge "
                     f"solution keep along the same direction ($\\lambda = {lam:g}$)? Give both, the fraction to "
                     "3 decimals.",
         "answer": [round(alpha, 6), round(ridge, 6)], "tolerance": 0.0015,
         "hint": "$\\alpha \\approx 1/(\\tau\\eta)$; ridge keeps $\\lambda / (\\lambda + \\alpha)$.",
         "solution": f"$\\alpha = 1/({tau} \\times {eta:g}) = {alpha:g}$, and ridge keeps "
                     f"${lam:g}/({lam:g} + {alpha:g}) = {ridge:.3f}$, less than gradient descent's {kept:.3f}: "
                     f"$\\eta\\lambda\\tau = {eta * lam * tau:g}$ is not small, so the first-order dictionary is "
                     f"rough here. For $\\lambda = {lam2:g}$ the two agree within 5% ({gd2:.4f} vs {ridge2:.4f})."},
        {"id": "es-second-round-risk", "concept": "early-stopping-as-regularizer", "kind": "choice",
         "question": "In the second-round strategy that continues from the round-1 parameters until the loss on "
                     "the validation examples falls below the round-1 training loss, what can go wrong?",
         "options": [
             {"text": "It uses the test set", "why": "It uses only training and validation examples."},
             {"text": "The validation loss may never reach that target, so the loop needs a cap",
              "why": "Right: nothing guarantees the target is reachable."},
             {"text": "It must re-initialize the weights", "why": "That is the other strategy."},
             {"text": "It ignores the validation examples", "why": "It trains on them, which is its purpose."}],
         "answer": 1,
         "hint": "Is the stopping condition guaranteed to be met?",
         "solution": "The target is the training loss of round 1; the loss on the validation examples need not "
                     "fall that low, so the loop runs until a cap."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
