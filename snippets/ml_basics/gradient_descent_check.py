"""Exercises for the gradient-descent page: a point of the error surface, one step by hand, the largest
stable learning rate, parameters against hyperparameters, telling minima apart, and when to stop."""
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
        >>> printed("print(5 // 2)")
        '2'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {"torch": torch})
    return out.getvalue().strip()


def mse_and_grad(b: float, w: float, x: np.ndarray, label: np.ndarray) -> tuple[float, float, float]:
    """L(b, w) = mean((b + w x - label)^2) and its two partial derivatives.

    Args:
        b: the bias.
        w: the weight.
        x: the feature of each example, shape (N,).
        label: the labels, shape (N,).

    Returns:
        (L, dL/db, dL/dw).

    Examples:
        >>> mse_and_grad(0.0, 1.0, np.array([1.0, 2.0]), np.array([1.0, 2.0]))
        (0.0, 0.0, 0.0)
    """
    e = b + w * x - label
    return float(np.mean(e**2)), float(2 * e.mean()), float(2 * (e * x).mean())


def steps_until_flat(w0: float, lr: float, tol: float, budget: int) -> int:
    """Gradient descent on L = w^2 from w0: the number of updates made before |dL/dw| = |2w| < tol.

    Examples:
        >>> steps_until_flat(1.0, 0.25, 0.5, 100)  # w: 1 -> 0.5 -> 0.25 (gradient 0.5) -> 0.125 (0.25)
        3
    """
    w = w0
    for t in range(budget):
        if abs(2 * w) < tol:
            return t
        w -= lr * 2 * w
    return budget


