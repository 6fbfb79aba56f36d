"""Exercises for the page on kinds of learning: the loss of one labelled pair, what a pretext task is,
what a generator learns from unpaired data, and one policy-gradient step of a bandit."""
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


if __name__ == "__main__":
    ce = -math.log(0.8)
    ref = torch.nn.functional.binary_cross_entropy(torch.tensor(0.8, dtype=torch.float64),
                                                   torch.tensor(1.0, dtype=torch.float64)).item()
    assert abs(ce - ref) < 1e-12
    # a generator G(x) = a x + b matching quartiles of N(0, 1) to those of N(4, 0.5^2), with a > 0
    a, b = 0.5, 4.0
    # one REINFORCE step on a softmax over 3 arms, theta = 0, pulled arm 0, reward 1, baseline 0.4
    theta = torch.zeros(3, dtype=torch.float64, requires_grad=True)
    torch.log_softmax(theta, 0)[0].backward()
    step = 0.5 * (1.0 - 0.4) * theta.grad
    new_theta = step.tolist()
    assert abs(new_theta[0] - 0.5 * 0.6 * (1 - 1 / 3)) < 1e-12
    code_pi = ("theta = torch.tensor([0.2, -0.1, -0.1])\n"
               "pi = torch.softmax(theta, 0)\n"
               "print(pi.argmax().item(), round(pi.sum().item(), 3))")
    out_pi = printed(code_pi)
    masked = 500 * 100 // 4

    exercises = [
        {"id": "supervised-one-pair-loss", "concept": "supervised-learning", "kind": "numeric",
         "question": "A classifier gives probability 0.8 to class 1 for an example labelled 1. What is its "
                     "cross-entropy loss on this pair, in nats? Give 3 decimals.",
         "answer": ce, "tolerance": 0.0015,
         "hint": "The loss is $-\\log$ of the probability given to the right label.",
         "solution": f"$-\\ln 0.8 = {ce:.3f}$. The label says which output is right; the loss measures how far "
                     "the prediction is from it."},
        {"id": "supervised-four-pairs", "concept": "supervised-learning", "kind": "choice", "shuffle": True,
         "question": "Trained on 4 labelled pairs, the page's classifier has the lowest training loss and the "
                     "lowest test accuracy. Why?",
         "options": [
             {"text": "It fitted the 4 points, not the two classes they come from",
              "why": "Right: with 10 weights and 4 points, many boundaries separate them; few generalise."},
             {"text": "Gradient descent did not converge",
              "why": "The training loss went almost to zero: it converged."},
             {"text": "The test set is from another distribution",
              "why": "The test points are drawn like the training points."},
             {"text": "Logistic regression cannot separate two classes",
              "why": "With 256 pairs the same model does well."}],
         "answer": 0,
         "hint": "Compare the number of labels with the number of weights.",
         "solution": "Few labels leave the model free to fit their accidents. More labels pin down the "
                     "boundary, which is why labelling is the cost of supervised learning."},
        {"id": "self-supervised-targets", "concept": "self-supervised-learning", "kind": "numeric",
         "question": "A pretext task hides a random quarter of the 100 values of each input and learns to fill "
                     "them in. With 500 unlabelled inputs, how many hidden values serve as training targets "
                     "in one pass, without a single human label?",
         "answer": masked, "tolerance": 0.5,
         "hint": "Count the hidden values per input, then multiply.",
         "solution": f"$500 \\times 100 / 4 = {masked}$ targets, all made from the data themselves."},
        {"id": "self-supervised-pretext", "concept": "self-supervised-learning", "kind": "choice", "shuffle": True,
         "question": "Which of these is a pretext task of self-supervised learning?",
         "options": [
             {"text": "Predict a word that was hidden from a sentence",
              "why": "Right: the answer is in the data itself; no one has to label it."},
             {"text": "Classify the sentiment of reviews labelled by hand",
              "why": "That is a downstream task with human labels."},
             {"text": "Cluster documents without any target",
              "why": "There is no task with an answer to predict."},
             {"text": "Play games against itself for reward",
              "why": "That is reinforcement learning."}],
         "answer": 0,
         "hint": "The targets must come for free from unlabelled data.",
         "solution": "A pretext task makes a supervised problem out of unlabelled data, such as filling in "
                     "what was hidden. The model it trains is then adapted to the downstream task."},
        {"id": "gan-overview-shift", "concept": "unsupervised-gan-overview", "kind": "numeric",
         "question": "Inputs follow $\\mathcal N(0, 1)$, outputs $\\mathcal N(4, 0.5^2)$, with no pairs. A "
                     "generator $G(x) = a x + b$ with $a > 0$ makes $G(x)$ follow the output distribution. "
                     "What is $a$?",
         "answer": a, "tolerance": 0.005,
         "hint": "A linear map scales the standard deviation by $|a|$ and moves the mean to $b$.",
         "solution": f"The standard deviation must go from 1 to 0.5, so $a = {a}$ (and $b = {b}$). With $a = "
                     f"-{a}$ the outputs have the same distribution: unpaired data do not fix the sign."},
        {"id": "gan-overview-pairs", "concept": "unsupervised-gan-overview", "kind": "choice", "shuffle": True,
         "question": "A generator learned from unpaired collections maps each input to an output that looks "
                     "right. What can it not learn from such data?",
         "options": [
             {"text": "Which output belongs to which particular input",
              "why": "Right: only the two distributions are seen, never a pairing."},
             {"text": "The typical range of the outputs",
              "why": "The discriminator judges exactly that."},
             {"text": "The spread of the outputs",
              "why": "A discriminator that sees many samples notices a wrong spread."},
             {"text": "Anything at all",
              "why": "The page's generator learns both the shift and the scale."}],
         "answer": 0,
         "hint": "The sign of $a$ on the page was not fixed by the data.",
         "solution": "Any map that turns the input distribution into the output distribution looks equally "
                     "real to the discriminator, such as $a > 0$ or $a < 0$."},
        {"id": "bandit-policy-step", "concept": "reinforcement-learning", "kind": "numeric",
         "question": "A softmax policy over 3 arms starts at $\\theta = (0, 0, 0)$. Arm 1 is pulled and pays "
                     "$r = 1$; the running average is $\\bar r = 0.4$. With $\\eta = 0.5$, the update is "
                     "$\\theta \\leftarrow \\theta + \\eta (r - \\bar r) \\nabla_\\theta \\log \\pi_\\theta(a)$. "
                     "What is the new $\\theta_1$? Give 3 decimals.",
         "answer": new_theta[0], "tolerance": 0.0015,
         "hint": "For a softmax, $\\partial \\log \\pi(a) / \\partial \\theta_j = [j = a] - \\pi_j$.",
         "solution": f"$\\pi_1 = 1/3$, so the gradient is $(2/3, -1/3, -1/3)$ and $\\theta_1 = 0.5 \\cdot 0.6 "
                     f"\\cdot 2/3 = {new_theta[0]:.3f}$; the other two become {new_theta[1]:.3f}. "
                     "Autograd gives the same."},
        {"id": "bandit-policy-predict", "concept": "reinforcement-learning", "kind": "predict",
         "question": "What does this print?",
         "code": code_pi, "answer": out_pi,
         "hint": "The softmax keeps the order of the scores and its outputs sum to 1.",
         "solution": f"It prints `{out_pi}`: the arm with the largest $\\theta$ is the most likely, and the "
                     "probabilities always sum to 1."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
