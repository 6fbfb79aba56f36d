"""A classifier that may refuse: accuracy on the answered examples vs coverage."""
import numpy as np

rng = np.random.default_rng(0)


def fit_logistic(X, y, steps=25):
    """Newton's method for logistic regression: X (n, d) with a bias column, y (n,) -> w (d,)."""
    w = np.zeros(X.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-X @ w))
        H = X.T @ (X * (p * (1 - p))[:, None]) + 1e-6 * np.eye(X.shape[1])
        w -= np.linalg.solve(H, X.T @ (p - y))
    return w


def make(n):
    """Two overlapping Gaussian classes in 2-D -> (X with bias column, y)."""
    y = rng.integers(0, 2, n)
    x = rng.normal(size=(n, 2)) + 0.8 * (2 * y[:, None] - 1)
    return np.column_stack([x, np.ones(n)]), y


X_train, y_train = make(500)
X_test, y_test = make(4000)
w = fit_logistic(X_train, y_train)
p1 = 1 / (1 + np.exp(-X_test @ w))
pred = (p1 > 0.5).astype(int)
confidence = np.maximum(p1, 1 - p1)  # probability of the predicted class

print("threshold  coverage  accuracy on answered")
rows = []
for tau in [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99]:
    answered = confidence >= tau
    cov, acc = answered.mean(), (pred[answered] == y_test[answered]).mean()
    rows.append((tau, cov, acc))
    print(f"{tau:9.2f}  {cov:8.3f}  {acc:8.3f}")
cov = np.array([r[1] for r in rows])
acc = np.array([r[2] for r in rows])

# At threshold 0.5 the model answers everything: coverage 1, accuracy = plain accuracy.
assert cov[0] == 1.0 and acc[0] == (pred == y_test).mean()
# Raising the threshold can only shrink coverage, and here it buys accuracy.
assert np.all(np.diff(cov) <= 0) and np.all(np.diff(acc) > 0)
assert acc[-1] > acc[0] + 0.05
# Coverage counts answered examples, right or wrong: it is not the fraction predicted correctly.
assert cov[0] - acc[0] > 0.03

# Operating point: the largest coverage whose accuracy reaches a target of 95%.
ok = acc >= 0.95
best = int(np.argmax(ok))
print(f"target accuracy 0.95 first met at threshold {rows[best][0]}: coverage {cov[best]:.3f}")
assert ok.any() and 0.3 < cov[best] < 1.0
