"""No free lunch: averaged over every boolean function of 3 bits, two learners tie."""
import itertools
from fractions import Fraction

import numpy as np

inputs = list(itertools.product([0, 1], repeat=3))       # the 8 possible inputs
train_idx, test_idx = [0, 1, 4, 5, 6], [2, 3, 7]           # 010, 011, 111 are never seen


def majority(train_x, train_y, x):
    """Predict the most common training label (ties -> 1), ignoring x."""
    return int(2 * sum(train_y) >= len(train_y))


def nearest_neighbour(train_x, train_y, x):
    """Predict the label of the training input closest in Hamming distance (first one on ties)."""
    d = [sum(a != b for a, b in zip(t, x)) for t in train_x]
    return train_y[int(np.argmin(d))]


def ots_accuracy(learner, labels):
    """Accuracy on the off-training-set inputs when the target function has these 8 labels."""
    tx, ty = [inputs[i] for i in train_idx], [labels[i] for i in train_idx]
    return Fraction(sum(learner(tx, ty, inputs[i]) == labels[i] for i in test_idx), len(test_idx))


functions = list(itertools.product([0, 1], repeat=8))      # all 2^8 = 256 target functions
assert len(functions) == 256
results = {}
for learner in (majority, nearest_neighbour):
    acc = [ots_accuracy(learner, f) for f in functions]
    results[learner.__name__] = acc
    print(f"{learner.__name__:>17}: mean off-training-set accuracy {float(sum(acc) / 256):.4f}")
    assert sum(acc) / 256 == Fraction(1, 2)                # exactly 1/2, no rounding

# The tie is only on average: on particular functions the learners differ a lot.
wins = sum(a > b for a, b in zip(results["majority"], results["nearest_neighbour"]))
losses = sum(a < b for a, b in zip(results["majority"], results["nearest_neighbour"]))
print(f"functions where majority wins: {wins}, where nearest neighbour wins: {losses}")
assert wins == losses > 0          # flipping the unseen labels turns every win into a loss

# Where the learner's assumption holds it shines, where it is violated it fails.
first_bit = tuple(x[0] for x in inputs)                   # a "smooth" target
parity = tuple(sum(x) % 2 for x in inputs)                # every neighbour flips the label
for name, f in [("label = first bit", first_bit), ("label = parity", parity)]:
    nn, maj = ots_accuracy(nearest_neighbour, f), ots_accuracy(majority, f)
    print(f"{name:>17}: nearest neighbour {float(nn):.3f}, majority {float(maj):.3f}")
assert ots_accuracy(nearest_neighbour, first_bit) == 1 > ots_accuracy(majority, first_bit)
assert ots_accuracy(nearest_neighbour, parity) == 0
