"""No free lunch: averaged over every boolean function of 3 bits, two learners tie."""
import itertools
from collections.abc import Callable
from fractions import Fraction

def majority(train_x: list[tuple[int, ...]], train_y: list[int], x: tuple[int, ...]) -> int:
    """Predict the most common training label (ties -> 1), ignoring the input.

    Args:
        train_x: the training inputs, tuples of bits.
        train_y: their labels, 0 or 1.
        x: the input to label.

    Returns:
        The predicted label, 0 or 1.

    Examples:
        >>> majority([(0, 0), (0, 1), (1, 1)], [0, 1, 1], (1, 0))
        1
    """
    return int(2 * sum(train_y) >= len(train_y))


def nearest_neighbour(train_x: list[tuple[int, ...]], train_y: list[int], x: tuple[int, ...]) -> int:
    """Predict the label of the training input closest in Hamming distance (the first one on ties).

    Args:
        train_x: the training inputs, tuples of bits.
        train_y: their labels, 0 or 1.
        x: the input to label.

    Returns:
        The predicted label, 0 or 1.

    Examples:
        >>> nearest_neighbour([(0, 0), (1, 1)], [0, 1], (1, 0))  # a tie: the first one wins
        0
        >>> nearest_neighbour([(0, 0), (1, 1)], [0, 1], (1, 1))
        1
    """
    d = [sum(a != b for a, b in zip(t, x)) for t in train_x]
    return train_y[d.index(min(d))]


def ots_accuracy(learner: Callable[..., int], labels: tuple[int, ...], inputs: list[tuple[int, ...]],
                 train_idx: list[int], test_idx: list[int]) -> Fraction:
    """Exact accuracy on the off-training-set inputs when the target function has these labels.

    Args:
        learner: a function (train_x, train_y, x) -> predicted label.
        labels: the target's label of every input, in the order of ``inputs``.
        inputs: all possible inputs.
        train_idx: the indices of the inputs seen in training.
        test_idx: the indices of the inputs never seen.

    Returns:
        The fraction of test inputs labelled right, as an exact Fraction.

    Examples:
        >>> ots_accuracy(majority, (1, 1, 0), [(0,), (1,), (2,)], [0, 1], [2])
        Fraction(0, 1)
    """
    tx, ty = [inputs[i] for i in train_idx], [labels[i] for i in train_idx]
    return Fraction(sum(learner(tx, ty, inputs[i]) == labels[i] for i in test_idx), len(test_idx))


if __name__ == "__main__":
    inputs = list(itertools.product([0, 1], repeat=3))  # the 8 possible inputs
    train_idx, test_idx = [0, 1, 4, 5, 6], [2, 3, 7]  # 010, 011, 111 are never seen
    functions = list(itertools.product([0, 1], repeat=8))  # all 2^8 = 256 target functions
    assert len(functions) == 256
    results = {}
    for learner in (majority, nearest_neighbour):
        acc = [ots_accuracy(learner, f, inputs, train_idx, test_idx) for f in functions]
        results[learner.__name__] = acc
        print(f"{learner.__name__:>17}: mean off-training-set accuracy {float(sum(acc) / 256):.4f}")
        assert sum(acc) / 256 == Fraction(1, 2)  # exactly 1/2, no rounding

    # The tie is only on average: on particular functions the learners differ a lot.
    wins = sum(a > b for a, b in zip(results["majority"], results["nearest_neighbour"]))
    losses = sum(a < b for a, b in zip(results["majority"], results["nearest_neighbour"]))
    print(f"functions where majority wins: {wins}, where nearest neighbour wins: {losses}")
    assert wins == losses > 0  # flipping the unseen labels turns every win into a loss

    # Where the learner's assumption holds it shines, where it is violated it fails.
    first_bit = tuple(x[0] for x in inputs)  # a "smooth" target
    parity = tuple(sum(x) % 2 for x in inputs)  # every neighbour flips the label
    for name, f in [("label = first bit", first_bit), ("label = parity", parity)]:
        nn, maj = (ots_accuracy(g, f, inputs, train_idx, test_idx) for g in (nearest_neighbour, majority))
        print(f"{name:>17}: nearest neighbour {float(nn):.3f}, majority {float(maj):.3f}")
    assert ots_accuracy(nearest_neighbour, first_bit, inputs, train_idx, test_idx) == 1 > \
        ots_accuracy(majority, first_bit, inputs, train_idx, test_idx)
    assert ots_accuracy(nearest_neighbour, parity, inputs, train_idx, test_idx) == 0
