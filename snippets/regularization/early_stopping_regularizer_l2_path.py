"""Early stopping vs L2: on a quadratic, gradient descent from 0 walks along the ridge path."""
import matplotlib.pyplot as plt
import numpy as np
import torch


def gd_path(H: np.ndarray, w_star: np.ndarray, eta: float, steps: int) -> tuple[np.ndarray, np.ndarray]:
    """Gradient descent from `w = 0` on `J(w) = 1/2 (w - w*)' H (w - w*)`.

    Args:
        H: the Hessian, shape (d, d), symmetric positive definite.
        w_star: the minimizer, shape (d,).
        eta: the learning rate.
        steps: the number of steps.

    Returns:
        (the iterates w_0 = 0, ..., w_steps, shape (steps + 1, d); the gradient norm at each step, shape (steps,)).

    Examples:
        >>> path, g = gd_path(np.eye(1), np.array([1.0]), eta=0.5, steps=2)
        >>> path.ravel().tolist(), g.tolist()
        ([0.0, 0.5, 0.75], [1.0, 0.5])
    """
    w, path, grads = np.zeros(len(w_star)), [np.zeros(len(w_star))], []
    for _ in range(steps):
        g = H @ (w - w_star)
        grads.append(np.linalg.norm(g))
        w = w - eta * g
        path.append(w)
    return np.array(path), np.array(grads)


def ridge(H: np.ndarray, w_star: np.ndarray, alpha: float) -> np.ndarray:
    """argmin_w J(w) + alpha/2 ||w||^2 = (H + alpha I)^-1 H w*, for the quadratic J of ``gd_path``.

    Args:
        H: the Hessian, shape (d, d).
        w_star: the unregularized minimizer, shape (d,).
        alpha: the L2 strength.

    Returns:
        The ridge solution, shape (d,).

    Examples:
        >>> ridge(np.diag([1.0, 3.0]), np.array([1.0, 1.0]), alpha=1.0).tolist()  # keeps lam / (lam + alpha)
        [0.5, 0.75]
    """
    return np.linalg.solve(H + alpha * np.eye(len(w_star)), H @ w_star)


if __name__ == "__main__":
    angle = 0.5
    Q = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    H = Q @ np.diag([1.0, 12.0]) @ Q.T  # Hessian of J(w) = 1/2 (w - w*)' H (w - w*)
    w_star, eta, steps, tau = np.array([1.0, 2.0]), 0.01, 800, 75
    path, grads = gd_path(H, w_star, eta, steps)
    # closed form of the iterates: w_tau = (I - (I - eta H)^tau) w*
    closed = (np.eye(2) - np.linalg.matrix_power(np.eye(2) - eta * H, tau)) @ w_star
    assert np.allclose(path[tau], closed, atol=1e-12)
    wt = torch.tensor(ridge(H, w_star, 0.7), requires_grad=True)
    Ht, ws = torch.tensor(H), torch.tensor(w_star)
    (0.5 * (wt - ws) @ Ht @ (wt - ws) + 0.35 * wt @ wt).backward()
    assert wt.grad.abs().max() < 1e-12  # autograd: the ridge formula is the minimizer

    # Distance from the start: each step moves at most eta * ||g||, so tau steps stay in a ball.
    # Along eigenvector i of H, GD keeps the fraction 1 - (1 - eta lam_i)^tau of w*_i and
    # ridge keeps lam_i / (lam_i + alpha); alpha = 1 / (tau eta) makes the two roughly agree.
    lam = np.linalg.eigvalsh(H)
    print("              distance from w_0         kept fraction of w* (flat, stiff direction)")
    print(" tau  ||w_tau - w_0||  eta*sum||g||   gradient descent   ridge, alpha = 1/(tau eta)")
    for t in [5, 25, 75, 250, 800]:
        bound = eta * sum(grads[:t])
        gd, rd = 1 - (1 - eta * lam) ** t, lam / (lam + 1 / (t * eta))
        print(f"{t:4d}  {np.linalg.norm(path[t]):14.3f}  {bound:12.3f}   {gd[0]:7.3f} {gd[1]:7.3f}"
              f"      {rd[0]:7.3f} {rd[1]:7.3f}")
        assert np.linalg.norm(path[t]) <= bound + 1e-12
        assert gd[0] < gd[1] and rd[0] < rd[1]  # both shrink the low-curvature direction more
        assert np.all(gd >= rd)  # 1 - (1 - x/t)^t >= 1 - e^-x >= x / (1 + x): GD keeps more
        assert np.all(np.abs(gd - rd)[eta * lam * t < 0.1] < 0.01)  # first-order agreement
        assert np.abs(gd - rd).max() < 0.25  # a rough, not an exact, dictionary
    norms = np.linalg.norm(path, axis=1)
    assert np.all(np.diff(norms) > 0)  # every extra step moves farther from w_0 = 0
    alphas = np.logspace(3, -3, 300)
    rpath = np.array([ridge(H, w_star, a) for a in alphas])

    g1, g2 = np.meshgrid(np.linspace(-1.2, 2.2, 60), np.linspace(-0.5, 2.6, 60))
    D = np.stack([g1 - w_star[0], g2 - w_star[1]], -1)
    J = 0.5 * np.einsum("...i,ij,...j->...", D, H, D)
    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.contour(g1, g2, J, levels=np.geomspace(0.02, 20, 10), colors="#bbbbbb", linewidths=0.8)
    ax.plot(*rpath.T, color="#d62728", lw=2.5, alpha=0.6, label="ridge solutions, alpha from large to 0")
    ax.plot(*path[:400:8].T, "o", ms=3, color="#1f77b4", label="gradient descent iterates from w = 0")
    ax.plot(*w_star, "k*", ms=12, label="w* (unregularized minimum)")
    ax.add_patch(plt.Circle((0, 0), np.linalg.norm(path[tau]), fill=False, ls="--", color="k", lw=0.8,
                            label=f"distance reached after {tau} steps"))
    ax.set(xlabel="$w_1$", ylabel="$w_2$", aspect="equal", xlim=(-1.2, 2.2), ylim=(-0.5, 2.6))
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.02, 1))
    plt.show()
