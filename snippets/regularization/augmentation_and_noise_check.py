"""Exercises for the data augmentation and noise page: counting augmented copies, input noise as ridge,
weight noise as a sensitivity penalty, and the optimum of label smoothing."""
import json
import math

import numpy as np


def augment_all(images: np.ndarray) -> np.ndarray:
    """Every image with and without a horizontal flip, shifted by -1, 0 or 1 pixel along each axis
    (zeros enter at the border).

    Args:
        images: shape (N, H, W).

    Returns:
        The copies, shape (18 N, H, W).

    Examples:
        >>> augment_all(np.ones((2, 4, 4))).shape
        (36, 4, 4)
    """
    out = []
    for img in images:
        for im in (img, img[:, ::-1]):
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    s = np.zeros_like(im)
                    H, W = im.shape
                    s[max(dy, 0):H + min(dy, 0), max(dx, 0):W + min(dx, 0)] = \
                        im[max(-dy, 0):H + min(-dy, 0), max(-dx, 0):W + min(-dx, 0)]
                    out.append(s)
    return np.array(out)


def smoothed_ce(gap: float, K: int, eps: float) -> float:
    """Cross entropy with torch's label smoothing when the true logit exceeds the K - 1 equal others by gap.

    Args:
        gap: z_true - z_other.
        K: the number of classes.
        eps: the smoothing, as ``cross_entropy(label_smoothing=eps)``.

    Returns:
        The loss.

    Examples:
        >>> round(smoothed_ce(0.0, 2, 0.0), 4)  # log 2
        0.6931
    """
    logz = math.log(math.exp(gap) + K - 1)
    q_true, q_other = 1 - eps + eps / K, eps / K
    return -(q_true * (gap - logz) + (K - 1) * q_other * (0.0 - logz))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    glyphs = (rng.random((4, 10, 10)) < 0.4).astype(float)
    copies = augment_all(glyphs)
    n_distinct = len(np.unique(copies.reshape(len(copies), -1), axis=0))
    assert n_distinct == len(copies)  # random glyphs: no two copies coincide

    sxx, sxy, sigma2 = 2.0, 3.0, 0.5  # 1-D regression: mean x^2, mean x y, input-noise variance
    w_ols, w_ridge = sxy / sxx, sxy / (sxx + sigma2)
    x_demo = rng.normal(size=(4000, 1)) * math.sqrt(sxx)  # check: least squares on noisy copies -> ridge
    y_demo = (sxy / sxx) * x_demo[:, 0]
    noisy = np.repeat(x_demo, 50, axis=0) + math.sqrt(sigma2) * rng.normal(size=(200000, 1))
    w_noisy = np.linalg.lstsq(noisy, np.repeat(y_demo, 50), rcond=None)[0][0]
    w_ridge_demo = (x_demo[:, 0] @ y_demo / 4000) / (x_demo[:, 0] @ x_demo[:, 0] / 4000 + sigma2)
    assert abs(w_noisy - w_ridge_demo) < 0.03

    w, x, eta = 1.5, 2.0, 0.01  # the model y = w^2 x: its weight gradient depends on w
    penalty = eta * (2 * w * x) ** 2
    draws = w + math.sqrt(eta) * rng.normal(size=400000)
    extra = np.mean((draws**2 * x - w**2 * x) ** 2)  # targets = outputs, so the extra error is all from noise
    assert abs(extra / penalty - 1) < 0.1  # first order, plus a small eta^2 term

    K, eps = 5, 0.1
    q_true, q_other = 1 - eps + eps / K, eps / K
    gap = math.log(q_true / q_other)
    h = 1e-5
    assert abs(smoothed_ce(gap + h, K, eps) - smoothed_ce(gap - h, K, eps)) / (2 * h) < 1e-8  # a minimum

    exercises = [
        {"id": "augmentation-count", "concept": "dataset-augmentation", "kind": "numeric",
         "question": "You have 4 training images. Each gets a version with and without a horizontal flip, and "
                     "each of those is shifted by $-1$, 0 or $+1$ pixel vertically and horizontally (all "
                     "combinations). How many training images do you have now, originals included?",
         "answer": int(len(copies)), "tolerance": 0.5,
         "hint": "Count the choices per image: flip or not, times vertical shift, times horizontal shift.",
         "solution": f"$4 \\times 2 \\times 3 \\times 3 = {len(copies)}$; with random glyphs all {n_distinct} "
                     "copies are distinct images."},
        {"id": "augmentation-label-preserving", "concept": "dataset-augmentation", "kind": "choice",
         "question": "For recognising handwritten digits, which transformation is *not* a safe augmentation?",
         "options": [
             {"text": "A shift by one pixel", "why": "A shifted digit is the same digit."},
             {"text": "A little pixel noise", "why": "Noise does not change which digit it is."},
             {"text": "A rotation by 180 degrees", "why": "Right: it turns a 6 into a 9, so the label changes."},
             {"text": "A slight change of stroke brightness", "why": "Brightness does not change the class."}],
         "answer": 2,
         "hint": "The transformation must keep the label.",
         "solution": "A half turn maps 6 to 9 (and 9 to 6), so the copy would carry a wrong label."},
        {"id": "input-noise-ridge-1d", "concept": "input-noise-injection", "kind": "numeric",
         "question": f"One-feature linear regression without bias has $\\frac1n\\sum x_i^2 = {sxx:g}$ and "
                     f"$\\frac1n\\sum x_i y_i = {sxy:g}$. Training with input noise of variance "
                     f"$\\sigma^2 = {sigma2:g}$ converges, in expectation, to which weight? Give 3 decimals.",
         "answer": round(w_ridge, 6), "tolerance": 0.0015,
         "hint": "Input noise adds $\\sigma^2 w^2$ to the expected squared error: it is ridge regression.",
         "solution": f"$w = \\dfrac{{{sxy:g}}}{{{sxx:g} + {sigma2:g}}} = {w_ridge:.4f}$, against "
                     f"$w_{{\\text{{OLS}}}} = {w_ols:g}$. Least squares on many noisy copies of a data set lands "
                     "on the ridge weight, as the check in this file confirms."},
        {"id": "weight-noise-penalty", "concept": "noise-robustness", "kind": "numeric",
         "question": f"A one-weight model $\\hat y = w^2 x$ fits its target exactly at $w = {w:g}$, $x = {x:g}$. "
                     f"Weight noise of variance $\\eta = {eta:g}$ is added to $w$. To first order, how much "
                     "does the expected squared error rise? Give 3 decimals.",
         "answer": round(penalty, 6), "tolerance": 0.0015,
         "hint": "The first-order penalty is $\\eta \\lVert \\nabla_w \\hat y \\rVert^2$.",
         "solution": f"$\\partial \\hat y / \\partial w = 2 w x = {2 * w * x:g}$, so the rise is "
                     f"$\\eta\\,(2wx)^2 = {eta:g} \\times {(2 * w * x) ** 2:g} = {penalty:g}$. Sampling the noise "
                     f"gives {extra:.3f}, the first-order value plus a small $\\eta^2$ term."},
        {"id": "weight-noise-linear", "concept": "noise-robustness", "kind": "choice",
         "question": "Linear regression $\\hat y = w^\\top x$ is trained with Gaussian weight noise. What happens "
                     "to the weight vector it converges to, compared with least squares?",
         "options": [
             {"text": "It shrinks toward 0, as with ridge", "why": "That is what *input* noise does."},
             {"text": "It is unchanged",
              "why": "Right: the added term $\\eta\\lVert x\\rVert^2$ does not depend on $w$."},
             {"text": "It grows away from 0", "why": "Nothing in the expected loss pushes the weights outward."},
             {"text": "It becomes sparse", "why": "Sparsity comes from an L1 penalty, not from Gaussian noise."}],
         "answer": 1,
         "hint": "Compute $\\nabla_w \\hat y$ for a linear model. Does it depend on $w$?",
         "solution": "For a linear model $\\nabla_w \\hat y = x$, so the penalty is $\\eta\\lVert x\\rVert^2$, a "
                     "constant: the optimum stays at the least-squares solution."},
        {"id": "label-smoothing-gap", "concept": "label-smoothing", "kind": "numeric",
         "question": f"With $K = {K}$ classes and `cross_entropy(..., label_smoothing={eps:g})`, at which logit "
                     "gap $z_{\\text{true}} - z_{\\text{other}}$ (all other logits equal) is the loss smallest? "
                     "Give 2 decimals.",
         "answer": round(gap, 6), "tolerance": 0.005,
         "hint": "The loss is smallest when the softmax equals the smoothed target $q$.",
         "solution": f"$q_{{\\text{{true}}}} = 1 - \\varepsilon + \\varepsilon/K = {q_true:g}$ and "
                     f"$q_{{\\text{{other}}}} = \\varepsilon/K = {q_other:g}$, so the gap is "
                     f"$\\log({q_true:g}/{q_other:g}) = {gap:.3f}$, where the loss's derivative is 0."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
