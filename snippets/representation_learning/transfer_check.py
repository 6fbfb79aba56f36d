"""Exercises for the page on transfer: parameters a new head fits, accuracy under a domain shift and
under a turning boundary, nearest prototypes, and the contrastive loss of a shared embedding."""
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


def normal_cdf(x: float) -> float:
    """The standard normal cumulative distribution function.

    Examples:
        >>> normal_cdf(0.0)
        0.5
    """
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def shifted_accuracy(shift: float) -> float:
    """Accuracy of the rule [x > 0] on classes N(-1, 1) and N(+1, 1), equally likely, after every
    input moved by `shift`.

    Examples:
        >>> round(shifted_accuracy(0.0), 4)
        0.8413
    """
    return 0.5 * (normal_cdf(-(-1 + shift)) + normal_cdf(1 + shift))


def contrastive_loss(sim: np.ndarray, temperature: float) -> float:
    """The symmetric InfoNCE loss of a batch from its cosine similarities (row i matches column i).

    Examples:
        >>> round(contrastive_loss(np.zeros((2, 2)), 1.0), 4)  # no preference: log 2
        0.6931
    """
    logits = sim / temperature
    rows = -np.mean(np.diag(logits) - np.log(np.exp(logits).sum(1)))
    cols = -np.mean(np.diag(logits) - np.log(np.exp(logits).sum(0)))
    return float((rows + cols) / 2)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    fresh = 30 * 8 + 8 + 8 * 2 + 2
    head = 8 * 2 + 2
    acc_shift = shifted_accuracy(1.5)
    labels = rng.choice([0, 1], 200_000)
    xs = np.where(labels == 1, 1.0, -1.0) + rng.standard_normal(200_000) + 1.5
    assert abs(np.mean((xs > 0) == labels) - acc_shift) < 0.01
    angle = 45
    acc_turn = 1 - angle / 180
    u = rng.standard_normal((200_000, 2))
    a = math.radians(angle)
    mc_turn = np.mean((u[:, 0] > 0) == (u @ [math.cos(a), math.sin(a)] > 0))
    assert abs(mc_turn - acc_turn) < 0.01
    code_proto = ("protos = torch.tensor([[0.0, 0.0], [4.0, 0.0], [0.0, 3.0]])\n"
                  "labels = torch.tensor([7, 8, 9])\n"
                  "q = torch.tensor([[1.5, 1.6], [2.1, 0.2]])\n"
                  "print(labels[torch.cdist(q, protos).argmin(1)].tolist())")
    out_proto = printed(code_proto)
    sim = np.array([[0.9, 0.1], [0.2, 0.8]])
    loss = contrastive_loss(sim, 0.1)
    t_logits = torch.tensor(sim / 0.1)
    ref = (torch.nn.functional.cross_entropy(t_logits, torch.arange(2))
           + torch.nn.functional.cross_entropy(t_logits.T, torch.arange(2))).item() / 2
    assert abs(loss - ref) < 1e-12

    exercises = [
        {"id": "transfer-fresh-params", "concept": "transfer-learning", "kind": "numeric",
         "question": "Task 2 has 20 labelled examples with 30 input numbers. A network 30 → 8 → 2 trained from "
                     "scratch fits all its weights and biases; a head 8 → 2 on a frozen transferred trunk fits "
                     "only its own. How many numbers does the from-scratch network fit?",
         "answer": fresh, "tolerance": 0.5,
         "hint": "A layer from $a$ to $b$ units has $a b + b$ parameters.",
         "solution": f"$30 \\cdot 8 + 8 + 8 \\cdot 2 + 2 = {fresh}$, against {head} for the head alone. With 20 "
                     "labels, the transferred model has far fewer numbers to pin down."},
        {"id": "transfer-when", "concept": "transfer-learning", "kind": "choice", "shuffle": True,
         "question": "When does reusing a trunk trained on task 1 help task 2?",
         "options": [
             {"text": "When the factors that explain task 1's data are also the ones task 2 needs",
              "why": "Right: the trunk's features then already point in the useful directions."},
             {"text": "Whenever task 1 had more data than task 2",
              "why": "Much data on an unrelated task yields features task 2 cannot use."},
             {"text": "Only when the two tasks have the same labels",
              "why": "The page's tasks differ: 8 regression targets, then a yes/no question."},
             {"text": "Only if the trunk is fine-tuned on task 2",
              "why": "On the page the trunk stays frozen and transfer still wins."}],
         "answer": 0,
         "hint": "What do the two tasks on the page have in common?",
         "solution": "Both tasks are functions of the same hidden factors. A trunk that extracted them for "
                     "task 1 leaves task 2 only the choice of how to weigh them."},
        {"id": "domain-shift-accuracy", "concept": "domain-adaptation", "kind": "numeric",
         "question": "In the source domain, class 0 inputs follow $\\mathcal N(-1, 1)$ and class 1 inputs "
                     "$\\mathcal N(+1, 1)$, equally often, and the rule $[x > 0]$ is used. In the target domain "
                     "every input is shifted by $+1.5$. What is the rule's accuracy there? Give 3 decimals.",
         "answer": acc_shift, "tolerance": 0.0015,
         "hint": "Class 0 is now centred at $0.5$ and class 1 at $2.5$; use the normal CDF $\\Phi$.",
         "solution": f"Class 0 is right when $x < 0$: $\\Phi(-0.5) = {normal_cdf(-0.5):.4f}$. Class 1 is right "
                     f"when $x > 0$: $\\Phi(2.5) = {normal_cdf(2.5):.4f}$. The mean is {acc_shift:.3f}, against "
                     f"{shifted_accuracy(0):.3f} in the source domain. Standardizing each domain with its own "
                     "unlabelled mean removes the shift."},
        {"id": "domain-adaptation-labels", "concept": "domain-adaptation", "kind": "choice", "shuffle": True,
         "question": "In the page's review example, what does the shared code learn from the target domain?",
         "options": [
             {"text": "Only its unlabelled inputs",
              "why": "Right: the top principal direction of all inputs needs no label."},
             {"text": "Its labels, a few of them",
              "why": "Not one target label is used for training; they only score the result."},
             {"text": "Nothing: only source data are used",
              "why": "Then the target-only words would get no weight in the code."},
             {"text": "A second classifier trained on the target",
              "why": "One classifier, trained on source labels, is used on both domains."}],
         "answer": 0,
         "hint": "Which words would the code ignore if it never saw a target review?",
         "solution": "The principal direction is computed from source and target inputs together, so the "
                     "target-only words, correlated with the shared ones, get a weight. The classifier "
                     "trained on source labels then works on target reviews."},
        {"id": "drift-turned-boundary", "concept": "concept-drift", "kind": "numeric",
         "question": "Inputs are $x \\sim \\mathcal N(0, I)$ in the plane, labelled by which side of a line "
                     "through the origin they fall. A model learned the line exactly, then the true line "
                     "turned by 45 degrees. What is the frozen model's accuracy now? Give 3 decimals.",
         "answer": acc_turn, "tolerance": 0.0015,
         "hint": "The two rules disagree on two opposite wedges; the Gaussian is the same in every direction.",
         "solution": f"The rules disagree on two wedges of 45 degrees each, $90/360$ of the plane's directions: "
                     f"accuracy $1 - 45/180 = {acc_turn:.3f}$ (a Monte Carlo check gives {mc_turn:.3f}). "
                     "At 90 degrees it would be a coin flip."},
        {"id": "drift-what-changes", "concept": "concept-drift", "kind": "choice", "shuffle": True,
         "question": "What makes the page's drift a drift of the *concept*, not only of the inputs?",
         "options": [
             {"text": "The relation $p(y \\mid x)$ changes: the same $x$ gets another label later",
              "why": "Right: the boundary turns while the inputs keep the same distribution."},
             {"text": "The inputs $p(x)$ move while the labels follow the same rule",
              "why": "That is a shift of the inputs; here $x$ is $\\mathcal N(0, I)$ at every step."},
             {"text": "The number of classes grows",
              "why": "There are two classes throughout."},
             {"text": "The model is retrained",
              "why": "Retraining is the defence, not the drift."}],
         "answer": 0,
         "hint": "Compare the distribution of $x$ at the first and last step.",
         "solution": "Every batch draws $x$ from the same Gaussian; only the line that assigns the labels "
                     "turns. A model of $p(y \\mid x)$ fitted once goes stale."},
        {"id": "one-shot-prototypes", "concept": "one-zero-shot", "kind": "predict",
         "question": "Three classes (7, 8, 9) each have one example, used as a prototype. What does this print?",
         "code": code_proto, "answer": out_proto,
         "hint": "Compute the Euclidean distance of each query to the three prototypes.",
         "solution": f"It prints `{out_proto}`. The first query is $2.05$ from $(0, 3)$ and $2.19$ from the "
                     "origin; the second is $1.91$ from $(4, 0)$ and $2.11$ from the origin."},
        {"id": "zero-shot-needs", "concept": "one-zero-shot", "kind": "choice", "shuffle": True,
         "question": "Zero-shot learning classifies a class of which it has seen no example. What must it have "
                     "instead?",
         "options": [
             {"text": "A description of each class and a map, learned on known classes, from descriptions to the embedding",
              "why": "Right: the map places the new class's prototype from its description alone."},
             {"text": "A larger embedding",
              "why": "Size does not tell where an unseen class lies."},
             {"text": "More examples of the known classes only",
              "why": "Without a description, nothing links the new class to what was learned."},
             {"text": "A nearest-neighbour search in the raw inputs",
              "why": "There is no example of the new class to be a neighbour."}],
         "answer": 0,
         "hint": "Where does a prototype come from when there is no example to embed?",
         "solution": "The page fits a linear map from each base class's 4-number description to its mean "
                     "embedding, then applies it to the new classes' descriptions."},
        {"id": "multimodal-contrastive-loss", "concept": "multimodal-learning", "kind": "numeric",
         "question": "A batch has two image-caption pairs. The cosine similarities are "
                     "$\\begin{pmatrix} 0.9 & 0.1 \\\\ 0.2 & 0.8 \\end{pmatrix}$ (row: image, column: caption; "
                     "the diagonal are the true pairs). With temperature 0.1, what is the symmetric contrastive "
                     "loss (the mean of the image-to-caption and caption-to-image cross entropies)? Give 4 decimals.",
         "answer": loss, "tolerance": 0.00015,
         "hint": "Divide by the temperature, then take the softmax cross entropy of each row and each column "
                 "with the diagonal as the target.",
         "solution": f"Rows: $\\log(1 + e^{{-8}})$ and $\\log(1 + e^{{-6}})$; columns: $\\log(1 + e^{{-7}})$ twice. "
                     f"The mean of the two directions is {loss:.4f}, the same as "
                     "`torch.nn.functional.cross_entropy`. It is small: each item is far closer to its partner."},
        {"id": "multimodal-shuffle", "concept": "multimodal-learning", "kind": "choice", "shuffle": True,
         "question": "After training two encoders on matched pairs, the test captions are shuffled. Retrieval "
                     "falls to chance. What does that show?",
         "options": [
             {"text": "The skill comes from the learned relation between the two modalities",
              "why": "Right: with the pairing broken, the shared space points nowhere."},
             {"text": "The encoders overfit the training pairs",
              "why": "On new, correctly paired data they retrieve well."},
             {"text": "The captions carry no information",
              "why": "Correctly paired, they identify their images."},
             {"text": "The temperature was too low",
              "why": "The temperature does not depend on the order of the captions."}],
         "answer": 0,
         "hint": "What is the only thing the shuffle changes?",
         "solution": "The images and the captions are the same; only which caption belongs to which image "
                     "changed. Retrieval that needs the right partner then fails."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
