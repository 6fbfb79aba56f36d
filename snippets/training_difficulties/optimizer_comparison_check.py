"""Exercises for the optimizer-comparison page: SGD's stability limit, its crawl, and per-coordinate steps."""
import json
import math

import numpy as np
import torch


def sgd_path(curvatures: list[float], w0: list[float], lr: float, steps: int,
             make: type[torch.optim.Optimizer] = torch.optim.SGD, **kw: float) -> np.ndarray:
    """The iterates of a torch optimizer on L(w) = 1/2 sum_i c_i w_i^2.

    Args:
        curvatures: the curvature c_i of each coordinate, p of them.
        w0: the start, p numbers.
        lr: the learning rate.
        steps: the number of updates.
        make: the optimizer class.
        **kw: more optimizer settings.

    Returns:
        The start and every iterate, shape (steps + 1, p).

    Examples:
        >>> sgd_path([1.0], [1.0], 0.5, 2)[:, 0].tolist()
        [1.0, 0.5, 0.25]
    """
    c = torch.tensor(curvatures, dtype=torch.float64)
    w = torch.tensor(w0, dtype=torch.float64, requires_grad=True)
    opt, out = make([w], lr=lr, **kw), [w.detach().clone()]
    for _ in range(steps):
        opt.zero_grad()
        (0.5 * (c * w**2).sum()).backward()
        opt.step()
        out.append(w.detach().clone())
    return torch.stack(out).numpy()


if __name__ == "__main__":
    ex = []

    curv, eta = [2.0, 80.0], 0.02
    limit = 2 / max(curv)
    below, above = sgd_path(curv, [1.0, 1.0], 0.95 * limit, 300), sgd_path(curv, [1.0, 1.0], 1.05 * limit, 300)
    assert abs(below[-1, 1]) < 1e-3 < 1e3 < abs(above[-1, 1])
    cut = eta * curv[0]
    ex.append({"id": "oc-stable-lr", "concept": "optimizer-comparison", "kind": "numeric",
               "question": "Plain SGD on $L = \\tfrac12(2 w_1^2 + 80 w_2^2)$. Below which learning rate does it stay "
                           "stable? And at $\\eta = 0.02$, what fraction of the remaining distance to 0 along $w_1$ does "
                           "one step remove? Give both.",
               "answer": [round(limit, 6), round(cut, 6)], "tolerance": 0.0005,
               "hint": "One step multiplies $w_i$ by $1 - \\eta c_i$; it must stay within $(-1, 1)$ for every $i$.",
               "solution": f"The steep direction needs $|1 - 80\\eta| < 1$, so $\\eta < 2/80 = {limit:g}$ (at 5% below "
                           "the limit SGD converges, at 5% above it blows up). Along $w_1$ one step removes "
                           f"$\\eta c_1 = {cut:g}$ of the distance: only {100 * cut:g}%."})

    eta, start, goal = 0.019, 4.5, 0.1
    path = sgd_path([1.0, 100.0], [-start, 1.0], eta, 400)
    steps = int(np.argmax(np.abs(path[:, 0]) < goal))
    assert steps == math.ceil(math.log(goal / start) / math.log(1 - eta))
    ex.append({"id": "oc-sgd-crawl", "concept": "optimizer-comparison", "kind": "numeric",
               "question": f"On the page's valley $\\tfrac12(w_1^2 + 100 w_2^2)$, SGD with $\\eta = {eta:g}$ starts at "
                           f"$w_1 = -{start:g}$. After how many steps is $|w_1|$ first below {goal:g}?",
               "answer": steps, "tolerance": 0.5,
               "hint": "Along $w_1$ each step multiplies the distance by $1 - \\eta$.",
               "solution": f"The smallest $n$ with ${start:g} \\cdot {1 - eta:g}^n < {goal:g}$ is "
                           f"$\\lceil \\ln({goal:g}/{start:g}) / \\ln {1 - eta:g} \\rceil = {steps}$, confirmed by "
                           "`torch.optim.SGD`: about twice the page's 100 steps."})

    first = {name: np.abs(sgd_path([1.0, 100.0], [-4.5, 1.0], lr, 1, make, **kw)[1] - [-4.5, 1.0])
             for name, make, lr, kw in [("SGD", torch.optim.SGD, 0.019, {}),
                                        ("momentum", torch.optim.SGD, 0.01, {"momentum": 0.9}),
                                        ("RMSProp", torch.optim.RMSprop, 0.1, {})]}
    equal = [name for name, s in first.items() if abs(s[0] - s[1]) < 1e-6 * s[0]]
    assert equal == ["RMSProp"]
    names = list(first)
    ex.append({"id": "oc-first-step", "concept": "optimizer-comparison", "kind": "choice",
               "question": "From $(-4.5, 1)$ on $\\tfrac12(w_1^2 + 100 w_2^2)$, whose first step moves *both* "
                           "coordinates by the same amount?",
               "options": [{"text": "SGD", "why": "Its step is $\\eta\\,\\mathbf g$, and the gradient here is "
                                                  "$(-4.5, 100)$: the steep coordinate moves far more."},
                           {"text": "momentum", "why": "Its first step is plain SGD's; inertia only acts later."},
                           {"text": "RMSProp", "why": "Right: dividing by the root of each coordinate's own squared "
                                                      "gradient leaves only its sign."},
                           {"text": "none of them", "why": "One of them rescales each coordinate separately."}],
               "answer": names.index(equal[0]),
               "hint": "Which method divides each coordinate by the size of its own gradient?",
               "solution": "First steps in torch: " + "; ".join(f"{n} {np.round(s, 4).tolist()}" for n, s in first.items())
                           + ". RMSProp moves both coordinates by $\\eta/\\sqrt{1 - \\alpha}$."})

    print(json.dumps(ex, ensure_ascii=False))
