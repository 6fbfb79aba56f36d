"""Classify critical points by the eigenvalues of the Hessian, then check by probing the loss around them."""
import numpy as np
import torch

def cubic_loss(w: torch.Tensor) -> torch.Tensor:
    """L(w) = 2 (u1^3/3 - u1) + (u2^3/3 - u2) with u = R w, R a 45-degree rotation; critical where u1, u2 = +-1.

    Args:
        w: the point, shape (2,), or points, shape (2, n).

    Returns:
        The loss, shape () or (n,).

    Examples:
        >>> round(cubic_loss(torch.tensor([2**0.5, 0.0], dtype=torch.float64)).item(), 4)  # u = (1, 1)
        -2.0
    """
    c = 0.5**0.5
    u = torch.tensor([[c, -c], [c, c]], dtype=w.dtype) @ w  # rotated by 45 degrees: H is not diagonal
    return 2 * (u[0] ** 3 / 3 - u[0]) + (u[1] ** 3 / 3 - u[1])


def classify(H: torch.Tensor, tol: float = 1e-8) -> tuple[str, torch.Tensor]:
    """Name a critical point from its symmetric Hessian by the signs of the eigenvalues.

    Args:
        H: the Hessian at the critical point, shape (n, n).
        tol: eigenvalues within ``tol`` of 0 count as zero.

    Returns:
        The verdict and the eigenvalues in ascending order, shape (n,). With a zero eigenvalue and
        no negative one the test cannot decide.

    Examples:
        >>> classify(torch.tensor([[2.0, 0.0], [0.0, -1.0]]))[0]
        'saddle point'
        >>> classify(torch.tensor([[2.0, 2.0], [2.0, 2.0]]))  # eigenvalues 0 and 4
        ('undecided (zero eigenvalue)', tensor([0., 4.]))
    """
    lam = torch.linalg.eigvalsh(H)
    if torch.all(lam > tol):
        return "local minimum", lam
    if torch.all(lam < -tol):
        return "local maximum", lam
    if lam.min() < -tol and lam.max() > tol:
        return "saddle point", lam
    return "undecided (zero eigenvalue)", lam


if __name__ == "__main__":
    valley = lambda w: (1.0 - w[0] * w[1]) ** 2  # the page's L = (1 - w1 w2)^2, minimal on the curve w1 w2 = 1
    c = np.sqrt(0.5)
    R = torch.tensor([[c, -c], [c, c]], dtype=torch.float64)
    cases = [(cubic_loss, R.T @ torch.tensor(u, dtype=torch.float64)) for u in ([1.0, 1.0], [-1.0, -1.0], [1.0, -1.0])]
    cases.append((valley, torch.tensor([1.0, 1.0], dtype=torch.float64)))
    ang = torch.linspace(0, 2 * np.pi, 401, dtype=torch.float64)[:-1]
    for loss, p in cases:
        g = torch.autograd.functional.jacobian(loss, p)
        H = torch.autograd.functional.hessian(loss, p)
        name, lam = classify(H)
        diff = loss(p[:, None] + 1e-2 * torch.stack([ang.cos(), ang.sin()])) - loss(p)  # 400 points around p
        print(f"p = {np.round(p.numpy(), 3).tolist()}  |g| < 1e-12"
              f"  diag(H) = {np.round(H.diagonal().numpy(), 3).tolist()}"
              f"  eigenvalues = {np.round(lam.numpy(), 3).tolist()} -> {name}")
        print(f"    around p: {(diff > 0).sum().item()} of 400 nearby points are higher,"
              f" {(diff < 0).sum().item()} lower")
        assert g.norm() < 1e-12  # p is a critical point
        expected = {"local minimum": diff.min() > 0, "local maximum": diff.max() < 0,
                    "saddle point": diff.min() < 0 < diff.max(),
                    "undecided (zero eigenvalue)": diff.min() >= 0}  # here: nothing lower, a minimum after all
        assert expected[name], name
        if name == "saddle point":
            assert torch.all(H.diagonal() > 0)  # positive diagonal entries do not rule out a saddle
        if loss is valley:
            assert abs(lam[0]) < 1e-12 and abs(lam[1] - 4) < 1e-12  # eigenvalues {0, 4}: not all positive
            a = torch.tensor([1e-2, 1e-1, 1.0], dtype=torch.float64)
            on_curve = valley(torch.stack([1 + a, 1 / (1 + a)]))  # moves along the curve w1 w2 = 1
            print(f"    along the curve w1 w2 = 1: L = {on_curve.abs().max().item():.1f} at every point:"
                  " a minimum whose Hessian has a zero eigenvalue")
            assert torch.all(on_curve == 0)  # flat along the curve: no move lowers L, not every move raises it
