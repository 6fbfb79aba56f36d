"""How often is a random critical point a minimum? And why real minima are degenerate."""
import numpy as np
import torch


def minimum_ratio(H: np.ndarray, tol: float = 0.0) -> np.ndarray:
    """The fraction of eigenvalues above ``tol`` of each symmetric matrix.

    Args:
        H: symmetric matrices, shape (..., n, n).
        tol: eigenvalues at or below ``tol`` do not count as positive.

    Returns:
        The minimum ratio of each matrix, shape (...).

    Examples:
        >>> minimum_ratio(np.array([[[2.0, 0.0], [0.0, -1.0]], [[2.0, 2.0], [2.0, 2.0]]]), tol=1e-12).tolist()
        [0.5, 0.5]
    """
    return (np.linalg.eigvalsh(H) > tol).mean(axis=-1)


def tanh_net_mse(params: torch.Tensor, x: torch.Tensor, y: torch.Tensor, width: int) -> torch.Tensor:
    """Mean squared error of the network y_hat = w2 . tanh(w1 x + b1) + b2 with one input and one output.

    Args:
        params: (w1, b1, w2, b2) in one vector, shape (3 width + 1,).
        x: the inputs, shape (n,).
        y: the targets, shape (n,).
        width: the number of hidden units.

    Returns:
        The loss, a scalar tensor.

    Examples:
        >>> tanh_net_mse(torch.tensor([1.0, 0.0, 2.0, 0.5]), torch.zeros(3), torch.full((3,), 0.5), width=1).item()
        0.0
    """
    w1, b1, w2, b2 = params[:width], params[width:2 * width], params[2 * width:3 * width], params[3 * width]
    return ((torch.tanh(x[:, None] * w1 + b1) @ w2 + b2 - y) ** 2).mean()


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    samples = 5000
    print(" n   P(all eigenvalues > 0)   2^-n      mean minimum ratio")
    p_min = {}
    for n in [1, 2, 3, 4, 6, 8]:
        A = rng.normal(size=(samples, n, n))
        ratio = minimum_ratio((A + A.transpose(0, 2, 1)) / 2)  # random symmetric "Hessians"
        p_min[n] = (ratio == 1).mean()
        print(f"{n:2d}   {p_min[n]:.5f}                  {0.5**n:.5f}   {ratio.mean():.3f}")
        assert abs(ratio.mean() - 0.5) < 0.03  # on average half the directions curve up
        if n >= 2:
            assert p_min[n] < 0.5**n  # rarer than n independent coin flips all landing "up"
    assert abs(p_min[1] - 0.5) < 0.03 and p_min[4] < 0.01 and p_min[8] == 0

    # Real minima are degenerate. The page's L = (1 - w1 w2)^2 at (1, 1): L = 0, its lowest value.
    H = torch.autograd.functional.hessian(lambda w: (1 - w[0] * w[1]) ** 2, torch.ones(2, dtype=torch.float64))
    lam = torch.linalg.eigvalsh(H)
    print(f"L = (1 - w1 w2)^2 at (1, 1): L = 0, eigenvalues {lam.tolist()},"
          f" minimum ratio {minimum_ratio(H.numpy(), 1e-12):.2f}")
    assert abs(lam[0]) < 1e-12 and lam[1] > 0 and minimum_ratio(H.numpy(), 1e-12) == 0.5  # a minimum at ratio 1/2
    # A tanh network with 8 hidden units (25 weights) fitting 5 points exactly: a global minimum, L = 0.
    width, x = 8, torch.linspace(-1, 1, 5, dtype=torch.float64)
    y = torch.sin(3 * x)
    w1, b1 = torch.tensor(rng.normal(size=(2, width)))
    features = torch.cat([torch.tanh(x[:, None] * w1 + b1), torch.ones(5, 1, dtype=torch.float64)], dim=1)
    out = torch.linalg.lstsq(features, y[:, None], driver="gelsd").solution[:, 0]  # output layer: interpolate
    params = torch.cat([w1, b1, out])
    loss = tanh_net_mse(params, x, y, width)
    lam = torch.linalg.eigvalsh(torch.autograd.functional.hessian(lambda p: tanh_net_mse(p, x, y, width), params))
    tol = 1e-8 * lam.max().item()
    print(f"tanh network, 25 weights, 5 examples: L < 1e-20; Hessian eigenvalues: {(lam > tol).sum().item()} positive,"
          f" {(lam.abs() <= tol).sum().item()} zero, {(lam < -tol).sum().item()} negative;"
          f" minimum ratio {minimum_ratio(lam.diag().numpy(), tol):.2f}")
    assert loss < 1e-20 and (lam > tol).sum() <= 5 and (lam < -tol).sum() == 0  # H = 2/N J^T J: rank <= N

    # Rare is not the same as global: f(w) = (w^2 - 1)^2 + 0.3 w has two minima of different height.
    f = lambda w: (w**2 - 1) ** 2 + 0.3 * w
    w = np.array([-1.0, 1.0])
    for _ in range(50):  # Newton's method on f'(w) = 0 from both sides
        w = w - (4 * w**3 - 4 * w + 0.3) / (12 * w**2 - 4)
    curv = 12 * w**2 - 4  # f''(w): the 1 x 1 Hessian
    print(f"minima at w = {np.round(w, 4).tolist()}: f'' = {np.round(curv, 3).tolist()}, f = {np.round(f(w), 4).tolist()}")
    assert np.all(curv > 0) and f(w[1]) > f(w[0]) + 0.5  # both are minima; the right one is not global
