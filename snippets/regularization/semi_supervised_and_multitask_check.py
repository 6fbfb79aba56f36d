"""Exercises for the semi-supervised and multitask page: picking pseudo-labels, and the gradient that
reaches a shared trunk."""
import contextlib
import io
import json


def printed(code: str) -> str:
    """What a few lines of code print.

    Args:
        code: the lines.

    Returns:
        Their output, stripped.

    Examples:
        >>> printed("print(len([1, 2]))")
        '2'
    """
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {})
    return out.getvalue().strip()


def two_task_loss(s: float, a: float, b: float, x: float, ya: float, yb: float, lam_b: float) -> float:
    """L = (a s x - ya)^2 + lam_b (b s x - yb)^2: a shared trunk h = s x with two linear heads.

    Args:
        s: the shared trunk weight.
        a: task A's head.
        b: task B's head.
        x: the input.
        ya: task A's target.
        yb: task B's target.
        lam_b: task B's weight in the loss (task A's is 1).

    Returns:
        The loss.

    Examples:
        >>> two_task_loss(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5)
        0.0
    """
    h = s * x
    return (a * h - ya) ** 2 + lam_b * (b * h - yb) ** 2


if __name__ == "__main__":
    code = """probs = [0.97, 0.55, 0.08, 0.91, 0.35, 0.02, 0.88, 0.99]  # P(class 1) for 8 unlabeled points
pseudo = [(i, int(p > 0.5)) for i, p in enumerate(probs) if max(p, 1 - p) >= 0.9]
print(len(pseudo), sum(label for _, label in pseudo))"""
    out = printed(code)
    probs = [0.97, 0.55, 0.08, 0.91, 0.35, 0.02, 0.88, 0.99]
    confident = [p for p in probs if max(p, 1 - p) >= 0.9]
    assert out == f"{len(confident)} {sum(p > 0.5 for p in confident)}"

    s, a, b, x, ya, yb, lam_b = 1.0, 2.0, -1.0, 1.5, 2.0, 0.0, 0.5
    grad = 2 * (a * s * x - ya) * a * x + lam_b * 2 * (b * s * x - yb) * b * x
    h = 1e-6
    fd = (two_task_loss(s + h, a, b, x, ya, yb, lam_b) - two_task_loss(s - h, a, b, x, ya, yb, lam_b)) / (2 * h)
    assert abs(fd - grad) < 1e-6
    grad_a = 2 * (a * s * x - ya) * a * x

    exercises = [
        {"id": "self-training-pseudo-labels", "concept": "semi-supervised", "kind": "predict",
         "question": "One round of self-training keeps the unlabeled points whose predicted class has "
                     "probability at least 0.9. What two numbers does this print (how many pseudo-labels, and how many of "
                     "them are class 1)?",
         "code": code, "answer": [int(v) for v in out.split()], "tolerance": 0.1,
         "hint": "A point is confident if $P(\\text{class 1}) \\ge 0.9$ or $P(\\text{class 1}) \\le 0.1$.",
         "solution": f"It prints `{out}`: the points with probabilities "
                     f"{', '.join(f'{p:g}' for p in confident)} are confident; "
                     f"{', '.join(f'{p:g}' for p in probs if p not in confident)} are not."},
        {"id": "cluster-assumption", "concept": "semi-supervised", "kind": "choice",
         "question": "Unlabeled points reveal $P(x)$. Under the usual cluster assumption, where should the "
                     "decision boundary run?",
         "options": [
             {"text": "Through the middle of the densest cluster",
              "why": "Points of one dense cluster are assumed to share a label."},
             {"text": "Through regions where there is little data",
              "why": "Right: between clusters, so that no cluster is cut in two."},
             {"text": "Wherever the labeled points alone put it",
              "why": "Then the unlabeled points would not help at all."},
             {"text": "Along the direction of largest variance",
              "why": "The direction of spread says nothing about where classes separate."}],
         "answer": 1,
         "hint": "Points in the same dense cluster are assumed to share a label.",
         "solution": "If clusters share labels, a boundary through a cluster must be wrong for part of it; the "
                     "boundary belongs in the low-density gap between clusters."},
        {"id": "shared-trunk-gradient", "concept": "multitask-learning", "kind": "numeric",
         "question": f"A shared trunk $h = s x$ feeds two heads, $\\hat y_A = a h$ and $\\hat y_B = b h$, and "
                     f"$L = (\\hat y_A - y_A)^2 + {lam_b:g}\\,(\\hat y_B - y_B)^2$. With $s = {s:g}$, $a = {a:g}$, "
                     f"$b = {b:g}$, $x = {x:g}$, $y_A = {ya:g}$, $y_B = {yb:g}$, what is "
                     "$\\partial L / \\partial s$?",
         "answer": grad, "tolerance": 1e-4,
         "hint": "The trunk's gradient is the weighted sum of what each task sends back through it.",
         "solution": f"Task A sends $2(a s x - y_A)\\,a x = {grad_a:g}$, task B sends "
                     f"${lam_b:g} \\times 2(b s x - y_B)\\,b x = {grad - grad_a:g}$; the trunk gets "
                     f"${grad:g}$ (a finite difference agrees)."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
