"""A two-stage cascade for a rare class: a cheap high-recall filter, then an expensive classifier."""
import numpy as np

rng = np.random.default_rng(0)
d, cheap = 64, 4                       # the full model reads 64 features, the filter only 4
shift = np.where(np.arange(d) < cheap, 2.0, 0.5)


def make(n, rate=0.02):
    """Rare positives (2%) shifted by `shift` -> (X (n, d), y (n,))."""
    y = (rng.random(n) < rate).astype(int)
    return rng.normal(size=(n, d)) + y[:, None] * shift, y


def lda(X, y):
    """Linear discriminant direction Sigma^-1 (mu1 - mu0) with a pooled covariance."""
    mu0, mu1 = X[y == 0].mean(0), X[y == 1].mean(0)
    S = np.cov(np.vstack([X[y == 0] - mu0, X[y == 1] - mu1]).T)
    return np.linalg.solve(S, mu1 - mu0)


X_tr, y_tr = make(10000)
X_te, y_te = make(20000)
w1, w2 = lda(X_tr[:, :cheap], y_tr), lda(X_tr, y_tr)
s1, s2 = X_tr[:, :cheap] @ w1, X_tr @ w2
t1 = np.quantile(s1[y_tr == 1], 0.01)  # filter: keep 99% of training positives (high recall)
order = np.argsort(-s2)               # final stage: threshold with the best training F1,
tp = np.cumsum(y_tr[order])           # predicting positive for the top k scores: F1 = 2TP / (k + P)
t2 = s2[order][np.argmax(2 * tp / (np.arange(1, len(tp) + 1) + y_tr.sum()))]

passed = X_te[:, :cheap] @ w1 >= t1
full = X_te @ w2 >= t2                                # the expensive model on every input
cascade = passed & full                               # ... only on inputs the filter passes
cost_full = len(X_te) * d                             # multiply-adds
cost_cascade = len(X_te) * cheap + passed.sum() * d


def recall_precision(pred):
    """Boolean predictions on the test set -> (recall, precision)."""
    tp = np.sum(pred & (y_te == 1))
    return tp / y_te.sum(), tp / max(pred.sum(), 1)


neg_rejected = 1 - passed[y_te == 0].mean()
print(f"test set: {len(y_te)} inputs, {y_te.sum()} positives")
print(f"stage 1 rejects {neg_rejected:.1%} of negatives, "
      f"keeps {passed[y_te == 1].mean():.1%} of positives")
for name, pred in [("expensive model alone", full), ("cascade", cascade)]:
    r, p = recall_precision(pred)
    print(f"{name:22s} recall {r:.3f}  precision {p:.3f}")
print(f"multiply-adds: {cost_full} alone, {cost_cascade} cascaded "
      f"({1 - cost_cascade / cost_full:.1%} saved)")

assert neg_rejected > 0.85 and passed[y_te == 1].mean() > 0.97
assert recall_precision(cascade)[0] >= recall_precision(full)[0] - 0.02
assert recall_precision(cascade)[1] >= recall_precision(full)[1]
assert cost_cascade < 0.25 * cost_full
