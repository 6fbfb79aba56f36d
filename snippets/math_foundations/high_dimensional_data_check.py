"""Exercises for the high-dimensional data page: how many cells a smoothness prior must fill, how
distances grow with the dimension, and the geometry of a helix."""
import json
import math

import numpy as np


def mean_squared_distance(d: int, n: int, rng: np.random.Generator) -> float:
    """Monte Carlo estimate of E|x - y|^2 for x, y uniform in the unit cube [0, 1]^d.

    Args:
        d: the dimension.
        n: the number of pairs drawn.
        rng: the random generator.

    Returns:
        The average squared distance over n pairs (exactly d / 6 in expectation).

    Examples:
        >>> abs(mean_squared_distance(6, 20000, np.random.default_rng(0)) - 1) < 0.05
        True
    """
    x, y = rng.random((n, d)), rng.random((n, d))
    return float(np.mean(np.sum((x - y) ** 2, axis=1)))


def helix_ratio(c: float) -> float:
    """Arc length of one turn of the helix (cos t, sin t, c t) over the straight distance between its ends.

    Args:
        c: the rise per radian.

    Returns:
        2 pi sqrt(1 + c^2) / (2 pi c).

    Examples:
        >>> round(helix_ratio(1.0), 4)
        1.4142
    """
    return math.sqrt(1 + c * c) / c


if __name__ == "__main__":
    side, d_cells = 0.25, 4
    cells = round((1 / side) ** d_cells)
    assert cells == 256

    d = 24
    est = mean_squared_distance(d, 20000, np.random.default_rng(0))
    exact = d / 6
    assert abs(est - exact) < 0.05 * exact

    rng = np.random.default_rng(1)
    train, queries = rng.random((1000, 50)), rng.random((50, 50))
    dist = np.sqrt(((queries[:, None, :] - train[None, :, :]) ** 2).sum(-1))
    near_far = float(np.mean(dist.min(1) / dist.max(1)))
    assert near_far > 0.5  # in 50 dimensions the nearest point is more than half as far as the farthest

    c = 0.5
    ratio = helix_ratio(c)
    t = np.linspace(0, 2 * np.pi, 20001)
    curve = np.stack([np.cos(t), np.sin(t), c * t], axis=1)
    arc = np.linalg.norm(np.diff(curve, axis=0), axis=1).sum()
    assert abs(arc / np.linalg.norm(curve[-1] - curve[0]) - ratio) < 1e-6

    factor = 2.83  # pairs within 2r over pairs within r
    dim = math.log2(factor)

    exercises = [
        {"id": "smoothness-cells-to-cover", "concept": "local-constancy", "kind": "numeric",
         "question": f"A learner that relies only on the smoothness prior needs about one training example per "
                     f"cell. Cut the unit cube $[0, 1]^{{{d_cells}}}$ into cubic cells of side {side}: how many cells "
                     "are there?",
         "answer": cells, "tolerance": 0.5,
         "hint": "Count the cells along one axis, then multiply over the axes.",
         "solution": f"$1/{side} = {1 / side:g}$ cells per axis, so ${1 / side:g}^{{{d_cells}}} = {cells}$. Each extra "
                     f"dimension multiplies the count by {1 / side:g}: exponential in $d$."},
        {"id": "distance-grows-with-dimension", "concept": "local-constancy", "kind": "numeric",
         "question": f"Two points are drawn uniformly from $[0, 1]^{{{d}}}$. What is the expected squared distance "
                     "$\\mathbb E\\|\\mathbf x - \\mathbf y\\|^2$ between them?",
         "answer": exact, "tolerance": 0.01,
         "hint": "Work out one coordinate, $\\mathbb E(x - y)^2$ for $x, y \\sim U(0, 1)$, then add the coordinates.",
         "solution": f"$\\mathbb E(x - y)^2 = \\mathrm{{Var}}(x) + \\mathrm{{Var}}(y) = \\tfrac1{{12}} + \\tfrac1{{12}} = "
                     f"\\tfrac16$ per coordinate, so ${d}/6 = {exact:g}$ (20 000 random pairs give {est:.3f}). "
                     "The typical distance grows like $\\sqrt d$, so in high dimension no training point is near."},
        {"id": "nearest-neighbour-high-dim", "concept": "local-constancy", "kind": "choice",
         "question": "With 1000 uniform training points, why does 1-nearest-neighbour regression of a smooth target "
                     "fail in 50 dimensions?",
         "options": [
             {"text": "The target stops being smooth in high dimension",
              "why": "The target is the same smooth function; what changes is how far the data are."},
             {"text": "The nearest training point is almost as far as the farthest, so its label says little",
              "why": "Right: the nearest neighbour is no longer local, and copying its label adds its variation."},
             {"text": "Computing distances in 50 dimensions overflows",
              "why": "The distances are a few units long; nothing overflows."},
             {"text": "1000 points are too many: the neighbours blur together",
              "why": "More points would help; the trouble is that $c^d$ regions need far more than 1000."}],
         "answer": 1,
         "hint": "Compare the distance to the nearest and to the farthest training point.",
         "solution": "The smoothness prior only helps when some training point is close. In $[0, 1]^{50}$ the nearest "
                     f"of 1000 points is on average {near_far:.2f} times as far as the farthest (distances grow like "
                     "$\\sqrt d$), so the prediction is the label of an unrelated point."},
        {"id": "helix-arc-vs-straight", "concept": "manifold-learning", "kind": "numeric",
         "question": f"On the helix $(\\cos t, \\sin t, {c}\\,t)$, two points are one turn apart ($t$ and $t + 2\\pi$). "
                     "How many times longer is the way along the curve than the straight line between them? Give "
                     "3 decimals.",
         "answer": round(ratio, 6), "tolerance": 0.0015,
         "hint": "The speed $\\|d\\mathbf x/dt\\|$ is constant; the straight segment is vertical.",
         "solution": f"Along the curve: $2\\pi\\sqrt{{1 + {c}^2}}$; straight: $2\\pi \\cdot {c}$. The ratio is "
                     f"$\\sqrt{{1 + {c}^2}}/{c} = {ratio:.3f}$ (summing 20 000 small chords agrees). Close in the "
                     "input space, far along the manifold."},
        {"id": "correlation-dimension", "concept": "manifold-learning", "kind": "numeric",
         "question": f"For a data set, doubling the radius $r$ multiplies the number of pairs closer than $r$ by "
                     f"{factor}. What correlation dimension does that indicate? Give 2 decimals.",
         "answer": round(dim, 6), "tolerance": 0.015,
         "hint": "The count grows like $r^D$.",
         "solution": f"$2^D = {factor}$, so $D = \\log_2 {factor} = {dim:.2f}$: between a curve ($D = 1$) and a "
                     "surface ($D = 2$)."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
