"""Per-pixel mean subtraction, and test-time augmentation: average predictions over shifted views."""
import numpy as np


def softmax_regression(A: np.ndarray, y: np.ndarray, classes: int, lr: float, steps: int) -> tuple[np.ndarray, ...]:
    """Softmax regression trained by full-batch gradient descent on the cross-entropy.

    Args:
        A: the inputs, shape (n, p).
        y: the labels, shape (n,).
        classes: the number of classes.
        lr: the learning rate.
        steps: the number of updates.

    Returns:
        (W, shape (p, classes); b, shape (classes,); the training loss after each step, shape (steps,)).

    Examples:
        >>> W, b, losses = softmax_regression(np.array([[-1.0], [1.0]]), np.array([0, 1]), 2, lr=1.0, steps=50)
        >>> (np.array([[-1.0], [1.0]]) @ W + b).argmax(1).tolist(), bool(losses[-1] < losses[0])
        ([0, 1], True)
    """
    W, b, Y, losses = np.zeros((A.shape[1], classes)), np.zeros(classes), np.eye(classes)[y], []
    for _ in range(steps):
        Z = A @ W + b
        P = np.exp(Z - Z.max(1, keepdims=True))
        P /= P.sum(1, keepdims=True)
        losses.append(-np.mean(np.log(P[np.arange(len(y)), y] + 1e-300)))
        W, b = W - lr * A.T @ (P - Y) / len(y), b - lr * (P - Y).mean(0)
    return W, b, np.array(losses)


def predict_tta(X: np.ndarray, mean_image: np.ndarray, W: np.ndarray, b: np.ndarray, shifts: int) -> np.ndarray:
    """Class probabilities averaged over the (2 shifts + 1)^2 copies of each image moved by up to `shifts` pixels.

    Args:
        X: images, shape (n, S, S).
        mean_image: the training set's per-pixel mean, shape (S, S); subtracted from every image.
        W: weights, shape (S * S, classes); b: biases, shape (classes,).
        shifts: the largest shift; 0 gives the plain prediction.

    Returns:
        The averaged probabilities, shape (n, classes).

    Examples:
        >>> P = predict_tta(np.ones((2, 3, 3)), np.zeros((3, 3)), np.zeros((9, 2)), np.zeros(2), shifts=1)
        >>> P.tolist()
        [[0.5, 0.5], [0.5, 0.5]]
    """
    views = []
    for i in range(-shifts, shifts + 1):
        for j in range(-shifts, shifts + 1):
            Z = (np.roll(X, (i, j), axis=(1, 2)) - mean_image).reshape(len(X), -1) @ W + b
            P = np.exp(Z - Z.max(1, keepdims=True))
            views.append(P / P.sum(1, keepdims=True))
    return np.mean(views, axis=0)  # an ensemble over shifted copies of each input


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    S, c, n_tr, n_te, steps = 12, 6, 300, 2000, 100  # 12 x 12 grey images of three shapes: plus, cross, square outline
    T = np.full((3, S, S), 0.5)  # a mid-grey background, like most photographs
    T[0, c - 3:c + 3, c - 1:c + 1] = T[0, c - 1:c + 1, c - 3:c + 3] = 1.0
    for k in range(-3, 3):
        T[1, c + k, c + k] = T[1, c + k, c - 1 - k] = 1.0
    T[2, c - 3:c + 3, [c - 3, c + 2]] = T[2, [c - 3, c + 2], c - 3:c + 3] = 1.0
    y_te, moves = rng.integers(0, 3, n_te), rng.integers(-1, 2, (n_te, 2))  # test crops off by up to a pixel
    X_te = np.stack([np.roll(t, tuple(m), axis=(0, 1)) for t, m in zip(T[y_te] + 0.5 * rng.normal(size=(n_te, S, S)), moves)])
    X_centred = T[y_te] + 0.5 * rng.normal(size=(n_te, S, S))
    gains = []
    for draw in range(5):  # 5 training sets of centred crops
        y_tr = rng.integers(0, 3, n_tr)
        X_tr = T[y_tr] + 0.5 * rng.normal(size=(n_tr, S, S))
        mean_image = X_tr.mean(axis=0)  # one mean per pixel, from the training set only
        raw, A = X_tr.reshape(n_tr, -1), (X_tr - mean_image).reshape(n_tr, -1)
        W, b, loss_c = softmax_regression(A, y_tr, 3, lr=0.5, steps=steps)
        acc = {name: np.mean(predict_tta(X, mean_image, W, b, s).argmax(1) == y_te) for name, X, s in
               [("centred crops", X_centred, 0), ("shifted crops, one view", X_te, 0),
                ("shifted crops, 9-view average", X_te, 1)]}
        gains.append(acc["shifted crops, 9-view average"] - acc["shifted crops, one view"])
        assert acc["centred crops"] > acc["shifted crops, one view"] + 0.2  # never shown a shifted shape ...
        assert gains[-1] > 0  # ... and averaging over shifted views wins part of it back
        if draw > 0:
            continue
        top_raw, top_centred = (np.linalg.eigvalsh(M.T @ M / n_tr)[-1] for M in (raw, A))
        print(f"largest eigenvalue of the input second moments: raw {top_raw:.1f}, centred {top_centred:.1f}")
        loss_r = softmax_regression(raw, y_tr, 3, lr=0.5 * top_centred / top_raw, steps=steps)[2]  # as stable a step
        print(f"training loss after {steps} steps: centred {loss_c[-1]:.3f}, raw (step scaled for stability) {loss_r[-1]:.3f}")
        assert top_raw > 5 * top_centred and loss_c[-1] < 0.5 * loss_r[-1]  # the offset slows gradient descent
        for name, a in acc.items():
            print(f"test accuracy on {name + ':':31s} {a:.3f}")
    print(f"test-time augmentation gained {min(gains):.3f} to {max(gains):.3f} over 5 training sets")
