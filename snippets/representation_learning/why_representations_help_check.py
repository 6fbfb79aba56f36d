"""Exercises for the page on why learned representations help: a posterior from a mixture, regions
cut by hyperplanes, cosine similarity, and the pieces of a folded sawtooth."""
import contextlib
import io
import json
import math

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


def regions(n: int, d: int) -> int:
    """Regions cut by n hyperplanes in general position in d dimensions: sum_{j <= d} C(n, j).

    Examples:
        >>> regions(3, 2)
        7
    """
    return sum(math.comb(n, j) for j in range(d + 1))


if __name__ == "__main__":
    # posterior of a two-component mixture: y = +-1 equally likely, x | y ~ N(2y, 1)
    x0 = 0.5
    post = 1 / (1 + math.exp(-4 * x0))
    lik = [math.exp(-0.5 * (x0 - m) ** 2) for m in (2.0, -2.0)]
    assert abs(post - lik[0] / sum(lik)) < 1e-12

    n_plane, n3, d3 = 7, 5, 3
    r_plane, r3 = regions(n_plane, 2), regions(n3, d3)
    # the n-th plane is cut by the others into regions(n - 1, d - 1) pieces, each splitting one region in two
    assert r3 == regions(n3 - 1, d3) + regions(n3 - 1, d3 - 1) and r_plane == 1 + n_plane + n_plane * (n_plane - 1) // 2

    u, v = np.array([1.0, 2.0, 2.0]), np.array([2.0, 0.0, 1.0])
    cos = float(u @ v / np.linalg.norm(u) / np.linalg.norm(v))
    assert abs(cos - torch.nn.functional.cosine_similarity(torch.tensor(u), torch.tensor(v), dim=0).item()) < 1e-12

    depth = 6
    shallow_units = 2**depth - 1
    code_tent = ("relu = torch.relu\n"
                 "t = lambda x: 2 * relu(x) - 4 * relu(x - 0.5)\n"
                 "x = torch.tensor(0.3)\n"
                 "print(round(t(t(x)).item(), 4))")
    out_tent = printed(code_tent)

    exercises = [
        {"id": "causal-posterior", "concept": "causal-factors", "kind": "numeric",
         "question": "A label $y = \\pm 1$ (equally likely) causes the input: $x \\mid y \\sim \\mathcal N(2y, 1)$. "
                     "Having learned this mixture from unlabelled data, and named its components with two labels, "
                     "what is $p(y = +1 \\mid x = 0.5)$? Give 3 decimals.",
         "answer": post, "tolerance": 0.0015,
         "hint": "Bayes' rule; the log of the likelihood ratio of the two Gaussians is linear in $x$.",
         "solution": f"$\\log \\frac{{p(x \\mid +1)}}{{p(x \\mid -1)}} = \\frac{{(x + 2)^2 - (x - 2)^2}}{{2}} = 4x = 2$, "
                     f"so $p(y = +1 \\mid x) = \\sigma(2) = {post:.3f}$. Knowing $p(x)$ gave $p(y \\mid x)$ almost for free."},
        {"id": "causal-when-useless", "concept": "causal-factors", "kind": "choice", "shuffle": True,
         "question": "In which case can unlabelled inputs *not* help find the class boundary?",
         "options": [
             {"text": "$x$ is uniform on a rectangle and the label is read off one coordinate",
              "why": "Right: $p(x)$ is the same whatever the rule, so it says nothing about $p(y \\mid x)$."},
             {"text": "Each class produces its own cluster of inputs",
              "why": "Then $p(x)$ is a mixture whose components are the classes: it helps a lot."},
             {"text": "Digits drawn by a pen after the digit was chosen",
              "why": "The label causes the input; the clusters of $p(x)$ follow the classes."},
             {"text": "Two well-separated Gaussian classes",
              "why": "The gap between the clusters shows where the boundary goes."}],
         "answer": 0,
         "hint": "When does the distribution of the inputs carry no trace of the labels?",
         "solution": "Unlabelled data help only if $p(x)$ is tied to $p(y \\mid x)$. A uniform $x$ has no "
                     "clusters to find; the page's second case shows EM splitting the rectangle in the wrong "
                     "direction."},
        {"id": "regions-seven-lines", "concept": "distributed-representations", "kind": "numeric",
         "question": "Seven binary features $[w_i^\\top x + b_i > 0]$ of a point $x$ in the plane (lines in general "
                     "position): how many regions, each with its own code, do they cut the plane into?",
         "answer": r_plane, "tolerance": 0.5,
         "hint": "$\\sum_{j=0}^{d} \\binom{n}{j}$ with $d = 2$.",
         "solution": f"$1 + 7 + 21 = {r_plane}$, against 7 for a one-hot code with 7 units and "
                     f"$2^7 = {2**7}$ patterns that would need $d \\ge 7$."},
        {"id": "regions-five-planes", "concept": "distributed-representations", "kind": "numeric",
         "question": "Five planes in general position in 3-D space: how many regions?",
         "answer": r3, "tolerance": 0.5,
         "hint": "Sum the binomial coefficients $\\binom{5}{j}$ for $j = 0, \\dots, 3$.",
         "solution": f"$1 + 5 + 10 + 10 = {r3}$. Each new plane is cut by the others into "
                     f"{regions(n3 - 1, d3 - 1)} pieces, and each piece splits a region: "
                     f"{regions(n3 - 1, d3)} + {regions(n3 - 1, d3 - 1)} = {r3}."},
        {"id": "cosine-by-hand", "concept": "distributed-representations", "kind": "numeric",
         "question": "What is the cosine similarity of $u = (1, 2, 2)$ and $v = (2, 0, 1)$? Give 3 decimals.",
         "answer": cos, "tolerance": 0.0015,
         "hint": "$u^\\top v / (\\lVert u \\rVert \\lVert v \\rVert)$.",
         "solution": f"$u^\\top v = 4$, $\\lVert u \\rVert = 3$, $\\lVert v \\rVert = \\sqrt 5$: "
                     f"$4 / (3 \\sqrt 5) = {cos:.3f}$. Two different one-hot vectors would give exactly 0."},
        {"id": "depth-shallow-units", "concept": "exponential-gains-from-depth", "kind": "numeric",
         "question": "The tent map composed 6 times is a ReLU network of depth 6 with 2 units per layer. At "
                     "least how many hidden units does a network with *one* hidden layer (1-D input) need to "
                     "produce the same function?",
         "answer": shallow_units, "tolerance": 0.5,
         "hint": "Count the linear pieces of the sawtooth; one hidden unit adds at most one kink.",
         "solution": f"The sawtooth has $2^6 = {2**depth}$ pieces, so $2^6 - 1 = {shallow_units}$ kinks, one per "
                     f"hidden unit at least: {shallow_units} units against 12 in the deep network."},
        {"id": "depth-tent-twice", "concept": "exponential-gains-from-depth", "kind": "predict",
         "question": "What does this print?",
         "code": code_tent, "answer": float(out_tent), "tolerance": 1e-4,
         "hint": "On $[0, 1/2]$ the tent map doubles its input; on $[1/2, 1]$ it gives $2 - 2x$.",
         "solution": f"$t(0.3) = 0.6$, then $t(0.6) = 2 - 1.2 = 0.8$: it prints `{out_tent}`. Each fold maps "
                     "both halves of the interval onto the whole of it, which is why the pieces double."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
