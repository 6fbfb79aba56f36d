"""Self-supervised learning: pre-train on unlabelled data by filling in hidden values, then learn from few labels."""
import numpy as np
import torch


def pretrain(X: torch.Tensor, k: int, steps: int = 150, lr: float = 0.05,
             hide: float = 0.25) -> tuple[torch.Tensor, list[float]]:
    """The pretext task: hide a random quarter of the values, predict them from the rest through k numbers.

    The model is x_hidden ~ ((x * visible) @ E) @ D; only E, the encoder, is kept.

    Args:
        X: unlabelled data, shape (n, d).
        k: the size of the representation.
        steps: Adam updates, each with a fresh random mask (from torch's global generator).
        lr: Adam's learning rate.
        hide: the fraction of values hidden.

    Returns:
        The encoder E, shape (d, k), and the pretext loss (mean squared error on the hidden
        values) before each update.

    Examples:
        >>> E, losses = pretrain(torch.randn(50, 6, dtype=torch.float64), k=2, steps=3)
        >>> E.shape, len(losses)
        (torch.Size([6, 2]), 3)
    """
    d = X.shape[1]
    E = (0.1 * torch.randn(d, k, dtype=X.dtype)).requires_grad_()
    D = (0.1 * torch.randn(k, d, dtype=X.dtype)).requires_grad_()
    opt, losses = torch.optim.Adam([E, D], lr=lr), []
    for _ in range(steps):
        m = (torch.rand(X.shape) < hide).to(X.dtype)  # 1 = hidden: the label comes from the data
        loss = (((X * (1 - m)) @ E @ D - X) ** 2 * m).sum() / m.sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return E.detach(), losses


def fit_and_score(F: np.ndarray, y: np.ndarray, F_test: np.ndarray, y_test: np.ndarray, steps: int = 100) -> float:
    """The downstream task: logistic regression on the few labelled rows of F, scored on a test set.

    Args:
        F: the labelled examples' inputs (raw or pre-trained features), shape (n, m).
        y: their labels, 0 or 1, shape (n,).
        F_test: test inputs, shape (n_test, m).
        y_test: test labels, shape (n_test,).
        steps: gradient-descent updates (learning rate 0.5, from zero).

    Returns:
        The test accuracy.

    Examples:
        >>> fit_and_score(np.array([[1.0], [-1.0]]), np.array([1, 0]), np.array([[2.0], [-0.5]]), np.array([1, 0]))
        1.0
    """
    w, b = np.zeros(F.shape[1]), 0.0
    for _ in range(steps):
        p = 0.5 + 0.5 * np.tanh(0.5 * (F @ w + b))  # the sigmoid, without overflow
        w, b = w - 0.5 * F.T @ (p - y) / len(y), b - 0.5 * np.mean(p - y)
    return float(np.mean((F_test @ w + b > 0) == y_test))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    torch.manual_seed(0)
    d, noise = 100, 3.0
    A = rng.normal(size=(d, 2))  # 100 measured values driven by 2 hidden causes z, plus noise

    def draw(n: int) -> tuple[np.ndarray, np.ndarray]:  # inputs and the label [z_1 > 0]
        z = rng.normal(size=(n, 2))
        return z @ A.T + noise * rng.normal(size=(n, d)), (z[:, 0] > 0).astype(float)

    unlabelled, _ = draw(500)  # the labels of these are never looked at
    E, losses = pretrain(torch.tensor(unlabelled), k=2)
    E = E.numpy()
    print(f"pre-training: error on hidden values {losses[0]:.2f} -> {losses[-1]:.2f}"
          f" (the noise alone: {noise**2:.0f})")
    X_test, y_test = draw(2000)
    raw, pre = [], []
    for _ in range(40):  # 40 downstream training sets of 6 labelled examples each
        X, y = draw(6)
        raw.append(fit_and_score(X, y, X_test, y_test))
        pre.append(fit_and_score(X @ E, y, X_test @ E, y_test))
    print(f"downstream, 6 labels (mean of 40 draws): from the raw inputs {np.mean(raw):.3f},"
          f" from the 2 pre-trained features {np.mean(pre):.3f}")
    assert losses[-1] < 0.95 * losses[0] and losses[-1] < 1.1 * noise**2  # it learned to fill in values
    assert np.mean(pre) > np.mean(raw) + 0.015  # the pre-trained features make 6 labels go further
