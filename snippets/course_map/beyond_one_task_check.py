"""Exercises for the page beyond one task: standardizing a shifted domain, the memory of a quantized
network, why a network forgets, and one step of learning to learn."""
import json

import torch


def adapted(theta0: float, lr: float, target: float) -> float:
    """One gradient step on L(theta) = (theta - target)^2 from theta0.

    Examples:
        >>> adapted(0.0, 0.5, 2.0)
        2.0
    """
    return theta0 - lr * 2 * (theta0 - target)


if __name__ == "__main__":
    reading, t_mean, t_std = 8.0, 2.0, 3.0                  # target = 3 * source + 2, source ~ (0, 1)
    seen = (reading - t_mean) / t_std
    params, bits = 25e6, 8
    megabytes = params * bits / 8 / 1e6
    theta0, lr, target = 1.0, 0.25, 3.0
    theta1 = adapted(theta0, lr, target)
    eta = torch.tensor(lr, dtype=torch.float64, requires_grad=True)
    ((theta0 - eta * 2 * (theta0 - target)) - target).pow(2).backward()   # test loss after the step
    meta_grad = eta.grad.item()
    assert abs(meta_grad - 2 * (theta1 - target) * (-2 * (theta0 - target))) < 1e-12
    best_lr = 0.5                                             # one step lands exactly on the target
    assert adapted(theta0, best_lr, target) == target

    exercises = [
        {"id": "domain-standardize", "concept": "domain-adaptation-overview", "kind": "numeric",
         "question": "A sensor was recalibrated: target readings are $3x + 2$ for a source value $x$, and the "
                     "source values have mean 0 and standard deviation 1. After standardizing the target domain "
                     "with its own mean and standard deviation, what value does the model see for the reading 8?",
         "answer": seen, "tolerance": 0.0005,
         "hint": "The target domain has mean 2 and standard deviation 3.",
         "solution": f"$(8 - 2) / 3 = {seen:g}$, which is exactly the source value that produced the reading: "
                     "no target label was needed."},
        {"id": "domain-what-drops", "concept": "domain-adaptation-overview", "kind": "choice", "shuffle": True,
         "question": "A model is nearly perfect on its training domain and much worse on a new one. What does "
                     "domain adaptation use to recover the accuracy, in the page's example?",
         "options": [
             {"text": "Unlabelled inputs from the new domain",
              "why": "Right: their mean and spread are enough to undo the shift and scaling."},
             {"text": "A larger model",
              "why": "The model is fine on the source domain; the inputs changed."},
             {"text": "More source data",
              "why": "More of the old domain does not describe the new one."},
             {"text": "Labels for every target example",
              "why": "With those one could simply train on the target; the example needs none."}],
         "answer": 0,
         "hint": "What does standardizing a domain need to know?",
         "solution": "Standardizing needs only the target's mean and standard deviation, computed from "
                     "inputs without labels."},
        {"id": "compression-memory", "concept": "model-compression-overview", "kind": "numeric",
         "question": "A network has 25 million parameters. Quantized to 8 bits each, how many megabytes "
                     "($10^6$ bytes) do they take?",
         "answer": megabytes, "tolerance": 0.05,
         "hint": "8 bits are one byte.",
         "solution": f"$25 \\times 10^6$ bytes $= {megabytes:g}$ MB, a quarter of the {4 * megabytes:g} MB in "
                     "32-bit floats."},
        {"id": "compression-distillation", "concept": "model-compression-overview", "kind": "choice", "shuffle": True,
         "question": "In knowledge distillation, what does the small student learn from?",
         "options": [
             {"text": "The teacher's full probability vectors",
              "why": "Right: they carry how similar the classes are, not only the top class."},
             {"text": "Only the teacher's weights, copied and pruned",
              "why": "That is pruning, another family."},
             {"text": "The labels alone, with fewer epochs",
              "why": "Then no teacher would be involved."},
             {"text": "The teacher's parameters stored in 8 bits",
              "why": "That is quantization."}],
         "answer": 0,
         "hint": "What is richer than the top class?",
         "solution": "The student matches the teacher's output distribution, which says for instance that a "
                     "given 7 looks a bit like a 1; that extra information lets a small model learn well."},
        {"id": "lifelong-why-forget", "concept": "lifelong-learning", "kind": "choice", "shuffle": True,
         "question": "After training on task B, the page's network answers task A far below a coin flip. Why?",
         "options": [
             {"text": "Training on B moved weights that A needed, and B's opposite rule spread into A's region",
              "why": "Right: nothing in B's loss protects what A needed."},
             {"text": "The network is too small to hold both tasks",
              "why": "Trained on A and B together, the same network does well on both."},
             {"text": "Task A's test data changed",
              "why": "The test data are the same; the network changed."},
             {"text": "The learning rate was too low for B",
              "why": "B is learned almost perfectly."}],
         "answer": 0,
         "hint": "Look at the last line of the page's output.",
         "solution": "Catastrophic forgetting is not a lack of capacity: joint training solves both tasks. "
                     "Replay of old examples or a penalty that keeps A's important weights limits it."},
        {"id": "meta-one-step", "concept": "meta-learning", "kind": "numeric",
         "question": "A task's loss is $L(\\theta) = (\\theta - 3)^2$. Adaptation is one gradient step from "
                     "$\\theta^0 = 1$ with learning rate $\\eta = 0.25$. Where does it land?",
         "answer": theta1, "tolerance": 0.0005,
         "hint": "$\\theta^1 = \\theta^0 - \\eta L'(\\theta^0)$ with $L'(\\theta) = 2(\\theta - 3)$.",
         "solution": f"$\\theta^1 = 1 - 0.25 \\cdot 2 \\cdot (1 - 3) = {theta1:g}$."},
        {"id": "meta-gradient", "concept": "meta-learning", "kind": "numeric",
         "question": "Same task. Meta learning improves $\\eta$ by the derivative of the loss *after* the step, "
                     "$L(\\theta^1(\\eta))$, with respect to $\\eta$. What is it at $\\eta = 0.25$?",
         "answer": meta_grad, "tolerance": 0.0005,
         "hint": "Chain rule: $L'(\\theta^1) \\cdot \\partial \\theta^1 / \\partial \\eta$, with "
                 "$\\partial \\theta^1 / \\partial \\eta = -L'(\\theta^0)$.",
         "solution": f"$L'(\\theta^1) = 2(2 - 3) = -2$ and $\\partial \\theta^1 / \\partial \\eta = -2(1 - 3) = 4$, "
                     f"so the derivative is ${meta_grad:g}$ (autograd agrees): a larger $\\eta$ helps, up to "
                     f"$\\eta = {best_lr}$, where one step lands on 3."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
