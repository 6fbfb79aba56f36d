"""Exercises for the Maxout page: evaluating a maxout unit, and which pieces a batch trains."""
import json

import torch


def maxout_unit_grads(w: list[float], b: list[float], xs: list[float]) -> tuple[list[float], list[float]]:
    """The gradient of sum_x h(x), h(x) = max_j (w_j x + b_j), with respect to every w_j and b_j (autograd).

    Args:
        w: the slopes of the k pieces.
        b: their intercepts.
        xs: the scalar inputs of the batch.

    Returns:
        (dL/dw, dL/db), each a list of k floats.

    Examples:
        >>> maxout_unit_grads([1.0, -1.0], [0.0, 0.0], [2.0, -3.0])  # |x|: piece 1 wins 2, piece 2 wins -3
        ([2.0, -3.0], [1.0, 1.0])
    """
    wt = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    bt = torch.tensor(b, dtype=torch.float64, requires_grad=True)
    x = torch.tensor(xs, dtype=torch.float64)[:, None]
    (x * wt + bt).amax(1).sum().backward()
    return wt.grad.tolist(), bt.grad.tolist()


if __name__ == "__main__":
    w, b = [2.0, -1.0, 0.0], [1.0, 0.0, 0.5]
    x1 = -1.5
    pieces = [wj * x1 + bj for wj, bj in zip(w, b)]
    h = max(pieces)

    wt, bt = [1.0, -2.0, 0.0], [0.0, 0.0, 0.5]
    xs = [-2.0, -0.1, 0.3, 1.0, 3.0]
    gw, gb = maxout_unit_grads(wt, bt, xs)
    winners = [max(range(3), key=lambda j: wt[j] * x + bt[j]) for x in xs]
    expected_w = [sum(x for x, j in zip(xs, winners) if j == k) for k in range(3)]
    assert all(abs(a - e) < 1e-12 for a, e in zip(gw, expected_w))  # the winner collects x, the others 0
    answer = [gw[0], gw[1], gb[2]]

    xs_pos = [0.3, 1.0, 3.0]
    gw_pos, gb_pos = maxout_unit_grads(wt, bt, xs_pos)
    assert gw_pos[1] == 0.0 and gb_pos[1] == 0.0  # piece 2 wins no positive input: no gradient at all

    exercises = [
        {"id": "maxout-unit-value", "concept": "maxout", "kind": "numeric",
         "question": "A maxout unit on a scalar input has three pieces, $2x + 1$, $-x$ and the constant "
                     f"$0.5$. What does it output at $x = {x1:g}$?",
         "answer": h, "tolerance": 1e-6,
         "hint": "Evaluate every piece and keep the largest.",
         "solution": f"The pieces give $({', '.join(f'{p:g}' for p in pieces)})$; the maximum is ${h:g}$."},
        {"id": "maxout-abs", "concept": "maxout", "kind": "choice",
         "question": "Which two pieces make a maxout unit with $k = 2$ compute $|t|$?",
         "options": [
             {"text": "$t$ and $-t$", "why": "Right: $\\max(t, -t) = |t|$."},
             {"text": "$t$ and $0$", "why": "$\\max(t, 0)$ is ReLU, which is 0 for negative $t$."},
             {"text": "$t$ and $t$", "why": "Two equal pieces give $t$ itself."},
             {"text": "$-t$ and $0$", "why": "$\\max(-t, 0)$ is a mirrored ReLU, 0 for positive $t$."}],
         "answer": 0,
         "hint": "A maximum of two lines through the origin with opposite slopes.",
         "solution": "$\\max(t, -t)$ equals $t$ for $t \\ge 0$ and $-t$ for $t < 0$, which is $|t|$."},
        {"id": "maxout-batch-gradient", "concept": "maxout-training", "kind": "numeric",
         "question": "A maxout unit has the pieces $w_1 x$, $w_2 x$ and $b_3$, with $w_1 = 1$, $w_2 = -2$, "
                     f"$b_3 = 0.5$. The loss is the sum of its outputs over the batch "
                     f"$x \\in \\{{{', '.join(f'{v:g}' for v in xs)}\\}}$. Give "
                     "$\\partial L/\\partial w_1$, $\\partial L/\\partial w_2$ and $\\partial L/\\partial b_3$.",
         "answer": answer, "tolerance": 1e-6,
         "hint": "For each input, find the winning piece; only it gets a gradient, $x$ for a slope and 1 for "
                 "an intercept.",
         "solution": "The winners are pieces " + ", ".join(str(j + 1) for j in winners)
                     + f" for the five inputs, so $\\partial L/\\partial w_1 = {answer[0]:g}$, "
                       f"$\\partial L/\\partial w_2 = {answer[1]:g}$, $\\partial L/\\partial b_3 = {answer[2]:g}$ "
                       "(autograd agrees)."},
        {"id": "maxout-piece-never-wins", "concept": "maxout-training", "kind": "choice",
         "question": f"Same unit, but the batch is $\\{{{', '.join(f'{v:g}' for v in xs_pos)}\\}}$. What "
                     "gradient does $w_2$ get?",
         "options": [
             {"text": "Exactly 0: piece 2 wins none of these inputs",
              "why": "Right: a piece gets a gradient only from the inputs it wins."},
             {"text": f"The sum of the inputs, {sum(xs_pos):g}",
              "why": "Only the winning piece collects $x$; piece 2 never wins for positive $x$."},
             {"text": "A small nonzero value, as in Leaky ReLU",
              "why": "The max passes no gradient at all to a losing piece."},
             {"text": "It depends on the learning rate",
              "why": "The gradient does not involve the learning rate."}],
         "answer": 0,
         "hint": "For positive $x$, compare $-2x$ with $0.5$ and with $x$.",
         "solution": f"For every positive input $-2x$ is the smallest piece, so piece 2 never wins and "
                     f"$\\partial L/\\partial w_2 = {gw_pos[1]:g}$: it stays where it started, like a dead ReLU."},
    ]
    for ex in exercises:  # the right option is written first; move it to a place that varies with the id
        if ex["kind"] == "choice" and ex["answer"] == 0:
            k = len(ex["id"]) % len(ex["options"])
            ex["options"].insert(k, ex["options"].pop(0))
            ex["answer"] = k
    print(json.dumps(exercises, ensure_ascii=False))
