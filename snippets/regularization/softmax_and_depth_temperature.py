"""Softmax from scratch, checked against torch, and what temperature does to it and to its gradient."""
import matplotlib.pyplot as plt
import numpy as np
import torch


def softmax(z: np.ndarray, T: float = 1.0) -> np.ndarray:
    """Softmax of logits at temperature T; matches ``torch.softmax(z / T, -1)``.

    Args:
        z: the logits, shape (..., K).
        T: the temperature, > 0.

    Returns:
        The probabilities, shape (..., K), summing to 1 over the last axis.

    Examples:
        >>> softmax(np.array([1000.0, 1000.0])).tolist()  # no overflow
        [0.5, 0.5]
        >>> softmax(np.array([2.0, 0.0]), T=2.0).round(4).tolist()  # = softmax([1, 0])
        [0.7311, 0.2689]
    """
    s = z / T
    s = s - s.max(axis=-1, keepdims=True)  # exp never overflows; the result is unchanged
    e = np.exp(s)
    return e / e.sum(axis=-1, keepdims=True)


def smooth_max(z: np.ndarray, T: float = 1.0) -> float:
    """T log sum_j exp(z_j / T), the smooth maximum; between max z and max z + T log K.

    Args:
        z: the logits, shape (K,).
        T: the temperature, > 0.

    Returns:
        A float.

    Examples:
        >>> round(smooth_max(np.array([1.0, 1.0]), T=1.0), 6)  # 1 + log 2
        1.693147
    """
    m = z.max()
    return float(m + T * np.log(np.exp((z - m) / T).sum()))


def cross_entropy_grad(z: np.ndarray, y: int, T: float = 1.0) -> np.ndarray:
    """The gradient of -log softmax(z / T)_y with respect to the logits: (softmax(z / T) - onehot(y)) / T.

    Args:
        z: the logits, shape (K,).
        y: the true class.
        T: the temperature, > 0.

    Returns:
        dL/dz, shape (K,); it sums to 0.

    Examples:
        >>> cross_entropy_grad(np.array([0.0, 0.0]), 0, T=0.5).tolist()  # (0.5 - 1) / 0.5, 0.5 / 0.5
        [-1.0, 1.0]
    """
    return (softmax(z, T) - np.eye(len(z))[y]) / T


if __name__ == "__main__":
    torch.manual_seed(0)
    z = np.array([2.0, 1.0, 0.5, -1.0])
    K = len(z)
    batch = torch.randn(5, K, dtype=torch.float64) * 10
    diff = np.abs(softmax(batch.numpy()) - torch.softmax(batch, -1).numpy()).max()
    assert diff < 1e-12
    assert np.allclose(softmax(z + 100.0), softmax(z))  # shift invariance
    print(f"max |ours - torch.softmax| on a 5x{K} batch: {'< 1e-12' if diff < 1e-12 else f'{diff:.1e}'}")
    # With cross entropy on top, dL/dz = (softmax(z / T) - onehot(y)) / T; at T = 1, softmax(z) - onehot(y).
    for T in [1.0, 0.5, 2.0]:
        zt = torch.tensor(z, requires_grad=True)
        torch.nn.functional.cross_entropy(zt[None] / T, torch.tensor([2])).backward()
        assert np.abs(zt.grad.numpy() - cross_entropy_grad(z, 2, T)).max() < 1e-12  # autograd agrees
        wrong = softmax(z, T) - np.eye(K)[2]  # forgetting the 1/T
        print(f"T = {T}: autograd dL/dz = {np.round(zt.grad.numpy(), 4)} = (softmax(z/T) - onehot)/T;"
              f" without the 1/T: {'equal' if np.allclose(wrong, zt.grad.numpy()) else 'different'}")
        assert np.allclose(wrong, zt.grad.numpy()) == (T == 1.0)

    print("   T   probabilities                 T*logsumexp(z/T)")
    for T in [100.0, 10.0, 1.0, 0.1, 0.01]:
        p, lse = softmax(z, T), smooth_max(z, T)
        print(f"{T:6.2f}  {np.array2string(p, precision=4, suppress_small=True):30s} {lse:.4f}")
        assert z.max() - 1e-9 <= lse <= z.max() + T * np.log(K) + 1e-9  # max <= smooth max <= max + T log K

    onehot = np.eye(K)[z.argmax()]
    cold, hot = softmax(z, 0.01), softmax(z, 1000.0)
    assert np.abs(cold - onehot).max() < 1e-6  # T -> 0: the one-hot argmax
    assert np.abs(hot - 1 / K).max() < 1e-3  # T -> infinity: uniform
    assert abs(smooth_max(z, 0.01) - z.max()) < 1e-6  # the smooth version of max is log-sum-exp
    print("argmax one-hot:", onehot, " gap at T=0.01:", f"{np.abs(cold - onehot).max():.1e}")

    Ts = np.logspace(-2, 2, 120)
    P = np.array([softmax(z, T) for T in Ts])
    fig, ax = plt.subplots(figsize=(6, 3.6))
    for k in range(K):
        ax.plot(Ts, P[:, k], label=f"class {k} (z = {z[k]:g})")
    ax.axhline(1 / K, color="gray", ls=":", lw=1)
    ax.set(xscale="log", xlabel="temperature T", ylabel="softmax(z / T)", ylim=(0, 1.02))
    ax.legend(fontsize=8)
    plt.show()
