"""A two-stage cascade for a rare class: a cheap high-recall filter, then an expensive classifier."""
import numpy as np


def lda_direction(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The linear discriminant direction Sigma^-1 (mu1 - mu0), with the pooled within-class covariance.

    Args:
        X: the inputs, shape (n, d).
        y: the labels, 0 or 1, shape (n,).

    Returns:
        w, shape (d,): score inputs by X @ w, higher meaning more likely class 1.

    Examples:
        >>> X = np.array([[0.0, 0], [1, 0], [0, 1], [2, 0], [3, 0], [2, 1]])  # class 1 = class 0 moved by (2, 0)
        >>> lda_direction(X, np.array([0, 0, 0, 1, 1, 1])).round(3).tolist()
        [10.0, 5.0]
    """
    mu0, mu1 = X[y == 0].mean(0), X[y == 1].mean(0)
    S = np.cov(np.vstack([X[y == 0] - mu0, X[y == 1] - mu1]).T)
    return np.linalg.solve(S, mu1 - mu0)


def recall_precision(pred: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Recall TP / (TP + FN) and precision TP / (TP + FP) of boolean predictions.

    Args:
        pred: the predictions, bool, shape (n,).
        y: the labels, 0 or 1, shape (n,).

    Returns:
        (recall, precision); precision is 0 when nothing is predicted positive.

    Examples:
        >>> recall_precision(np.array([True, True, False, False]), np.array([1, 0, 1, 0]))
        (0.5, 0.5)
    """
    tp = np.sum(pred & (y == 1))
    return float(tp / y.sum()), float(tp / max(pred.sum(), 1))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    d, cheap = 64, 4  # the full model reads 64 features, the filter only the first 4
    shift = np.where(np.arange(d) < cheap, 2.0, 0.5)  # how far the rare positives sit from the negatives
    y_tr, y_te = (rng.random(50000) < 0.02).astype(int), (rng.random(50000) < 0.02).astype(int)
    X_tr = rng.normal(size=(50000, d)) + y_tr[:, None] * shift
    X_te = rng.normal(size=(50000, d)) + y_te[:, None] * shift
    w1, w2 = lda_direction(X_tr[:, :cheap], y_tr), lda_direction(X_tr, y_tr)
    t1 = np.quantile(X_tr[y_tr == 1, :cheap] @ w1, 0.01)  # filter: keep 99% of training positives
    s2 = X_tr @ w2  # final stage: the threshold with the best training F1 = 2 TP / (k + P) for the top k
    order = np.argsort(-s2)
    f1 = 2 * np.cumsum(y_tr[order]) / (np.arange(1, len(s2) + 1) + y_tr.sum())
    t2 = s2[order][np.argmax(f1)]

    passed = X_te[:, :cheap] @ w1 >= t1
    full = X_te @ w2 >= t2  # the expensive model on every input
    cascade = passed & full  # ... in practice run only on the inputs the filter passes
    cost_full, cost_cascade = len(X_te) * d, len(X_te) * cheap + passed.sum() * d  # multiply-adds
    neg_rejected = 1 - passed[y_te == 0].mean()
    print(f"test set: {len(y_te)} inputs, {y_te.sum()} positives")
    print(f"stage 1 rejects {neg_rejected:.1%} of negatives, keeps {passed[y_te == 1].mean():.1%} of positives")
    (r_full, p_full), (r_cas, p_cas) = recall_precision(full, y_te), recall_precision(cascade, y_te)
    for name, r, p in [("expensive model alone", r_full, p_full), ("cascade", r_cas, p_cas)]:
        print(f"{name:22s} recall {r:.3f}  precision {p:.3f}")
    print(f"multiply-adds: {cost_full} alone, {cost_cascade} cascaded ({1 - cost_cascade / cost_full:.1%} saved)")

    assert neg_rejected > 0.85 and passed[y_te == 1].mean() > 0.965  # cheap, yet high recall
    # the cascade's detections are a subset of the expensive model's: it can lose only the positives
    # that the filter drops, about 1%, and its precision moves little
    assert r_cas >= r_full - 0.02 and p_cas >= p_full - 0.01
    assert cost_cascade < 0.25 * cost_full
