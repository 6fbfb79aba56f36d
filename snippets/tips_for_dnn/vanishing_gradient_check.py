"""Exercises for the vanishing gradient page: reading the diagnosis table, and the factor that each
sigmoid layer puts on the gradient."""
import json
import math


def sigmoid_prime(z: float) -> float:
    """The derivative of the logistic sigmoid, sigma(z) (1 - sigma(z)).

    Args:
        z: the pre-activation.

    Returns:
        sigma'(z), at most 1/4.

    Examples:
        >>> sigmoid_prime(0.0)
        0.25
    """
    s = 1 / (1 + math.exp(-z))
    return s * (1 - s)


def chain_factor(w: float, zs: list[float]) -> float:
    """The derivative of the output of a chain of scalar sigmoid units a_l = sigma(w a_(l-1) + b_l) with
    respect to its input, when the units' pre-activations are zs: the product of w sigma'(z_l).

    Args:
        w: the weight of every link.
        zs: the pre-activation of each unit, one per layer.

    Returns:
        d a_L / d a_0.

    Examples:
        >>> chain_factor(1.0, [0.0, 0.0])
        0.0625
    """
    out = 1.0
    for z in zs:
        out *= w * sigmoid_prime(z)
    return out


def diagnose(train_acc: float, test_acc: float, majority: float, margin: float = 0.1) -> str:
    """The row of the diagnosis table, as on the page: a training problem, overfitting, or good on both.

    Args:
        train_acc: the accuracy on the training data.
        test_acc: the accuracy on the test data.
        majority: the accuracy of always predicting the most common training label.
        margin: what counts as learning something, and as a gap.

    Returns:
        "training problem", "overfitting" or "good on both".

    Examples:
        >>> diagnose(0.99, 0.7, 0.5)
        'overfitting'
    """
    if train_acc < majority + margin:
        return "training problem"
    return "overfitting" if train_acc - test_acc > margin else "good on both"


if __name__ == "__main__":
    rows = {"training problem": 0, "overfitting": 1, "good on both": 2}
    options = [
        {"text": "A training problem: look at the optimisation (activation, learning rate) first",
         "why": "Right when the training accuracy is hardly above the majority rule."},
        {"text": "Overfitting: add dropout or weight decay",
         "why": "Overfitting needs a good training result and a poor test result."},
        {"text": "Good on both: done",
         "why": "Only when training accuracy is well above the majority rule and test accuracy keeps up."}]
    case_a = (0.62, 0.60, 0.58)  # train, test, majority
    case_b = (0.97, 0.71, 0.55)
    key_a, key_b = rows[diagnose(*case_a)], rows[diagnose(*case_b)]
    assert (key_a, key_b) == (0, 1)

    z2 = sigmoid_prime(2.0)
    w, L = 2.0, 6
    factor = chain_factor(w, [0.0] * L)
    assert abs(factor - (w / 4) ** L) < 1e-15

    exercises = [
        {"id": "diagnose-deep-sigmoid", "concept": "check-train-then-test", "kind": "choice",
         "question": f"A deep network scores {case_a[0]:g} on its training set and {case_a[1]:g} on the test "
                     f"set; always predicting the most common label scores {case_a[2]:g}. With the page's "
                     "margin of 0.1, what is the diagnosis?",
         "options": options, "answer": key_a,
         "hint": "Look at the training column first, against the majority rule.",
         "solution": f"Training accuracy {case_a[0]:g} is less than {case_a[2]:g} + 0.1: the network has not "
                     "fitted its own data, so the test result is not judged yet."},
        {"id": "diagnose-gap", "concept": "check-train-then-test", "kind": "choice",
         "question": f"Another network scores {case_b[0]:g} on training data and {case_b[1]:g} on test data; "
                     f"the majority rule scores {case_b[2]:g}. What is the diagnosis?",
         "options": options, "answer": key_b,
         "hint": "Is the training result good? Then compare it with the test result.",
         "solution": f"The training accuracy is far above {case_b[2]:g}, and the gap "
                     f"{case_b[0] - case_b[1]:.2f} exceeds 0.1: overfitting, the second row of the table."},
        {"id": "sigmoid-prime-at-2", "concept": "vanishing-gradient", "kind": "numeric",
         "question": "What is $\\sigma'(2)$, the derivative of the sigmoid at $z = 2$? Give 3 decimals.",
         "answer": round(z2, 6), "tolerance": 0.0015,
         "hint": "$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$.",
         "solution": f"$\\sigma(2) = {1 / (1 + math.exp(-2)):.4f}$, so "
                     f"$\\sigma'(2) = {1 / (1 + math.exp(-2)):.4f} \\times {1 - 1 / (1 + math.exp(-2)):.4f} "
                     f"= {z2:.4f}$, well below the maximum $\\tfrac14$ at 0."},
        {"id": "sigmoid-chain-factor", "concept": "vanishing-gradient", "kind": "numeric",
         "question": f"A chain of {L} sigmoid units, each feeding the next through a weight $w = {w:g}$. Every "
                     "unit happens to have pre-activation 0. By what factor is the derivative of the output "
                     "with respect to the chain's input multiplied, end to end? Give 4 decimals.",
         "answer": round(factor, 8), "tolerance": 0.00015,
         "hint": "Each link contributes the weight times $\\sigma'$ at that unit.",
         "solution": f"Each link gives $w\\,\\sigma'(0) = {w:g} \\times 0.25 = {w / 4:g}$; over {L} links "
                     f"${w / 4:g}^{{{L}}} = {factor:.5f}$. A weight of 2 does not undo the $\\tfrac14$."},
    ]
    print(json.dumps(exercises, ensure_ascii=False))
