"""Per-pixel mean subtraction, and test-time augmentation: average predictions over shifted views."""
import numpy as np

rng = np.random.default_rng(0)
S = 12  # 12 x 12 grey images of three shapes: plus, cross, square outline
T = np.full((3, S, S), 0.5)  # a mid-grey background, like most photographs
c = S // 2
T[0, c - 3:c + 3, c - 1:c + 1] = T[0, c - 1:c + 1, c - 3:c + 3] = 1.0
for k in range(-3, 3):
    T[1, c + k, c + k] = T[1, c + k, c - 1 - k] = 1.0
T[2, c - 3:c + 3, [c - 3, c + 2]] = T[2, [c - 3, c + 2], c - 3:c + 3] = 1.0


def make(n, max_shift):
    """Noisy shapes, each moved by up to max_shift pixels -> (X (n, S, S), y (n,))."""
    y = rng.integers(0, 3, n)
    X = T[y] + 0.5 * rng.normal(size=(n, S, S))
    shifts = rng.integers(-max_shift, max_shift + 1, (n, 2))
    return np.stack([np.roll(x, tuple(s), axis=(0, 1)) for x, s in zip(X, shifts)]), y


X_tr, y_tr = make(60, 0)        # training crops are centred
X_te, y_te = make(1000, 1)      # test crops are off by up to one pixel

mean_image = X_tr.mean(axis=0)  # one mean per pixel, from the training set only
A = (X_tr - mean_image).reshape(60, -1)
top_raw = np.linalg.eigvalsh(X_tr.reshape(60, -1).T @ X_tr.reshape(60, -1) / 60)[-1]
top_centred = np.linalg.eigvalsh(A.T @ A / 60)[-1]
print(f"largest eigenvalue of the input second moments: raw {top_raw:.1f}, centred {top_centred:.1f}")
assert np.allclose(A.mean(axis=0), 0, atol=1e-12)   # every pixel now has mean 0 on the training set
assert top_raw > 5 * top_centred                    # the shared brightness direction is gone

W, b, Y = np.zeros((S * S, 3)), np.zeros(3), np.eye(3)[y_tr]
for _ in range(200):  # softmax regression, full-batch gradient descent
    Z = A @ W + b
    P = np.exp(Z - Z.max(1, keepdims=True))
    P /= P.sum(1, keepdims=True)
    W -= 0.5 * A.T @ (P - Y) / 60
    b -= 0.5 * (P - Y).mean(0)


def predict(X):
    """Images (n, S, S) -> class probabilities (n, 3); the test set uses the *training* mean image."""
    Z = (X - mean_image).reshape(len(X), -1) @ W + b
    P = np.exp(Z - Z.max(1, keepdims=True))
    return P / P.sum(1, keepdims=True)


plain = predict(X_te)
views = [np.roll(X_te, (i, j), axis=(1, 2)) for i in (-1, 0, 1) for j in (-1, 0, 1)]
tta = np.mean([predict(v) for v in views], axis=0)  # an ensemble over 9 shifted copies of each input
acc_aligned = np.mean(predict(T[y_te] + 0.5 * rng.normal(size=(1000, S, S))).argmax(1) == y_te)
acc_plain, acc_tta = np.mean(plain.argmax(1) == y_te), np.mean(tta.argmax(1) == y_te)
print(f"test accuracy on centred crops:                {acc_aligned:.3f}")
print(f"test accuracy on shifted crops, one view:      {acc_plain:.3f}")
print(f"test accuracy on shifted crops, 9-view average: {acc_tta:.3f}")
assert acc_aligned > acc_plain + 0.2   # the model was never shown a shifted shape ...
assert acc_tta > acc_plain + 0.05      # ... and averaging over shifted views wins part of it back
