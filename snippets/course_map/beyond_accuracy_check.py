"""Exercises for the page beyond accuracy: z-scores and reconstruction errors for anomalies, a
saliency map by hand and by autograd, and the fast gradient sign attack on a linear model."""
import contextlib
import io
import json

import numpy as np
import torch


def printed(code: str) -> str:
    """What a few lines of code print, run in a fresh namespace that has torch.

    Args:
        code: the lines.

    Returns:
        Their output, stripped.

    Examples:
        >>> printed("print(1 + 1)")
        '2'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"torch": torch})
    return out.getvalue().strip()


if __name__ == "__main__":
    z = (17.0 - 10.0) / 2.0
    p = np.array([0.5, 2.0, 0.6])             # the normal data lie on the plane x3 = 0
    recon_err = float(p[2] ** 2)              # squared distance to its projection (0.5, 2, 0)
    w = torch.tensor([2.0, -4.0, 1.0], dtype=torch.float64)
    x = torch.tensor([0.5, 0.0, -1.0], dtype=torch.float64, requires_grad=True)   # w . x = 0
    torch.sigmoid(w @ x).backward()
    sal = x.grad.abs().tolist()
    assert abs(sal[1] - 0.25 * 4) < 1e-12
    code_sal = ("x = torch.tensor([1.0, 2.0, -1.0], requires_grad=True)\n"
                "score = (x ** 2).sum() + 3 * x[0]\n"
                "score.backward()\n"
                "print(x.grad.abs().tolist())")
    out_sal = printed(code_sal)
    wv, eps, logit = np.array([1.0, -2.0, 0.5]), 0.1, 0.7
    moved = eps * np.abs(wv).sum()
    xa = np.array([0.3, -0.1, 0.2])
    assert abs((wv @ (xa - eps * np.sign(wv))) - (wv @ xa - moved)) < 1e-12   # FGSM lowers the logit by eps |w|_1
    eps_flip = logit / np.abs(wv).sum()

    exercises = [
        {"id": "anomaly-z-score", "concept": "anomaly-detection", "kind": "numeric",
         "question": "A feature has mean 10 and standard deviation 2 on normal data. A new input has the value "
                     "17. What is its z-score, and is it flagged by the rule $z > 3$? Type the z-score.",
         "answer": z, "tolerance": 0.005,
         "hint": "$z = (x - \\text{mean}) / \\text{std}$.",
         "solution": f"$z = (17 - 10) / 2 = {z}$, above 3: flagged."},
        {"id": "anomaly-reconstruction", "concept": "anomaly-detection", "kind": "numeric",
         "question": "Normal data lie on the plane $x_3 = 0$, and a linear autoencoder projects onto it. What is "
                     "the squared reconstruction error of the point $(0.5, 2, 0.6)$?",
         "answer": recon_err, "tolerance": 0.0005,
         "hint": "The reconstruction keeps the first two coordinates and sets $x_3$ to 0.",
         "solution": f"The reconstruction is $(0.5, 2, 0)$, so the error is $0.6^2 = {recon_err:.2f}$, even though "
                     "every coordinate on its own looks ordinary."},
        {"id": "anomaly-which-test", "concept": "anomaly-detection", "kind": "choice", "shuffle": True,
         "question": "A point has ordinary values in every coordinate but breaks the relation between them that "
                     "normal data obey. Which test flags it?",
         "options": [
             {"text": "The reconstruction error of a model of normal data",
              "why": "Right: the model cannot reconstruct what leaves the normal data's structure."},
             {"text": "A z-score on each coordinate",
              "why": "Each coordinate is ordinary, so every z-score is small."},
             {"text": "The accuracy of the classifier on it",
              "why": "There is no label for a new input in use."},
             {"text": "Its distance to the mean being large",
              "why": "It can be close to the mean and still off the plane."}],
         "answer": 0,
         "hint": "The page's \"off the plane\" point.",
         "solution": "On the page the point moved one unit off the plane passes the z-score test and is "
                     "flagged by the reconstruction error."},
        {"id": "saliency-logistic", "concept": "explainable-ai", "kind": "numeric",
         "question": "A model outputs $\\sigma(w^\\top x)$ with $w = (2, -4, 1)$. At an input where "
                     "$w^\\top x = 0$, what is the saliency $|\\partial \\text{output} / \\partial x_2|$ of the "
                     "second pixel?",
         "answer": sal[1], "tolerance": 0.0005,
         "hint": "$\\sigma'(0) = 1/4$; the chain rule multiplies it by the weight.",
         "solution": f"$|\\sigma'(0) \\cdot w_2| = 0.25 \\cdot 4 = {sal[1]:g}$; the map is "
                     f"$({', '.join(f'{v:g}' for v in sal)})$, and pixel 2 matters most."},
        {"id": "saliency-autograd", "concept": "explainable-ai", "kind": "predict",
         "question": "What does this print?",
         "code": code_sal, "answer": out_sal,
         "hint": "The gradient of $\\sum x_i^2 + 3 x_1$ is $2x$ plus 3 in the first coordinate.",
         "solution": f"It prints `{out_sal}`: $|2 \\cdot 1 + 3|$, $|2 \\cdot 2|$, $|2 \\cdot (-1)|$."},
        {"id": "fgsm-logit-move", "concept": "adversarial-attack", "kind": "numeric",
         "question": "A linear model has weights $w = (1, -2, 0.5)$. FGSM moves every input value by "
                     "$\\varepsilon = 0.1$ against the sign of the gradient. By how much does the logit change?",
         "answer": moved, "tolerance": 0.0005,
         "hint": "Each coordinate moves by $\\varepsilon$ in the worst direction for its weight.",
         "solution": f"$\\varepsilon \\lVert w \\rVert_1 = 0.1 \\cdot 3.5 = {moved:.2f}$. Random signs would "
                     "mostly cancel; FGSM lines every coordinate up."},
        {"id": "fgsm-smallest-eps", "concept": "adversarial-attack", "kind": "numeric",
         "question": "With the same $w$, an example has logit $+0.7$. What is the smallest FGSM step "
                     "$\\varepsilon$ that brings its logit to 0?",
         "answer": eps_flip, "tolerance": 0.0005,
         "hint": "The logit falls by $\\varepsilon \\lVert w \\rVert_1$.",
         "solution": f"$\\varepsilon^* = 0.7 / 3.5 = {eps_flip:.2f}$."},
        {"id": "fgsm-vs-random", "concept": "adversarial-attack", "kind": "choice", "shuffle": True,
         "question": "Why does random $\\pm\\varepsilon$ noise barely change the accuracy while FGSM of the same "
                     "size destroys it?",
         "options": [
             {"text": "Random signs cancel in $w^\\top x$; FGSM's signs all push the logit the same way",
              "why": "Right: the random change grows like $\\sqrt n$, FGSM's like $n$."},
             {"text": "FGSM uses a larger perturbation",
              "why": "Both move every pixel by exactly $\\varepsilon$."},
             {"text": "FGSM changes the weights of the model",
              "why": "It changes only the input."},
             {"text": "Random noise is removed by the model",
              "why": "A linear model removes nothing; the noise cancels in the sum."}],
         "answer": 0,
         "hint": "Compare the sizes of $\\sum_i w_i s_i \\varepsilon$ for random signs $s_i$ and for $s_i = \\operatorname{sign} w_i$.",
         "solution": "With random signs the sum has standard deviation $\\varepsilon \\lVert w \\rVert_2$; with "
                     "matched signs it is $\\varepsilon \\lVert w \\rVert_1$, far larger in high dimension."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
