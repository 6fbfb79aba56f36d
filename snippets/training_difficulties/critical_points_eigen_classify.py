"""Classify three critical points by the eigenvalues of the Hessian, then check by probing the loss."""
import numpy as np
import torch

torch.manual_seed(0)
c = np.sqrt(0.5)
R = torch.tensor([[c, -c], [c, c]], dtype=torch.float64)  # 45-degree rotation: H is not diagonal


def loss(w):
    """L(w) = 2 (u1^3/3 - u1) + (u2^3/3 - u2) with u = R w; critical where u1, u2 are +-1."""
    u = R @ w
    return 2 * (u[0] ** 3 / 3 - u[0]) + (u[1] ** 3 / 3 - u[1])


def classify(H, tol=1e-8):
    """Name a critical point from its symmetric Hessian H (n x n): by the signs of the eigenvalues."""
    lam = torch.linalg.eigvalsh(H)
    if torch.all(lam > tol):
        return "local minimum", lam
    if torch.all(lam < -tol):
        return "local maximum", lam
    if lam.min() < -tol and lam.max() > tol:
        return "saddle point", lam
    return "undecided (zero eigenvalue)", lam


for u in ([1.0, 1.0], [-1.0, -1.0], [1.0, -1.0]):
    p = R.T @ torch.tensor(u, dtype=torch.float64)  # the critical point in w coordinates
    g = torch.autograd.functional.jacobian(loss, p)
    H = torch.autograd.functional.hessian(loss, p)
    name, lam = classify(H)
    # Probe: compare L at 400 random points on a small circle around p.
    ang = torch.linspace(0, 2 * np.pi, 401, dtype=torch.float64)[:-1]
    ring = p[:, None] + 1e-2 * torch.stack([ang.cos(), ang.sin()])
    diff = loss(ring) - loss(p)
    print(f"p = {np.round(p.numpy(), 3).tolist()}  |g| = {g.norm():.0e}"
          f"  diag(H) = {np.round(H.diagonal().numpy(), 3).tolist()}"
          f"  eigenvalues = {np.round(lam.numpy(), 3).tolist()} -> {name}")
    print(f"    around p: {(diff > 0).sum().item()} of 400 nearby points are higher,"
          f" {(diff < 0).sum().item()} lower")
    assert g.norm() < 1e-12  # p is a critical point
    expected = {"local minimum": diff.min() > 0, "local maximum": diff.max() < 0,
                "saddle point": diff.min() < 0 < diff.max()}
    assert expected[name], name
    if name == "saddle point":
        assert torch.all(H.diagonal() > 0)  # positive diagonal entries do not rule out a saddle
