"""Exercises for the page on going beyond straight lines: the best line's loss, hard sigmoids, broken lines
as sums of hard sigmoids, the sigmoid's three parameters, and where a sum of sigmoids levels off."""
import contextlib
import io
import json

import numpy as np
import torch


def printed(code: str) -> str:
    """What a few lines of code print, run in a fresh namespace that has numpy and torch.

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
        exec(code, {"np": np, "torch": torch})
    return out.getvalue().strip()


def best_line(x: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """The least-squares line through the points and its mean squared error.

    Args:
        x: the inputs, shape (n,).
        y: the targets, shape (n,).

    Returns:
        (b, w, mse) of the best line y = b + w x.

    Examples:
        >>> [round(v, 6) for v in best_line(np.array([0.0, 1.0]), np.array([1.0, 3.0]))]
        [1.0, 2.0, 0.0]
    """
    A = np.c_[np.ones_like(x), x]
    (b, w), *_ = np.linalg.lstsq(A, y, rcond=None)
    return float(b), float(w), float(np.mean((A @ [b, w] - y) ** 2))


def hard_sigmoid(x: np.ndarray, x0: float, x1: float, h: float) -> np.ndarray:
    """h * clip((x - x0) / (x1 - x0), 0, 1), elementwise.

    Examples:
        >>> hard_sigmoid(np.array([0.0, 2.0, 5.0]), 1.0, 3.0, 4.0).tolist()
        [0.0, 2.0, 4.0]
    """
    return h * np.clip((x - x0) / (x1 - x0), 0.0, 1.0)


def sum_of_sigmoids(x: np.ndarray, b: float, c: np.ndarray, bi: np.ndarray, wi: np.ndarray) -> np.ndarray:
    """y = b + sum_i c_i sigmoid(b_i + w_i x), for x of shape (m,); returns shape (m,).

    Examples:
        >>> sum_of_sigmoids(np.array([0.0]), 1.0, np.array([2.0]), np.array([0.0]), np.array([1.0])).tolist()
        [2.0]
    """
    return b + (c / (1 + np.exp(-(bi + wi * x[:, None])))).sum(1)


if __name__ == "__main__":
    # model bias: the best line through a tent
    xt, yt = np.array([0.0, 1.0, 2.0]), np.array([0.0, 1.0, 0.0])
    b_t, w_t, mse_t = best_line(xt, yt)
    theta = np.array([5.0, -3.0])  # gradient descent from elsewhere ends at the same line
    A = np.c_[np.ones(3), xt]
    for _ in range(3000):
        theta -= 0.1 * 2 * A.T @ (A @ theta - yt) / 3
    assert np.allclose(theta, [b_t, w_t], atol=1e-9) and mse_t > 0.2  # converged, and still far from 0

    # hard sigmoid
    x0, x1, h, xq = 1.0, 3.0, -2.0, 2.5
    hs_q = float(hard_sigmoid(np.array([xq]), x0, x1, h)[0])
    code_hs = "import torch.nn.functional as F\nprint(F.hardsigmoid(torch.tensor([-4.0, 0.0, 1.5])).tolist())"
    out_hs = printed(code_hs)
    assert out_hs == "[0.0, 0.5, 0.75]"

    # a broken line as a constant plus hard sigmoids
    xk, yk = np.array([0.0, 1.0, 3.0, 4.0]), np.array([1.0, 3.0, 2.0, 4.0])
    heights = np.diff(yk)
    grid = np.linspace(-1, 5, 601)
    rebuilt = yk[0] + sum(hard_sigmoid(grid, xk[k], xk[k + 1], heights[k]) for k in range(3))
    assert np.abs(rebuilt - np.interp(grid, xk, yk)).max() < 1e-12

    # sigmoid: centre and slope there, by autograd
    c, b, w = 3.0, -2.0, 0.5
    xm = torch.tensor(-b / w, dtype=torch.float64, requires_grad=True)
    (c * torch.sigmoid(b + w * xm)).backward()
    centre, slope = xm.item(), xm.grad.item()
    assert abs(slope - c * w / 4) < 1e-12

    # sum of sigmoids: the limits at both ends
    b0, cs, bs, ws = 0.5, np.array([1.0, -2.0, 0.5]), np.array([0.0, 1.0, -2.0]), np.array([2.0, -1.0, 3.0])
    far = sum_of_sigmoids(np.array([-60.0, 60.0]), b0, cs, bs, ws)
    limits = [b0 + cs[ws < 0].sum(), b0 + cs[ws > 0].sum()]
    assert np.allclose(far, limits, atol=1e-12)
    # a fit of x^2 on [-3, 3] by 30 sigmoids, evaluated at x = 10: bounded, far from 100
    xs = np.linspace(-3, 3, 301)
    centers = np.linspace(-2.9, 2.9, 30)
    F = np.c_[np.ones_like(xs), 1 / (1 + np.exp(-10 * (xs[:, None] - centers)))]
    coef = np.linalg.lstsq(F, xs**2, rcond=None)[0]
    fit_err = np.abs(F @ coef - xs**2).max()
    at10 = coef[0] + (coef[1:] / (1 + np.exp(-10 * (10 - centers)))).sum()
    at3 = (F @ coef)[-1]
    assert fit_err < 0.05 and abs(at10 - 100) > 80 and abs(at10 - at3) < 1 and abs(at10) <= np.abs(coef).sum()

    exercises = [
        {"id": "best-line-through-a-tent", "concept": "model-bias", "kind": "numeric",
         "question": "Three points form a tent: $(0, 0)$, $(1, 1)$, $(2, 0)$. What is the smallest mean "
                     "squared error that *any* line $y = b + wx$ can reach on them? Give 3 decimals.",
         "answer": round(mse_t, 6), "tolerance": 0.0015,
         "hint": "By symmetry the best line is flat; which height minimizes the squared errors?",
         "solution": f"The least-squares line is $b = {b_t:.4f}$, $w = {round(w_t, 4) + 0.0:.4f}$ (flat at the mean of the "
                     f"targets). Its errors are $-1/3, 2/3, -1/3$, so the MSE is $(1/9 + 4/9 + 1/9)/3 = {mse_t:.4f}$. "
                     "No line does better: that is the model bias of the line on this data."},
        {"id": "model-bias-what-helps", "concept": "model-bias", "kind": "choice",
         "question": "Gradient descent for a line on the tent above has converged: its gradient is $10^{-12}$ "
                     "and the loss has not moved for 1000 steps. The loss is still far from zero. What can lower it?",
         "options": [
             {"text": "A more flexible model, such as a constant plus hard sigmoids",
              "why": "Right: the line family itself cannot bend; only a larger family can fit the tent."},
             {"text": "Training ten times longer",
              "why": "The gradient is already zero: further steps do not move the parameters."},
             {"text": "Starting gradient descent from another point",
              "why": "The MSE of a line is one bowl; every start ends at the same least-squares line "
                     "(the check file starts at $(5, -3)$ and lands there)."},
             {"text": "A larger learning rate",
              "why": "It changes how fast the bottom is reached, not where the bottom is."}],
         "answer": 0,
         "hint": "Is the problem the search, or what is being searched over?",
         "solution": f"Gradient descent from $(b, w) = (5, -3)$ ends at $({theta[0]:.4f}, {round(theta[1], 4) + 0.0:.4f})$, the "
                     "least-squares line: the optimization has done all it can. The limit is the family of "
                     "lines, which is model bias."},
        {"id": "hard-sigmoid-value", "concept": "hard-sigmoid", "kind": "numeric",
         "question": f"A hard sigmoid ramps from $x_0 = {x0:g}$ to $x_1 = {x1:g}$ with height $h = {h:g}$. "
                     f"What is its value at $x = {xq:g}$?",
         "answer": hs_q, "tolerance": 1e-6,
         "hint": "Find how far along the ramp $x$ is, as a fraction from 0 to 1, then scale by $h$.",
         "solution": f"$({xq:g} - {x0:g}) / ({x1:g} - {x0:g}) = {(xq - x0) / (x1 - x0):g}$ of the way up the "
                     f"ramp, so the value is ${h:g} \\times {(xq - x0) / (x1 - x0):g} = {hs_q:g}$. A negative $h$ "
                     "steps down."},
        {"id": "torch-hardsigmoid-values", "concept": "hard-sigmoid", "kind": "predict",
         "question": "`F.hardsigmoid` is the hard sigmoid with $x_0 = -3$, $x_1 = 3$, $h = 1$. What does this print?",
         "code": code_hs, "answer": out_hs,
         "hint": "Below $-3$ it is 0; on the ramp it is $(x + 3)/6$.",
         "solution": f"It prints `{out_hs}`: $-4$ is left of the ramp, $0$ is its middle, "
                     "and $1.5$ is three quarters of the way up."},
        {"id": "broken-line-heights", "concept": "piecewise-linear-curve", "kind": "numeric",
         "question": "A curve joins the knots $(0, 1)$, $(1, 3)$, $(3, 2)$, $(4, 4)$ with straight segments and "
                     "is flat outside them. Written as a constant plus one hard sigmoid per segment, what are the "
                     "three heights $h_1, h_2, h_3$?",
         "answer": [float(v) for v in heights], "tolerance": 1e-6,
         "hint": "Each hard sigmoid adds its segment's full rise (or fall) and nothing else.",
         "solution": f"$h_k = y_k - y_{{k-1}}$: $({', '.join(f'{v:g}' for v in heights)})$, with the constant "
                     f"$y_0 = {yk[0]:g}$. The check file rebuilds the curve from these on 601 points with an "
                     "error below $10^{-12}$."},
        {"id": "sigmoid-centre-and-slope", "concept": "sigmoid-function", "kind": "numeric",
         "question": f"For $y = c\\,\\sigma(b + wx)$ with $c = {c:g}$, $b = {b:g}$, $w = {w:g}$: where is its "
                     "centre, and what is the slope there? Give both numbers.",
         "answer": [centre, slope], "tolerance": 1e-3,
         "hint": "The centre is where $b + wx = 0$; the sigmoid's own slope there is $1/4$.",
         "solution": f"Centre $x = -b/w = {centre:g}$; slope $c\\,w/4 = {c:g} \\cdot {w:g} / 4 = {slope:g}$ "
                     "(autograd agrees)."},
        {"id": "sum-of-sigmoids-limits", "concept": "sum-of-sigmoids", "kind": "numeric",
         "question": f"$y = {b0:g} + \\sum_{{i=1}}^3 c_i\\,\\sigma(b_i + w_i x)$ with "
                     f"$(c_1, c_2, c_3) = ({', '.join(f'{v:g}' for v in cs)})$, "
                     f"$(b_1, b_2, b_3) = ({', '.join(f'{v:g}' for v in bs)})$ and "
                     f"$(w_1, w_2, w_3) = ({', '.join(f'{v:g}' for v in ws)})$. "
                     "What does $y$ tend to as $x \\to -\\infty$ and as $x \\to +\\infty$? Give both limits.",
         "answer": [float(v) for v in limits], "tolerance": 1e-3,
         "hint": "Far out, each sigmoid is 0 or 1, depending on the sign of its $w_i$.",
         "solution": f"As $x \\to -\\infty$ only the sigmoids with $w_i < 0$ are 1, so $y$ tends to {b0:g} plus their $c_i$: "
                     f"${limits[0]:g}$. As $x \\to +\\infty$ only those with $w_i > 0$ are: ${limits[1]:g}$. Between the two the sum can "
                     "bend as it likes, but outside the sigmoids' ramps it is flat."},
        {"id": "sum-of-sigmoids-outside", "concept": "sum-of-sigmoids", "kind": "choice",
         "question": "Thirty sigmoids spread over $[-3, 3]$ are fitted to $y = x^2$ there, with a maximum error "
                     "below 0.05. What does the fit give at $x = 10$?",
         "options": [
             {"text": "About 100, since the fit follows $x^2$",
              "why": "The guarantee holds only on the interval the sigmoids cover."},
             {"text": "About what it gives at $x = 3$, far below 100",
              "why": "Right: beyond the last ramp every sigmoid is flat, so the sum stays near its value at the edge."},
             {"text": "It grows without bound, but more slowly than $x^2$",
              "why": "A finite sum of sigmoids is bounded by $|b| + \\sum_i |c_i|$."},
             {"text": "Exactly 0",
              "why": "Far out the sigmoids are 0 or 1, not all 0; the sum tends to $b$ plus the $c_i$ with $w_i > 0$."}],
         "answer": 1,
         "hint": "What does each sigmoid do far to the right of its centre?",
         "solution": f"The fit (maximum error {fit_err:.3f} on $[-3, 3]$) gives {at3:.2f} at $x = 3$ and {at10:.2f} "
                     "at $x = 10$, while $10^2 = 100$. The universal approximation guarantee is for a closed, bounded interval."},
    ]
    for ex in exercises:  # the right option is written first; move it to a place that varies with the id
        if ex["kind"] == "choice" and ex["answer"] == 0:
            k = len(ex["id"]) % len(ex["options"])
            ex["options"].insert(k, ex["options"].pop(0))
            ex["answer"] = k
    print(json.dumps(exercises, ensure_ascii=False))
