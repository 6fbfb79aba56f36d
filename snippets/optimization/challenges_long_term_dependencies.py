"""Multiplying by the same W many times: components along |lambda| > 1 explode, |lambda| < 1 vanish."""
import numpy as np
import torch


def unroll(W: torch.Tensor, x: torch.Tensor, t: int) -> torch.Tensor:
    """h_t = W^t x by t repeated multiplications, as a recurrent network without inputs computes it.

    Args:
        W: the transition matrix, shape (n, n).
        x: the starting state, shape (n,).
        t: the number of steps.

    Returns:
        The state after t steps, shape (n,).

    Examples:
        >>> unroll(torch.tensor([[2.0, 0.0], [0.0, 0.5]]), torch.tensor([1.0, 1.0]), 3).tolist()
        [8.0, 0.125]
    """
    h = x
    for _ in range(t):
        h = W @ h
    return h


def rotation(angle: float) -> torch.Tensor:
    """The 2-D rotation by ``angle`` radians, an orthogonal matrix (float64).

    Args:
        angle: the angle in radians.

    Returns:
        The matrix [[cos, -sin], [sin, cos]], shape (2, 2).

    Examples:
        >>> rotation(np.pi / 2).round(decimals=6).tolist()
        [[0.0, -1.0], [1.0, 0.0]]
    """
    return torch.tensor([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]], dtype=torch.float64)


if __name__ == "__main__":
    Q = rotation(0.6)  # orthogonal eigenvectors
    lam = torch.tensor([1.1, 0.9], dtype=torch.float64)
    W = Q @ torch.diag(lam) @ Q.T  # W = Q diag(lambda) Q^T
    x0 = (Q @ torch.tensor([1.0, 1.0], dtype=torch.float64)).requires_grad_(True)

    print(f"{'t':>4} {'along lambda=1.1':>17} {'along lambda=0.9':>17}")
    for t in (0, 10, 50, 100):
        c = Q.T @ unroll(W, x0, t)  # coordinates in the eigenbasis
        print(f"{t:>4} {c[0].item():17.4e} {c[1].item():17.4e}")
        # W^t = Q diag(lambda^t) Q^T: each component is just lambda_i^t times where it started.
        assert torch.allclose(c, lam**t, rtol=1e-9)
    c100 = Q.T @ unroll(W, x0, 100)
    assert c100[0] > 1e4 and c100[1] < 1e-4

    # Backward, the gradient flows through W^T the same number of times: same fate.
    for i in range(2):
        (g,) = torch.autograd.grad(Q[:, i] @ unroll(W, x0, 100), x0)
        assert torch.allclose(g, lam[i] ** 100 * Q[:, i], rtol=1e-9)
        print(f"gradient of (q_{i + 1} . h_100) w.r.t. x0 has norm {g.norm().item():.4e} "
              f"= {lam[i].item()}^100")

    # Only eigenvalues of modulus exactly 1 keep the length: a rotation.
    norms = [unroll(Q, x0.detach(), t).norm().item() for t in (0, 100, 1000)]
    print(f"orthogonal W (all |lambda| = 1): |h_0|, |h_100|, |h_1000| = {np.round(norms, 6)}")
    assert max(norms) - min(norms) < 1e-9
