"""Exercises for the page on representation learning and greedy layer-wise pretraining."""
import json

import numpy as np


def best_threshold_accuracy(f: np.ndarray, y: np.ndarray) -> float:
    """Best training accuracy of a single cut on one feature, predicting either class above it.

    Args:
        f: the feature, shape (n,).
        y: the labels in {0, 1}, shape (n,).

    Returns:
        The largest fraction of points one rule [f > c] (or its reverse) gets right.

    Examples:
        >>> best_threshold_accuracy(np.array([0.0, 1.0, 2.0]), np.array([0, 1, 1]))
        1.0
    """
    order = np.argsort(f)
    ys = y[order]
    above_one = np.r_[0, np.cumsum(1 - ys)] + np.r_[ys.sum(), ys.sum() - np.cumsum(ys)]  # 0 below the cut, 1 above
    return float(max(above_one.max(), len(y) - above_one.min()) / len(y))


def autoencoder_params(sizes: list[int]) -> int:
    """Weights and biases of a stack of fully connected layers with the given sizes.

    Args:
        sizes: the layer sizes, input first.

    Returns:
        The number of parameters.

    Examples:
        >>> autoencoder_params([4, 2, 4])
        22
    """
    return sum(a * b + b for a, b in zip(sizes, sizes[1:]))


if __name__ == "__main__":
    x = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
    y = np.array([1, 0, 0, 0, 1])
    acc_raw, acc_sq = best_threshold_accuracy(x, y), best_threshold_accuracy(x**2, y)
    assert acc_sq == 1.0 and acc_raw < 1.0

    stage1, stage2 = autoencoder_params([20, 8, 20]), autoencoder_params([8, 8, 8])
    kept = autoencoder_params([20, 8, 8, 8])

    exercises = [
        {"id": "rl-one-cut-raw", "concept": "representation-learning", "kind": "numeric",
         "question": "Five points on a line, $x = -2, -1, 0, 1, 2$, have labels $1, 0, 0, 0, 1$ "
                     "(class 1 far from zero). A rule may make one cut on $x$ and give one class to each "
                     "side. What is the largest fraction of the five points it can classify correctly?",
         "answer": acc_raw, "tolerance": 0.005,
         "hint": "Class 1 sits at both ends; one cut can only separate one end from the rest.",
         "solution": f"Cutting between $1$ and $2$ and calling the right side class 1 gets 4 of 5 right; "
                     f"no cut does better, so the answer is {acc_raw:.1f}. With the feature $x^2$ instead, "
                     f"one cut between 1 and 4 is exact: accuracy {acc_sq:.1f}. The data did not change; the "
                     "representation did."},
        {"id": "rl-which-representation", "concept": "representation-learning", "kind": "choice", "shuffle": True,
         "question": "Points in the plane are labelled by whether they lie inside a disc around the origin. "
                     "Which representation lets a single threshold on one feature classify them exactly?",
         "options": [
             {"text": "The radius $r = \\sqrt{x_1^2 + x_2^2}$",
              "why": "Right: the label is $[r < \\text{radius of the disc}]$, one cut on $r$."},
             {"text": "The angle $\\varphi$",
              "why": "Every angle occurs inside and outside the disc: the angle carries no information here."},
             {"text": "The coordinate $x_1$",
              "why": "A cut on $x_1$ is a vertical line, and no line separates a disc from its surroundings."},
             {"text": "$x_1 + x_2$",
              "why": "Still a straight line in the plane, so it fails like $x_1$."}],
         "answer": 0,
         "hint": "Which quantity is the same for all points on the boundary of the disc?",
         "solution": "The boundary is the circle $r = $ const, so the radius alone decides the label. "
                     "Polar form turns a problem no linear rule can solve into one cut."},
        {"id": "rl-stage1-params", "concept": "greedy-layerwise-pretraining", "kind": "numeric",
         "question": "Greedy pretraining of a 20 → 8 → 8 → 8 stack starts with an autoencoder 20 → 8 → 20 "
                     "(weights and biases, fully connected). How many parameters does this first autoencoder "
                     "train?",
         "answer": stage1, "tolerance": 0.5,
         "hint": "Each layer from $a$ units to $b$ units has $a b$ weights and $b$ biases.",
         "solution": f"Encoder $20 \\cdot 8 + 8 = 168$, decoder $8 \\cdot 20 + 20 = 180$: {stage1} in all. "
                     f"The second stage trains an 8 → 8 → 8 autoencoder ({stage2} parameters); only the "
                     f"encoders are kept, {kept} parameters for the whole stack."},
        {"id": "rl-stage2-input", "concept": "greedy-layerwise-pretraining", "kind": "choice", "shuffle": True,
         "question": "In the second stage of greedy layer-wise pretraining, what does the new autoencoder "
                     "learn to reconstruct, and what happens to layer 1?",
         "options": [
             {"text": "The codes $h^{(1)}$ of layer 1; layer 1 stays fixed",
              "why": "Right: each stage models the output of the frozen stage below it."},
             {"text": "The raw inputs $x$; layer 1 is trained again with it",
              "why": "That would be training the whole stack at once, not greedily."},
             {"text": "The labels; layer 1 stays fixed",
              "why": "No labels are used until fine-tuning."},
             {"text": "The codes $h^{(1)}$; layer 1 is updated by the same loss",
              "why": "Greedy means earlier layers are not revisited during pretraining."}],
         "answer": 0,
         "hint": "Greedy: each layer is optimised given the layers below, and never revisited.",
         "solution": "Stage $k$ minimises $\\sum_n \\lVert h^{(k-1)}_n - g_k(f_k(h^{(k-1)}_n))\\rVert^2$ with "
                     "$h^{(k-1)}$ computed by the frozen layers below. Layer 1 changes again only in the "
                     "supervised fine-tuning phase."},
        {"id": "rl-pretraining-today", "concept": "greedy-layerwise-pretraining", "kind": "choice", "shuffle": True,
         "question": "On the page, a random start trained with Adam does about as well as the pretrained "
                     "start. When does unsupervised pretraining still pay off most?",
         "options": [
             {"text": "When unlabelled data are plentiful and labels scarce",
              "why": "Right: pretraining turns cheap unlabelled data into a useful starting point."},
             {"text": "When labels are plentiful and inputs scarce",
              "why": "Then plain supervised training has all it needs."},
             {"text": "Only for networks with one hidden layer",
              "why": "It was invented for deep networks, where a good start matters most."},
             {"text": "Only with the sigmoid activation",
              "why": "Modern self-supervised pretraining works with any activation."}],
         "answer": 0,
         "hint": "What does pretraining use that supervised training cannot?",
         "solution": "Pretraining learns from inputs without labels. Its advantage grows with the ratio of "
                     "unlabelled to labelled data, which is why self-supervised pretraining of large models "
                     "followed by fine-tuning is still the standard recipe."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
