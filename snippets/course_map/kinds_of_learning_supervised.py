"""Supervised learning: labelled pairs drive the loss down, and more labels give a better model."""
import numpy as np
import torch


def loss_and_grad(w: np.ndarray, b: float, X: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray, float]:
    """Logistic loss of the labelled pairs (X, y) for the score X @ w + b, and its gradient.

    Matches ``torch.nn.functional.binary_cross_entropy_with_logits``.

    Args:
        w: the weights, shape (d,).
        b: the bias.
        X: the inputs, shape (n, d).
        y: the labels, 0 or 1, shape (n,).

    Returns:
        The mean loss, dL/dw (shape (d,)) and dL/db.

    Examples:
        >>> L, gw, gb = loss_and_grad(np.zeros(1), 0.0, np.array([[1.0], [-1.0]]), np.array([1, 0]))
        >>> round(L, 4), gw.tolist(), gb
        (0.6931, [-0.5], 0.0)
    """
    z = X @ w + b
    p = 1 / (1 + np.exp(-z))
    return float(np.mean(np.logaddexp(0, z) - y * z)), X.T @ (p - y) / len(y), float(np.mean(p - y))


def train(X: np.ndarray, y: np.ndarray, steps: int = 100, lr: float = 0.5) -> tuple[np.ndarray, float, list[float]]:
    """Gradient descent on the logistic loss of the labelled pairs, from zero.

    Args:
        X: the inputs, shape (n, d).
        y: the labels, 0 or 1, shape (n,).
        steps: the number of updates.
        lr: the learning rate.

    Returns:
        The weights (shape (d,)), the bias, and the loss before each update.

    Examples:
        >>> w, b, losses = train(np.array([[1.0], [-1.0]]), np.array([1, 0]), steps=50)
        >>> bool(w[0] > 0), losses[-1] < losses[0]
        (True, True)
    """
    w, b, losses = np.zeros(X.shape[1]), 0.0, []
    for _ in range(steps):
        L, gw, gb = loss_and_grad(w, b, X, y)
        losses.append(L)
        w, b = w - lr * gw, b - lr * gb
    return w, b, losses


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    d = 10
    mu = rng.normal(size=d)
    mu *= 1 / np.linalg.norm(mu)  # the two classes' means are 2 apart, in a random direction

    def pairs(n: int) -> tuple[np.ndarray, np.ndarray]:  # n labelled pairs (x, y)
        y = rng.integers(0, 2, n)
        return rng.normal(size=(n, d)) + np.outer(2 * y - 1, mu), y

    X_test, y_test = pairs(2000)
    Xt, yt = torch.tensor(X_test[:50], requires_grad=True), torch.tensor(y_test[:50], dtype=torch.float64)
    w0 = torch.tensor(mu, requires_grad=True)
    torch.nn.functional.binary_cross_entropy_with_logits(Xt @ w0 + 0.3, yt).backward()
    _, gw, _ = loss_and_grad(mu, 0.3, X_test[:50], y_test[:50])
    assert np.allclose(gw, w0.grad.numpy(), atol=1e-10)  # the hand gradient is autograd's

    print("labelled pairs   training loss (start -> end)   test accuracy (mean of 20 draws)")
    acc, end_loss = {}, {}
    for n in (4, 32, 256):
        runs = []
        for _ in range(20):
            X, y = pairs(n)
            w, b, losses = train(X, y)
            assert losses[-1] < 0.8 * losses[0]  # training drives the loss on the pairs down
            runs.append((losses[0], losses[-1], np.mean((X_test @ w + b > 0) == y_test)))
        start, end_loss[n], acc[n] = np.mean(runs, axis=0)
        print(f"{n:14d}   {start:.3f} -> {end_loss[n]:.3f}{'':17}{acc[n]:.3f}")
    assert end_loss[4] < 0.05 and acc[4] < acc[256]  # 4 pairs are fitted almost exactly, yet generalize worst
    assert acc[4] + 0.03 < acc[32] < acc[256] - 0.02  # more labels, a better model