if __name__ == "__main__":
    x, label = np.array([1.0, 2.0]), np.array([2.0, 3.0])
    L_half, _, _ = mse_and_grad(0.5, 0.5, x, label)
    _, gb, gw = mse_and_grad(0.0, 0.0, x, label)
    eta = 0.1
    b1, w1 = 0.0 - eta * gb, 0.0 - eta * gw
    bt, wt = torch.zeros(1, dtype=torch.float64, requires_grad=True), torch.zeros(1, dtype=torch.float64,
                                                                                 requires_grad=True)
    ((bt + wt * torch.tensor(x) - torch.tensor(label)) ** 2).mean().backward()
    assert abs(bt.grad.item() - gb) < 1e-12 and abs(wt.grad.item() - gw) < 1e-12

    # the valley of the error surface runs with b and w negatively correlated when x > 0
    xs = np.array([0.5, 1.0, 1.5, 2.0])
    H = 2 * np.c_[np.ones(4), xs].T @ np.c_[np.ones(4), xs] / 4
    vals, vecs = np.linalg.eigh(H)
    flat_dir = vecs[:, 0]  # the direction of least curvature: along the valley floor
    assert flat_dir[0] * flat_dir[1] < 0  # raising w goes with lowering b

    code_step = """w = torch.tensor(3.0, requires_grad=True)
loss = (w - 1) ** 2
loss.backward()
with torch.no_grad():
    w -= 0.25 * w.grad
print(w.item())"""
    out_step = printed(code_step)
    assert float(out_step) == 2.0

    xl = np.array([1.0, 2.0, 3.0])
    curvature = 2 * np.mean(xl**2)  # L(w) = mean((w x - y)^2) has L'' = 2 mean(x^2)
    lr_max = 2 / curvature
    yl = 0.5 * xl
    for lr, grows in [(0.99 * lr_max, False), (1.01 * lr_max, True)]:
        w = 0.0
        for _ in range(2000):
            w -= lr * 2 * np.mean((w * xl - yl) * xl)
        assert (abs(w - 0.5) > 1) == grows

    code_big = """w = 1.0
for step in range(10):
    w = w - 1.1 * 2 * w      # L = w**2, lr = 1.1
print(abs(w) > 1)"""
    out_big = printed(code_big)
    assert out_big == "True"

    # local minimum of w^3 - 3w at w = 1, no global minimum (unbounded below)
    ws = np.linspace(-4, 4, 80001)
    L3 = ws**3 - 3 * ws
    near = np.abs(ws - 1) < 0.5
    w_loc = ws[near][np.argmin(L3[near])]
    L_loc = float(w_loc**3 - 3 * w_loc)
    assert abs(w_loc - 1) < 1e-3 and L3.min() < L_loc

    # w^4: zero slope, zero curvature, and still a minimum
    w_t = torch.zeros((), dtype=torch.float64, requires_grad=True)
    (d1,) = torch.autograd.grad(w_t**4, w_t, create_graph=True)
    (d2,) = torch.autograd.grad(d1, w_t)
    h = np.linspace(-1, 1, 2001)
    assert d1.item() == 0 and d2.item() == 0 and h[np.argmin(h**4)] == 0  # flat to second order, yet the lowest

    w0, lr, tol = 1.0, 0.25, 1e-3
    n_steps = steps_until_flat(w0, lr, tol, 1000)
    assert 2 * w0 * (1 - 2 * lr) ** n_steps < tol <= 2 * w0 * (1 - 2 * lr) ** (n_steps - 1)

    exercises = [
        {"id": "error-surface-point", "concept": "error-surface", "kind": "numeric",
         "question": "Two examples: $x_1 = (1, 2)$ with labels $\\hat y = (2, 3)$. What is the height of the error "
                     "surface of $y = b + w x_1$ (MSE) at $(b, w) = (0.5, 0.5)$? Give 3 decimals.",
         "answer": L_half, "tolerance": 0.0015,
         "hint": "Predict both examples with these parameters, square the errors, average.",
         "solution": f"The predictions are $(1, 1.5)$, the errors $(-1, -1.5)$, so $L = (1 + 2.25)/2 = {L_half:g}$."},
        {"id": "valley-direction", "concept": "error-surface", "kind": "choice",
         "question": "All the features $x_1$ are positive. Along the floor of the long valley of $L(b, w)$, how do "
                     "$b$ and $w$ change together?",
         "options": [
             {"text": "When $w$ goes up, $b$ goes down",
              "why": "Right: a larger slope raises every prediction by about $\\Delta w\\,\\bar x$, which a smaller "
                     "$b$ cancels."},
             {"text": "They go up together", "why": "That would raise every prediction twice over."},
             {"text": "Only $w$ changes", "why": "The valley is tilted, not parallel to an axis, when $\\bar x \\ne 0$."},
             {"text": "There is no valley; the surface is round", "why": "Round contours need features centred at 0."}],
         "answer": 0,
         "hint": "Keep the prediction at the average feature unchanged while $w$ grows.",
         "solution": f"For features $({', '.join(f'{v:g}' for v in xs)})$ the flattest direction of the Hessian "
                     f"is $({flat_dir[0]:.3f}, {flat_dir[1]:.3f})$ in $(b, w)$: the two entries have opposite signs."},
        {"id": "one-gradient-step", "concept": "gradient-descent", "kind": "numeric",
         "question": f"Same two examples, $x_1 = (1, 2)$ and $\\hat y = (2, 3)$, MSE. From $(b, w) = (0, 0)$, take "
                     f"one gradient-descent step with $\\eta = {eta:g}$. Where do you land? Give $b$ and $w$.",
         "answer": [b1, w1], "tolerance": 1e-6,
         "hint": "$\\partial L/\\partial b = \\frac2N \\sum e_n$ and $\\partial L/\\partial w = \\frac2N \\sum e_n x_n$, "
                 "with $e_n = b + w x_n - \\hat y_n$.",
         "solution": f"At $(0, 0)$ the errors are $(-2, -3)$: $\\partial L/\\partial b = {gb:g}$, "
                     f"$\\partial L/\\partial w = {gw:g}$. The step gives $({b1:g}, {w1:g})$ (autograd agrees)."},
        {"id": "torch-step", "concept": "gradient-descent", "kind": "predict",
         "question": "One step of gradient descent in torch. What does this print?",
         "code": code_step, "answer": float(out_step), "tolerance": 1e-6,
         "hint": "The derivative of $(w - 1)^2$ is $2(w - 1)$.",
         "solution": f"The gradient at $w = 3$ is $4$, so $w$ becomes $3 - 0.25 \\cdot 4$: it prints `{out_step}`."},
        {"id": "largest-stable-lr", "concept": "learning-rate", "kind": "numeric",
         "question": "$L(w) = \\frac13 \\sum_n (w x_n - \\hat y_n)^2$ with $x = (1, 2, 3)$. Gradient descent converges "
                     "from every start if and only if $\\eta < 2/L''$. What is that bound? Give 3 decimals.",
         "answer": round(lr_max, 9), "tolerance": 0.0015,
         "hint": "$L'' = \\frac2N \\sum_n x_n^2$, whatever the labels.",
         "solution": f"$L'' = \\frac23 (1 + 4 + 9) = {curvature:.4f}$, so $\\eta < 2 / {curvature:.4f} = {lr_max:.4f}$. "
                     "The check file runs 2000 steps at 0.99 and 1.01 times the bound: the first converges, the "
                     "second diverges."},
        {"id": "too-large-lr", "concept": "learning-rate", "kind": "predict",
         "question": "Gradient descent on $L = w^2$ (minimum at 0) from $w = 1$. What does this print?",
         "code": code_big, "answer": out_big,
         "hint": "Each step multiplies $w$ by $1 - 2\\eta$. How large is that factor here?",
         "solution": f"It prints `{out_big}`: each step multiplies $w$ by $1 - 2.2 = -1.2$, so $|w|$ grows as "
                     f"$1.2^{{10}} \\approx {1.2 ** 10:.2f}$ while the sign flips: too large a learning rate diverges."},
        {"id": "parameter-or-hyperparameter", "concept": "hyperparameter", "kind": "choice",
         "question": "For the views model trained by gradient descent, which of these is *not* a hyperparameter?",
         "options": [
             {"text": "The weight $w$",
              "why": "Right: $w$ is a parameter, learned from the data by step 3."},
             {"text": "The learning rate $\\eta$", "why": "Chosen before training; gradient descent never changes it."},
             {"text": "The number of updates", "why": "A budget chosen by hand: a stopping rule."},
             {"text": "How many past days the model sees", "why": "It fixes the form of the model before training."}],
         "answer": 0,
         "hint": "Which one does the optimization change?",
         "solution": "Hyperparameters are set before training and stay fixed during it; $w$ is what training moves."},
        {"id": "w4-minimum", "concept": "local-vs-global-minima", "kind": "choice",
         "question": "$L(w) = w^4$ has $L'(0) = 0$ and $L''(0) = 0$. What is $w = 0$?",
         "options": [
             {"text": "A minimum, local and global", "why": "Right: $w^4 \\ge 0 = L(0)$ for every $w$."},
             {"text": "Not a minimum, since $L''(0)$ is not positive",
              "why": "$L'' > 0$ is a sufficient test, not a necessary one; it is silent when $L'' = 0$."},
             {"text": "A saddle point, like $w^3$ at 0",
              "why": "$w^3$ takes lower values on one side; $w^4$ is higher on both sides."},
             {"text": "A maximum", "why": "Every other point is higher, not lower."}],
         "answer": 0,
         "hint": "Forget the test for a moment and compare $L(0)$ with $L$ at nearby points.",
         "solution": "$w^4 \\ge 0 = L(0)$ everywhere, so 0 is the global minimum, although the second-derivative "
                     "test cannot tell."},
        {"id": "local-minimum-value", "concept": "local-vs-global-minima", "kind": "numeric",
         "question": "$L(w) = w^3 - 3w$ has one local minimum. What is the loss at it?",
         "answer": round(L_loc, 6), "tolerance": 1e-3,
         "hint": "Solve $L'(w) = 3w^2 - 3 = 0$ and keep the root with $L'' = 6w > 0$.",
         "solution": f"$L' = 0$ at $w = \\pm 1$; $L''(1) = 6 > 0$, so $w = 1$ is a local minimum with "
                     f"$L = {L_loc:g}$. It is not global: $L \\to -\\infty$ as $w \\to -\\infty$ "
                     f"(already $L(-4) = {(-4) ** 3 + 12:g}$)."},
        {"id": "steps-until-flat", "concept": "stopping-criteria", "kind": "numeric",
         "question": f"Gradient descent on $L = w^2$ from $w = {w0:g}$ with $\\eta = {lr:g}$ stops as soon as "
                     f"$|L'(w)| < {tol:g}$. How many updates does it make?",
         "answer": n_steps, "tolerance": 0.5,
         "hint": f"Each update multiplies $w$ by $1 - 2\\eta = {1 - 2 * lr:g}$; the gradient is $2w$.",
         "solution": f"After $t$ updates the gradient is $2 \\cdot {1 - 2 * lr:g}^t$, which first drops below "
                     f"{tol:g} at $t = {n_steps}$."},
        {"id": "budget-ran-out", "concept": "stopping-criteria", "kind": "choice",
         "question": "A run stops because its budget of updates is used up, with the gradient still 400 times the "
                     "tolerance. What do you know?",
         "options": [
             {"text": "It did not reach a flat point; more updates or a better learning rate may lower the loss",
              "why": "Right: a large gradient means the loss still slopes down where it stopped."},
             {"text": "It found a local minimum", "why": "At a minimum the gradient would be about zero."},
             {"text": "It found the global minimum", "why": "Nothing in a large gradient says so."},
             {"text": "The learning rate was too large", "why": "Possible, but a too-small rate also runs out of "
                                                                "budget; the gradient alone does not say which."}],
         "answer": 0,
         "hint": "What does a large gradient say about the neighbourhood of the point?",
         "solution": "Only the gradient rule certifies a flat point; the budget rule just stops. The page's run B "
                     "stopped like this, with its loss visibly above the minimum."},
    ]
    for ex in exercises:  # the right option is written first; move it to a place that varies with the id
        if ex["kind"] == "choice" and ex["answer"] == 0:
            k = len(ex["id"]) % len(ex["options"])
            ex["options"].insert(k, ex["options"].pop(0))
            ex["answer"] = k
    print(json.dumps(exercises, ensure_ascii=False))
