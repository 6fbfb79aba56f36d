"""Precision, recall and F1 read off a confusion matrix, checked on a hand-counted example."""
from fractions import Fraction

import numpy as np


def confusion_matrix(y_true, y_pred):
    """Binary labels (n,), (n,) -> 2x2 int array [[TN, FP], [FN, TP]] (rows: truth, cols: prediction)."""
    cm = np.zeros((2, 2), dtype=int)
    np.add.at(cm, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return cm


def precision_recall_f1(cm):
    """2x2 confusion matrix -> (precision, recall, F1) as exact fractions."""
    (tn, fp), (fn, tp) = cm.tolist()
    p, r = Fraction(tp, tp + fp), Fraction(tp, tp + fn)
    return p, r, 2 * p * r / (p + r)


# Ten e-mails, 1 = spam. Count by eye: TP = 3 (positions 0, 1, 2), FN = 2 (3, 4),
# FP = 1 (position 5), TN = 4 (6..9).
y_true = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]
y_pred = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
cm = confusion_matrix(y_true, y_pred)
print("confusion matrix [[TN, FP], [FN, TP]]:")
print(cm)
p, r, f1 = precision_recall_f1(cm)
print(f"precision = {p} = {float(p):.3f}")
print(f"recall    = {r} = {float(r):.3f}")
print(f"F1        = {f1} = {float(f1):.3f}")
acc = Fraction(int(np.trace(cm)), int(cm.sum()))
print(f"accuracy  = {acc} = {float(acc):.3f}")

# the hand computation: P = 3/(3+1), R = 3/(3+2), F1 = 2PR/(P+R) = 2TP/(2TP+FP+FN) = 6/9
assert cm.tolist() == [[4, 1], [2, 3]]
assert (p, r) == (Fraction(3, 4), Fraction(3, 5))
assert f1 == Fraction(2 * 3, 2 * 3 + 1 + 2) == Fraction(2, 3)
# F1 is the harmonic mean: it sits below the arithmetic mean and is pulled toward the smaller one
assert min(p, r) < f1 < (p + r) / 2

# Why accuracy is not enough: 1 positive in 100, a detector that always says "no".
y_rare = np.zeros(100, dtype=int)
y_rare[0] = 1
cm_lazy = confusion_matrix(y_rare, np.zeros(100, dtype=int))
(tn, fp), (fn, tp) = cm_lazy.tolist()
acc_lazy = (tn + tp) / cm_lazy.sum()
recall_lazy = tp / (tp + fn)
print(f"always-negative detector on 1% positives: accuracy {acc_lazy:.2f}, recall {recall_lazy:.2f}")
assert acc_lazy == 0.99 and recall_lazy == 0.0
