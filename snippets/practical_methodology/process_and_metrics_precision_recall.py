"""Precision, recall and F1 read off a confusion matrix, checked on a hand-counted example."""
from fractions import Fraction

import numpy as np
import torch


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray) -> np.ndarray:
    """The 2 x 2 confusion matrix of binary labels and predictions.

    Args:
        y_true: the true labels, 0 or 1, shape (n,).
        y_pred: the predicted labels, 0 or 1, shape (n,).

    Returns:
        An int array of shape (2, 2), ``[[TN, FP], [FN, TP]]``: rows are the truth, columns
        the prediction.

    Examples:
        >>> confusion_matrix(np.array([1, 1, 0, 0]), np.array([1, 0, 1, 0])).tolist()
        [[1, 1], [1, 1]]
    """
    cm = np.zeros((2, 2), dtype=int)
    np.add.at(cm, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return cm


def precision_recall_f1(cm: np.ndarray) -> tuple[Fraction, Fraction, Fraction]:
    """Precision TP/(TP+FP), recall TP/(TP+FN) and F1 = 2PR/(P+R) as exact fractions.

    Args:
        cm: a confusion matrix ``[[TN, FP], [FN, TP]]``, shape (2, 2), with TP > 0.

    Returns:
        (precision, recall, F1), three ``Fraction``.

    Examples:
        >>> precision_recall_f1(np.array([[5, 1], [3, 1]]))
        (Fraction(1, 2), Fraction(1, 4), Fraction(1, 3))
    """
    (tn, fp), (fn, tp) = np.asarray(cm).tolist()
    p, r = Fraction(tp, tp + fp), Fraction(tp, tp + fn)
    return p, r, 2 * p * r / (p + r)


if __name__ == "__main__":
    # Ten e-mails, 1 = spam. Count by eye: TP = 3 (positions 0, 1, 2), FN = 2 (3, 4),
    # FP = 1 (position 5), TN = 4 (6..9).
    y_true = np.array([1, 1, 1, 1, 1, 0, 0, 0, 0, 0])
    y_pred = np.array([1, 1, 1, 0, 0, 1, 0, 0, 0, 0])
    cm = confusion_matrix(y_true, y_pred)
    print("confusion matrix [[TN, FP], [FN, TP]]:")
    print(cm)
    p, r, f1 = precision_recall_f1(cm)
    print(f"precision = {p} = {float(p):.3f}")
    print(f"recall    = {r} = {float(r):.3f}")
    print(f"F1        = {f1} = {float(f1):.3f}")
    acc = Fraction(int(np.trace(cm)), int(cm.sum()))
    print(f"accuracy  = {acc} = {float(acc):.3f}")

    # the hand count, and an independent count by torch (bincount of 2 * truth + prediction)
    assert cm.tolist() == [[4, 1], [2, 3]]
    counted = torch.bincount(2 * torch.from_numpy(y_true) + torch.from_numpy(y_pred), minlength=4)
    assert counted.reshape(2, 2).tolist() == cm.tolist()
    # P = 3/(3+1), R = 3/(3+2), F1 = 2PR/(P+R) = 2TP/(2TP+FP+FN) = 6/9
    assert (p, r) == (Fraction(3, 4), Fraction(3, 5))
    assert f1 == Fraction(2 * 3, 2 * 3 + 1 + 2) == Fraction(2, 3)
    # F1 is the harmonic mean: it sits below the arithmetic mean and is pulled toward the smaller one
    assert min(p, r) < f1 < (p + r) / 2 and f1 - min(p, r) < max(p, r) - f1

    # Why accuracy is not enough: 1 positive in 100, a detector that always says "no".
    y_rare = np.zeros(100, dtype=int)
    y_rare[0] = 1
    (tn, fp), (fn, tp) = confusion_matrix(y_rare, np.zeros(100, dtype=int)).tolist()
    acc_lazy, recall_lazy = (tn + tp) / 100, tp / (tp + fn)
    print(f"always-negative detector on 1% positives: accuracy {acc_lazy:.2f}, recall {recall_lazy:.2f}")
    assert acc_lazy == 0.99 and recall_lazy == 0.0
