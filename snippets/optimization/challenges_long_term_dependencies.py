"""Multiplying by the same W many times: components along |lambda| > 1 explode, |lambda| < 1 vanish."""
import numpy as np
import torch

torch.manual_seed(0)
angle = 0.6
Q = torch.tensor([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]],
                 dtype=torch.float64)                 # orthogonal eigenvectors
lam = torch.tensor([1.1, 0.9], dtype=torch.float64)
W = Q @ torch.diag(lam) @ Q.T                         # W = Q diag(lambda) Q^T
x0 = (Q @ torch.tensor([1.0, 1.0], dtype=torch.float64)).requires_grad_(True)


def unroll(W, x, t):
    """h_t = W^t x by t repeated multiplications, as a recurrent net without inputs does."""
    h = x
    for _ in range(t):
        h = W @ h
    return h


print(f"{'t':>4} {'along lambda=1.1':>17} {'along lambda=0.9':>17}")
for t in (0, 10, 50, 100):
    c = Q.T @ unroll(W, x0, t)                        # coordinates in the eigenbasis
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

# Only a spectral radius of exactly 1 keeps the length: a rotation.
R = Q
norms = [unroll(R, x0.detach(), t).norm().item() for t in (0, 100, 1000)]
print(f"orthogonal W (all |lambda| = 1): |h_0|, |h_100|, |h_1000| = {np.round(norms, 6)}")
assert max(norms) - min(norms) < 1e-9
